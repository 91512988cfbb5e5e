package compare

import (
	"fmt"
	"slices"
	"strings"

	"github.com/framediff/framediff/corpus"
)

// MinClaimWords is the fewest words a sentence needs to count as a claim of
// its own when no other outlet carries it.
const MinClaimWords = 6

// coverage groups the aligned sentences of one event into claims (sentences
// joined through whole-sentence alignments, transitively) and lists which
// outlets carry each, counting an outlet that shares a passage of the claim
// inside a longer sentence. A sentence no other article aligns with is a claim of its outlet
// alone. Claims are ordered by how many outlets carry them, then by where
// they first appear. An event reported by one outlet has no coverage to
// compare.
func coverage(ev Event, arts []*corpus.Article, als []Alignment) ([]Claim, []PrimaryCoverage) {
	if len(outletNames(arts)) < 2 {
		return nil, nil
	}
	type node struct {
		art  int
		sent int
	}
	index := map[node]int{}
	var nodes []node
	artOf := map[string]int{}
	for i, a := range arts {
		artOf[a.ID] = i
		for s := range a.Sentences {
			index[node{i, s}] = len(nodes)
			nodes = append(nodes, node{i, s})
		}
	}
	sets := newUnionFind(len(nodes))
	sentsOf := func(r SentenceRef) []int {
		if len(r.Sentences) > 0 {
			return r.Sentences
		}
		return []int{r.Sentence}
	}
	// Whole sentences (and splits) that align are one claim; a passage
	// shared inside longer sentences (a quoted clause) does not make the
	// sentences one claim, but each outlet carries the other's claim.
	aligned := make([]bool, len(nodes))
	carriers := map[int][]string{}
	for _, al := range als {
		ia, okA := artOf[al.A.Article]
		ib, okB := artOf[al.B.Article]
		if !okA || !okB {
			continue
		}
		var na, nb []int
		for _, s := range sentsOf(al.A) {
			if n, ok := index[node{ia, s}]; ok {
				na = append(na, n)
			}
		}
		for _, s := range sentsOf(al.B) {
			if n, ok := index[node{ib, s}]; ok {
				nb = append(nb, n)
			}
		}
		if len(na) == 0 || len(nb) == 0 {
			continue
		}
		for _, n := range append(append([]int(nil), na...), nb...) {
			aligned[n] = true
		}
		if isWhole(arts[ia], al.A) && isWhole(arts[ib], al.B) {
			for _, n := range append(na[1:], nb...) {
				sets.union(na[0], n)
			}
			continue
		}
		for _, n := range na {
			carriers[n] = append(carriers[n], outletOf(arts[ib]))
		}
		for _, n := range nb {
			carriers[n] = append(carriers[n], outletOf(arts[ia]))
		}
	}
	groups := map[int][]int{}
	var roots []int
	for n := range nodes {
		r := sets.find(n)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], n)
	}
	eventOutlets := outletNames(arts)
	var claims []Claim
	for _, r := range roots {
		members := groups[r]
		if len(members) == 1 && !aligned[members[0]] {
			nd := nodes[members[0]]
			if wordCount(arts[nd.art].Sentence(nd.sent)) < MinClaimWords {
				continue
			}
		}
		c := Claim{Event: ev.ID}
		outlets := map[string]bool{}
		textFrom := -1
		for _, n := range members {
			nd := nodes[n]
			a := arts[nd.art]
			outlets[outletOf(a)] = true
			for _, o := range carriers[n] {
				outlets[o] = true
			}
			if a.Primary() {
				c.Primary = true
			}
			sp := a.Sentences[nd.sent]
			c.Sentences = append(c.Sentences, SentenceRef{Article: a.ID, Outlet: a.Outlet, Sentence: nd.sent, Text: a.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End})
			if textFrom < 0 || (a.Primary() && !arts[nodes[textFrom].art].Primary()) {
				textFrom = n
			}
		}
		nd := nodes[textFrom]
		c.Text = arts[nd.art].Sentence(nd.sent)
		for _, o := range eventOutlets {
			if outlets[o] {
				c.Outlets = append(c.Outlets, o)
			} else {
				c.Missing = append(c.Missing, o)
			}
		}
		if c.Missing == nil {
			c.Missing = []string{}
		}
		claims = append(claims, c)
	}
	slices.SortStableFunc(claims, func(a, b Claim) int {
		if len(a.Outlets) != len(b.Outlets) {
			return len(b.Outlets) - len(a.Outlets)
		}
		fa, fb := a.Sentences[0], b.Sentences[0]
		if c := strings.Compare(fa.Article, fb.Article); c != 0 {
			return c
		}
		return fa.Sentence - fb.Sentence
	})
	for i := range claims {
		claims[i].ID = fmt.Sprintf("%s/c%d", ev.ID, i+1)
	}
	return claims, primaryCoverage(ev, arts, claims, eventOutlets)
}

// isWhole reports whether an aligned passage is whole sentences.
func isWhole(a *corpus.Article, r SentenceRef) bool {
	if len(r.Sentences) > 1 {
		return true
	}
	if r.Sentence < 0 || r.Sentence >= len(a.Sentences) {
		return false
	}
	sp := a.Sentences[r.Sentence]
	return r.Start == sp.Start && r.End == sp.End
}

// primaryCoverage reports, for every primary-source article of the event,
// how many of its points (claims it carries) each other outlet reports.
func primaryCoverage(ev Event, arts []*corpus.Article, claims []Claim, outlets []string) []PrimaryCoverage {
	var out []PrimaryCoverage
	for _, p := range arts {
		if !p.Primary() {
			continue
		}
		var points []Claim
		for _, c := range claims {
			for _, s := range c.Sentences {
				if s.Article == p.ID {
					points = append(points, c)
					break
				}
			}
		}
		for _, o := range outlets {
			if o == outletOf(p) {
				continue
			}
			pc := PrimaryCoverage{Event: ev.ID, Primary: p.ID, Outlet: o, Points: len(points), Missing: []string{}}
			for _, c := range points {
				if slices.Contains(c.Outlets, o) {
					pc.Reported++
				} else {
					pc.Missing = append(pc.Missing, c.ID)
				}
			}
			if pc.Points > 0 {
				pc.Share = round3(float64(pc.Reported) / float64(pc.Points))
			}
			out = append(out, pc)
		}
	}
	return out
}

// outletOf names an article's outlet, or its id when the outlet is unknown.
func outletOf(a *corpus.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.ID
}

func outletNames(arts []*corpus.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, outletOf(a))
	}
	slices.Sort(out)
	return slices.Compact(out)
}
