package compare

import (
	"math/rand/v2"
	"slices"
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
