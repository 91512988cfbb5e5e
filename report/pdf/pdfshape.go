package pdf

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// fpdf draws runes left to right, one glyph each, with no shaping. Arabic
// and Persian therefore reach it already shaped and in visual order:
// pdfShapeArabic replaces each letter by the presentation form its
// neighbours call for (isolated, final, initial, medial, and the lam-alef
// ligatures), using the forms listed in fonts/arabic-forms.txt, which Noto
// Sans Arabic maps; the line layout then orders words by the Unicode
// bidirectional algorithm's rules (pdfVisualOrder) and reverses
// right-to-left words.

type pdfForms struct {
	isol, fina, init, medi rune
}

type pdfArabicTables struct {
	forms map[rune]pdfForms
	// lam maps an alef variant to the lam-alef ligature's isolated and
	// final forms.
	lam map[rune][2]rune
}

var pdfArabic = sync.OnceValue(func() *pdfArabicTables {
	t := &pdfArabicTables{forms: map[rune]pdfForms{}, lam: map[rune][2]rune{}}
	data, err := pdfFontFiles.ReadFile("fonts/arabic-forms.txt")
	if err != nil {
		return t
	}
	hex := func(s string) rune {
		v, err := strconv.ParseUint(s, 16, 32)
		if err != nil {
			return 0
		}
		return rune(v)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0 || strings.HasPrefix(f[0], "#"):
		case f[0] == "lam" && len(f) == 4:
			t.lam[hex(f[1])] = [2]rune{hex(f[2]), hex(f[3])}
		case len(f) == 5:
			t.forms[hex(f[0])] = pdfForms{hex(f[1]), hex(f[2]), hex(f[3]), hex(f[4])}
		}
	}
	return t
})

const (
	pdfLam     = '\u0644'
	pdfTatweel = '\u0640'
	pdfZWJ     = '\u200D'
)

// pdfShapeArabic gives each Arabic-script letter of s its contextual
// presentation form. Marks (harakat) are transparent to joining; the
// zero-width non-joiner (Persian's half-space) stops it, the joiner and
// tatweel force it. Text without Arabic letters is returned as is.
func pdfShapeArabic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF }) {
		return s
	}
	t := pdfArabic()
	rs := []rune(s)
	joinsNext := func(r rune) bool {
		f, ok := t.forms[r]
		return ok && f.init != 0 || r == pdfTatweel || r == pdfZWJ
	}
	joinsPrev := func(r rune) bool {
		f, ok := t.forms[r]
		return ok && f.fina != 0 || r == pdfTatweel || r == pdfZWJ
	}
	transparent := func(r rune) bool { return unicode.Is(unicode.Mn, r) }
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := t.forms[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		prev := neighbour(i, -1)
		byPrev := prev != 0 && joinsNext(prev) && joinsPrev(r)
		if r == pdfLam && i+1 < len(rs) {
			if lig, ok := t.lam[rs[i+1]]; ok {
				if byPrev && lig[1] != 0 {
					b.WriteRune(lig[1])
				} else {
					b.WriteRune(lig[0])
				}
				i++
				continue
			}
		}
		next := neighbour(i, 1)
		byNext := next != 0 && joinsNext(r) && joinsPrev(next)
		form := f.isol
		switch {
		case byPrev && byNext && f.medi != 0:
			form = f.medi
		case byPrev && f.fina != 0:
			form = f.fina
		case byNext && f.init != 0:
			form = f.init
		}
		if form == 0 {
			form = r
		}
		b.WriteRune(form)
	}
	return b.String()
}

// pdfDir is the direction of a word.
type pdfDir int8

const (
	pdfNeutral pdfDir = iota // spaces and punctuation: take their neighbours' direction
	pdfLTR
	pdfRTL
	pdfNumber // European or Arabic digits first: left to right inside any line
)

// pdfWordDir classifies a word by its first strong character, or as a
// number when digits come first.
func pdfWordDir(s string) pdfDir {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return pdfLTR
		case bidi.R, bidi.AL:
			return pdfRTL
		case bidi.EN, bidi.AN:
			return pdfNumber
		}
	}
	return pdfNeutral
}

// pdfParagraphDir is the direction of a paragraph of the handout: right
// to left when at least four in five of its letters are, as in an Arabic or
// Persian article's paragraph that names "CNN"; else left to right, as in
// an English sentence quoting an Arabic term. (The bidirectional
// algorithm's own rule P2, the first letter's direction, would turn a line
// that opens with an Arabic term in an English list around.)
func pdfParagraphDir(s string) pdfDir {
	rtl, ltr := 0, 0
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			ltr++
		case bidi.R, bidi.AL:
			rtl++
		}
	}
	if rtl > 0 && rtl*5 >= (rtl+ltr)*4 {
		return pdfRTL
	}
	return pdfLTR
}

// pdfLevels gives each word of a line its embedding level under the
// bidirectional algorithm, word by word: strong words their direction's
// level, numbers one above an odd level or two above an even one (after a
// right-to-left word), and neutral words their neighbours' direction when
// both agree, else the paragraph's.
func pdfLevels(dirs []pdfDir, base pdfDir) []int {
	baseLevel := 0
	if base == pdfRTL {
		baseLevel = 1
	}
	lv := make([]int, len(dirs))
	strong := func(i, step int) pdfDir {
		for j := i + step; j >= 0 && j < len(dirs); j += step {
			switch dirs[j] {
			case pdfLTR, pdfRTL:
				return dirs[j]
			case pdfNumber:
				return pdfRTL // numbers count as right to left for neutrals (N1)
			}
		}
		return base
	}
	for i, d := range dirs {
		switch d {
		case pdfLTR:
			lv[i] = baseLevel + baseLevel%2 // 0, or 2 inside a right-to-left line
		case pdfRTL:
			lv[i] = 1
		case pdfNumber:
			prev := base
			for j := i - 1; j >= 0; j-- {
				if dirs[j] == pdfLTR || dirs[j] == pdfRTL {
					prev = dirs[j]
					break
				}
			}
			if baseLevel == 0 && prev == pdfLTR {
				lv[i] = 0 // rule W7: a number after left-to-right text is left to right
			} else {
				lv[i] = 2
			}
		default:
			before, after := strong(i, -1), strong(i, 1)
			switch {
			case before == after && before == pdfRTL:
				lv[i] = 1
			case before == after && before == pdfLTR:
				lv[i] = baseLevel + baseLevel%2
			default:
				lv[i] = baseLevel
			}
		}
	}
	return lv
}

// pdfVisualOrder returns the order in which to draw words with levels lv
// from left to right (rule L2: reverse every run at or above each odd
// level, highest first).
func pdfVisualOrder(lv []int) []int {
	order := make([]int, len(lv))
	for i := range order {
		order[i] = i
	}
	top := 0
	for _, l := range lv {
		top = max(top, l)
	}
	for level := top; level >= 1; level-- {
		for i := 0; i < len(order); {
			if lv[order[i]] < level {
				i++
				continue
			}
			j := i
			for j < len(order) && lv[order[j]] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// pdfGapAt says which word's leading gap separates words a and b when
// drawn side by side, a left of b: where they were neighbours in the text,
// the gap between them; at the edge of a reversed run, the gap at that
// run's edge in the text.
func pdfGapAt(a, b int, lv []int) int {
	switch {
	case a < b && lv[a] < lv[b]:
		return a + 1
	case a < b:
		return b
	case lv[a] < lv[b]:
		return a
	default:
		return b + 1
	}
}

// pdfMirror maps the characters the bidirectional algorithm mirrors in
// right-to-left text to their mirror images.
var pdfMirror = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹',
}

// pdfReverse turns a right-to-left word into drawing order: characters
// reversed, each keeping its marks after it, and brackets mirrored.
func pdfReverse(s string) string {
	var clusters []string
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		for j < len(s) {
			r, m := utf8.DecodeRuneInString(s[j:])
			if !unicode.Is(unicode.Mn, r) {
				break
			}
			j += m
		}
		clusters = append(clusters, s[i:j])
		i = j
	}
	var b strings.Builder
	b.Grow(len(s))
	for k := len(clusters) - 1; k >= 0; k-- {
		c := clusters[k]
		r, n := utf8.DecodeRuneInString(c)
		if m, ok := pdfMirror[r]; ok {
			b.WriteRune(m)
			b.WriteString(c[n:])
			continue
		}
		b.WriteString(c)
	}
	return b.String()
}

// pdfVisualString puts a one-line string into drawing order: words ordered
// by pdfVisualOrder and right-to-left words reversed. A left-to-right
// string is returned as is.
func pdfVisualString(s string) string {
	if !pdfHasRTL(s) {
		return s
	}
	// Words and their punctuation, each piece noting the space before it.
	var words []string
	var spaced []bool
	for i, w := range strings.Split(s, " ") {
		for j, p := range pdfBidiPieces(w) {
			words = append(words, p)
			spaced = append(spaced, i > 0 && j == 0)
		}
	}
	dirs := make([]pdfDir, len(words))
	for i, w := range words {
		dirs[i] = pdfWordDir(w)
	}
	lv := pdfLevels(dirs, pdfParagraphDir(s))
	var b strings.Builder
	order := pdfVisualOrder(lv)
	for k, i := range order {
		if k > 0 {
			if prev := order[k-1]; spaced[pdfGapAt(prev, i, lv)] {
				b.WriteByte(' ')
			}
		}
		w := words[i]
		if lv[i]%2 == 1 {
			w = pdfReverse(w)
		}
		b.WriteString(w)
	}
	return b.String()
}

// pdfBidiPieces splits a word into its leading punctuation, its letters
// and digits, and its trailing punctuation, leaving out empty pieces.
func pdfBidiPieces(w string) []string {
	neutral := func(r rune) bool {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L, bidi.R, bidi.AL, bidi.EN, bidi.AN:
			return false
		}
		return !unicode.Is(unicode.Mn, r)
	}
	start := len(w) - len(strings.TrimLeftFunc(w, neutral))
	end := len(strings.TrimRightFunc(w, neutral))
	if start >= end {
		return []string{w}
	}
	var out []string
	for _, p := range []string{w[:start], w[start:end], w[end:]} {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pdfHasRTL reports whether s holds a right-to-left letter.
func pdfHasRTL(s string) bool {
	for _, r := range s {
		if r < 0x0590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL {
			return true
		}
	}
	return false
}
