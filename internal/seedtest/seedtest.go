// Package seedtest reads the embedded sample corpus for the tests of the
// packages that analyse it.
package seedtest

import (
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

// Count is the number of articles in the sample corpus.
const Count = 5

// Read reads the sample corpus with the default reader, naming sources
// prefix/NAME (just NAME without a prefix). A warning fails the test; so
// does a number of articles other than Count, at once.
func Read(t testing.TB, prefix ...string) []corpus.Article {
	t.Helper()
	arts, ws := corpus.NewReader().ReadFS(seeds.FS, prefix...)
	if len(ws) > 0 {
		t.Errorf("read seeds: warnings %v", ws)
	}
	if len(arts) != Count {
		t.Fatalf("read %d seed articles, want %d", len(arts), Count)
	}
	return arts
}
