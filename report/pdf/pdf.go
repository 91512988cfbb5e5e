// Package pdf writes a compare.Result as report.pdf, a printable handout:
// the events' articles with their framing terms marked, charts per outlet,
// findings, a glossary and discussion questions. Its fonts are embedded and
// subset to the characters used.
package pdf

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
)

// Options control Write.
type Options struct {
	// Title overrides the title made from the events.
	Title string
	// Blind shows outlets as Source A, B, C… everywhere, masks their names,
	// aliases and domains inside quoted text, and adds an answer key as the
	// last page.
	Blind bool
	// Paper is "a4" (the default when empty) or "letter".
	Paper string
	// Events are the ids of the events to show, in order; empty means the
	// largest MaxEvents events.
	Events []string
	// MaxEvents caps the events chosen when Events is empty, the largest
	// first (compare.LargestEvents); 0 means compare.DefaultFindingEvents.
	MaxEvents int
	// Settings is printed in every page's footer, to record how the
	// handout was generated (for example the command line's options).
	Settings string
	// CJKFont is the font file (TTF, OTF or TTC) for Chinese, Japanese and
	// Korean text; empty looks in CJKFonts, "none" uses none. Only the
	// glyphs the handout uses are embedded.
	CJKFont string
	// Warn, when set, is called with a message naming the characters no
	// font could draw (they are shown as U+FFFD).
	Warn func(msg string)
}

// ErrUnknownEvent is wrapped by Write's error when Options.Events
// names an event the Result lacks.
var ErrUnknownEvent = errors.New("unknown event")

// ErrUnknownPaper is wrapped by Write's error when Options.Paper is
// neither "a4" nor "letter".
var ErrUnknownPaper = errors.New("unknown paper size")

const pdfFamily = "go"

// Write writes res as a printable handout for media-literacy teaching:
// a cover, a chart per framing axis, each event's articles side by side
// with framing terms highlighted, shared quotations, word swaps, voice
// share, a glossary, discussion questions drawn from the findings, and a
// note on method. Sections with nothing to show are left out.
//
// The same res and opts give the same bytes: the document's dates come from
// the latest article date, never the clock. Write returns an error
// wrapping ErrUnknownEvent or ErrUnknownPaper for bad options, or the
// first error building or writing the document.
func Write(w io.Writer, res *compare.Result, opts Options) error {
	return WriteContext(context.Background(), w, res, opts)
}

// WriteContext is Write that stops laying the handout out once ctx
// is done, returning ctx's error; nothing is written to w then.
func WriteContext(ctx context.Context, w io.Writer, res *compare.Result, opts Options) (err error) {
	if res == nil {
		return errors.New("pdf: nil result")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	d, err := newPDFDoc(res, opts)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	d.ctx = ctx
	defer func() {
		// fpdf reports some misuse by panicking; turn that into an error
		// rather than taking the caller down. Cancellation unwinds the
		// layout the same way.
		if r := recover(); r != nil {
			if c, ok := r.(pdfCancel); ok {
				err = c.err
				return
			}
			err = fmt.Errorf("pdf: %v", r)
		}
	}()
	d.render()
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if msg := pdfMissingWarning(d.g.missingRunes(), d.cjkFound); msg != "" && opts.Warn != nil {
		opts.Warn(msg)
	}
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// pdfPole is what the handout needs to know about one pole.
type pdfPole struct {
	Axis, AxisName string
	Pole, PoleName string
	Color          pdfRGB
}

type pdfDoc struct {
	f    *fpdf.Fpdf
	res  *compare.Result
	opts Options
	g    *pdfGlyphs
	// fontsAdded are the fallback faces' fonts added so far, by family and
	// style; cjkFound is set when a CJK font was read.
	fontsAdded map[string]bool
	cjkFound   bool

	pageW, pageH      float64
	left, top, bottom float64
	width             float64
	y                 float64
	title             string

	articles map[string]*corpus.Article
	events   []compare.Event
	// selected are the articles of the shown events (all articles when the
	// Result has no events), by date then id.
	selected    []*corpus.Article
	selectedSet map[string]bool
	outlets     []string
	labels      map[string]string
	info        map[string]corpus.Outlet
	masker      *pdfMasker

	axes  []framing.Axis
	poles map[string]pdfPole // by axis+"\x00"+pole, ids and names both
	hits  map[string][]framing.Hit
	// find are the findings of the shown events: the counts, groupings
	// and facts the handout states, from the Result.
	find *compare.Findings

	// ctx stops the layout when done; see checkCancel.
	ctx context.Context
}

// pdfCancel carries ctx's error from deep in the layout up to
// WriteContext, which recovers it.
type pdfCancel struct{ err error }

// checkCancel unwinds the layout with a pdfCancel once d.ctx is done. The
// layout's long loops call it.
func (d *pdfDoc) checkCancel() {
	if d.ctx == nil {
		return
	}
	if err := d.ctx.Err(); err != nil {
		panic(pdfCancel{err})
	}
}

// pdfPoleColor is report.PoleColor as the handout draws it.
func pdfPoleColor(i int) pdfRGB {
	c, _ := pdfParseColor(report.PoleColor(i))
	return c
}

func newPDFDoc(res *compare.Result, opts Options) (*pdfDoc, error) {
	d := &pdfDoc{res: res, opts: opts}
	var err error
	cjk, err := pdfFindCJK(opts.CJKFont, pdfCJKRunes(res.Articles, res.Lex, res.Outlets, opts.Title))
	if err != nil {
		return nil, err
	}
	d.cjkFound = cjk != nil
	if d.g, err = pdfAllGlyphs(cjk); err != nil {
		return nil, err
	}
	var size string
	switch strings.ToLower(strings.TrimSpace(opts.Paper)) {
	case "", "a4":
		size, d.pageW, d.pageH = "A4", 210, 297
	case "letter":
		size, d.pageW, d.pageH = "Letter", 215.9, 279.4
	default:
		return nil, fmt.Errorf("%w %q (want a4 or letter)", ErrUnknownPaper, opts.Paper)
	}
	d.left, d.top = 16, 16
	d.width = d.pageW - 2*d.left
	d.bottom = d.pageH - 18

	d.articles = make(map[string]*corpus.Article, len(res.Articles))
	for i := range res.Articles {
		d.articles[res.Articles[i].ID] = &res.Articles[i]
	}
	if err := d.chooseEvents(); err != nil {
		return nil, err
	}
	ids := make([]string, len(d.events))
	for i, e := range d.events {
		ids[i] = e.ID
	}
	d.find = res.FindingsOf(ids)
	d.chooseOutlets()
	d.indexLexicon()
	d.indexHits()
	d.title = d.makeTitle()

	f := fpdf.New("P", "mm", size, "")
	f.SetCatalogSort(true)
	f.SetCompression(true)
	when := pdfDocDate(res.Articles)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.SetTitle(d.t(d.title), true)
	f.SetCreator("framediff "+res.Tool.Version, true)
	f.SetLang("en")
	f.AddUTF8FontFromBytes(pdfFamily, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "I", goitalic.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "BI", gobolditalic.TTF)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(d.left, d.top, d.left)
	f.AliasNbPages("{nb}")
	d.f = f
	f.SetHeaderFunc(d.header)
	f.SetFooterFunc(d.footer)
	return d, nil
}

// pdfDocDate is the latest article date, so the document's dates derive
// from its input; a corpus without dates gets a fixed date.
func pdfDocDate(arts []corpus.Article) time.Time {
	var latest time.Time
	for _, a := range arts {
		if !a.Published.IsZero() && a.Published.Time.After(latest) {
			latest = a.Published.Time
		}
	}
	if latest.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return latest.UTC()
}

func (d *pdfDoc) chooseEvents() error {
	byID := make(map[string]compare.Event, len(d.res.Events))
	for _, e := range d.res.Events {
		byID[e.ID] = e
	}
	if len(d.opts.Events) > 0 {
		seen := map[string]bool{}
		for _, id := range d.opts.Events {
			e, ok := byID[id]
			if !ok {
				return fmt.Errorf("%w %q", ErrUnknownEvent, id)
			}
			if !seen[id] {
				seen[id] = true
				d.events = append(d.events, e)
			}
		}
	} else {
		n := d.opts.MaxEvents
		if n <= 0 {
			n = compare.DefaultFindingEvents
		}
		for _, id := range compare.LargestEvents(d.res, n) {
			d.events = append(d.events, byID[id])
		}
	}
	d.selectedSet = map[string]bool{}
	if len(d.res.Events) == 0 {
		for id := range d.articles {
			d.selectedSet[id] = true
		}
	}
	for _, e := range d.events {
		for _, id := range e.Articles {
			if _, ok := d.articles[id]; ok {
				d.selectedSet[id] = true
			}
		}
	}
	for id := range d.selectedSet {
		d.selected = append(d.selected, d.articles[id])
	}
	slices.SortFunc(d.selected, report.ByDate)
	return nil
}

func (d *pdfDoc) chooseOutlets() {
	d.labels = map[string]string{}
	d.info = map[string]corpus.Outlet{}
	for _, a := range d.selected {
		o := report.OutletName(a.Outlet)
		if _, ok := d.labels[o]; ok {
			continue
		}
		d.outlets = append(d.outlets, o)
		d.labels[o] = o
		if d.opts.Blind {
			d.labels[o] = report.SourceLabel(len(d.outlets) - 1)
		}
	}
	if !d.opts.Blind {
		slices.Sort(d.outlets)
	}
	for _, o := range d.res.Outlets {
		for _, name := range d.outlets {
			if strings.EqualFold(o.Name, name) {
				d.info[name] = o
			}
		}
	}
	if d.opts.Blind {
		names := map[string][]string{}
		for _, name := range d.outlets {
			o := d.info[name]
			names[name] = append(append([]string{name}, o.Aliases...), o.Domains...)
		}
		d.masker = newPDFMasker(names, d.labels)
	}
}

func pdfParseColor(s string) (pdfRGB, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return pdfRGB{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return pdfRGB{}, false
	}
	return pdfRGB{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}, true
}

func pdfKey(axis, pole string) string { return axis + "\x00" + pole }

func (d *pdfDoc) indexLexicon() {
	d.poles = map[string]pdfPole{}
	if d.res.Lex != nil {
		d.axes = d.res.Lex.Axes
	}
	known := map[string]bool{}
	for _, ax := range d.axes {
		known[ax.ID] = true
		for i, p := range ax.Poles {
			c, _ := pdfParseColor(report.PoleColorFor(p.Color, i))
			info := pdfPole{Axis: ax.ID, AxisName: cmp.Or(ax.Name, ax.ID), Pole: p.ID, PoleName: cmp.Or(p.Name, p.ID), Color: c}
			d.poles[pdfKey(ax.ID, p.ID)] = info
			d.poles[pdfKey(ax.Name, p.Name)] = info
		}
	}
	// Hits on axes the lexicon does not describe still get an axis, with
	// poles in name order.
	if d.res.Framing == nil {
		return
	}
	extra := map[string][]string{}
	for _, h := range d.res.Framing.Hits {
		if _, ok := d.poles[pdfKey(h.Axis, h.Pole)]; ok {
			continue
		}
		if !slices.Contains(extra[h.Axis], h.Pole) {
			extra[h.Axis] = append(extra[h.Axis], h.Pole)
		}
	}
	for _, axis := range slices.Sorted(maps.Keys(extra)) {
		ax := framing.Axis{ID: axis, Name: axis}
		poles := extra[axis]
		slices.Sort(poles)
		for i, p := range poles {
			ax.Poles = append(ax.Poles, framing.Pole{ID: p, Name: p})
			d.poles[pdfKey(axis, p)] = pdfPole{Axis: axis, AxisName: axis, Pole: p, PoleName: p, Color: pdfPoleColor(i)}
		}
		d.axes = append(d.axes, ax)
	}
}

// indexHits keeps, per selected article, the hits its text marks.
func (d *pdfDoc) indexHits() {
	d.hits = compare.MarkedHits(d.res, d.articles, func(id string) bool { return d.selectedSet[id] })
}

func (d *pdfDoc) pole(h framing.Hit) pdfPole {
	if p, ok := d.poles[pdfKey(h.Axis, h.Pole)]; ok {
		return p
	}
	return pdfPole{Axis: h.Axis, AxisName: h.Axis, Pole: h.Pole, PoleName: h.Pole, Color: pdfGrey}
}

func (d *pdfDoc) makeTitle() string {
	if t := strings.TrimSpace(d.opts.Title); t != "" {
		return t
	}
	switch len(d.events) {
	case 0:
		if len(d.outlets) == 0 {
			return "No articles to compare"
		}
		return fmt.Sprintf("How %s report the news", pdfCount(len(d.outlets), "outlet"))
	case 1:
		return d.events[0].Name()
	}
	return fmt.Sprintf("%s, and %s", d.events[0].Name(), pdfCount(len(d.events)-1, "other event"))
}

func pdfCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	if strings.HasSuffix(noun, "is") {
		return fmt.Sprintf("%d %ses", n, noun[:len(noun)-2])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// t prepares text for drawing: masked in blind mode, then cleaned.
func (d *pdfDoc) t(s string) string {
	if d.masker != nil {
		s = d.masker.apply(s)
	}
	return pdfClean(d.g, s)
}

func (d *pdfDoc) label(outlet string) string {
	if l, ok := d.labels[outlet]; ok {
		return l
	}
	if d.opts.Blind {
		return "another source"
	}
	return cmp.Or(outlet, compare.UnknownOutlet)
}

func (d *pdfDoc) labelOf(a *corpus.Article) string { return d.label(report.OutletName(a.Outlet)) }

// Page furniture.

func (d *pdfDoc) header() {
	if d.f.PageNo() == 1 {
		return
	}
	st := pdfStyle{Size: 7.5, Color: pdfGrey}
	d.f.SetFont(pdfFamily, "", st.Size)
	d.f.SetTextColor(pdfGrey.R, pdfGrey.G, pdfGrey.B)
	d.label1(d.left, d.top-4, d.fit(d.t(d.title), st, d.width), st)
	d.f.SetDrawColor(pdfRule.R, pdfRule.G, pdfRule.B)
	d.f.SetLineWidth(0.2)
	d.f.Line(d.left, d.top-2.5, d.left+d.width, d.top-2.5)
}

func (d *pdfDoc) footer() {
	st := pdfStyle{Size: 7, Color: pdfGrey}
	y := d.pageH - 14.5
	d.f.SetDrawColor(pdfRule.R, pdfRule.G, pdfRule.B)
	d.f.SetLineWidth(0.2)
	d.f.Line(d.left, y, d.left+d.width, y)
	page := fmt.Sprintf("Page %d of {nb}", d.f.PageNo())
	pageW := d.measure("Page 000 of 000", st)
	settings := "Made with " + cmp.Or(d.res.Tool.Name, "framediff") + " " + d.res.Tool.Version
	if d.res.Lexicon.Name != "" {
		settings += " · lexicon " + d.res.Lexicon.Name
		if len(d.res.Lexicon.Digest) >= 8 {
			settings += " (" + d.res.Lexicon.Digest[:8] + ")"
		}
	}
	if s := strings.TrimSpace(d.opts.Settings); s != "" {
		settings += " · " + s
	}
	lines := d.wrap([]pdfRun{{Text: d.t(settings), Style: st}}, d.width-pageW-4)
	if len(lines) > 2 {
		lines = lines[:2]
		last := &lines[1].Items[len(lines[1].Items)-1]
		last.Text = d.fit(last.Text+"…", st, d.width-pageW-4-last.X)
	}
	d.drawLines(lines, d.left, y+1)
	d.f.SetFont(pdfFamily, "", st.Size)
	d.f.SetTextColor(pdfGrey.R, pdfGrey.G, pdfGrey.B)
	// The total is filled in after the last page, so the label starts where
	// the widest plausible one ("Page 000 of 000") would.
	d.f.Text(d.left+d.width-d.f.GetStringWidth("Page 000 of 000"), y+1+2.5, page)
}

func (d *pdfDoc) newPage() {
	d.f.AddPage()
	d.y = d.top + 2
}

// need starts a new page unless h millimetres fit below the cursor.
func (d *pdfDoc) need(h float64) {
	if d.y+h > d.bottom {
		d.newPage()
	}
}

// heading draws a section heading, kept with at least keep millimetres of
// what follows.
func (d *pdfDoc) heading(text string, keep float64) {
	st := pdfStyle{Font: "B", Size: 15, Color: pdfInk}
	lines := d.wrap([]pdfRun{{Text: d.t(text), Style: st}}, d.width)
	h := pdfLinesHeight(lines) + 3
	d.need(h + keep)
	d.y = d.drawLines(lines, d.left, d.y)
	d.f.SetDrawColor(pdfInk.R, pdfInk.G, pdfInk.B)
	d.f.SetLineWidth(0.5)
	d.f.Line(d.left, d.y+0.8, d.left+d.width, d.y+0.8)
	d.y += 3
}

func (d *pdfDoc) subheading(text string, keep float64) {
	st := pdfStyle{Font: "B", Size: 11, Color: pdfInk}
	lines := d.wrap([]pdfRun{{Text: d.t(text), Style: st}}, d.width)
	d.need(pdfLinesHeight(lines) + keep)
	d.y = d.drawLines(lines, d.left, d.y) + 1
}

var pdfBody = pdfStyle{Size: 9.5, Color: pdfBlack}

// para flows text in the body style and leaves a small gap after it.
func (d *pdfDoc) para(text string) {
	d.flow([]pdfRun{{Text: d.t(text), Style: pdfBody}}, d.left, d.width)
	d.y += 1.8
}

func (d *pdfDoc) render() {
	for _, section := range []func(){
		d.newPage, d.cover, d.glance, d.eventPages, d.quotes, d.swaps,
		d.voices, d.glossary, d.questions, d.method, d.answerKey,
	} {
		d.checkCancel()
		section()
	}
}

// pdfCell is one table cell: runs, drawn wrapped, optionally on a fill.
type pdfCell struct {
	Runs []pdfRun
	Fill *pdfRGB
}

func pdfText(s string, st pdfStyle) pdfCell { return pdfCell{Runs: []pdfRun{{Text: s, Style: st}}} }

// pdfCellPad is the padding inside a table cell, in millimetres.
const pdfCellPad = 1.1

// table draws rows under a header row, with cells wrapped to their
// columns; a row never splits across pages, and the header repeats on each
// new page. Text must already be cleaned.
//
// A row of one cell spans every column. Rows alternate a light background,
// or follow shade when it is given.
func (d *pdfDoc) table(header []string, widths []float64, rows [][]pdfCell, shade func(row int) bool) {
	const pad = pdfCellPad
	hst := pdfStyle{Font: "B", Size: 8, Color: pdfWhite}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	width := func(cells []pdfCell, i int) float64 {
		if len(cells) == 1 {
			return total
		}
		return widths[i]
	}
	layout := func(cells []pdfCell) ([][]pdfLine, float64) {
		d.checkCancel()
		out := make([][]pdfLine, len(cells))
		h := 0.0
		for i, c := range cells {
			out[i] = d.wrap(c.Runs, width(cells, i)-2*pad)
			h = max(h, pdfLinesHeight(out[i]))
		}
		return out, h + 2*pad
	}
	hcells := make([]pdfCell, len(header))
	for i, s := range header {
		hcells[i] = pdfText(s, hst)
	}
	drawRow := func(cells []pdfCell, lines [][]pdfLine, h float64, fill *pdfRGB) {
		x := d.left
		for i, c := range cells {
			f := cmp.Or(c.Fill, fill)
			if f != nil {
				d.f.SetFillColor(f.R, f.G, f.B)
				d.f.Rect(x, d.y, width(cells, i), h, "F")
			}
			d.drawLines(lines[i], x+pad, d.y+pad)
			x += width(cells, i)
		}
		d.f.SetDrawColor(pdfRule.R, pdfRule.G, pdfRule.B)
		d.f.SetLineWidth(0.2)
		d.f.Line(d.left, d.y+h, x, d.y+h)
		d.y += h
	}
	hl, hh := layout(hcells)
	drawHeader := func() { drawRow(hcells, hl, hh, &pdfInk) }
	d.need(hh + 10)
	drawHeader()
	maxH := d.bottom - d.top - hh - 6
	for i, r := range rows {
		lines, h := layout(r)
		if h > maxH {
			// A row taller than a page is cut; its cells say so.
			for c := range lines {
				lines[c] = pdfCutLines(lines[c], maxH-2*pad)
			}
			h = maxH
		}
		if d.y+h > d.bottom {
			d.newPage()
			drawHeader()
		}
		var zebra *pdfRGB
		if shade == nil && i%2 == 1 || shade != nil && shade(i) {
			zebra = &pdfRGB{246, 246, 246}
		}
		drawRow(r, lines, h, zebra)
	}
	d.y += 3
}

// pdfCutLines keeps the lines that fit in h, marking a cut with "[…]".
func pdfCutLines(lines []pdfLine, h float64) []pdfLine {
	if pdfLinesHeight(lines) <= h {
		return lines
	}
	var out []pdfLine
	used := 0.0
	for _, l := range lines {
		if used+2*l.H > h {
			break
		}
		out = append(out, l)
		used += l.H
	}
	if len(out) == 0 && len(lines) > 0 {
		out = append(out, lines[0])
	}
	st := pdfStyle{Font: "I", Size: 7.5, Color: pdfGrey}
	if n := len(out); n > 0 && len(out[n-1].Items) > 0 {
		st = out[n-1].Items[0].Style
		st.Font, st.Fill, st.Outline, st.Dotted, st.Link, st.Color = "I", nil, nil, nil, "", pdfGrey
	}
	out = append(out, pdfLine{Items: []pdfPlaced{{Text: "[…]", Style: st, W: 5, run: -1}}, W: 5, H: pdfLineHeight(st.Size)})
	return out
}
