package compare

import (
	"github.com/sergi/go-diff/diffmatchpatch"
)

// wordDiff diffs two word sequences with go-diff, one rune per distinct
// lower-case word, and cleans the result up semantically. Each op's text is
// the stretch of the original text its words cover, punctuation included.
// The diff has no time limit, so it is the same on every run.
func wordDiff(textA string, a []word, textB string, b []word) (ops []DiffOp, equal int) {
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
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	var out []DiffOp
	i, j := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		if n == 0 {
			continue
		}
		var op DiffOp
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			op = DiffOp{Op: "equal", Text: span(textA, a[i:i+n])}
			equal += n
			i += n
			j += n
		case diffmatchpatch.DiffDelete:
			op = DiffOp{Op: "delete", Text: span(textA, a[i:i+n])}
			i += n
		case diffmatchpatch.DiffInsert:
			op = DiffOp{Op: "insert", Text: span(textB, b[j:j+n])}
			j += n
		}
		if k := len(out) - 1; k >= 0 && out[k].Op == op.Op {
			out[k].Text += " " + op.Text
			continue
		}
		out = append(out, op)
	}
	return out, equal
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
