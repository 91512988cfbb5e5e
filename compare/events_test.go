package compare

import (
	"slices"
	"testing"

	"github.com/framediff/framediff/corpus"
)

// TestUnknownNames checks which names the gazetteer does not know are read
// as people's: a full name whose surname the text also uses alone, not an
// organisation, a demonym after "The", or a name never shortened.
func TestUnknownNames(t *testing.T) {
	a := corpus.Article{ID: "a", Text: "On Tuesday the relatives of George Floyd met lawmakers. " +
		"Floyd died in Minneapolis a year ago. The Yemeni delegation arrived later; " +
		"the Yemeni envoy spoke first, and Yemeni officials left. " +
		"The Hennepin County Government Center stayed closed, and Jacari Harris spoke outside."}
	f := articleFeatures(DefaultEntities(), &a)
	got := unknownNames(DefaultEntities(), f.mentions)
	slices.Sort(got)
	got = slices.Compact(got)
	if want := []string{"George Floyd"}; !slices.Equal(got, want) {
		t.Errorf("unknownNames = %q, want %q (mentions %v)", got, want, f.mentions)
	}
}

// TestSharedUnknownNameLiftsPenalty checks that two articles naming
// different known people, and one person the gazetteer does not know, are
// not taken for reports naming different people.
func TestSharedUnknownNameLiftsPenalty(t *testing.T) {
	a := corpus.Article{ID: "a", Text: "On Tuesday the relatives of George Floyd will meet President Joe Biden. " +
		"Floyd died a year ago, Press Secretary Jen Psaki said."}
	b := corpus.Article{ID: "b", Text: "The family of George Floyd marched in Houston with Mayor Sylvester Turner " +
		"and Rep. Sheila Jackson Lee. Floyd grew up in the city."}
	fa, fb := articleFeatures(DefaultEntities(), &a), articleFeatures(DefaultEntities(), &b)
	if fa.persons.distinct < 2 || fb.persons.distinct < 2 || fa.persons.sharesPerson(fb.persons) {
		t.Fatalf("known people: %v and %v, want two or more each and none shared", fa.persons, fb.persons)
	}
	if !fa.named.sharesPerson(fb.named) {
		t.Errorf("named %v and %v share no one, want George Floyd", fa.named, fb.named)
	}
}

// TestNeighbours checks the best match and second-best score kept for
// reciprocal pairing, ties going to the lower index.
func TestNeighbours(t *testing.T) {
	nb := newNeighbours(4)
	nb.add(0, 3, 0.2)
	nb.add(0, 1, 0.5)
	nb.add(0, 2, 0.3)
	if nb.best[0] != 1 || nb.score[0] != 0.5 || nb.second[0] != 0.3 {
		t.Errorf("doc 0: best %d score %v second %v, want 1, 0.5, 0.3", nb.best[0], nb.score[0], nb.second[0])
	}
	nb.add(1, 3, 0.4)
	nb.add(1, 2, 0.4)
	if nb.best[1] != 2 || nb.second[1] != 0.4 {
		t.Errorf("doc 1: best %d second %v, want 2 (the lower index of a tie) and 0.4", nb.best[1], nb.second[1])
	}
	if nb.best[2] != -1 || nb.score[2] != 0 {
		t.Errorf("doc 2 with no partner: best %d score %v, want -1 and 0", nb.best[2], nb.score[2])
	}
}

// TestTopWeights checks the index's top-k selection against a full sort,
// ties in weight ordered by term.
func TestTopWeights(t *testing.T) {
	var v []termWeight
	for i := range 200 {
		v = append(v, termWeight{uint64(i*7919%211 + 1), float64(i*31%17) / 17})
	}
	sorted := slices.Clone(v)
	slices.SortFunc(sorted, byWeightDesc)
	for _, k := range []int{0, 1, 6, 12, 200, 300} {
		got := topWeights(v, k)
		want := sorted[:min(k, len(sorted))]
		if !slices.Equal(got, want) {
			t.Errorf("k=%d: got %v, want %v", k, got, want)
		}
	}
}
