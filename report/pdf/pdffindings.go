package pdf

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
)

// eventShown reports whether event id is one the handout covers; with no
// events in the Result, everything is.
func (d *pdfDoc) eventShown(id string) bool {
	return len(d.res.Events) == 0 || slices.Contains(d.find.Events, id)
}

// Same quote, different outlets.

type pdfQuoteGroup struct {
	speaker  string
	versions []compare.Quote
}

// quoteGroups are the findings' quotations carried by two or more outlets
// of the shown events, most widely carried first, each with its versions
// in the order of the outlets' labels.
func (d *pdfDoc) quoteGroups() []pdfQuoteGroup {
	var out []pdfQuoteGroup
	for _, id := range d.find.QuoteGroups {
		qs := d.find.GroupQuotes(d.res, id)
		slices.SortFunc(qs, func(a, b compare.Quote) int {
			return cmp.Or(cmp.Compare(d.label(a.Outlet), d.label(b.Outlet)), cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start))
		})
		g, _ := d.res.QuoteGroup(id)
		out = append(out, pdfQuoteGroup{speaker: g.Speaker, versions: qs})
	}
	return out
}

func (d *pdfDoc) quotes() {
	groups := d.quoteGroups()
	if len(groups) == 0 {
		return
	}
	d.y += 2
	d.heading("Same quote, different outlets", 30)
	d.para("When outlets quote the same person, compare what they kept, what they cut, and the verb that introduces the words: \"said\" is neutral, \"insisted\" or \"admitted\" already tells you what to think.")
	lab := pdfStyle{Font: "B", Size: 8.5, Color: pdfBlack}
	meta := pdfStyle{Size: 7.5, Color: pdfGrey}
	qst := pdfStyle{Font: "I", Size: 8.5, Color: pdfBlack}
	var rows [][]pdfCell
	var group []int
	for gi, g := range groups {
		for i, q := range g.versions {
			group = append(group, gi)
			who := pdfText("", lab)
			if i == 0 {
				who = pdfText(d.t(cmp.Or(g.speaker, "Unnamed speaker")), lab)
			}
			how := q.Fidelity.Label()
			if q.Verb != "" {
				how = strings.TrimPrefix(how+" · “"+q.Verb+"”", " · ")
			}
			rows = append(rows, []pdfCell{
				who,
				{Runs: []pdfRun{{Text: d.t(d.label(q.Outlet)), Style: lab}, {Text: " " + d.t(how), Style: meta}}},
				pdfText(d.t("“"+strings.Trim(q.Text, "\"“”'‘’ ")+"”"), qst),
			})
		}
	}
	d.table([]string{"Speaker", "Outlet · fidelity · verb", "Words quoted"}, []float64{30, 42, d.width - 72}, rows, func(i int) bool { return group[i]%2 == 1 })
}

// Word swaps.

// shownSwaps are the findings' word swaps, each with its examples from
// the shown events.
func (d *pdfDoc) shownSwaps() []compare.Substitution {
	var out []compare.Substitution
	for _, i := range d.find.Swaps {
		s := d.res.Substitutions[i]
		var ex []compare.Alignment
		for _, a := range s.Examples {
			if d.eventShown(a.Event) || a.Event == "" {
				ex = append(ex, a)
			}
		}
		s.Examples = ex
		out = append(out, s)
	}
	return out
}

// termPole finds the lexicon pole holding term, if any.
func (d *pdfDoc) termPole(term string) (pdfPole, framing.Term, bool) {
	for _, ax := range d.axes {
		for _, p := range ax.Poles {
			for _, t := range p.Terms {
				if strings.EqualFold(t.Text, strings.TrimSpace(term)) {
					return d.poles[pdfKey(ax.ID, p.ID)], t, true
				}
			}
		}
	}
	return pdfPole{}, framing.Term{}, false
}

// markTerm returns sentence as runs with the first whole-word occurrence of
// term marked in colour c.
func (d *pdfDoc) markTerm(sentence, term string, base pdfStyle, c pdfRGB) []pdfRun {
	i := pdfFindWord(sentence, term)
	if i < 0 {
		return []pdfRun{{Text: d.t(sentence), Style: base}}
	}
	j := i + len(term)
	return []pdfRun{
		{Text: d.t(sentence[:i]), Style: base},
		{Text: d.t(sentence[i:j]), Style: pdfHitStyle(base, c, false)},
		{Text: d.t(sentence[j:]), Style: base},
	}
}

// pdfFindWord finds term in s case-insensitively at word boundaries.
func pdfFindWord(s, term string) int {
	if term == "" {
		return -1
	}
	for i := 0; i+len(term) <= len(s); i++ {
		if !utf8.RuneStart(s[i]) || !strings.EqualFold(s[i:i+len(term)], term) {
			continue
		}
		if before, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && pdfIsWordRune(before) {
			continue
		}
		if after, _ := utf8.DecodeRuneInString(s[i+len(term):]); i+len(term) < len(s) && pdfIsWordRune(after) {
			continue
		}
		return i
	}
	return -1
}

var pdfNeutralMark = pdfRGB{214, 170, 30}

func (d *pdfDoc) swaps() {
	swaps := d.shownSwaps()
	if len(swaps) == 0 {
		return
	}
	d.y += 2
	d.heading("Word swaps", 30)
	d.para("The same sentence, lined up across two outlets, with one word or phrase exchanged. A swap between two poles of one axis is a framing swap: the facts stay, the picture changes.")
	body := pdfStyle{Size: 8.5, Color: pdfBlack}
	for _, s := range swaps {
		ca, cb := pdfNeutralMark, pdfNeutralMark
		if p, _, ok := d.termPole(s.TermA); ok {
			ca = p.Color
		}
		if p, _, ok := d.termPole(s.TermB); ok {
			cb = p.Color
		}
		head := []pdfRun{
			{Text: d.t("“" + s.TermA + "”"), Style: pdfHitStyle(pdfStyle{Font: "B", Size: 10, Color: pdfBlack}, ca, false)},
			{Text: d.t(" " + d.label(s.OutletA) + "  ↔  "), Style: pdfStyle{Size: 10, Color: pdfGrey}},
			{Text: d.t("“" + s.TermB + "”"), Style: pdfHitStyle(pdfStyle{Font: "B", Size: 10, Color: pdfBlack}, cb, false)},
			{Text: d.t(" " + d.label(s.OutletB)), Style: pdfStyle{Size: 10, Color: pdfGrey}},
		}
		note := "not a lexicon pair: a word to add to the lexicon?"
		if s.Framing {
			axis := s.Axis
			for _, ax := range d.axes {
				if ax.ID == s.Axis {
					axis = cmp.Or(ax.Name, ax.ID)
				}
			}
			note = "framing swap: " + axis
		}
		if s.Count > 1 {
			note += fmt.Sprintf(" · %d times", s.Count)
		}
		head = append(head, pdfRun{Text: d.t("   " + note), Style: pdfStyle{Font: "I", Size: 8, Color: pdfGrey}})
		lines := d.wrap(head, d.width)
		exH := 0.0
		var rows [][]pdfLine
		for _, ex := range s.Examples[:min(1, len(s.Examples))] {
			for _, side := range []struct {
				ref  compare.SentenceRef
				term string
				c    pdfRGB
			}{{ex.A, s.TermA, ca}, {ex.B, s.TermB, cb}} {
				runs := append([]pdfRun{{Text: d.t(d.label(cmp.Or(side.ref.Outlet, d.outletOfArticle(side.ref.Article))) + ": "), Style: pdfStyle{Font: "B", Size: 8.5, Color: pdfBlack}}},
					d.markTerm(side.ref.Text, side.term, body, side.c)...)
				l := d.wrap(runs, d.width-6)
				rows = append(rows, l)
				exH += pdfLinesHeight(l) + 1
			}
		}
		d.need(pdfLinesHeight(lines) + exH + 3)
		d.y = d.drawLines(lines, d.left, d.y) + 1
		for _, l := range rows {
			d.f.SetDrawColor(pdfRule.R, pdfRule.G, pdfRule.B)
			d.f.SetLineWidth(0.6)
			d.f.Line(d.left+2, d.y+0.3, d.left+2, d.y+pdfLinesHeight(l)-0.3)
			d.y = d.drawLines(l, d.left+6, d.y) + 1
		}
		d.y += 2.5
	}
}

func (d *pdfDoc) outletOfArticle(id string) string {
	if a, ok := d.articles[id]; ok {
		return report.OutletName(a.Outlet)
	}
	return ""
}

// Who gets to speak.

// pdfVoiceEvent is the findings' voices of one shown event, with its
// outlets in the order of their labels.
type pdfVoiceEvent struct {
	event compare.Event
	compare.VoiceEvent
	outlets []compare.VoiceOutlet
}

func (d *pdfDoc) voiceEvents() []pdfVoiceEvent {
	byID := map[string]compare.Event{}
	for _, e := range d.events {
		byID[e.ID] = e
	}
	var out []pdfVoiceEvent
	for _, v := range d.find.Voices {
		ve := pdfVoiceEvent{event: byID[v.Event], VoiceEvent: v, outlets: slices.Clone(v.Outlets)}
		slices.SortStableFunc(ve.outlets, func(a, b compare.VoiceOutlet) int { return cmp.Compare(d.label(a.Outlet), d.label(b.Outlet)) })
		out = append(out, ve)
	}
	return out
}

var pdfSpeakerPalette = []pdfRGB{
	{44, 62, 80}, {211, 84, 0}, {39, 174, 96}, {142, 68, 173}, {41, 128, 185}, {192, 57, 43},
	{22, 160, 133}, {183, 149, 11}, {120, 66, 18}, {236, 112, 160},
}

// pdfSpeakerGrey colours speakers once the palette is used up.
var pdfSpeakerGrey = pdfRGB{127, 140, 141}

// speakerColours gives every speaker of evs one colour for the whole
// handout. Each name prefers the palette slot its FNV-1a hash picks, so a
// speaker tends to keep its colour from one corpus to the next; speakers
// with more quoted words claim their slot first, and a taken slot passes
// to the next free one.
func pdfSpeakerColours(evs []pdfVoiceEvent) map[string]pdfRGB {
	// The speakers quoted most across the events claim colours first.
	words := map[string]int{}
	for _, ve := range evs {
		for _, o := range ve.Outlets {
			for _, s := range o.Speakers {
				words[s.Speaker] += s.Words
			}
		}
		for _, sp := range ve.Speakers {
			words[sp] += 0
		}
	}
	speakers := slices.Sorted(maps.Keys(words))
	slices.SortStableFunc(speakers, func(a, b string) int { return cmp.Compare(words[b], words[a]) })
	taken := make([]bool, len(pdfSpeakerPalette))
	out := make(map[string]pdfRGB, len(speakers))
	for _, sp := range speakers {
		h := uint32(2166136261)
		for _, c := range []byte(strings.ToLower(sp)) {
			h = (h ^ uint32(c)) * 16777619
		}
		out[sp] = pdfSpeakerGrey
		for k := range taken {
			slot := (int(h%uint32(len(taken))) + k) % len(taken)
			if !taken[slot] {
				taken[slot] = true
				out[sp] = pdfSpeakerPalette[slot]
				break
			}
		}
	}
	return out
}

func (d *pdfDoc) voices() {
	evs := d.voiceEvents()
	if len(evs) == 0 {
		return
	}
	d.y += 2
	d.heading("Who gets to speak", 40)
	d.para("Each bar is one outlet's quoted words in its report of the event, split by speaker; a speaker has the same colour in every event. Whose words does each outlet carry, and whose does it leave out?")
	colours := pdfSpeakerColours(evs)
	for _, ve := range evs {
		d.voiceChart(ve, colours)
	}
}

func (d *pdfDoc) voiceChart(ve pdfVoiceEvent, colour map[string]pdfRGB) {
	st := pdfStyle{Size: 8, Color: pdfBlack}
	var legend []pdfRun
	for _, sp := range ve.Speakers {
		c := colour[sp]
		legend = append(legend, pdfRun{Text: "■", Style: pdfStyle{Size: 8, Color: c}}, pdfRun{Text: d.t(" " + sp + "   "), Style: st})
	}
	title := append([]pdfRun{{Text: d.t(cmp.Or(ve.event.Label, ve.event.ID) + "    "), Style: pdfStyle{Font: "B", Size: 9.5, Color: pdfInk}}}, legend...)
	titleLines := d.wrap(title, d.width)
	const row = 5.2
	h := pdfLinesHeight(titleLines) + 1 + float64(len(ve.outlets))*row + 2
	d.need(h)
	d.y = d.drawLines(titleLines, d.left, d.y) + 1
	labelW, countW := 36.0, 26.0
	barX := d.left + labelW + 2
	barW := d.width - labelW - 2 - countW
	for _, vo := range ve.outlets {
		o := vo.Outlet
		ls := pdfStyle{Font: "B", Size: 8, Color: pdfBlack}
		label := d.fit(d.t(d.label(o)), ls, labelW)
		d.f.SetFont(pdfFamily, "B", ls.Size)
		d.f.SetTextColor(pdfBlack.R, pdfBlack.G, pdfBlack.B)
		d.f.Text(d.left+labelW-d.f.GetStringWidth(label), d.y+row/2+1.1, label)
		bx := barX
		total := vo.Words
		for _, s := range vo.Speakers {
			sp, sh := s.Speaker, s.Share
			if sh <= 0 {
				continue
			}
			c := colour[sp]
			sw := barW * sh
			d.f.SetFillColor(c.R, c.G, c.B)
			d.f.Rect(bx, d.y+0.6, sw, row-1.2, "F")
			text := d.t(sp)
			d.f.SetFont(pdfFamily, "B", 6.5)
			if tw := d.f.GetStringWidth(text); tw+2 < sw {
				tc := pdfWhite
				if !c.dark() {
					tc = pdfBlack
				}
				d.f.SetTextColor(tc.R, tc.G, tc.B)
				d.f.Text(bx+(sw-tw)/2, d.y+row/2+0.9, text)
			}
			bx += sw
		}
		d.f.SetFont(pdfFamily, "", 7)
		d.f.SetTextColor(pdfGrey.R, pdfGrey.G, pdfGrey.B)
		if total > 0 {
			d.f.Text(barX+barW+2, d.y+row/2+0.9, pdfCount(total, "quoted word"))
		}
		d.y += row
	}
	d.y += 2
}

// Glossary.

type pdfGlossTerm struct {
	pole  pdfPole
	term  framing.Term
	known bool
	// uses counts narrator and quoted uses per outlet.
	uses map[string]*pdfTally
	// order is the lexicon position, for sorting.
	order int
}

func (d *pdfDoc) glossaryTerms() []pdfGlossTerm {
	byKey := map[string]*pdfGlossTerm{}
	order := map[string]int{}
	lex := map[string]framing.Term{}
	n := 0
	for _, ax := range d.axes {
		for _, p := range ax.Poles {
			for _, t := range p.Terms {
				k := pdfKey(pdfKey(ax.ID, p.ID), strings.ToLower(t.Text))
				order[k] = n
				lex[k] = t
				n++
			}
		}
	}
	for _, tl := range d.find.Tallies {
		p := d.pole(framing.Hit{Axis: tl.Axis, Pole: tl.Pole})
		k := pdfKey(pdfKey(p.Axis, p.Pole), strings.ToLower(tl.Term))
		g := byKey[k]
		if g == nil {
			t, known := lex[k]
			if !known {
				t = framing.Term{Text: tl.Term}
			}
			o, ok := order[k]
			if !ok {
				o = n + len(byKey)
			}
			g = &pdfGlossTerm{pole: p, term: t, known: known, uses: map[string]*pdfTally{}, order: o}
			byKey[k] = g
		}
		if g.uses[tl.Outlet] == nil {
			g.uses[tl.Outlet] = &pdfTally{}
		}
		g.uses[tl.Outlet].narrator += tl.Narrator
		g.uses[tl.Outlet].quoted += tl.Quoted
	}
	var out []pdfGlossTerm
	for _, k := range slices.Sorted(maps.Keys(byKey)) {
		out = append(out, *byKey[k])
	}
	slices.SortStableFunc(out, func(a, b pdfGlossTerm) int { return cmp.Compare(a.order, b.order) })
	// Within an axis, the terms outlets chose in their own words come
	// first; those met only inside quotations follow.
	axisAt := map[string]int{}
	for i, g := range out {
		if _, ok := axisAt[g.pole.Axis]; !ok {
			axisAt[g.pole.Axis] = i
		}
	}
	slices.SortStableFunc(out, func(a, b pdfGlossTerm) int {
		return cmp.Or(cmp.Compare(axisAt[a.pole.Axis], axisAt[b.pole.Axis]), cmp.Compare(pdfQuotedOnly(a), pdfQuotedOnly(b)))
	})
	return out
}

func (d *pdfDoc) glossary() {
	terms := d.glossaryTerms()
	if len(terms) == 0 {
		return
	}
	d.y += 2
	d.heading("Glossary of loaded terms", 30)
	d.para("Every lexicon term found in these articles: what the word carries with it, a plainer alternative (→), and who used it, in its own words or inside a quotation. Terms only ever quoted close each group.")
	const gap = 6
	colW := (d.width - gap) / 2
	small := pdfStyle{Size: 7.2, Color: pdfBlack}
	grey := pdfStyle{Size: 6.8, Color: pdfGrey}
	var blocks []pdfBlock
	axis := ""
	for _, g := range terms {
		if g.pole.Axis != axis {
			axis = g.pole.Axis
			head := []pdfRun{{Text: pdfClean(d.g, g.pole.AxisName), Style: pdfStyle{Font: "B", Size: 8.5, Color: pdfInk}}}
			lines := d.wrap(head, colW)
			blocks = append(blocks, pdfBlock{lines: append([]pdfLine{{H: 1.2}}, lines...), keep: true, head: true})
		}
		runs := []pdfRun{{Text: pdfClean(d.g, g.term.Text), Style: pdfHitStyle(pdfStyle{Font: "B", Size: 7.2, Color: pdfBlack}, g.pole.Color, false)}}
		if g.term.Neutral != "" {
			runs = append(runs, pdfRun{Text: pdfClean(d.g, " → "+g.term.Neutral+"."), Style: pdfStyle{Font: "I", Size: 7.2, Color: pdfBlack}})
		}
		if g.term.Note != "" {
			runs = append(runs, pdfRun{Text: pdfClean(d.g, " "+g.term.Note), Style: small})
		}
		outlets := slices.Sorted(maps.Keys(g.uses))
		slices.SortStableFunc(outlets, func(a, b string) int { return cmp.Compare(d.label(a), d.label(b)) })
		for i, o := range outlets {
			u := g.uses[o]
			sep := " · "
			if i > 0 {
				sep = ", "
			}
			// No-break spaces keep a count on the line of its outlet.
			own := ""
			if u.narrator > 0 {
				own = fmt.Sprintf("\u00a0%d", u.narrator)
			}
			runs = append(runs, pdfRun{Text: d.t(sep + d.label(o) + own), Style: pdfStyle{Font: "B", Size: 6.8, Color: pdfInk}})
			if u.quoted > 0 {
				runs = append(runs, pdfRun{Text: fmt.Sprintf(" (+%d\u00a0quoted)", u.quoted), Style: grey})
			}
		}
		lines := d.wrap(runs, colW)
		blocks = append(blocks, pdfBlock{lines: append(lines, pdfLine{H: 0.7})})
	}
	d.columns(blocks, colW, gap)
	d.y += 2
	d.markerGlossary()
}

// pdfQuotedOnly is 1 for a term no outlet used in its own words.
func pdfQuotedOnly(g pdfGlossTerm) int {
	for _, u := range g.uses {
		if u.narrator > 0 {
			return 0
		}
	}
	return 1
}

// pdfBlock is a piece of two-column text that never splits; keep holds it
// in the same column as the block after it, and head marks a group's
// heading, which does not start a column with space above.
type pdfBlock struct {
	lines      []pdfLine
	keep, head bool
}

// columns lays blocks out in two columns of width colW from the cursor,
// filling the left column first and going on to new pages as needed. On
// the last page the columns are balanced.
func (d *pdfDoc) columns(blocks []pdfBlock, colW, gap float64) {
	height := func(bs []pdfBlock) float64 {
		h := 0.0
		for _, b := range bs {
			h += pdfLinesHeight(b.lines)
		}
		return h
	}
	// unit is the run of blocks from i that must stay together.
	unit := func(i int) int {
		j := i
		for j < len(blocks)-1 && blocks[j].keep {
			j++
		}
		return j + 1
	}
	for i := 0; i < len(blocks); {
		d.need(pdfLinesHeight(blocks[i].lines) + 8)
		top := d.y
		avail := d.bottom - top
		// Balance when what is left fits on this page: aim each column at
		// half the rest, never less than its tallest unit.
		target := avail
		if rest := height(blocks[i:]); rest <= 2*avail {
			target = min(avail, rest/2+2)
		}
		bottom := top
		for col := 0; col < 2 && i < len(blocks); col++ {
			x := d.left + float64(col)*(colW+gap)
			y := top
			for i < len(blocks) {
				j := unit(i)
				h := height(blocks[i:j])
				if blocks[i].head && y == top {
					h -= blocks[i].lines[0].H
				}
				if y > top && (y+h > top+avail || col == 0 && y-top+h/2 > target) {
					break
				}
				for k := i; k < j; k++ {
					lines := blocks[k].lines
					if blocks[k].head && y == top {
						lines = lines[1:]
					}
					y = d.drawLines(lines, x, y)
				}
				i = j
			}
			bottom = max(bottom, y)
		}
		d.y = bottom
		if i < len(blocks) {
			d.newPage()
		}
	}
}

// Discussion questions.

func (d *pdfDoc) questions() {
	qs := d.discussion()
	if len(qs) == 0 {
		return
	}
	d.y += 2
	d.heading("Questions for discussion", 40)
	num := pdfStyle{Font: "B", Size: 10, Color: pdfInk}
	for i, q := range qs {
		lines := d.wrap([]pdfRun{{Text: d.t(q), Style: pdfStyle{Size: 9, Color: pdfBlack}}}, d.width-7)
		d.need(pdfLinesHeight(lines) + 2)
		d.f.SetFont(pdfFamily, num.Font, num.Size)
		d.f.SetTextColor(num.Color.R, num.Color.G, num.Color.B)
		d.f.Text(d.left, d.y+3.3, fmt.Sprintf("%d.", i+1))
		d.y = d.drawLines(lines, d.left+7, d.y) + 1.4
	}
}

// Method and limits.

func (d *pdfDoc) method() {
	d.y += 2
	d.heading("Method and limits", 30)
	words := d.find.Words
	terms := 0
	for _, ax := range d.axes {
		for _, p := range ax.Poles {
			terms += len(p.Terms)
		}
	}
	lex := cmp.Or(d.res.Lexicon.Name, "the default")
	// The method is small print in two columns: a bold lead-in, then the
	// text.
	const gap = 6
	colW := (d.width - gap) / 2
	var blocks []pdfBlock
	para := func(lead, text string) {
		st := pdfStyle{Size: 8, Color: pdfBlack}
		lines := d.wrap([]pdfRun{{Text: d.t(lead + " "), Style: pdfStyle{Font: "B", Size: 8, Color: pdfInk}}, {Text: d.t(text), Style: st}}, colW)
		blocks = append(blocks, pdfBlock{lines: append(lines, pdfLine{H: 1.4})})
	}
	para("What was read.", fmt.Sprintf("%s from %s (%s words), cleaned of menus, captions and other page furniture. The excerpts show each article's headline and opening paragraphs as published; nothing in them has been edited except, in blind mode, the outlets' own names.", pdfCount(len(d.selected), "article"), pdfCount(len(d.outlets), "outlet"), pdfThousands(words)))
	if terms > 0 {
		para("What was counted.", fmt.Sprintf("The words of a framing lexicon (%q: %s on %s), each a way of naming the same thing: \"regime\" or \"government\", \"terrorists\" or \"rebels\". A word counts when it or a form of it (\"liberated\", \"liberating\") appears; \"Syrian government\" counts once, as one phrase. Words inside quotation marks are counted apart, as the quoted person's choice, not the outlet's. A word in scare quotes or after \"so-called\" still counts, and is underlined with dots in the excerpts.", lex, pdfCount(terms, "term"), pdfCount(len(d.axes), "axis")))
	}
	if len(d.res.Events) > 0 {
		win := d.res.Settings.DateWindowDays
		if win == 0 {
			win = 3
		}
		para("How articles were grouped.", fmt.Sprintf("Articles are put in the same event when they share enough wording and names and were published within %d days of each other. Sentences are lined up across articles by shared content, so a word swap is shown only where the rest of the sentence matches.", win))
	}
	para("Limits.", "A lexicon only finds the words someone thought to list: irony, tone, pictures and what an article leaves out are not counted, and a word can be used to criticise the very idea it names. Speakers are matched to quotations by rules that can err, especially with \"he said\". With a handful of articles per outlet, counts show what these articles did, not what an outlet always does. Use the numbers to start a close reading, not to end it.")
	if n := len(d.res.Warnings); n > 0 {
		para("Not read.", fmt.Sprintf("%s could not be read and are not included.", pdfCount(n, "input")))
	}
	d.columns(blocks, colW, gap)
}

func pdfThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Answer key.

func (d *pdfDoc) answerKey() {
	if !d.opts.Blind || len(d.outlets) == 0 {
		return
	}
	d.newPage()
	d.heading("Answer key: who the sources are", 30)
	d.flow([]pdfRun{{Text: "For the teacher. Reveal after the discussion.", Style: pdfStyle{Font: "I", Size: 9.5, Color: pdfGrey}}}, d.left, d.width)
	d.y += 2
	cell := pdfStyle{Size: 8, Color: pdfBlack}
	bold := pdfStyle{Font: "B", Size: 8, Color: pdfBlack}
	byOutlet := map[string][]*corpus.Article{}
	for _, a := range d.selected {
		byOutlet[report.OutletName(a.Outlet)] = append(byOutlet[report.OutletName(a.Outlet)], a)
	}
	order := slices.Clone(d.outlets)
	slices.SortFunc(order, func(a, b string) int { return cmp.Compare(d.label(a), d.label(b)) })
	var rows [][]pdfCell
	urlW := d.width - 127 - 2*pdfCellPad
	for _, o := range order {
		in := d.info[o]
		var links []pdfRun
		for i, a := range byOutlet[o] {
			if i > 0 {
				links = append(links, pdfRun{Text: " ", Style: cell})
			}
			if a.URL == "" {
				links = append(links, pdfRun{Text: pdfClean(d.g, cmp.Or(a.Title, a.ID)), Style: pdfStyle{Font: "I", Size: 7, Color: pdfGrey}})
				continue
			}
			links = append(links, d.urlRun(a.URL, pdfStyle{Size: 7, Color: pdfLinkBlue}, urlW))
		}
		rows = append(rows, []pdfCell{
			pdfText(d.label(o), bold),
			pdfText(pdfClean(d.g, o), bold),
			pdfText(pdfClean(d.g, strings.Join(pdfNonEmpty(in.Country, in.Kind), " · ")), cell),
			pdfText(pdfClean(d.g, cmp.Or(in.Owner, "—")), cell),
			{Runs: links},
		})
	}
	d.table([]string{"Source", "Outlet", "Country · kind", "Owner", "Articles"}, []float64{20, 30, 32, 45, d.width - 127}, rows, nil)
}

func pdfNonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return []string{"—"}
	}
	return out
}
