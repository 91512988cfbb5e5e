package framing

import (
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
	stop, abbr := Stopwords(), Abbreviations()
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
		c1, c2 := map[string]int{}, map[string]int{}
		if a, b := contentWords(text, stop, abbr, c1), tableContentWords(text, tb, stop, abbr, c2); !reflect.DeepEqual(a, b) || !reflect.DeepEqual(c1, c2) {
			t.Fatalf("text %d: content words differ", k)
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
