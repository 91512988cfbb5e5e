package compare

import (
	"slices"
	"strings"

	"github.com/framediff/framediff/framing"
)

// MaxSwapWords is the longest side of a word swap, in words.
const MaxSwapWords = 3

// maxSwapExamples bounds the alignments kept as examples of one swap.
const maxSwapExamples = 3

// substitutions collects the word swaps of aligned passages (see findSwaps).
// A swap whose sides sit on different poles of one lexicon axis is a
// framing swap; one the lexicon does not know is a suggestion.
func substitutions(als []Alignment, lex *framing.Lexicon) []Substitution {
	poles := newPoleIndex(lex)
	type key struct{ a, b, oa, ob string }
	found := map[key]*Substitution{}
	var order []key
	for _, al := range als {
		for _, sw := range findSwaps(al.A.Text, al.B.Text, poles) {
			ta, tb := sw.a, sw.b
			oa, ob := al.A.Outlet, al.B.Outlet
			if oa > ob {
				oa, ob, ta, tb = ob, oa, tb, ta
			}
			k := key{ta, tb, oa, ob}
			s, ok := found[k]
			if !ok {
				s = &Substitution{TermA: ta, TermB: tb, OutletA: oa, OutletB: ob}
				pa, pb := poles.lookup(ta), poles.lookup(tb)
				s.PoleA, s.PoleB = pa.pole, pb.pole
				if pa.axis != "" && pa.axis == pb.axis && pa.pole != pb.pole {
					s.Axis, s.Framing = pa.axis, true
				} else if pa.axis == "" || pb.axis == "" {
					s.Suggestion = true
				}
				found[k] = s
				order = append(order, k)
			}
			s.Count++
			if len(s.Examples) < maxSwapExamples {
				s.Examples = append(s.Examples, al)
			}
		}
	}
	out := make([]Substitution, 0, len(order))
	for _, k := range order {
		out = append(out, *found[k])
	}
	slices.SortStableFunc(out, func(a, b Substitution) int {
		if a.Framing != b.Framing {
			if a.Framing {
				return -1
			}
			return 1
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		for _, c := range []int{strings.Compare(a.TermA, b.TermA), strings.Compare(a.TermB, b.TermB), strings.Compare(a.OutletA, b.OutletA), strings.Compare(a.OutletB, b.OutletB)} {
			if c != 0 {
				return c
			}
		}
		return 0
	})
	return out
}

// swapPair is one swap found in an aligned pair: the normalised words a
// replaces with b (see swapTerm).
type swapPair struct{ a, b string }

// findSwaps returns the word swaps of one aligned pair of texts. The texts
// are diffed word by word without semantic clean-up, which would merge a
// swap with its neighbouring edits ("area and" ↔ "zone and have"). A swap
// is a deleted run and an inserted run between the same two equal runs, and
// is kept when
//   - each side has 1 to MaxSwapWords words and at least one content word;
//   - neither side's stems are all found in the other (an added word, or
//     an inflection, is not a replacement);
//   - it is not a name against a definite description ("Syria" ↔ "the
//     country"), which is a way of referring, not a choice of words;
//   - the equal runs on both sides hold a content word, or the swap starts
//     or ends the passage (not both). A framing swap (sides on different
//     poles of one lexicon axis) needs only some equal word on each side or
//     a passage boundary.
func findSwaps(textA, textB string, poles *poleIndex) []swapPair {
	wa, wb := words(textA), words(textB)
	runs := rawWordDiffRuns(wa, wb)
	var out []swapPair
	for i := 0; i < len(runs); {
		if runs[i].Op == OpEqual {
			i++
			continue
		}
		j := i
		a0, a1, b0, b1 := runs[i].A0, runs[i].A0, runs[i].B0, runs[i].B0
		for ; j < len(runs) && runs[j].Op != OpEqual; j++ {
			a1, b1 = runs[j].A1, runs[j].B1
		}
		first, last := i, j
		i = j
		if a1 == a0 || b1 == b0 {
			continue // a pure insertion or deletion
		}
		atStart, atEnd := first == 0, last == len(runs)
		if atStart && atEnd {
			continue
		}
		da, db := wa[a0:a1], wb[b0:b1]
		if len(da) > MaxSwapWords || len(db) > MaxSwapWords {
			continue
		}
		ta, tb := swapTerm(span(textA, da)), swapTerm(span(textB, db))
		if ta == "" || tb == "" || ta == tb {
			continue
		}
		if stemsWithin(da, db) || stemsWithin(db, da) || isReference(textA, da, db) || isReference(textB, db, da) {
			continue
		}
		before := atStart || hasContent(wa[runs[first-1].A0:runs[first-1].A1])
		after := atEnd || hasContent(wa[runs[last].A0:runs[last].A1])
		if !before || !after {
			pa, pb := poles.lookup(ta), poles.lookup(tb)
			if pa.axis == "" || pa.axis != pb.axis || pa.pole == pb.pole {
				continue
			}
		}
		out = append(out, swapPair{ta, tb})
	}
	return out
}

// hasContent reports whether ws holds a word that is not a stopword.
func hasContent(ws []word) bool {
	for _, w := range ws {
		if !isStop(w.Lower) {
			return true
		}
	}
	return false
}

// stemsWithin reports whether every content stem of a occurs in b.
func stemsWithin(a, b []word) bool {
	have := map[string]int{}
	for _, w := range b {
		have[stem(w.Lower)]++
	}
	for _, w := range a {
		if isStop(w.Lower) {
			continue
		}
		s := stem(w.Lower)
		if have[s] == 0 {
			return false
		}
		have[s]--
	}
	return true
}

// isReference reports whether name (words of text) is a name, all its
// words capitalised and not opening the text, and desc a definite
// description: "the" or "this" followed by lower-case words.
func isReference(text string, name, desc []word) bool {
	if name[0].Start == 0 {
		return false
	}
	for _, w := range name {
		if !isCapitalised(w.Text) {
			return false
		}
	}
	if len(desc) < 2 || (desc[0].Lower != "the" && desc[0].Lower != "this") {
		return false
	}
	for _, w := range desc[1:] {
		if isCapitalised(w.Text) {
			return false
		}
	}
	return true
}

// swapTerm normalises one side of a swap: its words, lower-cased, joined by
// single spaces; "" when it holds no content word.
func swapTerm(s string) string {
	ws := words(s)
	parts := make([]string, 0, len(ws))
	content := false
	for _, w := range ws {
		parts = append(parts, strings.ToLower(w.Text))
		if !isStop(w.Lower) {
			content = true
		}
	}
	if !content {
		return ""
	}
	return strings.Join(parts, " ")
}

// poleIndex finds the lexicon axis and pole of a phrase.
type poleIndex struct {
	terms []poleTerm
}

type poleTerm struct {
	axis, pole string
	keys       []string // stems (or lower-case words for exact terms)
	exact      bool
}

type poleRef struct{ axis, pole string }

func newPoleIndex(lex *framing.Lexicon) *poleIndex {
	p := &poleIndex{}
	if lex == nil {
		return p
	}
	for _, ax := range lex.Axes {
		for _, pl := range ax.Poles {
			for _, t := range pl.Terms {
				pt := poleTerm{axis: ax.ID, pole: pl.ID, exact: t.Exact}
				for _, w := range words(t.Text) {
					if t.Exact {
						pt.keys = append(pt.keys, w.Lower)
					} else {
						pt.keys = append(pt.keys, stem(w.Lower))
					}
				}
				if len(pt.keys) > 0 {
					p.terms = append(p.terms, pt)
				}
			}
		}
	}
	// Longest terms first, so "Syrian government" wins over "government".
	slices.SortStableFunc(p.terms, func(a, b poleTerm) int { return len(b.keys) - len(a.keys) })
	return p
}

// lookup returns the axis and pole of the longest lexicon term the phrase
// contains, or the zero poleRef.
func (p *poleIndex) lookup(phrase string) poleRef {
	ws := words(phrase)
	lower := make([]string, len(ws))
	stems := make([]string, len(ws))
	for i, w := range ws {
		lower[i] = w.Lower
		stems[i] = stem(w.Lower)
	}
	for _, t := range p.terms {
		seq := stems
		if t.exact {
			seq = lower
		}
		for i := 0; i+len(t.keys) <= len(seq); i++ {
			if slices.Equal(seq[i:i+len(t.keys)], t.keys) {
				return poleRef{t.axis, t.pole}
			}
		}
	}
	return poleRef{}
}
