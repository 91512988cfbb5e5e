package pdf

import (
	"strings"
	"unicode/utf8"
)

// pdfRGB is a colour with 0–255 channels.
type pdfRGB struct{ R, G, B int }

var (
	pdfBlack    = pdfRGB{25, 25, 25}
	pdfGrey     = pdfRGB{95, 95, 95}
	pdfRule     = pdfRGB{190, 190, 190}
	pdfInk      = pdfRGB{30, 55, 90}
	pdfLinkBlue = pdfRGB{20, 80, 170}
	pdfWhite    = pdfRGB{255, 255, 255}
)

// tint mixes c with white; amount 0 keeps c, 1 gives white.
func (c pdfRGB) tint(amount float64) pdfRGB {
	mix := func(v int) int { return v + int(float64(255-v)*amount+0.5) }
	return pdfRGB{mix(c.R), mix(c.G), mix(c.B)}
}

// dark reports whether c needs white text on it.
func (c pdfRGB) dark() bool {
	return 0.299*float64(c.R)+0.587*float64(c.G)+0.114*float64(c.B) < 150
}

// pdfStyle is how a run of text is drawn.
type pdfStyle struct {
	Font  string // "", "B", "I" or "BI"
	Size  float64
	Color pdfRGB
	// Fill draws a background behind the text; Outline a frame around it.
	Fill    *pdfRGB
	Outline *pdfRGB
	// Dotted draws a dotted line under the text.
	Dotted *pdfRGB
	Link   string
}

// pdfRun is text in one style. Its text is drawn as given: callers clean it
// with pdfClean first.
type pdfRun struct {
	Text  string
	Style pdfStyle
}

// pdfPlaced is one word (or piece of a broken word) of a laid-out line.
type pdfPlaced struct {
	X, W  float64
	Text  string
	Style pdfStyle
	run   int
	// space is set when a space separates the word from the one before.
	space bool
	// padL is room left before the text for a highlight's edge.
	padL float64
	// brk is set when the line may break before the word though no space
	// separates them (between Chinese or Japanese characters).
	brk bool
}

// pdfMarkPad is the room a highlight needs beyond its text at each end.
func pdfMarkPad(st pdfStyle) float64 {
	if st.Fill != nil || st.Outline != nil {
		return 0.6
	}
	return 0
}

// pdfLine is one laid-out line; H is its height.
type pdfLine struct {
	Items []pdfPlaced
	W, H  float64
}

// lineHeight is the leading for a font size in points, in millimetres.
func pdfLineHeight(size float64) float64 { return size * 0.3528 * 1.32 }

// measure returns the width of s in style st.
func (d *pdfDoc) measure(s string, st pdfStyle) float64 {
	if d.goOnly(s) {
		d.f.SetFont(pdfFamily, st.Font, st.Size)
		return d.f.GetStringWidth(s)
	}
	w := 0.0
	for _, sp := range d.spans(s) {
		d.useFace(sp.face, st)
		w += d.f.GetStringWidth(sp.text)
	}
	return w
}

// plain reports whether s is left-to-right text the Go fonts draw whole.
func (d *pdfDoc) plain(s string) bool {
	return d.goOnly(s) && !pdfHasRTL(s)
}

// goOnly reports whether the Go fonts draw every character of s.
func (d *pdfDoc) goOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			for _, r := range s[i:] {
				if d.g.face(r) > pdfFaceGo {
					return false
				}
			}
			return true
		}
	}
	return true
}

// label1 draws the one-line s from x on baseline y, in logical order. For
// plain text the caller has selected st's font already.
func (d *pdfDoc) label1(x, y float64, s string, st pdfStyle) {
	if d.plain(s) {
		d.f.Text(x, y, s)
		return
	}
	d.text(x, y, pdfVisualString(s), st)
	d.f.SetFont(pdfFamily, st.Font, st.Size)
}

// text draws s from x on baseline y, each piece in the face that has its
// glyphs. s must be in drawing order (see pdfVisualString).
func (d *pdfDoc) text(x, y float64, s string, st pdfStyle) {
	if d.goOnly(s) {
		d.f.SetFont(pdfFamily, st.Font, st.Size)
		d.f.Text(x, y, s)
		return
	}
	for _, sp := range d.spans(s) {
		d.useFace(sp.face, st)
		d.f.Text(x, y, sp.text)
		x += d.f.GetStringWidth(sp.text)
	}
}

// wrap lays runs out in lines no wider than width. Lines break at spaces,
// and punctuation glued to a word (a comma after a highlighted term) moves
// with it; a word wider than the line is broken between characters, so no
// text runs past width, however long the word or URL.
func (d *pdfDoc) wrap(runs []pdfRun, width float64) []pdfLine {
	var lines []pdfLine
	var cur pdfLine
	space, brk := false, false
	var spaceW float64
	newLine := func() {
		lines = append(lines, cur)
		cur = pdfLine{}
	}
	add := func(it pdfPlaced) {
		it.X = 0
		if n := len(cur.Items); n > 0 {
			it.X = cur.W
			if it.space {
				it.X += spaceW
			}
		} else {
			it.space = false
		}
		cur.Items = append(cur.Items, it)
		cur.W = it.X + it.W
		cur.H = max(cur.H, pdfLineHeight(it.Style.Size))
	}
	for ri, r := range runs {
		var toks []string
		first, last := -1, -1
		for tok := range pdfTokens(r.Text) {
			if tok != " " && tok != "" {
				if first < 0 {
					first = len(toks)
				}
				last = len(toks)
			}
			toks = append(toks, tok)
		}
		for ti, tok := range toks {
			if ti&1023 == 0 {
				d.checkCancel()
			}
			if tok == " " {
				space = true
				spaceW = d.measure(" ", r.Style)
				continue
			}
			if tok == "" {
				brk = true
				continue
			}
			it := pdfPlaced{W: d.measure(tok, r.Style), Text: tok, Style: r.Style, run: ri, space: space, brk: brk}
			brk = false
			// A marked run gets room for its mark at both ends, so that the
			// mark does not crowd the words beside it.
			if pad := pdfMarkPad(r.Style); pad > 0 && d.measure(tok, r.Style)+2*pad <= width {
				if ti == first {
					it.padL = pad
					it.W += pad
				}
				if ti == last {
					it.W += pad
				}
			}
			space = false
			gap := 0.0
			if it.space {
				gap = spaceW
			}
			if len(cur.Items) > 0 && cur.W+gap+it.W > width {
				// Carry the word this one is glued to onto the new line,
				// unless that would empty the line.
				k := len(cur.Items)
				if !it.space && !it.brk {
					for k > 0 && !cur.Items[k-1].space && !cur.Items[k-1].brk {
						k--
					}
					k-- // the chain's first word
				}
				var carry []pdfPlaced
				if k > 0 && k < len(cur.Items) {
					carry = append(carry, cur.Items[k:]...)
					cur.Items = cur.Items[:k]
					last := cur.Items[k-1]
					cur.W = last.X + last.W
				}
				newLine()
				for _, c := range carry {
					add(c)
				}
				it.space = it.space && len(cur.Items) > 0
			}
			used := 0.0
			if len(cur.Items) > 0 {
				used = cur.W
				if it.space {
					used += spaceW
				}
			}
			if used+it.W <= width {
				add(it)
				continue
			}
			// Too wide even for a line of its own: break between characters.
			rest := tok
			first := true
			for rest != "" {
				avail := width
				if len(cur.Items) > 0 {
					avail = width - cur.W
					if first && it.space {
						avail -= spaceW
					}
				}
				n, pw := d.fitPrefix(rest, r.Style, avail)
				if n == 0 {
					if len(cur.Items) > 0 {
						newLine()
						continue
					}
					// Not even one character fits: place one anyway.
					_, size := utf8.DecodeRuneInString(rest)
					n, pw = size, d.measure(rest[:size], r.Style)
				}
				add(pdfPlaced{W: pw, Text: rest[:n], Style: r.Style, run: ri, space: first && it.space})
				first = false
				rest = rest[n:]
				if rest != "" {
					newLine()
				}
			}
		}
	}
	if len(cur.Items) > 0 || len(lines) == 0 {
		if cur.H == 0 && len(runs) > 0 {
			cur.H = pdfLineHeight(runs[0].Style.Size)
		}
		lines = append(lines, cur)
	}
	d.orderLines(runs, lines, width)
	return lines
}

// orderLines puts the words of lines holding right-to-left text in drawing
// order: words ordered by the bidirectional algorithm, right-to-left words
// reversed, and lines of a right-to-left paragraph aligned right.
func (d *pdfDoc) orderLines(runs []pdfRun, lines []pdfLine, width float64) {
	rtl := false
	var all strings.Builder
	for _, r := range runs {
		all.WriteString(r.Text)
		all.WriteByte(' ')
		rtl = rtl || pdfHasRTL(r.Text)
	}
	if !rtl {
		return
	}
	base := pdfParagraphDir(all.String())
	for li := range lines {
		l := &lines[li]
		n := len(l.Items)
		if n == 0 {
			continue
		}
		dirs := make([]pdfDir, n)
		gap := make([]float64, n)
		for i, it := range l.Items {
			dirs[i] = pdfWordDir(it.Text)
			if i > 0 {
				p := l.Items[i-1]
				gap[i] = it.X - (p.X + p.W)
			}
		}
		lv := pdfLevels(dirs, base)
		order := pdfVisualOrder(lv)
		items := make([]pdfPlaced, 0, n)
		x := 0.0
		for k, i := range order {
			it := l.Items[i]
			it.space, it.brk = false, false
			if k > 0 {
				prev := order[k-1]
				g := gap[pdfGapAt(prev, i, lv)]
				x += g
				it.space = g > 0
			}
			if lv[i]%2 == 1 {
				it.Text = pdfReverse(it.Text)
				// A highlight's pads swap sides with the word.
				if it.padL > 0 || pdfMarkPad(it.Style) > 0 {
					it.padL = it.W - it.padL - d.measure(it.Text, it.Style)
				}
			}
			it.X = x
			x += it.W
			items = append(items, it)
		}
		if shift := width - x; base == pdfRTL && shift > 0 {
			for i := range items {
				items[i].X += shift
			}
		}
		l.Items, l.W = items, x
	}
}

// fitPrefix returns the byte length and width of the longest prefix of s
// that fits in avail.
func (d *pdfDoc) fitPrefix(s string, st pdfStyle, avail float64) (int, float64) {
	d.f.SetFont(pdfFamily, st.Font, st.Size)
	cur := pdfFaceGo
	w := 0.0
	for i, r := range s {
		if f := d.g.face(r); f >= 0 && f != cur {
			d.useFace(f, st)
			cur = f
		}
		rw := d.f.GetStringWidth(string(r))
		if w+rw > avail {
			return i, w
		}
		w += rw
	}
	return len(s), w
}

// pdfTokens yields words and single " " separators of s, and "" where a
// line may break inside a word (see pdfCJKBreaks).
func pdfTokens(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			if s[0] == ' ' {
				s = strings.TrimLeft(s, " ")
				if !yield(" ") {
					return
				}
				continue
			}
			i := strings.IndexByte(s, ' ')
			if i < 0 {
				i = len(s)
			}
			w := s[:i]
			if pdfHasRTL(w) {
				// Punctuation around a right-to-left word takes its
				// direction from both sides, so it is a piece of its own.
				for _, p := range pdfBidiPieces(w) {
					if !yield(p) {
						return
					}
				}
				s = s[i:]
				continue
			}
			for _, at := range pdfCJKBreaks(w) {
				if !yield(w[:at]) || !yield("") {
					return
				}
				w = w[at:]
			}
			if !yield(w) {
				return
			}
			s = s[i:]
		}
	}
}

// pdfCJKBreaks returns the lengths of the pieces of w that end where a line
// may break without a space: around each Chinese, Japanese or Korean
// character, except before closing punctuation and after opening
// punctuation, which stay with their character (the kinsoku rules). The
// last piece is not listed.
func pdfCJKBreaks(w string) []int {
	var out []int
	prev, prevAt := rune(-1), 0
	for i, r := range w {
		if prev >= 0 && (pdfIsCJK(prev) || pdfIsCJK(r)) && !pdfNoLineStart(r) && !pdfNoLineEnd(prev) {
			out = append(out, i-prevAt)
			prevAt = i
		}
		prev = r
	}
	return out
}

// pdfNoLineStart reports whether r may not begin a line: closing
// punctuation, small kana and the prolonged sound mark.
func pdfNoLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：？！）」』》〉】〕〗〙〛”’・ー…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻％）］｝｠,.;:!?)]}%", r)
}

// pdfNoLineEnd reports whether r may not end a line: opening punctuation.
func pdfNoLineEnd(r rune) bool {
	return strings.ContainsRune("（「『《〈【〔〖〘〚“‘（［｛｟([{", r)
}

// linesHeight is the total height of lines.
func pdfLinesHeight(lines []pdfLine) float64 {
	h := 0.0
	for _, l := range lines {
		h += l.H
	}
	return h
}

// drawLine draws one line with its top-left corner at (x, y). Neighbouring
// words of one run are drawn together, so a highlighted phrase gets one
// background across its spaces.
func (d *pdfDoc) drawLine(l pdfLine, x, y float64) {
	for i := 0; i < len(l.Items); {
		it := l.Items[i]
		text := it.Text
		w := it.W
		j := i + 1
		for ; j < len(l.Items) && l.Items[j].run == it.run; j++ {
			if l.Items[j].space {
				text += " "
			}
			text += l.Items[j].Text
			w = l.Items[j].X + l.Items[j].W - it.X
		}
		i = j
		st := it.Style
		lh := pdfLineHeight(st.Size)
		top := y + (l.H-lh)/2
		// Marks cover the text plus its pads, or reach a little past text
		// that had no room for pads.
		rx, rw := x+it.X, w
		if it.padL == 0 {
			rx, rw = rx-0.3, rw+0.6
		}
		if st.Fill != nil {
			d.f.SetFillColor(st.Fill.R, st.Fill.G, st.Fill.B)
			d.f.Rect(rx, top+0.15, rw, lh-0.3, "F")
		}
		if st.Outline != nil {
			d.f.SetDrawColor(st.Outline.R, st.Outline.G, st.Outline.B)
			d.f.SetLineWidth(0.35)
			d.f.Rect(rx, top+0.15, rw, lh-0.3, "D")
		}
		if st.Dotted != nil {
			d.f.SetDrawColor(st.Dotted.R, st.Dotted.G, st.Dotted.B)
			d.f.SetLineWidth(0.4)
			d.f.SetDashPattern([]float64{0.4, 0.6}, 0)
			d.f.Line(rx, top+lh+0.1, rx+rw, top+lh+0.1)
			d.f.SetDashPattern(nil, 0)
		}
		d.f.SetTextColor(st.Color.R, st.Color.G, st.Color.B)
		// The baseline sits about 0.8 of the font size below the text's top.
		base := top + (lh-st.Size*0.3528)/2 + st.Size*0.3528*0.8
		d.text(x+it.X+it.padL, base, text, st)
		if st.Link != "" {
			d.f.LinkString(x+it.X, top, w, lh, st.Link)
		}
	}
}

// drawLines draws lines from (x, y) down and returns the y below them.
func (d *pdfDoc) drawLines(lines []pdfLine, x, y float64) float64 {
	for _, l := range lines {
		d.drawLine(l, x, y)
		y += l.H
	}
	return y
}

// flow lays runs out at the cursor across width from x, starting new pages
// as lines reach the bottom margin, and moves the cursor below them.
func (d *pdfDoc) flow(runs []pdfRun, x, width float64) {
	for _, l := range d.wrap(runs, width) {
		d.need(l.H)
		d.drawLine(l, x, d.y)
		d.y += l.H
	}
}

// fit shortens s with an ellipsis until it is no wider than width.
func (d *pdfDoc) fit(s string, st pdfStyle, width float64) string {
	if d.measure(s, st) <= width {
		return s
	}
	ell := "…"
	n, _ := d.fitPrefix(s, st, width-d.measure(ell, st))
	return strings.TrimRight(s[:n], " ") + ell
}
