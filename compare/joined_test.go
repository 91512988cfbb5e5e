package compare

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/seedtest"
)

// TestTableFeaturesAgree checks that event features and the body's
// mentions read from a word table, with a title put before the text, are
// what tokenising and reading the title-and-text and the text alone give.
func TestTableFeaturesAgree(t *testing.T) {
	arts := seedtest.Read(t)
	paths, _ := filepath.Glob("testdata/corpora/*.txt")
	for _, p := range paths {
		as, _ := readCorpus(t, p)
		arts = append(arts, as...)
	}
	var all []corpus.Article
	for _, a := range arts {
		all = append(all, a)
		for _, title := range []string{"Later, rebels advanced", "later", "Minister Karim Haddad: “No”", "Said the army"} {
			b := a
			b.Title = title
			all = append(all, b)
		}
	}
	// A sentence-initial capitalised word that the title alone uses in
	// lower case: read as a name in the text alone, not after the title.
	all = append(all, corpus.Article{ID: "flip", Title: "Talks resume later", Text: "Later Lind said the talks would go on. Lind spoke in Oslo."})
	g := DefaultEntities()
	for k := range all {
		a := &all[k]
		tb := framing.NewTable(a.Text)
		got, want := tableFeatures(g, a, tb, nil), articleFeatures(g, a)
		if !reflect.DeepEqual(got.mentions, want.mentions) || !reflect.DeepEqual(got.words, want.words) ||
			!reflect.DeepEqual(got.tf, want.tf) || !reflect.DeepEqual(got.nouns, want.nouns) || !reflect.DeepEqual(got.subjects, want.subjects) {
			t.Fatalf("%s (title %q): features from the table differ", a.ID, a.Title)
		}
		if got.text == a.Text {
			continue
		}
		ws := words(a.Text)
		ms, seen := g.mentionsSeen(a.Text, ws)
		if got.bodySeen == nil {
			t.Fatalf("%s (title %q): no body mentions", a.ID, a.Title)
		}
		if !reflect.DeepEqual(got.bodyMentions, ms) || !reflect.DeepEqual(got.bodySeen, seen) {
			t.Fatalf("%s (title %q): body mentions differ:\n got %v\nwant %v", a.ID, a.Title, got.bodyMentions, ms)
		}
		if bw := bodyWords(got.text, a, slices.Clone(got.words), tb); !reflect.DeepEqual(bw, ws) && !(len(bw) == 0 && len(ws) == 0) {
			t.Fatalf("%s (title %q): body words differ", a.ID, a.Title)
		}
	}
}
