package xlsx

import (
	"flag"
	"os"
	"testing"
)

// update rewrites the golden files under testdata instead of comparing
// against them; every test of the package shares it.
var update = flag.Bool("update", false, "rewrite golden files under testdata")

// missingReader skips a test whose independent reader (pdftotext, qpdf,
// openpyxl) is not installed, except in CI, which installs them all: there
// a missing reader fails the test rather than hiding it.
func missingReader(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; CI must install it (see .ci/run)", why)
	}
	t.Skip(why)
}
