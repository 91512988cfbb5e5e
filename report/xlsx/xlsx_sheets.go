package xlsx

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
	"github.com/xuri/excelize/v2"
)

// Fonts of rich-text runs; excelize only reads them.
var (
	boldFont   = &excelize.Font{Bold: true}
	deleteFont = &excelize.Font{Color: "C00000", Strike: true}
	insertFont = &excelize.Font{Color: "00803C", Underline: "single"}
)

// noVary keeps one colour per chart series (excelize varies by point).
var noVary = false

// sheetHelp says how to read each sheet; the Overview lists it.
var sheetHelp = map[string]string{
	"Overview":        "This sheet: what the workbook was made from and how to read each sheet. Sentence numbers count from 1; dates with a time are UTC.",
	"Articles":        "One row per article. Published is a date cell (date and time in UTC when the source gives the time); URL opens the article; owner and outlet kind come from the outlet registry.",
	"Terms":           "One row per lexicon term (axis, pole, term). For each outlet: hits in the outlet's own (narrator) voice and inside quotations, as counts and per 1,000 words; the colour scale runs from white (rare) to green (frequent). To the right, each outlet's share of its narrator hits on every axis by pole, with a bar chart per axis.",
	"Hits":            "Every lexicon hit in context: read Left context, Match (bold), Right context as one line. Voice is narrator (the outlet's words) or quoted (a speaker's words, Speaker when known). Scare-quoted and Distanced flag \"so-called\" and scare quotes. Filter by Term or Outlet to compare usage.",
	"Events":          "Groups of articles reporting the same happening, with the date range and the outlets covering it.",
	"Alignments":      "Sentence pairs from two outlets' articles on one event. Kind: verbatim (same words), near (light edits), paraphrase (same content, other words). In Diff, red struck-through words are only in A, green underlined words only in B.",
	"Swaps":           "A word or phrase one outlet uses where another, in the same context, uses a different one. Framing swap is TRUE when the two sit on different poles of one lexicon axis (Pole A, Pole B); Lexicon suggestion marks swaps of words the lexicon lacks. Example shows one aligned pair as a word diff.",
	"Quotes":          "Every direct quotation with its speaker and attribution verb. Fidelity compares it with its group's reference version: verbatim, trimmed, extended, paraphrased or unique; the outlet columns show how each outlet of the event carries the same quotation (reported = in reported speech, absent = left out).",
	"Voice by outlet": "Each outlet's quoted words by speaker over all events: the most quoted speakers by name, the rest as Others; the chart shows each outlet's split.",
	"Voice share":     "Quoted words per event, outlet and speaker, and the speaker's share of the outlet's quoted words in the event.",
	"Coverage":        "One row per claim (aligned sentences) of an event: present when the outlet carries it, absent when the outlet covered the event without it, blank when the outlet did not cover the event. Primary marks claims a primary source (statement, transcript) carries.",
	"Distinctive":     "Words each outlet uses more (z > 0) or less (z < 0) than the other outlets, corpus-wide or within one event, by weighted log-odds with an informative Dirichlet prior; |z| > 1.96 is notable. Suggested marks words the lexicon lacks.",
}

// outlets returns the outlet names of the articles, sorted.
func (x *xlsxWriter) outlets() []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range x.res.Articles {
		n := compare.OutletName(a.Outlet)
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// articleIndex maps article ids to articles.
func (x *xlsxWriter) articleIndex() map[string]*corpus.Article {
	m := make(map[string]*corpus.Article, len(x.res.Articles))
	for i := range x.res.Articles {
		a := &x.res.Articles[i]
		if _, dup := m[a.ID]; !dup {
			m[a.ID] = a
		}
	}
	return m
}

// eventOf maps article ids to the id of their event.
func (x *xlsxWriter) eventOf() map[string]string {
	m := map[string]string{}
	for _, a := range x.res.Articles {
		if a.Event != "" {
			m[a.ID] = a.Event
		}
	}
	for _, e := range x.res.Events {
		for _, id := range e.Articles {
			m[id] = e.ID
		}
	}
	return m
}

func (x *xlsxWriter) overviewTable(after []*table) *table {
	res := x.res
	type item struct {
		section, name string
		value         any
	}
	var items []item
	add := func(section, name string, v any) { items = append(items, item{section, name, v}) }

	var first, last *corpus.Date
	words, undated := 0, 0
	for i := range res.Articles {
		a := &res.Articles[i]
		words += a.Words
		if a.Published.IsZero() {
			undated++
			continue
		}
		if first == nil || a.Published.Time.Before(first.Time) {
			first = &a.Published
		}
		if last == nil || a.Published.Time.After(last.Time) {
			last = &a.Published
		}
	}
	add("Corpus", "Articles", len(res.Articles))
	add("Corpus", "Outlets", len(x.outlets()))
	if res.Events != nil {
		add("Corpus", "Events", len(res.Events))
	}
	if first != nil {
		add("Corpus", "First published", dateValue(*first))
		add("Corpus", "Last published", dateValue(*last))
	}
	add("Corpus", "Undated articles", undated)
	add("Corpus", "Words", words)
	if res.Framing != nil {
		add("Results", "Lexicon hits", len(res.Framing.Hits))
	}
	if res.Alignments != nil {
		add("Results", "Aligned sentence pairs", len(res.Alignments))
	}
	if res.Substitutions != nil {
		add("Results", "Word swaps", len(res.Substitutions))
	}
	if res.Quotes != nil {
		add("Results", "Quotations", len(res.Quotes))
	}
	if res.Coverage != nil {
		add("Results", "Claims", len(res.Coverage))
	}
	if res.Reuse != nil {
		add("Results", "Article pairs sharing text", len(res.Reuse))
	}
	add("Settings", "Date window (days)", res.Settings.DateWindowDays)
	add("Settings", "Event threshold", res.Settings.EventThreshold)
	add("Lexicon", "Name", res.Lexicon.Name)
	add("Lexicon", "Digest (SHA-256)", res.Lexicon.Digest)
	add("Tool", "Name", res.Tool.Name)
	add("Tool", "Version", res.Tool.Version)
	add("Tool", "Report schema version", res.SchemaVersion)
	for _, w := range res.Warnings {
		add("Warnings", "Corpus", w)
	}
	add("Sheets", "Overview", sheetHelp["Overview"])
	perPage := x.opts.MaxRows - 1
	for _, t := range after {
		name := t.sheet
		if pages := (t.n + perPage - 1) / perPage; pages > 1 {
			name = fmt.Sprintf("%s … %s %d", t.sheet, t.sheet, pages)
		}
		add("Sheets", name, sheetHelp[t.sheet])
	}
	return &table{
		sheet: "Overview", name: "Overview",
		cols: []column{
			{"Section", 12, stText},
			{"Item", 26, stText},
			{"Value", 100, stWrap},
		},
		n: len(items),
		row: func(i int, r []any) {
			it := items[i]
			r[0], r[1], r[2] = it.section, it.name, it.value
			switch v := it.value.(type) {
			case int:
				r[2] = styled{v, stInt}
			case float64:
				r[2] = styled{v, stDec2}
			}
		},
	}
}

func (x *xlsxWriter) articlesTable() *table {
	arts := x.res.Articles
	if len(arts) == 0 {
		return nil
	}
	registry := map[string]corpus.Outlet{}
	for _, o := range x.res.Outlets {
		registry[o.Name] = o
	}
	events := x.eventOf()
	return &table{
		sheet: "Articles", name: "Articles", stream: true,
		cols: []column{
			{"ID", 24, stText},
			{"Outlet", 20, stText},
			{"Owner", 26, stText},
			{"Outlet kind", 16, stText},
			{"Country", 10, stText},
			{"Title", 60, stText},
			{"Published", 19, stDate},
			{"Event", 24, stText},
			{"Article kind", 11, stText},
			{"Words", 9, stInt},
			{"URL", 40, stText},
			{"Source", 28, stText},
			{"Warnings", 40, stText},
			{"Language", 10, stText},
		},
		n: len(arts),
		row: func(i int, r []any) {
			a := &arts[i]
			o := registry[a.Outlet]
			r[0], r[1], r[2], r[3], r[4] = a.ID, compare.OutletName(a.Outlet), o.Owner, o.Kind, o.Country
			r[5], r[6], r[7], r[8], r[9] = a.Title, dateValue(a.Published), events[a.ID], a.Kind.String(), a.Words
			if a.URL != "" {
				r[10] = link{text: a.URL, url: a.URL}
			}
			r[11], r[12] = a.Source, strings.Join(a.Warnings, "; ")
			r[13] = a.Language
		},
	}
}

// termKey identifies one row of the Terms sheet.
type termKey struct{ axis, pole, term string }

// termCounts are one outlet's figures for one term.
type termCounts struct {
	narrator, quoted       int
	narrator1k, quoted1k   float64
	hasNarrator, hasQuoted bool
}

func (x *xlsxWriter) termsTable() *table {
	fr := x.res.Framing
	if fr == nil {
		return nil
	}
	outlets := x.outlets()
	var keys []termKey
	notes := map[termKey]string{}
	seen := map[termKey]bool{}
	if lex := x.res.Lex; lex != nil {
		for _, ax := range lex.Axes {
			for _, p := range ax.Poles {
				for _, t := range p.Terms {
					k := termKey{lexID(ax.ID, ax.Name), lexID(p.ID, p.Name), t.Text}
					if !seen[k] {
						seen[k] = true
						keys = append(keys, k)
						notes[k] = t.Note
					}
				}
			}
		}
	}
	counts := map[termKey]map[string]*termCounts{}
	var extra []termKey
	for _, c := range fr.Counts {
		if c.Event != "" || c.Article != "" {
			continue // per-event and per-article counts
		}
		k := termKey{c.Axis, c.Pole, c.Term}
		if !seen[k] {
			seen[k] = true
			extra = append(extra, k)
		}
		byOutlet := counts[k]
		if byOutlet == nil {
			byOutlet = map[string]*termCounts{}
			counts[k] = byOutlet
		}
		tc := byOutlet[compare.OutletName(c.Outlet)]
		if tc == nil {
			tc = &termCounts{}
			byOutlet[compare.OutletName(c.Outlet)] = tc
		}
		switch c.Voice {
		case framing.Quoted:
			tc.quoted += c.Count
			tc.quoted1k += c.Per1000Words
			tc.hasQuoted = true
		default:
			tc.narrator += c.Count
			tc.narrator1k += c.Per1000Words
			tc.hasNarrator = true
		}
	}
	sort.Slice(extra, func(i, j int) bool {
		a, b := extra[i], extra[j]
		if a.axis != b.axis {
			return a.axis < b.axis
		}
		if a.pole != b.pole {
			return a.pole < b.pole
		}
		return a.term < b.term
	})
	keys = append(keys, extra...)
	if len(keys) == 0 {
		return nil
	}
	cols := []column{{"Axis", 16, stText}, {"Pole", 16, stText}, {"Term", 22, stText}}
	for _, o := range outlets {
		cols = append(cols,
			column{o + " narrator", 11, stInt},
			column{o + " narrator /1k", 11, stDec2},
			column{o + " quoted", 11, stInt},
			column{o + " quoted /1k", 11, stDec2})
	}
	cols = append(cols, column{"Note", 50, stText})
	t := &table{
		sheet: "Terms", name: "Terms", cols: cols, n: len(keys), freezeCols: 3,
		row: func(i int, r []any) {
			k := keys[i]
			r[0], r[1], r[2] = k.axis, k.pole, k.term
			for j, o := range outlets {
				tc := counts[k][o]
				if tc == nil {
					tc = &termCounts{}
				}
				r[3+4*j], r[4+4*j], r[5+4*j], r[6+4*j] = tc.narrator, tc.narrator1k, tc.quoted, tc.quoted1k
			}
			r[len(r)-1] = notes[k]
		},
	}
	t.extra = func(sheet string) error {
		if err := x.termsColourScale(sheet, len(outlets), len(keys)); err != nil {
			return err
		}
		return x.poleShares(sheet, len(cols)+2, outlets, keys, counts)
	}
	return t
}

// lexID is how a lexicon element is named in hits and counts: its id, or
// its name when it has none.
func lexID(id, name string) string {
	if id != "" {
		return id
	}
	return name
}

// termsColourScale shades the per-1,000-words cells of the Terms sheet on
// one scale across all outlets.
func (x *xlsxWriter) termsColourScale(sheet string, outlets, rows int) error {
	if outlets == 0 || rows == 0 {
		return nil
	}
	var refs []string
	for j := 0; j < outlets; j++ {
		for _, c := range []int{5 + 4*j, 7 + 4*j} {
			name, err := excelize.ColumnNumberToName(c)
			if err != nil {
				return err
			}
			refs = append(refs, name+"2:"+name+strconv.Itoa(rows+1))
		}
	}
	return x.f.SetConditionalFormat(sheet, strings.Join(refs, " "), []excelize.ConditionalFormatOptions{{
		Type: "2_color_scale", Criteria: "=",
		MinType: "num", MinValue: "0", MinColor: "#FFFFFF",
		MaxType: "max", MaxColor: "#63BE7B",
	}})
}

// poleShares writes, from column col of the Terms sheet, one small table per
// axis of each outlet's share of its narrator hits by pole, and beside each
// a clustered bar chart of it.
func (x *xlsxWriter) poleShares(sheet string, col int, outlets []string, keys []termKey, counts map[termKey]map[string]*termCounts) error {
	type axis struct {
		id    string
		poles []string
	}
	var axes []axis
	index := map[string]int{}
	for _, k := range keys {
		i, ok := index[k.axis]
		if !ok {
			i = len(axes)
			index[k.axis] = i
			axes = append(axes, axis{id: k.axis})
		}
		if !containsString(axes[i].poles, k.pole) {
			axes[i].poles = append(axes[i].poles, k.pole)
		}
	}
	row := 1
	height := max(len(outlets)+3, 18)
	for n, ax := range axes {
		hits := make([][]float64, len(outlets))
		for o, name := range outlets {
			hits[o] = make([]float64, len(ax.poles))
			for p, pole := range ax.poles {
				for _, k := range keys {
					if k.axis == ax.id && k.pole == pole {
						if tc := counts[k][name]; tc != nil {
							hits[o][p] += float64(tc.narrator)
						}
					}
				}
			}
		}
		cols := []column{{"Outlet · " + ax.id, 24, stText}}
		for _, p := range ax.poles {
			cols = append(cols, column{p, 12, stPct})
		}
		rows := make([][]any, len(outlets))
		for o, name := range outlets {
			total := 0.0
			for _, h := range hits[o] {
				total += h
			}
			rows[o] = make([]any, len(cols))
			rows[o][0] = name
			if total == 0 {
				continue // no hits on this axis: blank, not 0%
			}
			for p := range ax.poles {
				rows[o][p+1] = share(hits[o][p], total)
			}
		}
		ref, err := x.sideTable(sheet, "PoleShares_"+strconv.Itoa(n+1), col, row, cols, rows)
		if err != nil {
			return err
		}
		if ref == "" || len(rows) < len(outlets) {
			row += height
			continue
		}
		colours := x.poleColours(ax.id, ax.poles)
		series := make([]excelize.ChartSeries, len(ax.poles))
		for p := range ax.poles {
			series[p] = excelize.ChartSeries{
				Name:       absRef(sheet, col+1+p, row),
				Categories: absRef(sheet, col, row+1, row+len(outlets)),
				Values:     absRef(sheet, col+1+p, row+1, row+len(outlets)),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[p]}},
			}
		}
		anchor, err := excelize.CoordinatesToCellName(col+len(cols)+1, row)
		if err != nil {
			return err
		}
		one := 1.0
		zero := 0.0
		if err := x.f.AddChart(sheet, anchor, &excelize.Chart{
			Type:       excelize.Bar,
			Series:     series,
			VaryColors: &noVary,
			Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: cleanText(x.axisName(ax.id)+": narrator hits by pole", 255)}}},
			Legend:     excelize.ChartLegend{Position: "bottom"},
			YAxis:      excelize.ChartAxis{Maximum: &one, Minimum: &zero, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
			XAxis:      excelize.ChartAxis{ReverseOrder: true},
			Dimension:  excelize.ChartDimension{Width: 520, Height: uint(20 * (height - 2))},
			Format:     excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
		}); err != nil {
			return fmt.Errorf("chart for %s: %w", ax.id, err)
		}
		row += height
	}
	return nil
}

// poleColours returns the colours of poles of axis as the handout draws
// them (report.PoleColorFor): a lexicon pole by its own colour or its place
// on the axis, a pole the lexicon lacks by its place among those, in name
// order.
func (x *xlsxWriter) poleColours(axis string, poles []string) []string {
	out := make([]string, len(poles))
	var extra []string
	for i, pole := range poles {
		if lp, at, ok := x.lexPole(axis, pole); ok {
			out[i] = report.PoleColorFor(lp.Color, at)
		} else if !slices.Contains(extra, pole) {
			extra = append(extra, pole)
		}
	}
	slices.Sort(extra)
	for i, pole := range poles {
		if out[i] == "" {
			out[i] = report.PoleColor(slices.Index(extra, pole))
		}
	}
	return out
}

// lexPole finds pole of axis in the lexicon, by id or by name, with its
// place on the axis.
func (x *xlsxWriter) lexPole(axis, pole string) (framing.Pole, int, bool) {
	if x.res.Lex == nil {
		return framing.Pole{}, 0, false
	}
	for _, ax := range x.res.Lex.Axes {
		for i, p := range ax.Poles {
			if ax.ID == axis && p.ID == pole || ax.Name == axis && p.Name == pole {
				return p, i, true
			}
		}
	}
	return framing.Pole{}, 0, false
}

// axisName returns the lexicon's name for axis id, or id itself.
func (x *xlsxWriter) axisName(id string) string {
	if x.res.Lex != nil {
		for _, ax := range x.res.Lex.Axes {
			if lexID(ax.ID, ax.Name) == id && ax.Name != "" {
				return ax.Name
			}
		}
	}
	return id
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (x *xlsxWriter) hitsTable() *table {
	if x.res.Framing == nil || len(x.res.Framing.Hits) == 0 {
		return nil
	}
	hits := x.res.Framing.Hits
	arts := x.articleIndex()
	events := x.eventOf()
	n := x.opts.ContextChars
	return &table{
		sheet: "Hits", name: "Hits", stream: true,
		cols: []column{
			{"Outlet", 18, stText},
			{"Article", 24, stText},
			{"Event", 24, stText},
			{"Axis", 14, stText},
			{"Pole", 14, stText},
			{"Term", 16, stText},
			{"Left context", 48, stRight},
			{"Match", 16, stText},
			{"Right context", 48, stText},
			{"Voice", 9, stText},
			{"Speaker", 16, stText},
			{"Scare-quoted", 12, stText},
			{"Distanced", 10, stText},
			{"Sentence", 9, stInt},
		},
		n: len(hits),
		row: func(i int, r []any) {
			h := &hits[i]
			left, match, right := "", h.Match, ""
			a := arts[h.Article]
			if a != nil {
				r[0] = compare.OutletName(a.Outlet)
				// The hit's context as report.json keeps it, or cut
				// to another width by the same rule.
				if l, m, rt := framing.KWIC(a, *h, n); m != "" {
					left, match, right = l, m, rt
				}
			}
			r[1], r[2], r[3], r[4], r[5] = h.Article, events[h.Article], h.Axis, h.Pole, h.Term
			r[6], r[7], r[8] = left, richText{{Font: boldFont, Text: match}}, right
			r[9], r[10], r[11], r[12], r[13] = string(h.Voice), h.Speaker, h.ScareQuoted, h.Distanced, h.Sentence+1
		},
	}
}

func (x *xlsxWriter) eventsTable() *table {
	evs := x.res.Events
	if len(evs) == 0 {
		return nil
	}
	arts := x.articleIndex()
	return &table{
		sheet: "Events", name: "Events", stream: true,
		cols: []column{
			{"ID", 24, stText},
			{"Label", 56, stText},
			{"Start", 19, stDate},
			{"End", 19, stDate},
			{"Outlets", 9, stInt},
			{"Outlet names", 40, stText},
			{"Articles", 9, stInt},
			{"Article IDs", 40, stText},
		},
		n: len(evs),
		row: func(i int, r []any) {
			e := &evs[i]
			var names []string
			for _, id := range e.Articles {
				if a := arts[id]; a != nil && !containsString(names, compare.OutletName(a.Outlet)) {
					names = append(names, compare.OutletName(a.Outlet))
				}
			}
			sort.Strings(names)
			r[0], r[1], r[2], r[3] = e.ID, e.Label, parseDateString(e.Start), parseDateString(e.End)
			r[4], r[5], r[6], r[7] = len(names), strings.Join(names, ", "), len(e.Articles), strings.Join(e.Articles, ", ")
		},
	}
}

// diffText renders a word diff as rich text: deleted words red and struck
// through, inserted words green and underlined.
func diffText(ops []compare.DiffOp) richText {
	runs := make(richText, 0, len(ops))
	prev := ""
	for _, op := range ops {
		if op.Text == "" {
			continue
		}
		// Word diffs may leave out the spaces between runs.
		if needSpace(prev, op.Text) {
			runs = append(runs, excelize.RichTextRun{Text: " "})
		}
		prev = op.Text
		switch op.Op {
		case compare.OpDelete:
			runs = append(runs, excelize.RichTextRun{Font: deleteFont, Text: op.Text})
		case compare.OpInsert:
			runs = append(runs, excelize.RichTextRun{Font: insertFont, Text: op.Text})
		default:
			runs = append(runs, excelize.RichTextRun{Text: op.Text})
		}
	}
	return runs
}

// needSpace reports whether two adjacent diff runs need a space between
// them to read as separate words.
func needSpace(prev, next string) bool {
	if prev == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	return !isSpace(last) && !isSpace(first) &&
		!strings.ContainsRune(",.;:!?)]}”’", first) && !strings.ContainsRune("([{“‘", last)
}

// sentenceOutlet returns the outlet of a sentence reference.
func sentenceOutlet(ref compare.SentenceRef, arts map[string]*corpus.Article) string {
	if ref.Outlet != "" {
		return ref.Outlet
	}
	if a := arts[ref.Article]; a != nil {
		return compare.OutletName(a.Outlet)
	}
	return ""
}

func (x *xlsxWriter) alignmentsTable() *table {
	als := x.res.Alignments
	if len(als) == 0 {
		return nil
	}
	arts := x.articleIndex()
	return &table{
		sheet: "Alignments", name: "Alignments", stream: true,
		cols: []column{
			{"Event", 24, stText},
			{"Outlet A", 16, stText},
			{"Article A", 24, stText},
			{"Sentence A #", 8, stInt},
			{"Sentence A", 55, stWrap},
			{"Outlet B", 16, stText},
			{"Article B", 24, stText},
			{"Sentence B #", 8, stInt},
			{"Sentence B", 55, stWrap},
			{"Kind", 11, stText},
			{"Similarity", 10, stDec3},
			{"Diff (A → B)", 70, stWrap},
		},
		n: len(als),
		row: func(i int, r []any) {
			al := &als[i]
			r[0], r[1], r[2], r[3], r[4] = al.Event, sentenceOutlet(al.A, arts), al.A.Article, al.A.Sentence+1, al.A.Text
			r[5], r[6], r[7], r[8] = sentenceOutlet(al.B, arts), al.B.Article, al.B.Sentence+1, al.B.Text
			r[9], r[10], r[11] = al.Kind.String(), al.Similarity, diffText(al.Diff)
		},
	}
}

func (x *xlsxWriter) swapsTable() *table {
	subs := x.res.Substitutions
	if len(subs) == 0 {
		return nil
	}
	return &table{
		sheet: "Swaps", name: "Swaps", stream: true,
		cols: []column{
			{"Term A", 18, stText},
			{"Term B", 18, stText},
			{"Outlet A", 16, stText},
			{"Outlet B", 16, stText},
			{"Count", 8, stInt},
			{"Axis", 14, stText},
			{"Pole A", 14, stText},
			{"Pole B", 14, stText},
			{"Framing swap", 12, stText},
			{"Lexicon suggestion", 12, stText},
			{"Example event", 24, stText},
			{"Example (A → B)", 80, stWrap},
		},
		n: len(subs),
		row: func(i int, r []any) {
			s := &subs[i]
			r[0], r[1], r[2], r[3], r[4], r[5] = s.TermA, s.TermB, s.OutletA, s.OutletB, s.Count, s.Axis
			r[6], r[7], r[8], r[9] = s.PoleA, s.PoleB, s.Framing, s.Suggestion
			if len(s.Examples) > 0 {
				ex := &s.Examples[0]
				r[10] = ex.Event
				if len(ex.Diff) > 0 {
					r[11] = diffText(ex.Diff)
				} else {
					r[11] = ex.A.Text + " → " + ex.B.Text
				}
			}
		},
	}
}

func (x *xlsxWriter) quotesTable() *table {
	qs := x.res.Quotes
	if len(qs) == 0 {
		return nil
	}
	cols := []column{
		{"Event", 24, stText},
		{"Outlet", 16, stText},
		{"Article", 24, stText},
		{"Speaker", 18, stText},
		{"Verb", 10, stText},
		{"Quote", 70, stWrap},
		{"Fidelity", 11, stText},
		{"Group", 10, stText},
		{"Sentence", 9, stInt},
	}
	// How every outlet of the event carries each quotation's group.
	across := map[string]map[string][]string{}
	var outlets []string
	if len(x.res.QuoteGroups) > 0 {
		outlets = x.outlets()
		for _, g := range x.res.QuoteGroups {
			m := map[string][]string{}
			for _, v := range g.Versions {
				o := compare.OutletName(v.Outlet)
				if f := v.Fidelity.String(); !containsString(m[o], f) {
					m[o] = append(m[o], f)
				}
			}
			across[g.ID] = m
		}
		for _, o := range outlets {
			cols = append(cols, column{o, max(11, float64(min(utf16Len(o), 20))+3), stText})
		}
	}
	return &table{
		sheet: "Quotes", name: "Quotes", stream: true, cols: cols, n: len(qs),
		row: func(i int, r []any) {
			q := &qs[i]
			r[0], r[1], r[2], r[3], r[4] = q.Event, compare.OutletName(q.Outlet), q.Article, q.Speaker, q.Verb
			r[5], r[6], r[7], r[8] = q.Text, q.Fidelity.String(), q.Group, q.Sentence+1
			if g := across[q.Group]; g != nil {
				for j, o := range outlets {
					r[9+j] = strings.Join(g[o], ", ")
				}
			}
		},
	}
}

// maxChartSpeakers is how many speakers the voice-by-outlet chart names;
// the rest are summed as "Others".
const maxChartSpeakers = 8

// voiceShareTable is the voice share of every speaker in each outlet's
// coverage of each event. It grows with the corpus, so it has a sheet of
// its own, streamed.
func (x *xlsxWriter) voiceShareTable() *table {
	vs := x.res.VoiceShare
	if len(vs) == 0 {
		return nil
	}
	return &table{
		sheet: "Voice share", name: "VoiceShare", stream: true,
		cols: []column{
			{"Event", 24, stText},
			{"Outlet", 16, stText},
			{"Speaker", 18, stText},
			{"Quoted words", 12, stInt},
			{"Share", 9, stPct},
		},
		n: len(vs),
		row: func(i int, r []any) {
			v := &vs[i]
			r[0], r[1], r[2], r[3], r[4] = v.Event, compare.OutletName(v.Outlet), v.Speaker, v.Words, v.Share
		},
	}
}

// voiceByOutletTable is each outlet's quoted words by speaker over all
// events, the most quoted speakers by name and the rest as "Others", with a
// 100% stacked bar chart of it below.
func (x *xlsxWriter) voiceByOutletTable() *table {
	vs := x.res.VoiceShare
	if len(vs) == 0 {
		return nil
	}
	perSpeaker := map[string]int{}
	perOutlet := map[string]map[string]int{}
	for _, v := range vs {
		perSpeaker[v.Speaker] += v.Words
		o := compare.OutletName(v.Outlet)
		if perOutlet[o] == nil {
			perOutlet[o] = map[string]int{}
		}
		perOutlet[o][v.Speaker] += v.Words
	}
	speakers := make([]string, 0, len(perSpeaker))
	for s := range perSpeaker {
		speakers = append(speakers, s)
	}
	sort.Slice(speakers, func(i, j int) bool {
		a, b := speakers[i], speakers[j]
		if perSpeaker[a] != perSpeaker[b] {
			return perSpeaker[a] > perSpeaker[b]
		}
		return a < b
	})
	others := len(speakers) > maxChartSpeakers
	if others {
		speakers = speakers[:maxChartSpeakers]
	}
	outlets := make([]string, 0, len(perOutlet))
	for o := range perOutlet {
		outlets = append(outlets, o)
	}
	sort.Strings(outlets)
	cols := []column{{"Outlet (all events)", 22, stText}}
	for _, s := range speakers {
		name := s
		if name == "" {
			name = "(unnamed)"
		}
		cols = append(cols, column{name, 12, stInt})
	}
	if others {
		cols = append(cols, column{"Others", 12, stInt})
	}
	t := &table{
		sheet: "Voice by outlet", name: "VoiceByOutlet", cols: cols, n: len(outlets),
		row: func(i int, r []any) {
			o := outlets[i]
			rest := 0
			for _, n := range perOutlet[o] {
				rest += n
			}
			r[0] = o
			for j, s := range speakers {
				r[1+j] = perOutlet[o][s]
				rest -= perOutlet[o][s]
			}
			if others {
				r[len(r)-1] = rest
			}
		},
	}
	t.extra = func(sheet string) error {
		if len(outlets)+1 > x.opts.MaxRows {
			return nil // the table continues on a further page
		}
		series := make([]excelize.ChartSeries, len(cols)-1)
		for s := range series {
			series[s] = excelize.ChartSeries{
				Name:       absRef(sheet, 2+s, 1),
				Categories: absRef(sheet, 1, 2, 1+len(outlets)),
				Values:     absRef(sheet, 2+s, 2, 1+len(outlets)),
			}
		}
		anchor, err := excelize.CoordinatesToCellName(1, len(outlets)+3)
		if err != nil {
			return err
		}
		if err := x.f.AddChart(sheet, anchor, &excelize.Chart{
			Type:      excelize.BarPercentStacked,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Quoted words by speaker"}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
			Dimension: excelize.ChartDimension{Width: 560, Height: uint(max(240, 40*len(outlets)+120))},
		}); err != nil {
			return fmt.Errorf("voice-share chart: %w", err)
		}
		return nil
	}
	return t
}

func (x *xlsxWriter) coverageTable() *table {
	claims := x.res.Coverage
	if len(claims) == 0 {
		return nil
	}
	// a column per outlet of the corpus or of any claim, by name
	col := map[string]int{}
	for _, o := range x.outlets() {
		col[o] = 0
	}
	for _, c := range claims {
		for _, list := range [2][]string{c.Outlets, c.Missing} {
			for _, o := range list {
				col[compare.OutletName(o)] = 0
			}
		}
	}
	outlets := slices.Sorted(maps.Keys(col))
	cols := []column{
		{"Event", 24, stText},
		{"Claim", 24, stText},
		{"Claim text", 70, stWrap},
		{"Primary", 9, stText},
		{"Carried by", 10, stInt},
	}
	for j, o := range outlets {
		cols = append(cols, column{o, max(10, float64(min(utf16Len(o), 24))+2), stText})
		col[o] = 5 + j
	}
	return &table{
		sheet: "Coverage", name: "Coverage", stream: true, cols: cols, n: len(claims),
		row: func(i int, r []any) {
			c := &claims[i]
			r[0], r[1], r[2], r[3], r[4] = c.Event, c.ID, c.Text, c.Primary, len(c.Outlets)
			// present wins over absent for an outlet listed in both
			for _, o := range c.Missing {
				r[col[compare.OutletName(o)]] = styled{"absent", stAbsent}
			}
			for _, o := range c.Outlets {
				r[col[compare.OutletName(o)]] = styled{"present", stPresent}
			}
		},
	}
}

func (x *xlsxWriter) distinctiveTable() *table {
	ds := x.res.Distinctive
	if len(ds) == 0 {
		return nil
	}
	return &table{
		sheet: "Distinctive", name: "Distinctive", stream: true,
		cols: []column{
			{"Scope", 24, stText},
			{"Outlet", 18, stText},
			{"Term", 20, stText},
			{"z", 8, stDec2},
			{"Count", 8, stInt},
			{"Suggested", 10, stText},
		},
		n: len(ds),
		row: func(i int, r []any) {
			d := &ds[i]
			r[0], r[1], r[2], r[3], r[4], r[5] = d.Scope, compare.OutletName(d.Outlet), d.Term, d.Z, d.Count, d.Suggested
		},
	}
}
