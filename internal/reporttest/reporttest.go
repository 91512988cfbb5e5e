// Package reporttest holds what the report writers' tests share: the
// sample corpus's Result and the rule for a missing independent reader.
package reporttest

import (
	"context"
	"os"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/internal/seedtest"
)

// Seeds runs the whole pipeline, with default options, over the embedded
// sample corpus.
func Seeds(t testing.TB) *compare.Result {
	t.Helper()
	res, err := compare.Build(context.Background(), seedtest.Read(t), compare.Options{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

// MissingReader skips a test whose independent reader (pdftotext, qpdf,
// openpyxl) is not installed, except in CI, which installs them all: there
// a missing reader fails the test rather than hiding it.
func MissingReader(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; CI must install it (see .ci/run)", why)
	}
	t.Skip(why)
}
