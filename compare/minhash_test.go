package compare

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSortPairs(t *testing.T) {
	tests := []struct {
		name string
		in   []pair
		n    int
		want []pair
	}{
		{"empty", nil, 3, nil},
		{"repeats across bands", []pair{{2, 3}, {0, 1}, {2, 3}, {0, 4}, {0, 1}, {1, 2}}, 5, []pair{{0, 1}, {0, 4}, {1, 2}, {2, 3}}},
		{"one document with many partners", []pair{{0, 9}, {0, 3}, {0, 7}, {0, 3}, {0, 1}}, 10, []pair{{0, 1}, {0, 3}, {0, 7}, {0, 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sortPairs(slices.Clone(tt.in), tt.n)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sortPairs (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("same as a comparison sort", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		var in []pair
		for range 5000 {
			a, b := r.IntN(300), r.IntN(300)
			if a == b {
				continue
			}
			in = append(in, pair{min(a, b), max(a, b)})
		}
		want := slices.Clone(in)
		slices.SortFunc(want, func(x, y pair) int {
			if x.A != y.A {
				return x.A - y.A
			}
			return x.B - y.B
		})
		want = slices.Compact(want)
		if diff := cmp.Diff(want, sortPairs(in, 300)); diff != "" {
			t.Errorf("sortPairs (-want +got):\n%s", diff)
		}
	})
}

// TestTrigramSignatureIgnoresRepeats checks that hashing trigrams as they
// come, repeats included, gives the signature of their set, and that fewer
// than three stems give none.
func TestTrigramSignatureIgnoresRepeats(t *testing.T) {
	for _, words := range []string{
		"talks resumed today talks resumed today in geneva talks resumed today",
		"one two three",
		"a b c a b c a b c a b c",
	} {
		var hs []uint64
		for _, w := range strings.Fields(words) {
			hs = append(hs, fnv64(w))
		}
		set := map[uint64]bool{}
		for i := 2; i < len(hs); i++ {
			set[trigramHash(hs[i-2], hs[i-1], hs[i])] = true
		}
		var want [minhashSize]uint64
		for i := range want {
			want[i] = ^uint64(0)
		}
		for sh := range set {
			for k, seed := range minhashSeeds {
				want[k] = min(want[k], mix64(sh^seed))
			}
		}
		got := trigramSignature(hs)
		if got == nil || *got != want {
			t.Errorf("%q: signature differs from the signature of the set of %d trigrams", words, len(set))
		}
		if len(set) >= len(hs)-2 && words != "one two three" {
			t.Errorf("%q: no trigram repeats", words)
		}
	}
	if trigramSignature([]uint64{1, 2}) != nil {
		t.Error("two stems gave a signature")
	}
}
