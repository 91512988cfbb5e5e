package framing

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

// tableTexts returns the raw seed articles, the fuzz seeds and texts that
// exercise keys, marks and invalid bytes.
func tableTexts(t *testing.T) []string {
	t.Helper()
	out := []string{"", "Assad’s forces", "The F.B.I. said “no”", "e\u0301t\u00e9 — café", "x\xffy z", "\u0301abc", "Don't  go\n\nMr. O'Neil's", "rebel-held\u00adarea", "“Quoted” start.", "Text.", strings.Repeat("Long", 300) + strings.Repeat(" ", 600) + "x" + strings.Repeat("é", 200) + " Y"}
	names, _ := fs.Glob(seeds.FS, "*.txt")
	extra, _ := filepath.Glob("testdata/fuzzseeds/*.txt")
	for _, n := range names {
		b, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	for _, n := range extra {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestTableAgreesWithTokenize checks that every reader of a Table sees
// what tokenising the text again gives.
func TestTableAgreesWithTokenize(t *testing.T) {
	texts := tableTexts(t)
	m := NewMatcher(DefaultLexicon())
	for k, text := range texts {
		tb := NewTable(text)
		want := Tokenize(text)
		if got := tb.Tokens(text); !reflect.DeepEqual(got, append([]Token{}, want...)) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("text %d: Tokens differs from Tokenize", k)
		}
		if tb.Len() != len(want) {
			t.Fatalf("text %d: Len %d, want %d", k, tb.Len(), len(want))
		}
		for _, head := range []string{"Title: Assad’s “war”", "é", "Mr. Smith", "Title:", "A title"} {
			whole := Tokenize(head + "\n\n" + text)
			got, ok := tb.JoinedTokens(head, "\n\n", text)
			if !ok || !reflect.DeepEqual(got, whole) && !(len(got) == 0 && len(whole) == 0) {
				t.Fatalf("text %d, head %q: JoinedTokens differs from Tokenize (ok %v)", k, head, ok)
			}
		}
		if _, ok := tb.JoinedTokens("bad\xff", "\n\n", text); ok {
			t.Fatalf("text %d: JoinedTokens took a head that is not UTF-8", k)
		}
		a := &corpus.Article{ID: "a", Text: text}
		if x, y := m.Match(a), m.MatchTable(a, tb); !reflect.DeepEqual(x, y) {
			t.Fatalf("text %d: MatchTable differs from Match", k)
		}
		if x, y := m.Markers(a), m.MarkersTable(a, tb); !reflect.DeepEqual(x, y) {
			t.Fatalf("text %d: MarkersTable differs from Markers", k)
		}
	}
}

// TestDistinctiveWithTables checks that distinctive terms read through
// the articles' tables, where each word key is folded once, are those read
// from the texts: every word of every scope, its counts, z-score and mark.
func TestDistinctiveWithTables(t *testing.T) {
	texts := tableTexts(t)
	var arts []corpus.Article
	var tables []*Table
	outlets := []string{"Alpha", "Beta", "Gamma"}
	for round := range 2 {
		for k, text := range texts {
			id := fmt.Sprintf("a%d-%d", round, k)
			arts = append(arts, corpus.Article{ID: id, Outlet: outlets[k%len(outlets)], Text: text})
			tables = append(tables, NewTable(text))
		}
	}
	eventOf := map[string]string{}
	for i := range arts {
		if i%2 == 0 {
			eventOf[arts[i].ID] = "E1"
		}
	}
	opt := DistinctiveOptions{TopN: 100000, MinCount: 1}
	want := DistinctiveWith(arts, DefaultLexicon(), eventOf, opt)
	opt.Tables = tables
	got := DistinctiveWith(arts, DefaultLexicon(), eventOf, opt)
	if len(want) < 100 {
		t.Fatalf("only %d terms: the texts do not exercise the scoring", len(want))
	}
	suggested := 0
	for _, d := range want {
		if d.Suggested {
			suggested++
		}
	}
	if suggested == 0 || suggested == len(want) {
		t.Fatalf("%d of %d terms suggested: the capital rule is not exercised", suggested, len(want))
	}
	if !reflect.DeepEqual(got, want) {
		for k := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[k], want[k]) {
				t.Fatalf("term %d: with tables %+v, from texts %+v", k, got[k], want[k])
			}
		}
		t.Fatalf("with tables %d terms, from texts %d", len(got), len(want))
	}
}
