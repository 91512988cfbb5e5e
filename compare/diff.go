package compare

import (
	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffRun is one run of a word diff as index ranges into both sides: an
// equal run covers a[A0:A1] and b[B0:B1]; a delete only a, an insert only b.
type diffRun struct {
	Op     Op
	A0, A1 int
	B0, B1 int
}

// wordDiffRuns diffs two word sequences with go-diff, one rune per distinct
// lower-case word, and cleans the result up semantically. The diff has no
// time limit, so it is the same on every run.
func wordDiffRuns(a, b []word) []diffRun { return diffRuns(a, b, true) }

// rawWordDiffRuns is wordDiffRuns without the semantic clean-up: equal runs
// of any length, short stopwords included, stay apart.
func rawWordDiffRuns(a, b []word) []diffRun { return diffRuns(a, b, false) }

func diffRuns(a, b []word, semantic bool) []diffRun {
	runeOf := map[string]rune{}
	toRunes := func(ws []word) []rune {
		rs := make([]rune, len(ws))
		for i, w := range ws {
			r, ok := runeOf[w.Lower]
			if !ok {
				r = tokenRune(len(runeOf))
				runeOf[w.Lower] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := toRunes(a), toRunes(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	if semantic {
		diffs = dmp.DiffCleanupSemantic(diffs)
	}
	var out []diffRun
	i, j := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		if n == 0 {
			continue
		}
		r := diffRun{A0: i, A1: i, B0: j, B1: j}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			r.Op = OpEqual
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			r.Op = OpDelete
			i += n
		case diffmatchpatch.DiffInsert:
			r.Op = OpInsert
			j += n
		}
		r.A1, r.B1 = i, j
		if k := len(out) - 1; k >= 0 && out[k].Op == r.Op {
			out[k].A1, out[k].B1 = r.A1, r.B1
			continue
		}
		out = append(out, r)
	}
	return out
}

// wordDiff returns the word diff of a and b as ops whose text is the
// stretch of the original text each run covers, punctuation included, and
// the number of equal words.
func wordDiff(textA string, a []word, textB string, b []word) (ops []DiffOp, equal int) {
	runs := wordDiffRuns(a, b)
	ops = make([]DiffOp, 0, len(runs))
	for _, r := range runs {
		switch r.Op {
		case OpEqual:
			equal += r.A1 - r.A0
			ops = append(ops, DiffOp{Op: r.Op, Text: span(textA, a[r.A0:r.A1])})
		case OpDelete:
			ops = append(ops, DiffOp{Op: r.Op, Text: span(textA, a[r.A0:r.A1])})
		case OpInsert:
			ops = append(ops, DiffOp{Op: r.Op, Text: span(textB, b[r.B0:r.B1])})
		}
	}
	return ops, equal
}

// tokenRune maps the n-th distinct word to a rune in the private use areas,
// avoiding surrogates so that go-diff's string conversions keep it intact.
func tokenRune(n int) rune {
	if n < 0x1900 {
		return rune(0xE000 + n)
	}
	return rune(0xF0000 + n - 0x1900)
}

// span returns the text from the first to the last of ws.
func span(text string, ws []word) string {
	if len(ws) == 0 {
		return ""
	}
	return text[ws[0].Start:ws[len(ws)-1].End]
}

// dice is the share of words two sequences have in common, 2·equal/(a+b).
func dice(equal, a, b int) float64 {
	if a+b == 0 {
		return 1
	}
	return 2 * float64(equal) / float64(a+b)
}
