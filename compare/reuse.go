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

// narrative returns the indexes of the words of ws, an article's, outside
// its quotations.
func narrative(ws []word, qs []quote) []int32 {
	out := make([]int32, 0, len(ws))
	spans := newQuoteSpans(qs)
	for i, w := range ws {
		if spans.in(w.Start, w.End) == nil {
			out = append(out, int32(i))
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
	docs := make([]reuseDoc, len(members))
	prepare := func(k int) *reuseDoc {
		d := &docs[k]
		if d.art == nil {
			ws := work[members[k]].words
			*d = newReuseDoc(arts[k], ws, narrative(ws, work[members[k]].quotes))
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
		if r, ok := compareReuse(dx, dy); ok {
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

// reuseDoc is an article's narrative words with the hash of the shingle
// starting at each word, and an index of where each shingle occurs. Words
// are compared by the fnv64 hashes of their Lower keys.
type reuseDoc struct {
	art   *corpus.Article
	ws    []word   // the article's words
	at    []int32  // the narrative words, as indexes into ws
	wh    []uint64 // fnv64 of each narrative word's Lower
	grams []uint64 // gramHash of the narrative words at[p : p+reuseShingle] by position p
	// index holds each shingle's hash and position, sorted by hash then
	// position; a few positions per shingle are enough to find a shared
	// run (more only repeat the work on repetitive text), so only the
	// first maxGramPositions of each are kept.
	index []gramAt
}

type gramAt struct {
	h uint64
	p int32
}

func newReuseDoc(art *corpus.Article, ws []word, at []int32) reuseDoc {
	d := reuseDoc{art: art, ws: ws, at: at}
	wh := make([]uint64, len(at))
	for i, k := range at {
		wh[i] = fnv64(ws[k].Lower)
	}
	d.wh = wh
	if len(at) < reuseShingle {
		return d
	}
	d.grams = make([]uint64, len(at)-reuseShingle+1)
	d.index = make([]gramAt, len(d.grams))
	for p := range d.grams {
		h := uint64(14695981039346656037) // as gramHash
		for _, x := range wh[p : p+reuseShingle] {
			h = mix64(h ^ x)
		}
		d.grams[p] = h
		d.index[p] = gramAt{h, int32(p)}
	}
	slices.SortFunc(d.index, func(x, y gramAt) int { return cmp.Or(cmp.Compare(x.h, y.h), cmp.Compare(x.p, y.p)) })
	kept := d.index[:0]
	n := 0 // positions of g.h seen so far
	for i, g := range d.index {
		if i == 0 || g.h != kept[len(kept)-1].h {
			n = 0
		}
		if n++; n <= maxGramPositions {
			kept = append(kept, g)
		}
	}
	d.index = kept
	return d
}

// positions returns where the shingle hashed h occurs in d, in order.
func (d *reuseDoc) positions(h uint64) []gramAt {
	i, _ := slices.BinarySearchFunc(d.index, h, func(g gramAt, h uint64) int { return cmp.Compare(g.h, h) })
	j := i
	for j < len(d.index) && d.index[j].h == h {
		j++
	}
	return d.index[i:j]
}

// compareReuse finds the maximal runs of words b shares with a.
func compareReuse(da, db *reuseDoc) (Reuse, bool) {
	A, B := da.wh, db.wh
	a, b := da.art, db.art
	coverA := make([]bool, len(A))
	coverB := make([]bool, len(B))
	type run struct{ a0, b0, n int }
	var runs []run
	for q := 0; q+reuseShingle <= len(B); {
		best := run{}
		for _, g := range da.positions(db.grams[q]) {
			p := int(g.p)
			n := 0
			for p+n < len(A) && q+n < len(B) && A[p+n] == B[q+n] {
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
		r.Runs = append(r.Runs, a.Text[da.ws[da.at[rn.a0]].Start:da.ws[da.at[rn.a0+rn.n-1]].End])
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
