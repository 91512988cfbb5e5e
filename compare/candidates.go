package compare

import (
	"context"
	"slices"
)

// Candidate generation for event grouping. Two reports of one event by
// different outlets share what they are about (the people, places and
// rarest topic words), not their wording, so candidates come from what
// articles are about:
//
//   - a small corpus, or one whose dates spread it thin, compares every
//     pair of articles within the date window (and every pair with an
//     undated article);
//   - otherwise an inverted index over each article's indexTerms
//     highest-weighted content stems and its people and named entities,
//     blocked by date, proposes the pairs that share at least one key
//     within the window, each article taking at most postingPartners
//     partners per key, so that the work stays near-linear however many
//     articles report one story.
//
// MinHash over word trigrams adds near-copies (wire copy re-posted with a
// few words changed) whatever the index proposes.
const (
	// exhaustivePairs is the number of in-window pairs up to which every
	// one is compared, whatever the corpus size; above it the budget grows
	// with the corpus at exhaustivePerDoc pairs per article. At 8, the
	// generated corpus takes the index from 10,000 articles on (148,000
	// in-window pairs there against 95,000 from the index, at the same
	// precision and recall), so that doubling a large corpus doubles the
	// work rather than switching from one way to the other.
	exhaustivePairs  = 50000
	exhaustivePerDoc = 8
	// indexTerms is how many of an article's highest-weighted content stems
	// are indexed; indexEntities how many of its rarest named entities.
	indexTerms    = 12
	indexEntities = 6
	// postingPartners bounds the partners one article takes from one key's
	// postings: its nearest following articles by date.
	postingPartners = 8
	// undatedPostings is the most postings a key may have for its undated
	// articles to be paired with all the others: an undated article has no
	// nearest by date, so it is paired only through its rarer keys.
	undatedPostings = 64
)

// candidates returns the pairs of documents to score, sorted and without
// repeats.
func (g *eventGrouper) candidates(ctx context.Context) ([]pair, error) {
	n := len(g.docs)
	order := g.byDay()
	var ps []pair
	if g.inWindowPairs(order) <= max(exhaustivePairs, exhaustivePerDoc*n) {
		ps = g.windowPairs(order)
	} else {
		ps = g.indexPairs()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sigs, empty := g.signatures()
	ps = append(ps, lshCandidates(sigs, empty, g.inWindow)...)
	return sortPairs(ps, n), nil
}

// byDay returns the document indexes ordered by day, undated last, ties by
// index.
func (g *eventGrouper) byDay() []int {
	order := make([]int, len(g.docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return g.dayKey(a) - g.dayKey(b) })
	return order
}

// undatedDay sorts undated documents after every dated one.
const undatedDay = 1 << 40

func (g *eventGrouper) dayKey(i int) int {
	if g.docs[i].art.Published.IsZero() {
		return undatedDay
	}
	return g.days[i]
}

// inWindowPairs counts the pairs of documents within the date window, or
// with an undated document, given the documents in day order.
func (g *eventGrouper) inWindowPairs(order []int) int {
	total := 0
	j := 0
	dated := 0
	for i, d := range order {
		if g.dayKey(d) == undatedDay {
			break
		}
		dated++
		for j < i && g.days[order[j]] < g.days[d]-g.window {
			j++
		}
		total += i - j
	}
	n, undated := len(order), len(order)-dated
	return total + undated*(n-undated) + undated*(undated-1)/2
}

// windowPairs returns every pair of documents within the date window, and
// every pair with an undated document.
func (g *eventGrouper) windowPairs(order []int) []pair {
	var out []pair
	add := func(a, b int) { out = append(out, pair{min(a, b), max(a, b)}) }
	dated := len(order)
	for dated > 0 && g.dayKey(order[dated-1]) == undatedDay {
		dated--
	}
	for i, a := range order[:dated] {
		for _, b := range order[i+1 : dated] {
			if g.days[b]-g.days[a] > g.window {
				break
			}
			add(a, b)
		}
	}
	for i, a := range order[dated:] {
		for _, b := range order[:dated+i] {
			add(a, b)
		}
	}
	return out
}

// indexPairs returns the pairs of documents that share an index key
// (indexKeys) within the date window: each document is paired with at most
// postingPartners of the documents after it in a key's day-ordered
// postings. An undated document is paired with every other document of a
// key's postings when those are at most undatedPostings.
func (g *eventGrouper) indexPairs() []pair {
	postings := map[uint64][]int{}
	var keys []uint64
	for i := range g.docs {
		for _, k := range g.indexKeys(i) {
			if _, ok := postings[k]; !ok {
				keys = append(keys, k)
			}
			postings[k] = append(postings[k], i)
		}
	}
	slices.Sort(keys)
	// Count the pairs first and fill one slice: appending hundreds of
	// thousands of pairs to a growing slice cost more than finding them.
	total := 0
	g.postingPairs(keys, postings, func(int, int) { total++ })
	out := make([]pair, 0, total)
	g.postingPairs(keys, postings, func(a, b int) { out = append(out, pair{min(a, b), max(a, b)}) })
	return out
}

// postingPairs calls emit for each pair indexPairs proposes, key by key
// in the order of keys; a key's postings are sorted by day in place on the
// first call.
func (g *eventGrouper) postingPairs(keys []uint64, postings map[uint64][]int, emit func(a, b int)) {
	for _, k := range keys {
		docs := postings[k]
		if len(docs) < 2 {
			continue
		}
		slices.SortStableFunc(docs, func(a, b int) int { return g.dayKey(a) - g.dayKey(b) })
		for i, a := range docs {
			if g.dayKey(a) == undatedDay {
				if len(docs) > undatedPostings {
					break
				}
				for _, b := range docs[:i] {
					emit(a, b)
				}
				continue
			}
			taken := 0
			for _, b := range docs[i+1:] {
				if taken == postingPartners || g.dayKey(b) == undatedDay || g.days[b]-g.days[a] > g.window {
					break
				}
				emit(a, b)
				taken++
			}
		}
	}
}

// indexKeys returns the keys document i is indexed under: its indexTerms
// highest-weighted content stems, the surnames of the people it names, and
// its indexEntities rarest other named entities.
func (g *eventGrouper) indexKeys(i int) []uint64 {
	d := &g.docs[i]
	var keys []uint64
	for _, tw := range topWeights(d.vec, indexTerms) {
		keys = append(keys, tw.term)
	}
	for _, p := range d.persons.names {
		keys = append(keys, fnv64("person:"+p.surname)^0x5bd1e995)
	}
	for _, tw := range topWeights(d.entVec, indexEntities) {
		keys = append(keys, tw.term^0x9e3779b97f4a7c15)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// topWeights returns the k highest of v in byWeightDesc order, by
// insertion into a list of k rather than sorting all of v.
func topWeights(v []termWeight, k int) []termWeight {
	if k <= 0 {
		return nil
	}
	top := make([]termWeight, 0, k+1)
	for _, tw := range v {
		if len(top) == k && byWeightDesc(tw, top[k-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, tw, byWeightDesc)
		top = slices.Insert(top, i, tw)
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// byWeightDesc orders weights from the highest, ties by term.
func byWeightDesc(a, b termWeight) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	case a.term < b.term:
		return -1
	case a.term > b.term:
		return 1
	}
	return 0
}

// signatures returns every document's MinHash signature over the word
// trigrams of its content stems, and whether it has none.
func (g *eventGrouper) signatures() ([][minhashSize]uint64, []bool) {
	sigs := make([][minhashSize]uint64, len(g.docs))
	empty := make([]bool, len(g.docs))
	for i := range g.docs {
		if sig := g.docs[i].sig; sig != nil {
			sigs[i] = *sig
		} else {
			empty[i] = true
			sigs[i] = signature(nil)
		}
	}
	return sigs, empty
}
