package compare

import (
	"slices"
	"strings"

	"github.com/framediff/framediff/framing"
)

// MaxSwapWords is the longest side of a word swap, in words.
const MaxSwapWords = 4

// maxSwapExamples bounds the alignments kept as examples of one swap.
const maxSwapExamples = 3

// substitutions collects the word swaps of aligned passages: a deleted run
// and an inserted run of at most MaxSwapWords words each, between equal
// runs (or between an equal run and the passage's start or end). A swap whose sides sit on different poles of one lexicon axis is a
// framing swap; one the lexicon does not know is a suggestion.
func substitutions(als []Alignment, lex *framing.Lexicon) []Substitution {
	poles := newPoleIndex(lex)
	type key struct{ a, b, oa, ob string }
	found := map[key]*Substitution{}
	var order []key
	for _, al := range als {
		ops := al.Diff
		for i := 0; i+1 < len(ops); i++ {
			before := i == 0 || ops[i-1].Op == "equal"
			after := i+2 == len(ops) || ops[i+2].Op == "equal"
			if !before || !after || (i == 0 && i+2 == len(ops)) {
				continue
			}
			var del, ins string
			switch {
			case ops[i].Op == "delete" && ops[i+1].Op == "insert":
				del, ins = ops[i].Text, ops[i+1].Text
			case ops[i].Op == "insert" && ops[i+1].Op == "delete":
				ins, del = ops[i].Text, ops[i+1].Text
			default:
				continue
			}
			ta, tb := swapTerm(del), swapTerm(ins)
			if ta == "" || tb == "" || ta == tb {
				continue
			}
			if n, m := len(words(ta)), len(words(tb)); n > MaxSwapWords || m > MaxSwapWords {
				continue
			}
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
