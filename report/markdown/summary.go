package markdown

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/framing"
)

// WriteSummary writes a short Markdown account of res: outlets, events, the
// axes on which outlets' own words differ most, word swaps and how
// faithfully each outlet quotes. It reads only what res holds.
func WriteSummary(out io.Writer, res *compare.Result) error {
	w := &writer{w: out}
	outlets := res.OutletFiguresOf()
	w.printf("## framediff summary\n\n")
	w.printf("%d articles from %d outlets, %d events", len(res.Articles), len(outlets), len(res.Events))
	if res.Lexicon.Name != "" {
		w.printf("; lexicon %s", Escape(res.Lexicon.Name))
	}
	w.printf(".\n")
	summaryOutlets(w, res, outlets)
	summaryEvents(w, res)
	summaryContrasts(w, res)
	summarySwaps(w, res)
	summaryQuotes(w, res)
	return w.err
}

func summaryOutlets(w *writer, res *compare.Result, outlets []compare.OutletFigures) {
	reg := map[string]int{}
	for i, o := range res.Outlets {
		reg[o.Name] = i
	}
	w.printf("\n### Outlets\n\n| outlet | country | owner | articles | words |\n|---|---|---|--:|--:|\n")
	for _, s := range firstRows(outlets) {
		country, owner := "", ""
		if i, ok := reg[s.Outlet]; ok {
			country, owner = res.Outlets[i].Country, res.Outlets[i].Owner
		}
		name := compare.OutletName(s.Outlet)
		w.printf("| %s | %s | %s | %d | %d |\n", Escape(name), Escape(country), Escape(owner), s.Articles, s.Words)
	}
	w.more(len(outlets), len(firstRows(outlets)))
}

func summaryEvents(w *writer, res *compare.Result) {
	if len(res.Events) == 0 {
		return
	}
	outletOf := map[string]string{}
	for _, a := range res.Articles {
		outletOf[a.ID] = a.Outlet
	}
	events := append([]compare.Event(nil), res.Events...)
	sort.SliceStable(events, func(i, j int) bool { return len(events[i].Articles) > len(events[j].Articles) })
	w.printf("\n### Events\n\n| event | dates | articles | outlets |\n|---|---|--:|---|\n")
	for _, e := range firstRows(events) {
		seen := map[string]bool{}
		var names []string
		for _, a := range e.Articles {
			if o := outletOf[a]; o != "" && !seen[o] {
				seen[o] = true
				names = append(names, o)
			}
		}
		sort.Strings(names)
		dates := e.Start
		if e.End != e.Start {
			dates += " – " + e.End
		}
		if dates == "" {
			dates = "undated"
		}
		label := e.Label
		if label == "" {
			label = e.ID
		}
		w.printf("| %s | %s | %d | %s |\n", Escape(label), dates, len(e.Articles), Escape(strings.Join(names, ", ")))
	}
	w.more(len(events), len(firstRows(events)))
}

// contrast is one axis with each outlet's pole counts in its own words.
type contrast struct {
	axis    string
	total   int
	leaders map[string]bool // each outlet's most used pole
	outlets map[string][]framing.Count
}

// summaryContrasts lists the axes on which outlets' most used poles differ,
// in the outlets' own (narrator) words, with the most hits first.
func summaryContrasts(w *writer, res *compare.Result) {
	if res.Framing == nil {
		return
	}
	axes := map[string]*contrast{}
	for _, c := range framing.PoleTotals(res.Framing.Counts) {
		if c.Event != "" || c.Article != "" || c.Voice != framing.Narrator || c.Count == 0 {
			continue
		}
		a := axes[c.Axis]
		if a == nil {
			a = &contrast{axis: c.Axis, outlets: map[string][]framing.Count{}}
			axes[c.Axis] = a
		}
		a.total += c.Count
		a.outlets[c.Outlet] = append(a.outlets[c.Outlet], c)
	}
	var list []*contrast
	for _, a := range axes {
		a.leaders = map[string]bool{}
		for _, cs := range a.outlets {
			sort.Slice(cs, func(i, j int) bool {
				if cs[i].Count != cs[j].Count {
					return cs[i].Count > cs[j].Count
				}
				return cs[i].Pole < cs[j].Pole
			})
			a.leaders[cs[0].Pole] = true
		}
		if len(a.leaders) > 1 {
			list = append(list, a)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].total != list[j].total {
			return list[i].total > list[j].total
		}
		return list[i].axis < list[j].axis
	})
	if len(list) == 0 {
		return
	}
	names := axisNames(res.Lex)
	w.printf("\n### Where outlets' own words differ\n\nFraming terms in each outlet's own words (not in quotations), by pole; hits per 1,000 words in brackets.\n\n")
	for _, a := range firstRows(list) {
		w.printf("- **%s**: ", Escape(names.axis(a.axis)))
		outlets := make([]string, 0, len(a.outlets))
		for o := range a.outlets {
			outlets = append(outlets, o)
		}
		sort.Strings(outlets)
		for i, o := range outlets {
			if i > 0 {
				w.printf("; ")
			}
			var parts []string
			for _, c := range a.outlets[o] {
				parts = append(parts, fmt.Sprintf("%s %d (%.1f)", Escape(names.pole(a.axis, c.Pole)), c.Count, c.Per1000Words))
			}
			w.printf("%s: %s", Escape(o), strings.Join(parts, ", "))
		}
		w.printf("\n")
	}
	w.more(len(list), len(firstRows(list)))
}

type lexNames struct{ axes, poles map[string]string }

func axisNames(lex *framing.Lexicon) lexNames {
	n := lexNames{axes: map[string]string{}, poles: map[string]string{}}
	if lex == nil {
		return n
	}
	for _, a := range lex.Axes {
		n.axes[a.ID] = a.Name
		for _, p := range a.Poles {
			n.poles[a.ID+"/"+p.ID] = p.Name
		}
	}
	return n
}

func (n lexNames) axis(id string) string {
	if s := n.axes[id]; s != "" {
		return s
	}
	return id
}

func (n lexNames) pole(axis, id string) string {
	if s := n.poles[axis+"/"+id]; s != "" {
		return s
	}
	return id
}

func summarySwaps(w *writer, res *compare.Result) {
	var swaps []compare.Substitution
	for _, s := range res.Substitutions {
		if s.Framing {
			swaps = append(swaps, s)
		}
	}
	if len(swaps) == 0 {
		return
	}
	sort.SliceStable(swaps, func(i, j int) bool { return swaps[i].Count > swaps[j].Count })
	w.printf("\n### Word swaps\n\nIn passages that otherwise say the same thing, one outlet writes one word where another writes another.\n\n| one outlet writes | outlet | where another writes | outlet | times |\n|---|---|---|---|--:|\n")
	for _, s := range firstRows(swaps) {
		w.printf("| %s | %s | %s | %s | %d |\n", Escape(s.TermA), Escape(s.OutletA), Escape(s.TermB), Escape(s.OutletB), s.Count)
	}
	w.more(len(swaps), len(firstRows(swaps)))
}

func summaryQuotes(w *writer, res *compare.Result) {
	if len(res.Quotes) == 0 {
		return
	}
	var rows []compare.OutletFigures
	for _, f := range res.OutletFiguresOf() {
		if f.Quotes > 0 {
			rows = append(rows, f)
		}
	}
	w.printf("\n### Quotations\n\nHow each outlet gives the quotations it shares with others (a unique quotation is one no other outlet gives), and whom it quotes most.\n\n")
	names := make([]string, len(compare.QuoteFidelities))
	for i, f := range compare.QuoteFidelities {
		names[i] = f.String()
	}
	w.printf("| outlet | quotations | %s | most quoted |\n|---|--:|%s---|\n", strings.Join(names, " | "), strings.Repeat("--:|", len(compare.QuoteFidelities)))
	for _, r := range firstRows(rows) {
		var cells []string
		for _, f := range r.Fidelities {
			cells = append(cells, fmt.Sprint(f.Quotes))
		}
		w.printf("| %s | %d | %s | %s |\n", Escape(r.Outlet), r.Quotes, strings.Join(cells, " | "), Escape(topSpeakers(r.Speakers, 3)))
	}
	w.more(len(rows), len(firstRows(rows)))
}

// topSpeakers names the first n speakers (the most quoted) with their
// counts.
func topSpeakers(by []compare.SpeakerCount, n int) string {
	var parts []string
	for _, s := range by[:min(n, len(by))] {
		parts = append(parts, fmt.Sprintf("%s (%d)", s.Speaker, s.Quotes))
	}
	return strings.Join(parts, ", ")
}
