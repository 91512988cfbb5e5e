package framing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
)

// DefaultContextChars is how many characters of context a hit keeps on
// each side (Hit.ContextStart, Hit.ContextEnd): enough for a clause, few
// enough for a table cell.
const DefaultContextChars = 60

// ContextSpan returns the byte offsets in a.Text of h's context: the words
// of h's sentence (or, when the article has no sentence holding h, of its
// paragraph) before and after h, each side cut to at most width characters
// counting a run of white space as one and "…" as one, at word
// boundaries. The span always holds h; with width 0 it is h alone. Offsets
// that do not fit a.Text give h's own offsets.
func ContextSpan(a *corpus.Article, h Hit, width int) (start, end int) {
	lo, hi, ok := contextBounds(a, h)
	if !ok {
		return h.Start, h.End
	}
	return cutBack(a.Text, lo, h.Start, width), cutForward(a.Text, h.End, hi, width)
}

// HitContext returns h in its stored context (Hit.ContextStart,
// ContextEnd): the words before it, its surface text and the words after
// it, white space runs shown as one space and "…" where the sentence goes
// on. A hit without a stored context is given the default one.
func HitContext(a *corpus.Article, h Hit) (left, match, right string) {
	start, end := ContextOf(a, h)
	return contextText(a, h, start, end)
}

// ContextOf returns h's stored context offsets, or the default context's
// when h has none that hold it (a hit made by hand, or read from an older
// report.json).
func ContextOf(a *corpus.Article, h Hit) (start, end int) {
	start, end = h.ContextStart, h.ContextEnd
	if start == 0 && end == 0 || start > h.Start || end < h.End || start < 0 || end > len(a.Text) {
		return ContextSpan(a, h, DefaultContextChars)
	}
	return start, end
}

// KWIC returns h in its context cut to width characters either side, by
// the rule of ContextSpan, as HitContext shows it. With the default width
// it is HitContext, read from the hit's stored offsets.
func KWIC(a *corpus.Article, h Hit, width int) (left, match, right string) {
	if width == DefaultContextChars {
		return HitContext(a, h)
	}
	if width <= 0 {
		if _, _, ok := contextBounds(a, h); !ok {
			return "", "", ""
		}
		return "", squeeze(a.Text[h.Start:h.End]), ""
	}
	start, end := ContextSpan(a, h, width)
	return contextText(a, h, start, end)
}

// setContexts stores each hit's default context.
func setContexts(a *corpus.Article, hits []Hit) {
	for i := range hits {
		setContext(a, &hits[i])
	}
}

// setContext stores h's default context.
func setContext(a *corpus.Article, h *Hit) {
	h.ContextStart, h.ContextEnd = ContextSpan(a, *h, DefaultContextChars)
}

func contextText(a *corpus.Article, h Hit, start, end int) (left, match, right string) {
	lo, hi, ok := contextBounds(a, h)
	if !ok || start < lo || end > hi || start > h.Start || end < h.End {
		return "", "", ""
	}
	left, match, right = squeeze(a.Text[start:h.Start]), squeeze(a.Text[h.Start:h.End]), squeeze(a.Text[h.End:end])
	if start > lo {
		left = "…" + left
	}
	if end < hi && wordsIn(a.Text, end, hi) {
		right += "…"
	}
	return left, match, right
}

// maxParagraphScan bounds how far from a hit without a sentence the
// paragraph's ends are looked for, so that a huge text without breaks costs
// no more per hit than a long paragraph.
const maxParagraphScan = 16 << 10

// contextBounds returns the sentence (else paragraph) around h, and false
// when h's offsets do not fit a.Text.
func contextBounds(a *corpus.Article, h Hit) (lo, hi int, ok bool) {
	t := a.Text
	if h.Start < 0 || h.End > len(t) || h.Start > h.End || !runeBoundary(t, h.Start) || !runeBoundary(t, h.End) {
		return 0, 0, false
	}
	if h.Sentence >= 0 && h.Sentence < len(a.Sentences) {
		if s := a.Sentences[h.Sentence]; s.Start <= h.Start && h.End <= s.End && s.End <= len(t) {
			return s.Start, s.End, true
		}
	}
	lo = max(0, h.Start-maxParagraphScan)
	for lo > 0 && !utf8.RuneStart(t[lo]) {
		lo++
	}
	hi = min(len(t), h.End+maxParagraphScan)
	for hi < len(t) && !utf8.RuneStart(t[hi]) {
		hi--
	}
	if p := strings.LastIndex(t[lo:h.Start], "\n\n"); p >= 0 {
		lo += p + 2
	}
	if p := strings.Index(t[h.End:hi], "\n\n"); p >= 0 {
		hi = h.End + p
	}
	return lo, hi, true
}

func runeBoundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// cutBack returns where the left context of a hit at `at` starts: lo when
// text[lo:at] is at most width characters, else the start of the first
// whole word within width-1 characters of at (one is left for "…"). It
// reads no more than width characters back.
func cutBack(text string, lo, at, width int) int {
	if width <= 0 {
		return at
	}
	p, n, cut := at, 0, at
	space := false
	for p > lo {
		r, size := utf8.DecodeLastRuneInString(text[:p])
		sp := unicode.IsSpace(r)
		if !(sp && space) {
			if n == width-1 {
				cut = p
			}
			if n == width {
				break // more than width characters: cut
			}
			n++
		}
		space = sp
		p -= size
	}
	if p <= lo {
		return lo
	}
	p = cut
	// Drop a partial word at the front, then the white space before the
	// first whole word.
	if r, _ := utf8.DecodeLastRuneInString(text[:p]); p > lo && !unicode.IsSpace(r) {
		for p < at {
			r, size := utf8.DecodeRuneInString(text[p:])
			if unicode.IsSpace(r) {
				break
			}
			p += size
		}
	}
	for p < at {
		r, size := utf8.DecodeRuneInString(text[p:])
		if !unicode.IsSpace(r) {
			break
		}
		p += size
	}
	return p
}

// cutForward returns where the right context of a hit ending at `at`
// ends: hi when text[at:hi] is at most width characters, else the end of
// the last whole word within width-1 characters of at. It reads no more
// than width characters on.
func cutForward(text string, at, hi, width int) int {
	if width <= 0 {
		return at
	}
	q, n, cut := at, 0, at
	space := false
	for q < hi {
		r, size := utf8.DecodeRuneInString(text[q:])
		sp := unicode.IsSpace(r)
		if !(sp && space) {
			if n == width-1 {
				cut = q
			}
			if n == width {
				break
			}
			n++
		}
		space = sp
		q += size
	}
	if q >= hi {
		return hi
	}
	q = cut
	// Drop a partial word at the end, then the white space after the last
	// whole word.
	if r, _ := utf8.DecodeRuneInString(text[q:]); q < hi && !unicode.IsSpace(r) {
		for q > at {
			r, size := utf8.DecodeLastRuneInString(text[:q])
			if unicode.IsSpace(r) {
				break
			}
			q -= size
		}
	}
	for q > at {
		r, size := utf8.DecodeLastRuneInString(text[:q])
		if !unicode.IsSpace(r) {
			break
		}
		q -= size
	}
	return q
}

// wordsIn reports whether text[from:to] holds anything but white space,
// reading no further than its first word.
func wordsIn(text string, from, to int) bool {
	for from < to {
		r, size := utf8.DecodeRuneInString(text[from:])
		if !unicode.IsSpace(r) {
			return true
		}
		from += size
	}
	return false
}
