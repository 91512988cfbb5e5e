package framing

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// scoreScopeSorted is scoreScope as first written: every word scored and
// sorted, then the first TopN kept. scoreScope must return the same.
func scoreScopeSorted(scope string, byOutlet map[string]map[string]int, opt DistinctiveOptions, known func(string) bool) []DistinctiveTerm {
	if len(byOutlet) < 2 {
		return nil
	}
	var outlets []string
	total := map[string]int{}
	nOf := map[string]int{}
	n := 0
	for o, c := range byOutlet {
		outlets = append(outlets, o)
		for w, k := range c {
			total[w] += k
			n += k
			nOf[o] += k
		}
	}
	slices.Sort(outlets)
	var vocab []string
	for w, k := range total {
		if k >= opt.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.Sort(vocab)
	a0 := opt.PriorScale * float64(n)
	var out []DistinctiveTerm
	for _, o := range outlets {
		ni := float64(nOf[o])
		nj := float64(n) - ni
		var terms []DistinctiveTerm
		for _, w := range vocab {
			yi := float64(byOutlet[o][w])
			yj := float64(total[w]) - yi
			z := logOddsZ(yi, yj, ni, nj, opt.PriorScale*float64(total[w]), a0)
			terms = append(terms, DistinctiveTerm{Scope: scope, Outlet: o, Term: w, Z: z, Count: int(yi), Suggested: z > 1.96 && !known(w)})
		}
		slices.SortFunc(terms, func(a, b DistinctiveTerm) int {
			return cmp.Or(cmp.Compare(math.Abs(b.Z), math.Abs(a.Z)), cmp.Compare(a.Term, b.Term))
		})
		out = append(out, terms[:min(len(terms), opt.TopN)]...)
	}
	return out
}

func TestScoreScopeKeepsTopN(t *testing.T) {
	known := func(w string) bool { return len(w)%3 == 0 }
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		outlets := 2 + rng.IntN(6)
		words := 1 + rng.IntN(200)
		byOutlet := map[string]map[string]int{}
		for o := range outlets {
			c := map[string]int{}
			for range rng.IntN(3 * words) {
				// Few distinct counts, so that many words tie on |z|.
				c[fmt.Sprintf("w%03d", rng.IntN(words))] += 1 + rng.IntN(2)
			}
			byOutlet[fmt.Sprintf("o%d", o)] = c
		}
		opt := DistinctiveOptions{TopN: 1 + rng.IntN(25), MinCount: 1 + rng.IntN(3), PriorScale: []float64{0.5, 1, 2}[rng.IntN(3)]}
		got := scoreScope("s", byOutlet, opt, known)
		want := scoreScopeSorted("s", byOutlet, opt, known)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (%d outlets, %d words, %+v):\n got %v\nwant %v", trial, outlets, words, opt, got, want)
		}
	}
	// One word in the whole scope: the log-odds are not finite.
	byOutlet := map[string]map[string]int{"a": {"x": 2}, "b": {"x": 3}}
	opt := DistinctiveOptions{}.withDefaults()
	got, want := scoreScope("s", byOutlet, opt, known), scoreScopeSorted("s", byOutlet, opt, known)
	if len(got) != len(want) {
		t.Fatalf("one word: got %v, want %v", got, want)
	}
	for k := range got {
		g, w := got[k], want[k]
		if g.Term != w.Term || g.Outlet != w.Outlet || g.Count != w.Count || !(g.Z == w.Z || math.IsNaN(g.Z) && math.IsNaN(w.Z)) {
			t.Fatalf("one word: got %v, want %v", got, want)
		}
	}
}
