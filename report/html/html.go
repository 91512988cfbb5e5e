// Package html writes a compare.Result as one self-contained web page,
// report.html: an overview of the outlets and their framing choices, each
// event's articles side by side with framing terms highlighted, aligned
// passages with word diffs, shared quotations, word swaps, who gets to
// speak, a terms table whose every count links to its hits in context, and
// a glossary. Filters by outlet, axis and voice, a search box and a blind
// mode run on a little inline JavaScript; nothing is fetched from the
// network. A large report (see Options.InlineHits) carries its articles as
// compressed data, and its script builds each event when the reader opens
// it, so that the page opens in seconds whatever the size of the corpus.
//
// Every string from the Result is escaped by html/template; a URL is a
// link only when it is http or https. A Content-Security-Policy allows the
// page's own script (by hash) and inline styles and nothing else, so no
// script or request can come from the data even if escaping failed.
package html

import (
	"bufio"
	"cmp"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
)

// Options control Write.
type Options struct {
	// Title overrides the title made from the events.
	Title string
	// Blind opens the page with outlets shown as Source A, B, C… and their
	// owners, countries and addresses hidden until the reader reveals them.
	Blind bool
	// Settings is shown in the footer, to record how the report was made.
	Settings string
	// InlineHits is the most hits a report may have and still be written
	// out whole (0 means 20,000; negative, none). A larger report carries
	// its articles as data, from which the page's script builds an event's
	// articles when the reader opens it, and each list of hits in context
	// when the reader opens it from the terms table: the page then opens
	// in seconds whatever the size of the corpus, but needs its script to
	// show the articles.
	InlineHits int
}

var (
	//go:embed report.tmpl
	pageTemplate string
	//go:embed style.css
	styleCSS string
	//go:embed script.js
	scriptJS string
)

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"plural": plural,
	"inc":    func(i int) int { return i + 1 },
}).Parse(pageTemplate))

// scriptHash is the CSP source that allows the page's own script and no
// other.
var scriptHash = func() string {
	sum := sha256.Sum256([]byte(scriptJS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// Write writes res as report.html to w. The same res and opts give the same
// bytes. It returns an error for a nil res, ctx's error once ctx is done,
// or the first write error.
func Write(ctx context.Context, w io.Writer, res *compare.Result, opts Options) error {
	if res == nil {
		return errors.New("html: nil result")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p, err := build(res, opts)
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	bw := bufio.NewWriterSize(&ctxWriter{ctx: ctx, w: w}, 64<<10)
	if err := tmpl.Execute(bw, p); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("html: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("html: write: %w", err)
	}
	return nil
}

type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// The page's model. Indices, never input strings, make ids and data
// attributes, so that anchors stay valid whatever the input holds.

type page struct {
	Title    string
	Subtitle string
	CSP      string
	CSS      template.CSS
	Script   template.JS
	Blind    bool
	Tool     string
	Settings string
	Lexicon  string

	Outlets   []*outletView
	Axes      []*axisView
	Events    []*eventView
	Listed    []*eventView // the events the overview lists before the script runs
	Terms     []*termRow
	Glossary  []*glossAxis
	Warnings  []string
	Articles  int
	Hits      int
	Unplaced  []*articleView // articles of no event
	HasQuoted bool
	// Large is set when the report has more hits than
	// Options.InlineHits: the articles and the hits in context are left to
	// the script, which builds them from Data.
	Large bool
	Index template.JS // a pageIndex
	// Chunks are gzipped JSON of chunkData, in unpadded URL base64.
	Chunks []string
}

type outletView struct {
	Idx      int
	Name     string
	Label    string // "Source A"
	Country  string
	Owner    string
	OwnerURL string // http(s) only
	Kind     string
	Articles int
	Known    bool
}

type axisView struct {
	Idx   int
	ID    string
	Name  string
	Desc  string
	Poles []*poleView
	Bars  []*barRow
}

type poleView struct {
	Axis  *axisView
	Idx   int
	ID    string
	Name  string
	Class string // colour and fill pattern, for swatches and bars
	Mark  string // colour and underline style, for highlighted terms
	Color string
}

type barRow struct {
	Outlet *outletView
	Segs   []barSeg
	Total  int
	Quoted int
}

type barSeg struct {
	Pole  *poleView
	N     int
	Width string // percent of the bar, "%.2f"
	Pct   int
}

type eventView struct {
	Idx        int
	Anchor     string
	ID         string
	Name       string
	Dates      string
	Articles   []*articleView
	Outlets    []*outletView
	Alignments []*alignView
	Quotes     []*quoteGroupView
	Swaps      []*swapView
	Voices     *voiceView
	// Lazy is set in a large report: the section is built by the script.
	Lazy bool
}

type articleView struct {
	Idx     int
	Anchor  string
	Outlet  *outletView
	ID      string
	Title   string
	Author  string
	Date    string
	URL     string // http(s) only
	RawURL  string // shown as text when not a safe link
	Primary bool
	Words   int
	Hits    int
	Paras   [][]sentView
}

// Body is the article's text as HTML: a paragraph per paragraph, each
// sentence in a span carrying its anchor, each hit in a mark. It is built
// here, not in the template, because it is most of a large report's
// bytes: the template would evaluate every piece by reflection.
func (v *articleView) Body() template.HTML {
	// room for the text and its markup, so that the buffer grows once
	n := 0
	for _, p := range v.Paras {
		n += len(`<p dir="auto"></p>`) + 1
		for _, s := range p {
			n += len(`<span class="s" id=""></span>`) + len(s.ID)
			for _, pt := range s.Parts {
				n += len(pt.Text) + len(`<mark class="h a0p0 t000 vq dist"></mark>`)
			}
		}
	}
	var w strings.Builder
	w.Grow(n)
	for _, p := range v.Paras {
		w.WriteString(`<p dir="auto">`)
		for _, s := range p {
			if s.ID != "" {
				w.WriteString(`<span class="s" id="`)
				w.WriteString(template.HTMLEscapeString(s.ID))
				w.WriteString(`">`)
			}
			for _, pt := range s.Parts {
				if pt.Hit != nil {
					w.WriteString(`<mark class="`)
					w.WriteString(template.HTMLEscapeString(pt.Hit.Class()))
					w.WriteString(`">`)
					w.WriteString(template.HTMLEscapeString(pt.Text))
					w.WriteString(`</mark>`)
				} else {
					w.WriteString(template.HTMLEscapeString(pt.Text))
				}
			}
			if s.ID != "" {
				w.WriteString(`</span>`)
			}
		}
		w.WriteString("</p>\n")
	}
	return template.HTML(w.String())
}

type sentView struct {
	ID    string // anchor of a sentence's first piece; empty for text between sentences
	Parts []part
}

type part struct {
	Text string
	Hit  *markView
}

// markView is a highlighted term. Its classes name the axis and pole
// ("h a0p1 u1"), the row of the terms table ("t3"), "vq" inside a
// quotation and "dist" when held at a distance: classes rather than
// attributes keep a large report small.
type markView struct {
	class, suffix string
	row           *termRow
}

// Class returns the mark's classes; the terms table's rows are numbered
// only once every article is read, so it is made when the page is written.
func (m *markView) Class() string {
	return m.class + " t" + strconv.Itoa(m.row.Idx) + m.suffix
}

type sentLink struct {
	Href    string
	Outlet  *outletView
	Article *articleView
	N       int
	Text    string
}

type alignView struct {
	A, B       sentLink
	Kind       string
	Similarity string
	Speaker    string
	Diff       []compare.DiffOp
}

type quoteGroupView struct {
	Speaker  string
	Text     string
	Versions []quoteVersionView
}

type quoteVersionView struct {
	Outlet   *outletView
	Fidelity string
	Verb     string
	Text     string
	Link     *sentLink
}

type swapView struct {
	TermA, TermB     string
	OutletA, OutletB *outletView
	PoleA, PoleB     *poleView
	Axis             string
	Count            int
	Framing          bool
	Examples         []swapExample
}

type swapExample struct {
	A, B sentLink
}

type voiceView struct {
	Outlets  []*outletView
	Speakers []voiceSpeaker
}

type voiceSpeaker struct {
	Name  string
	Cells []voiceCell
}

type voiceCell struct {
	Outlet *outletView
	Words  int
	Pct    int
	Width  string
}

type termRow struct {
	Idx     int
	Anchor  string
	Pole    *poleView
	Term    string
	Note    string
	Neutral string
	Total   int
	Cells   []termCell
	Hits    []*termHits

	key      termKey
	byOutlet map[*outletView]*termHits
}

type termCell struct {
	Outlet *outletView
	N      int
	Quoted int
	Href   string
}

type termHits struct {
	Anchor    string
	Outlet    *outletView
	N, Quoted int
	Hits      []kwic // empty in a large report: the script lists the hits
}

type kwic struct {
	Left, Match, Right string
	Voice              string
	Href               string
	Sentence           int
}

type glossAxis struct {
	Axis  *axisView
	Terms []glossTerm
}

type glossTerm struct {
	Pole    *poleView
	Term    string
	Note    string
	Neutral string
	Href    string
}

// builder holds the indexes build needs.
type builder struct {
	res      *compare.Result
	opts     Options
	articles map[string]*corpus.Article
	views    map[string]*articleView
	outlets  map[string]*outletView
	poles    map[string]*poleView // axis + "\x00" + pole
	hits     map[string][]framing.Hit
	rows     map[termKey]*termRow
	p        *page
}

func build(res *compare.Result, opts Options) (*page, error) {
	b := &builder{
		res:      res,
		opts:     opts,
		articles: make(map[string]*corpus.Article, len(res.Articles)),
		views:    make(map[string]*articleView, len(res.Articles)),
		outlets:  map[string]*outletView{},
		poles:    map[string]*poleView{},
		hits:     map[string][]framing.Hit{},
		rows:     map[termKey]*termRow{},
		p: &page{
			CSP:      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src " + scriptHash + "; base-uri 'none'; form-action 'none'",
			Script:   template.JS(scriptJS),
			Blind:    opts.Blind,
			Settings: opts.Settings,
			Warnings: res.Warnings,
		},
	}
	for i := range res.Articles {
		a := &res.Articles[i]
		if _, dup := b.articles[a.ID]; !dup {
			b.articles[a.ID] = a
		}
	}
	b.p.Tool = strings.TrimSpace(res.Tool.Name + " " + res.Tool.Version)
	b.p.Lexicon = res.Lexicon.Name
	b.indexOutlets()
	b.indexLexicon()
	b.indexHits()
	limit := cmp.Or(opts.InlineHits, 20000)
	b.p.Large = b.p.Hits > max(limit, 0)
	b.buildArticles()
	b.buildEvents()
	b.buildBars()
	b.buildTerms()
	b.buildGlossary()
	if b.p.Large {
		if err := b.buildData(); err != nil {
			return nil, err
		}
	}
	b.p.CSS = template.CSS(styleCSS + b.poleCSS())
	b.p.Title = b.title()
	b.p.Subtitle = fmt.Sprintf("%s from %s, %s", plural(len(b.views), "article"), plural(len(b.p.Outlets), "outlet"), plural(len(b.p.Events), "event"))
	return b.p, nil
}

// indexOutlets lists the outlets in the order of their first article, so
// that the blind labels Source A, B, C… say nothing of the names, with
// their articles counted in compare.OutletFigures.
func (b *builder) indexOutlets() {
	arts := slices.Collect(maps.Values(b.articles))
	slices.SortFunc(arts, report.ByDate)
	for _, a := range arts {
		name := report.OutletName(a.Outlet)
		o := b.outlets[name]
		if o == nil {
			o = &outletView{Idx: len(b.p.Outlets), Name: name, Label: report.SourceLabel(len(b.p.Outlets))}
			b.outlets[name] = o
			b.p.Outlets = append(b.p.Outlets, o)
		}
	}
	// The articles per outlet are the Result's figures, summed over the
	// outlets shown under one name.
	for _, f := range b.res.OutletFiguresOf() {
		if o := b.outlets[report.OutletName(f.Outlet)]; o != nil {
			o.Articles += f.Articles
		}
	}
	for _, reg := range b.res.Outlets {
		for _, o := range b.p.Outlets {
			if !o.Known && strings.EqualFold(reg.Name, o.Name) {
				o.Known = true
				o.Country, o.Owner, o.Kind = reg.Country, reg.Owner, reg.Kind
				o.OwnerURL = safeURL(reg.OwnerSource)
			}
		}
	}
}

// safeURL returns s when it is an absolute http or https URL with a host,
// else "".
func safeURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	}
	return ""
}

func poleKey(axis, pole string) string { return axis + "\x00" + pole }

// poleClasses are the patterns that tell poles apart without colour: each
// pole of an axis gets the next one.
const poleClasses = 4

func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	_, err := strconv.ParseUint(s[1:], 16, 32)
	return err == nil
}

func (b *builder) indexLexicon() {
	var axes []framing.Axis
	if b.res.Lex != nil {
		axes = slices.Clone(b.res.Lex.Axes)
	}
	known := map[string]bool{}
	for _, ax := range axes {
		for _, p := range ax.Poles {
			known[poleKey(ax.ID, p.ID)] = true
		}
	}
	// Hits on axes or poles the lexicon does not describe still get one,
	// in name order.
	extra := map[string][]string{}
	if b.res.Framing != nil {
		for _, h := range b.res.Framing.Hits {
			if !known[poleKey(h.Axis, h.Pole)] && !slices.Contains(extra[h.Axis], h.Pole) {
				extra[h.Axis] = append(extra[h.Axis], h.Pole)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(extra)) {
		poles := extra[id]
		slices.Sort(poles)
		i := slices.IndexFunc(axes, func(a framing.Axis) bool { return a.ID == id })
		if i < 0 {
			axes = append(axes, framing.Axis{ID: id, Name: id})
			i = len(axes) - 1
		}
		axes[i].Poles = slices.Clone(axes[i].Poles)
		for _, p := range poles {
			axes[i].Poles = append(axes[i].Poles, framing.Pole{ID: p, Name: p})
		}
	}
	for i, ax := range axes {
		av := &axisView{Idx: i, ID: ax.ID, Name: cmp.Or(ax.Name, ax.ID), Desc: ax.Description}
		for j, p := range ax.Poles {
			c := p.Color
			if !validColor(c) {
				c = report.PoleColor(j)
			}
			pv := &poleView{Axis: av, Idx: j, ID: p.ID, Name: cmp.Or(p.Name, p.ID), Color: strings.ToLower(c),
				Class: fmt.Sprintf("a%dp%d pat%d", i, j, j%poleClasses), Mark: fmt.Sprintf("h a%dp%d u%d", i, j, j%poleClasses)}
			av.Poles = append(av.Poles, pv)
			b.poles[poleKey(ax.ID, p.ID)] = pv
		}
		b.p.Axes = append(b.p.Axes, av)
	}
}

// poleCSS gives each pole its colour; the patterns are in style.css.
func (b *builder) poleCSS() string {
	var s strings.Builder
	for _, ax := range b.p.Axes {
		for _, p := range ax.Poles {
			fmt.Fprintf(&s, ".a%dp%d{--c:%s;--t:%s}\n", ax.Idx, p.Idx, p.Color, tint(p.Color, 0.28))
		}
	}
	return s.String()
}

// tint mixes colour c ("#rrggbb") with white, keeping amount of c.
func tint(c string, amount float64) string {
	v, _ := strconv.ParseUint(c[1:], 16, 32)
	mix := func(x uint64) int { return int(float64(x)*amount + 255*(1-amount) + 0.5) }
	return fmt.Sprintf("#%02x%02x%02x", mix(v>>16&0xff), mix(v>>8&0xff), mix(v&0xff))
}

// validHit reports whether h's offsets cut a's text at character
// boundaries.
func validHit(a *corpus.Article, start, end int) bool {
	return start >= 0 && end > start && end <= len(a.Text) && utf8.RuneStart(a.Text[start]) && (end == len(a.Text) || utf8.RuneStart(a.Text[end]))
}

func (b *builder) indexHits() {
	if b.res.Framing == nil {
		return
	}
	for _, h := range b.res.Framing.Hits {
		if a, ok := b.articles[h.Article]; ok && validHit(a, h.Start, h.End) {
			b.hits[h.Article] = append(b.hits[h.Article], h)
			b.p.Hits++
			if h.Voice == framing.Quoted {
				b.p.HasQuoted = true
			}
		}
	}
	for _, hs := range b.hits {
		slices.SortStableFunc(hs, func(x, y framing.Hit) int {
			return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(y.End, x.End), cmp.Compare(x.Axis, y.Axis), cmp.Compare(x.Pole, y.Pole), cmp.Compare(x.Term, y.Term))
		})
	}
}

func (b *builder) pole(axis, pole string) *poleView {
	return b.poles[poleKey(axis, pole)]
}

func (b *builder) buildArticles() {
	arts := slices.Collect(maps.Values(b.articles))
	slices.SortFunc(arts, func(x, y *corpus.Article) int {
		return cmp.Or(cmp.Compare(b.outlets[report.OutletName(x.Outlet)].Idx, b.outlets[report.OutletName(y.Outlet)].Idx), report.ByDate(x, y))
	})
	for i, a := range arts {
		v := &articleView{
			Idx: i, Anchor: "a" + strconv.Itoa(i), Outlet: b.outlets[report.OutletName(a.Outlet)], ID: a.ID,
			Title: a.Title, Author: a.Author, Date: compare.LongDate(a.Published.String()),
			Primary: a.Primary(), Words: a.Words, Hits: len(b.hits[a.ID]),
		}
		if v.URL = safeURL(a.URL); v.URL == "" {
			v.RawURL = a.URL
		}
		if !b.p.Large {
			v.Paras = b.paragraphs(a, v)
		}
		b.views[a.ID] = v
	}
}

// sentenceAnchor is the id of sentence n of article v.
func sentenceAnchor(v *articleView, n int) string {
	return v.Anchor + "s" + strconv.Itoa(n)
}

func (b *builder) link(article string, sentence int, text string) sentLink {
	l := sentLink{N: sentence + 1, Text: text}
	if v, ok := b.views[article]; ok {
		l.Article, l.Outlet = v, v.Outlet
		if a := b.articles[article]; sentence >= 0 && sentence < len(a.Sentences) {
			l.Href = "#" + sentenceAnchor(v, sentence)
		} else {
			l.Href = "#" + v.Anchor
		}
	}
	return l
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func (b *builder) title() string {
	if t := strings.TrimSpace(b.opts.Title); t != "" {
		return t
	}
	switch len(b.p.Events) {
	case 0:
		if len(b.p.Outlets) == 0 {
			return "No articles to compare"
		}
		return fmt.Sprintf("How %s report the news", plural(len(b.p.Outlets), "outlet"))
	case 1:
		return b.p.Events[0].Name
	}
	return fmt.Sprintf("%s, and %s", b.p.Events[0].Name, plural(len(b.p.Events)-1, "other event"))
}
