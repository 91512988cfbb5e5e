package compare

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/framediff/framediff/corpus"
)

// Reuse thresholds: two articles share text when they have a run of at
// least MinReuseRun narrative words (outside quotations) in common, or
// runs of at least reuseShingle words covering MinReuseShare of either
// article's narrative words. Reporters retelling an agency story keep a
// sentence or two; a re-post keeps most of it.
const (
	MinReuseRun   = 30
	MinReuseShare = 0.5
	reuseShingle  = 6
	// maxGramPositions bounds the places one shingle is remembered at.
	maxGramPositions = 8
)

// narrative returns the words of an article outside its quotations.
func narrative(ws []word, qs []quote) []word {
	out := make([]word, 0, len(ws))
	spans := newQuoteSpans(qs)
	for _, w := range ws {
		if spans.in(w.Start, w.End) == nil {
			out = append(out, w)
		}
	}
	return out
}

// findReuse compares the articles of one event for shared runs of
// narrative text: every pair when the event has at most AlignAllPairsMax
// articles; otherwise each article with its group's representative (see
// copyGroups; copies is its result, or nil to compute it here) and the
// aligned representatives pairwise. It stops early when ctx is done; the
// caller reports ctx's error.
func findReuse(ctx context.Context, arts []*corpus.Article, work []articleWork, members []int, copies []int) []Reuse {
	type doc struct {
		art   *corpus.Article
		words []word
		grams map[uint64][]int
	}
	docs := make([]doc, len(members))
	prepare := func(k int) *doc {
		d := &docs[k]
		if d.art != nil {
			return d
		}
		ws := narrative(work[members[k]].words, work[members[k]].quotes)
		*d = doc{art: arts[k], words: ws, grams: make(map[uint64][]int, len(ws))}
		for p := 0; p+reuseShingle <= len(ws); p++ {
			h := gramHash(ws[p : p+reuseShingle])
			// A few positions per shingle are enough to find a shared run;
			// more only repeat the work on repetitive text.
			if len(d.grams[h]) < maxGramPositions {
				d.grams[h] = append(d.grams[h], p)
			}
		}
		return d
	}
	var pairs [][2]int
	if len(members) <= AlignAllPairsMax {
		for x := range members {
			for y := x + 1; y < len(members); y++ {
				pairs = append(pairs, [2]int{x, y})
			}
		}
	} else {
		rep := copies
		if rep == nil {
			all := make([][]word, len(members))
			for k, i := range members {
				all[k] = work[i].words
			}
			if rep = copyGroups(ctx, arts, all); rep == nil {
				return nil
			}
		}
		chosen, _ := alignedGroups("", rep)
		for y, r := range rep {
			if r != y {
				pairs = append(pairs, [2]int{r, y})
			}
		}
		for i, x := range chosen {
			for _, y := range chosen[i+1:] {
				pairs = append(pairs, [2]int{x, y})
			}
		}
		slices.SortFunc(pairs, func(p, q [2]int) int { return cmp.Or(p[0]-q[0], p[1]-q[1]) })
	}
	var out []Reuse
	for n, p := range pairs {
		if n%64 == 0 && ctx.Err() != nil {
			return out
		}
		dx, dy := prepare(p[0]), prepare(p[1])
		if r, ok := compareReuse(&dx.words, dx.grams, dx.art, &dy.words, dy.art); ok {
			out = append(out, r)
		}
	}
	return out
}

func gramHash(ws []word) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range ws {
		h = mix64(h ^ fnv64(w.Lower))
	}
	return h
}

// compareReuse finds the maximal runs of words b shares with a.
func compareReuse(aw *[]word, agrams map[uint64][]int, a *corpus.Article, bw *[]word, b *corpus.Article) (Reuse, bool) {
	A, B := *aw, *bw
	coverA := make([]bool, len(A))
	coverB := make([]bool, len(B))
	type run struct{ a0, b0, n int }
	var runs []run
	for q := 0; q+reuseShingle <= len(B); {
		h := gramHash(B[q : q+reuseShingle])
		best := run{}
		for _, p := range agrams[h] {
			n := 0
			for p+n < len(A) && q+n < len(B) && A[p+n].Lower == B[q+n].Lower {
				n++
			}
			if n > best.n {
				best = run{p, q, n}
			}
		}
		if best.n >= reuseShingle {
			runs = append(runs, best)
			for k := 0; k < best.n; k++ {
				coverA[best.a0+k] = true
				coverB[best.b0+k] = true
			}
			q += best.n
			continue
		}
		q++
	}
	if len(runs) == 0 {
		return Reuse{}, false
	}
	count := func(c []bool) int {
		n := 0
		for _, v := range c {
			if v {
				n++
			}
		}
		return n
	}
	ca, cb := count(coverA), count(coverB)
	longest := 0
	for _, r := range runs {
		longest = max(longest, r.n)
	}
	shareA := float64(ca) / float64(max(1, len(A)))
	shareB := float64(cb) / float64(max(1, len(B)))
	if longest < MinReuseRun && shareA < MinReuseShare && shareB < MinReuseShare {
		return Reuse{}, false
	}
	slices.SortStableFunc(runs, func(x, y run) int { return y.n - x.n })
	r := Reuse{A: a.ID, B: b.ID, ShareA: round3(shareA), ShareB: round3(shareB), Words: ca, Longest: longest}
	for _, rn := range runs[:min(5, len(runs))] {
		r.Runs = append(r.Runs, a.Text[A[rn.a0].Start:A[rn.a0+rn.n-1].End])
	}
	r.First = firstOf(a, b)
	return r, true
}

// firstOf returns the id of the article published first, or "" when the
// dates do not tell (unknown, or the same day without times).
func firstOf(a, b *corpus.Article) string {
	da, db := a.Published, b.Published
	if da.IsZero() || db.IsZero() {
		return ""
	}
	if da.Precision == corpus.Instant && db.Precision == corpus.Instant {
		switch {
		case da.Time.Before(db.Time):
			return a.ID
		case db.Time.Before(da.Time):
			return b.ID
		}
		return ""
	}
	ya, yb := da.Time.UTC().Format("2006-01-02"), db.Time.UTC().Format("2006-01-02")
	switch strings.Compare(ya, yb) {
	case -1:
		return a.ID
	case 1:
		return b.ID
	}
	return ""
}
