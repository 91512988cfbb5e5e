package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
)

func (d *pdfDoc) cover() {
	d.y = d.top + 4
	d.flow([]pdfRun{{Text: "SAME NEWS, DIFFERENT WORDS · A MEDIA-LITERACY HANDOUT", Style: pdfStyle{Font: "B", Size: 9, Color: pdfGrey}}}, d.left, d.width)
	d.y += 2
	d.flow([]pdfRun{{Text: d.t(d.title), Style: pdfStyle{Font: "B", Size: 22, Color: pdfInk}}}, d.left, d.width)
	d.y += 3
	first, last := "", ""
	for _, a := range d.selected {
		if s := a.Published.String(); s != "" {
			first = cmp.Or(first, s)
			last = s
		}
	}
	sub := fmt.Sprintf("How %s reported %s · %s", pdfCount(len(d.outlets), "outlet"), pdfCount(max(len(d.events), 1), "event"), compare.DateRange(first, last))
	if len(d.events) == 0 {
		sub = fmt.Sprintf("%s from %s · %s", pdfCount(len(d.selected), "article"), pdfCount(len(d.outlets), "outlet"), compare.DateRange(first, last))
	}
	d.flow([]pdfRun{{Text: d.t(sub), Style: pdfStyle{Size: 12, Color: pdfGrey}}}, d.left, d.width)
	d.y += 4
	for i, e := range d.events {
		runs := []pdfRun{
			{Text: fmt.Sprintf("%d. ", i+1), Style: pdfStyle{Font: "B", Size: 10, Color: pdfInk}},
			{Text: d.t(e.Name()), Style: pdfStyle{Font: "B", Size: 10, Color: pdfBlack}},
			{Text: d.t(fmt.Sprintf(" · %s · %s", compare.DateRange(e.Start, e.End), pdfCount(len(e.Articles), "article"))), Style: pdfStyle{Size: 10, Color: pdfGrey}},
		}
		d.flow(runs, d.left+2, d.width-2)
		d.y += 1
	}
	d.y += 4

	if len(d.outlets) > 0 {
		d.subheading("The outlets", 20)
		cell := pdfStyle{Size: 8.5, Color: pdfBlack}
		bold := pdfStyle{Font: "B", Size: 8.5, Color: pdfBlack}
		var rows [][]pdfCell
		for _, o := range d.outlets {
			if d.opts.Blind {
				rows = append(rows, []pdfCell{pdfText(d.label(o), bold), pdfText(pdfItoa(d.find.ArticlesOf(o)), cell)})
				continue
			}
			in := d.info[o]
			rows = append(rows, []pdfCell{
				pdfText(pdfClean(d.g, o), bold),
				pdfText(pdfClean(d.g, cmp.Or(in.Country, "—")), cell),
				pdfText(pdfClean(d.g, cmp.Or(in.Owner, "—")), cell),
				pdfText(pdfClean(d.g, cmp.Or(in.Kind, "—")), cell),
				pdfText(pdfItoa(d.find.ArticlesOf(o)), cell),
			})
		}
		if d.opts.Blind {
			d.table([]string{"Source", "Articles"}, []float64{50, 25}, rows, nil)
			d.para("The outlets' names are hidden, here and in every excerpt, so that students judge the words and not the brand. Who each source is, and who owns it, is on the last page.")
		} else {
			d.table([]string{"Outlet", "Country", "Owner", "Kind", "Articles"}, []float64{38, 28, 68, 30, d.width - 164}, rows, nil)
		}
	}

	if inside := d.sections(); len(inside) > 0 {
		d.y += 2
		d.subheading("Inside", 12)
		d.para(strings.Join(inside, " · "))
	}
}

func pdfItoa(n int) string { return fmt.Sprint(n) }

// sections names the sections this handout holds, in order.
func (d *pdfDoc) sections() []string {
	var s []string
	if len(d.glanceAxes()) > 0 {
		s = append(s, "At a glance")
	}
	if len(d.events) > 0 {
		s = append(s, "The articles side by side")
	}
	if len(d.quoteGroups()) > 0 {
		s = append(s, "Same quote, different outlets")
	}
	if len(d.shownSwaps()) > 0 {
		s = append(s, "Word swaps")
	}
	if len(d.voiceEvents()) > 0 {
		s = append(s, "Who gets to speak")
	}
	if len(d.glossaryTerms()) > 0 {
		s = append(s, "Glossary")
	}
	if len(d.discussion()) > 0 {
		s = append(s, "Questions for discussion")
	}
	s = append(s, "Method and limits")
	if d.opts.Blind {
		s = append(s, "Answer key")
	}
	return s
}

// usedPoles lists the poles hit in articles (all shown articles when nil),
// in lexicon order.
func (d *pdfDoc) usedPoles(articles []*corpus.Article) []pdfPole {
	if articles == nil {
		articles = d.selected
	}
	used := map[string]bool{}
	for _, a := range articles {
		for _, h := range d.hits[a.ID] {
			p := d.pole(h)
			used[pdfKey(p.Axis, p.Pole)] = true
		}
	}
	var out []pdfPole
	for _, ax := range d.axes {
		for _, p := range ax.Poles {
			if used[pdfKey(ax.ID, p.ID)] {
				out = append(out, d.poles[pdfKey(ax.ID, p.ID)])
			}
		}
	}
	return out
}

// pdfDistanceMark is the colour of the dotted underline under a term held
// at a distance: in scare quotes or after a marker such as "so-called".
var pdfDistanceMark = pdfRGB{20, 20, 20}

// pdfHitStyle marks a hit in its pole colour c: filled in the narrator's
// voice, outlined and italic inside a quotation.
func pdfHitStyle(base pdfStyle, c pdfRGB, quoted bool) pdfStyle {
	st := base
	if quoted {
		st.Outline = &c
		st.Font = strings.TrimSuffix(st.Font, "I") + "I"
		return st
	}
	fill := c.tint(0.55)
	st.Fill = &fill
	return st
}

// pdfDistanced adds the distance mark to a hit's style.
func pdfDistanced(st pdfStyle) pdfStyle {
	c := pdfDistanceMark
	st.Dotted = &c
	return st
}

// highlightLegend explains the two marks and the colours of poles.
func (d *pdfDoc) highlightLegend(poles []pdfPole) {
	st := pdfStyle{Size: 8.5, Color: pdfBlack}
	sample := pdfRGB{110, 110, 110}
	runs := []pdfRun{
		{Text: "filled", Style: pdfHitStyle(st, sample, false)},
		{Text: " the outlet's own words (narrator)     ", Style: st},
		{Text: "outlined", Style: pdfHitStyle(st, sample, true)},
		{Text: " words inside a quotation     ", Style: st},
		{Text: "dotted", Style: pdfDistanced(pdfHitStyle(st, sample, false))},
		{Text: " held at a distance (scare quotes, \"so-called\")", Style: st},
	}
	d.flow(runs, d.left, d.width)
	d.y += 1.5
	if len(poles) == 0 {
		return
	}
	runs = []pdfRun{{Text: "Colours: ", Style: pdfStyle{Font: "B", Size: 8.5, Color: pdfBlack}}}
	for i, p := range poles {
		if i == 0 || poles[i-1].Axis != p.Axis {
			if i > 0 {
				runs = append(runs, pdfRun{Text: " · ", Style: pdfStyle{Size: 7.5, Color: pdfGrey}})
			}
			runs = append(runs, pdfRun{Text: pdfClean(d.g, p.AxisName+": "), Style: pdfStyle{Size: 7.5, Color: pdfGrey}})
		} else {
			runs = append(runs, pdfRun{Text: " ", Style: st})
		}
		runs = append(runs, pdfRun{Text: pdfClean(d.g, p.PoleName), Style: pdfHitStyle(st, p.Color, false)})
	}
	d.flow(runs, d.left, d.width)
	d.y += 2
}

// At a glance.

type pdfTally struct{ narrator, quoted int }

// glanceAxes are the axes with two or more poles and a hit in the shown
// articles.
func (d *pdfDoc) glanceAxes() []framing.Axis {
	used := map[string]bool{}
	for _, t := range d.find.PoleTallies {
		used[d.pole(framing.Hit{Axis: t.Axis, Pole: t.Pole}).Axis] = true
	}
	var out []framing.Axis
	for _, ax := range d.axes {
		if len(ax.Poles) >= 2 && used[ax.ID] {
			out = append(out, ax)
		}
	}
	return out
}

// tally is the findings' tally of outlet's uses of one pole.
func (d *pdfDoc) tally(outlet, axis, pole string) pdfTally {
	n, q := d.find.Pole(outlet, axis, pole)
	return pdfTally{narrator: n, quoted: q}
}

func (d *pdfDoc) glance() {
	axes := d.glanceAxes()
	if len(axes) == 0 {
		return
	}
	d.y += 2
	d.heading("At a glance: which words each outlet chooses", 60)
	d.para("Each bar splits an outlet's own uses of one axis's terms between its poles: how often it chose each way of naming the same thing. Words inside quotations are someone else's choice; they are left out of the bars and shown as \"+ n quoted\". Counts are small: read them as a starting point for close reading, not as statistics.")
	d.y += 1
	const colGap = 8
	colW := (d.width - colGap) / 2
	for i := 0; i < len(axes); i += 2 {
		pair := axes[i:min(i+2, len(axes))]
		h := 0.0
		for _, ax := range pair {
			h = max(h, d.chartHeight(ax, colW))
		}
		d.need(h)
		for j, ax := range pair {
			d.chart(ax, d.left+float64(j)*(colW+colGap), d.y, colW)
		}
		d.y += h + 2
	}
}

const (
	pdfChartRow    = 4.3
	pdfChartLabelW = 27.0
	pdfChartCountW = 23.0
)

// chartTitle is an axis's name followed by its legend, wrapped to w.
func (d *pdfDoc) chartTitle(ax framing.Axis, w float64) []pdfLine {
	st := pdfStyle{Size: 7.5, Color: pdfBlack}
	runs := []pdfRun{{Text: pdfClean(d.g, cmp.Or(ax.Name, ax.ID)) + "  ", Style: pdfStyle{Font: "B", Size: 10, Color: pdfInk}}}
	for i, p := range ax.Poles {
		info := d.poles[pdfKey(ax.ID, p.ID)]
		if i > 0 {
			runs = append(runs, pdfRun{Text: "   ", Style: st})
		}
		runs = append(runs, pdfRun{Text: "■", Style: pdfStyle{Size: 7.5, Color: info.Color}}, pdfRun{Text: pdfClean(d.g, " "+info.PoleName), Style: st})
	}
	// A legend that does not fit beside the title goes below it whole.
	if lines := d.wrap(runs, w); len(lines) == 1 {
		return lines
	}
	return append(d.wrap(runs[:1], w), d.wrap(runs[1:], w)...)
}

func (d *pdfDoc) chartHeight(ax framing.Axis, w float64) float64 {
	return pdfLinesHeight(d.chartTitle(ax, w)) + 1 + float64(len(d.outlets))*pdfChartRow
}

// chart draws one axis's horizontal stacked bars, one per outlet.
func (d *pdfDoc) chart(ax framing.Axis, x, y, w float64) {
	y = d.drawLines(d.chartTitle(ax, w), x, y) + 1
	labelSt := pdfStyle{Size: 7.5, Color: pdfBlack}
	small := pdfStyle{Size: 6.5, Color: pdfGrey}
	barX := x + pdfChartLabelW + 1.5
	barW := w - pdfChartLabelW - 1.5 - pdfChartCountW
	for _, o := range d.outlets {
		label := d.fit(pdfClean(d.g, d.label(o)), labelSt, pdfChartLabelW)
		d.f.SetTextColor(pdfBlack.R, pdfBlack.G, pdfBlack.B)
		lw := d.measure(label, labelSt)
		mid := y + pdfChartRow/2
		d.label1(x+pdfChartLabelW-lw, mid+1.0, label, labelSt)
		total, quoted := 0, 0
		for _, p := range ax.Poles {
			v := d.tally(o, ax.ID, p.ID)
			total += v.narrator
			quoted += v.quoted
		}
		bh := pdfChartRow - 1.2
		if total == 0 {
			d.f.SetDrawColor(pdfRule.R, pdfRule.G, pdfRule.B)
			d.f.SetLineWidth(0.2)
			d.f.SetDashPattern([]float64{0.8, 0.8}, 0)
			d.f.Rect(barX, y+0.6, barW, bh, "D")
			d.f.SetDashPattern(nil, 0)
			d.f.SetFont(pdfFamily, "I", small.Size)
			d.f.SetTextColor(pdfGrey.R, pdfGrey.G, pdfGrey.B)
			d.f.Text(barX+1.5, mid+0.9, "none in its own words")
		} else {
			bx := barX
			for _, p := range ax.Poles {
				v := d.tally(o, ax.ID, p.ID)
				if v.narrator == 0 {
					continue
				}
				c := d.poles[pdfKey(ax.ID, p.ID)].Color
				sw := barW * float64(v.narrator) / float64(total)
				d.f.SetFillColor(c.R, c.G, c.B)
				d.f.Rect(bx, y+0.6, sw, bh, "F")
				pct := fmt.Sprintf("%d%%", (v.narrator*100+total/2)/total)
				d.f.SetFont(pdfFamily, "B", 6.5)
				if pw := d.f.GetStringWidth(pct); pw+1.5 < sw {
					tc := pdfWhite
					if !c.dark() {
						tc = pdfBlack
					}
					d.f.SetTextColor(tc.R, tc.G, tc.B)
					d.f.Text(bx+(sw-pw)/2, mid+0.9, pct)
				}
				bx += sw
			}
		}
		count := fmt.Sprintf("n = %d", total)
		d.f.SetFont(pdfFamily, "", small.Size)
		d.f.SetTextColor(pdfBlack.R, pdfBlack.G, pdfBlack.B)
		d.f.Text(barX+barW+1.5, mid+0.9, count)
		if quoted > 0 {
			cw := d.f.GetStringWidth(count + " ")
			d.f.SetTextColor(pdfGrey.R, pdfGrey.G, pdfGrey.B)
			d.f.Text(barX+barW+1.5+cw, mid+0.9, fmt.Sprintf("+ %d quoted", quoted))
		}
		y += pdfChartRow
	}
}

// The articles side by side.

func (d *pdfDoc) eventArticles(e compare.Event) []*corpus.Article {
	var out []*corpus.Article
	for _, id := range e.Articles {
		if a, ok := d.articles[id]; ok {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b *corpus.Article) int {
		return cmp.Or(cmp.Compare(d.labelOf(a), d.labelOf(b)), report.ByDate(a, b))
	})
	return out
}

// eventPages shows each event's articles side by side; events only one
// outlet reported share a section, so that each needs no page of its own.
func (d *pdfDoc) eventPages() {
	var singles []*corpus.Article
	kickers := map[string]string{}
	n := 0
	for _, e := range d.events {
		arts := d.eventArticles(e)
		if len(arts) == 0 {
			continue
		}
		if len(arts) == 1 && len(d.events) > 1 {
			singles = append(singles, arts[0])
			kickers[arts[0].ID] = e.Name() + " · " + compare.DateRange(e.Start, e.End)
			continue
		}
		n++
		title := fmt.Sprintf("Event %d: %s", n, e.Name())
		if len(d.events) == 1 {
			title = e.Name()
		}
		d.eventSection(title, d.eventIntro(e, len(arts)), arts, nil)
	}
	if len(singles) > 0 {
		intro := "Each of these events appears in one article only in this corpus. Read each framing on its own terms, and ask what another outlet might have written."
		d.eventSection("Reported by one outlet only", intro, singles, kickers)
	}
}

// eventIntro introduces one event's section of n articles; its undated
// count is the findings'.
func (d *pdfDoc) eventIntro(e compare.Event, n int) string {
	intro := fmt.Sprintf("%s, %s. ", pdfCount(n, "article"), compare.DateRange(e.Start, e.End))
	dates := d.find.DatesOf(e.ID)
	intro += pdfUndatedNote(dates.Articles, dates.Undated)
	if n > 1 {
		intro += "Each box holds one outlet's headline and opening paragraphs, as published. Read across: what does each put first, and which words does it choose?"
	} else {
		intro += "Only one outlet in this corpus reported this event: read its framing on its own terms, and ask what another outlet might have written."
	}
	return intro
}

func (d *pdfDoc) eventSection(title, intro string, arts []*corpus.Article, kickers map[string]string) {
	if d.y > d.top+10 {
		d.y += 5
	}
	// Keep the heading, introduction and legend with the first row of boxes.
	d.heading(title, min(pdfBoxShrink*d.firstRowHeight(arts, kickers)+28, d.bottom-d.top-40))
	d.para(intro)
	d.highlightLegend(d.usedPoles(arts))
	d.articleBoxes(arts, kickers)
	d.y += 4
}

// pdfBoxLayout gives the columns and excerpt length for n boxes: up to
// three across, and four as two rows of two rather than three and one.
func pdfBoxLayout(n int) (cols, maxWords int) {
	if n == 4 {
		return 2, 80
	}
	cols = min(n, 3)
	return cols, []int{0, 110, 90, 85}[cols]
}

func (d *pdfDoc) firstRowHeight(arts []*corpus.Article, kickers map[string]string) float64 {
	cols, maxWords := pdfBoxLayout(len(arts))
	boxW := (d.width - float64(cols-1)*4) / float64(cols)
	h := 0.0
	for _, a := range arts[:cols] {
		h = max(h, d.articleBox(a, boxW, maxWords, kickers[a.ID]).height())
	}
	return h
}

// articleBoxes draws one box per article, up to three in a row.
func (d *pdfDoc) articleBoxes(arts []*corpus.Article, kickers map[string]string) {
	const gap = 4
	cols, maxWords := pdfBoxLayout(len(arts))
	boxW := (d.width - float64(cols-1)*gap) / float64(cols)
	for i := 0; i < len(arts); i += cols {
		row := arts[i:min(i+cols, len(arts))]
		boxes := make([]pdfBox, len(row))
		h := 0.0
		for j, a := range row {
			boxes[j] = d.articleBox(a, boxW, maxWords, kickers[a.ID])
			h = max(h, boxes[j].height())
		}
		// A row goes to a new page unless most of it fits in what is
		// left; one taller than the space it gets is cut to fit, its
		// excerpts ending in "[…]".
		if d.y+pdfBoxShrink*h > d.bottom && d.y > d.top+60 {
			d.newPage()
		}
		if avail := d.bottom - d.y; h > avail {
			for j := range boxes {
				boxes[j].cut(avail)
			}
			h = avail
		}
		for j := range boxes {
			d.drawBox(boxes[j], d.left+float64(j)*(boxW+gap), d.y, boxW, h)
		}
		d.y += h + gap
	}
}

// pdfBoxShrink is the least part of its height a row of boxes keeps when
// it is cut to fit the rest of a page rather than start a new one.
const pdfBoxShrink = 0.8

type pdfBox struct {
	label, date string
	band        float64
	head, body  []pdfLine
	foot        []pdfLine
}

const pdfBoxPad = 2.2

func (b pdfBox) height() float64 {
	return b.band + pdfBoxPad + pdfLinesHeight(b.head) + 1.5 + pdfLinesHeight(b.body) + 1.5 + pdfLinesHeight(b.foot) + pdfBoxPad
}

// cut shortens the body so that the box fits in h.
func (b *pdfBox) cut(h float64) {
	fixed := b.height() - pdfLinesHeight(b.body)
	b.body = pdfCutLines(b.body, h-fixed)
}

// excerpt returns the opening paragraphs of a, as spans of its text, up to
// about maxWords words; the title is skipped when the text repeats it.
func pdfExcerpt(a *corpus.Article, maxWords int) (spans []corpus.Span, cut bool) {
	paras := a.ParagraphSpans()
	words := 0
	for i, p := range paras {
		text := strings.TrimSpace(a.Text[p.Start:p.End])
		if text == "" || strings.EqualFold(text, strings.TrimSpace(a.Title)) {
			continue
		}
		if words >= maxWords {
			return spans, i < len(paras)
		}
		spans = append(spans, p)
		words += len(strings.Fields(text))
	}
	return spans, false
}

// richText turns text[start:end] of article a into runs, marking hits in
// their pole's colour and, in blind mode, replacing outlet names.
func (d *pdfDoc) richText(a *corpus.Article, start, end int, base pdfStyle) []pdfRun {
	text := a.Text[start:end]
	var masks []pdfMaskRange
	if d.masker != nil {
		masks = d.masker.ranges(text)
	}
	// The article's hits are in text order without overlaps (indexHits),
	// and so are the masks: one merge walks both, whatever their number.
	all := d.hits[a.ID]
	lo, _ := slices.BinarySearchFunc(all, start, func(h framing.Hit, s int) int { return cmp.Compare(h.Start, s) })
	var hits []framing.Hit
	cuts := []int{0, len(text)}
	for _, h := range all[lo:] {
		if h.Start >= end {
			break
		}
		if h.End <= end {
			hits = append(hits, h)
			cuts = append(cuts, h.Start-start, h.End-start)
		}
	}
	for _, m := range masks {
		cuts = append(cuts, m.start, m.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var runs []pdfRun
	hi, mi := 0, 0
	for i := 0; i+1 < len(cuts); i++ {
		if i&1023 == 1023 {
			d.checkCancel()
		}
		p, q := cuts[i], cuts[i+1]
		for mi < len(masks) && masks[mi].end <= p {
			mi++
		}
		if mi < len(masks) && p >= masks[mi].start {
			if p == masks[mi].start {
				runs = append(runs, pdfRun{Text: masks[mi].label, Style: pdfStyle{Font: "B", Size: base.Size, Color: base.Color}})
			}
			continue
		}
		for hi < len(hits) && hits[hi].End-start <= p {
			hi++
		}
		st := base
		if hi < len(hits) && p >= hits[hi].Start-start && q <= hits[hi].End-start {
			h := hits[hi]
			st = pdfHitStyle(base, d.pole(h).Color, h.Voice == framing.Quoted)
			if h.ScareQuoted || h.Distanced {
				st = pdfDistanced(st)
			}
		}
		runs = append(runs, pdfRun{Text: pdfClean(d.g, text[p:q]), Style: st})
	}
	return runs
}

// pdfBoxBytes bounds the text an article box lays out: more than its
// lines can show in the widest box, so that a huge paragraph costs no more
// than a long one.
const pdfBoxBytes = 16 << 10

// pdfCutSpan shortens s to at most n bytes of text, at a space when there
// is one, and reports whether it cut.
func pdfCutSpan(text string, s corpus.Span, n int) (corpus.Span, bool) {
	if s.End-s.Start <= n {
		return s, false
	}
	end := s.Start + max(n, 0)
	if sp := strings.LastIndexByte(text[s.Start:end], ' '); sp > 0 {
		end = s.Start + sp
	}
	for end > s.Start && !utf8.RuneStart(text[end]) {
		end--
	}
	return corpus.Span{Start: s.Start, End: end}, true
}

// articleBox lays out a's box; kicker, when set, names its event above the
// headline.
func (d *pdfDoc) articleBox(a *corpus.Article, w float64, maxWords int, kicker string) pdfBox {
	inner := w - 2*pdfBoxPad
	b := pdfBox{label: d.labelOf(a), date: compare.LongDate(a.Published.String()), band: 6.5}
	if a.Published.IsZero() {
		b.date = "undated"
	}
	title := strings.TrimSpace(a.Title)
	if title == "" {
		title = "(no headline)"
	}
	if kicker != "" {
		b.head = d.wrap([]pdfRun{{Text: d.t(kicker), Style: pdfStyle{Font: "B", Size: 7.5, Color: pdfInk}}}, inner)
		b.head = append(b.head, pdfLine{H: 0.8})
	}
	b.head = append(b.head, d.wrap([]pdfRun{{Text: d.t(title), Style: pdfStyle{Font: "B", Size: 9.5, Color: pdfBlack}}}, inner)...)
	body := pdfStyle{Size: 8.3, Color: pdfBlack}
	spans, cut := pdfExcerpt(a, maxWords)
	budget := pdfBoxBytes
	for i, s := range spans {
		if budget <= 0 {
			cut = true
			break
		}
		s, short := pdfCutSpan(a.Text, s, budget)
		cut = cut || short
		budget -= s.End - s.Start
		lines := d.wrap(d.richText(a, s.Start, s.End, body), inner)
		if i > 0 {
			b.body = append(b.body, pdfLine{H: 1.3})
		}
		b.body = append(b.body, lines...)
	}
	// Keep a single box to a sensible length, whatever the paragraph.
	const maxLines = 46
	if len(b.body) > maxLines {
		b.body = pdfCutLines(b.body, pdfLinesHeight(b.body[:maxLines]))
	} else if cut {
		b.body = append(b.body, pdfLine{Items: []pdfPlaced{{Text: "[…]", W: 5, Style: pdfStyle{Font: "I", Size: body.Size, Color: pdfGrey}, run: -1}}, W: 5, H: pdfLineHeight(body.Size)})
	}
	foot := pdfStyle{Size: 6.5, Color: pdfLinkBlue}
	switch {
	case d.opts.Blind:
		b.foot = d.wrap([]pdfRun{{Text: "Link in the answer key", Style: pdfStyle{Font: "I", Size: 6.5, Color: pdfGrey}}}, inner)
	case a.URL != "":
		b.foot = d.wrap([]pdfRun{d.urlRun(a.URL, foot, inner)}, inner)
	default:
		b.foot = d.wrap([]pdfRun{{Text: pdfClean(d.g, "Source: "+cmp.Or(a.Source, a.ID)), Style: pdfStyle{Font: "I", Size: 6.5, Color: pdfGrey}}}, inner)
	}
	return b
}

func (d *pdfDoc) drawBox(b pdfBox, x, y, w, h float64) {
	d.f.SetDrawColor(pdfRule.R, pdfRule.G, pdfRule.B)
	d.f.SetLineWidth(0.3)
	d.f.Rect(x, y, w, h, "D")
	d.f.SetFillColor(pdfInk.R, pdfInk.G, pdfInk.B)
	d.f.Rect(x, y, w, b.band, "F")
	dateSt := pdfStyle{Size: 7, Color: pdfWhite}
	date := pdfClean(d.g, b.date)
	dw := d.measure(date, dateSt)
	labelSt := pdfStyle{Font: "B", Size: 9, Color: pdfWhite}
	label := d.fit(pdfClean(d.g, b.label), labelSt, w-2*pdfBoxPad-dw-2)
	d.f.SetFont(pdfFamily, "B", labelSt.Size)
	d.f.SetTextColor(255, 255, 255)
	d.label1(x+pdfBoxPad, y+4.5, label, labelSt)
	d.f.SetFont(pdfFamily, "", dateSt.Size)
	d.f.Text(x+w-pdfBoxPad-dw, y+4.4, date)
	cy := y + b.band + pdfBoxPad
	cy = d.drawLines(b.head, x+pdfBoxPad, cy) + 1.5
	d.drawLines(b.body, x+pdfBoxPad, cy)
	d.drawLines(b.foot, x+pdfBoxPad, y+h-pdfBoxPad-pdfLinesHeight(b.foot))
}

// pdfUndatedNote says how many of an event's articles (of total) carry no
// date, and so were placed in the event by their content alone; "" when all
// are dated. The counts are the findings' (compare.EventDates).
func pdfUndatedNote(total, n int) string {
	switch {
	case n == 0:
		return ""
	case n == total && n == 1:
		return "The article is undated. "
	case n == total:
		return "None of the articles is dated: they were grouped by their content alone. "
	case n == 1:
		return "One article is undated: it was grouped by its content alone. "
	}
	return fmt.Sprintf("%d articles are undated: they were grouped by their content alone. ", n)
}
