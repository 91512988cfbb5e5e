package reportdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// maxRows bounds each list in the text and Markdown views; the JSON has
// every change.
const maxRows = 20

// Headlines are one sentence per term whose total count changed, largest
// first: `adding Press TV raised "terrorists" in narrator voice by 7`.
func (d *Diff) Headlines() []string {
	added := map[string]bool{}
	for _, o := range d.OutletsAdded {
		added[o] = true
	}
	perOutlet := map[string]map[string]int{} // term|voice → outlet → delta
	for _, t := range d.Terms {
		k := t.Term + "|" + t.Voice
		if perOutlet[k] == nil {
			perOutlet[k] = map[string]int{}
		}
		perOutlet[k][t.Outlet] += t.Delta
	}
	var out []string
	for _, t := range d.TermTotals {
		verb := "raised"
		if t.Delta < 0 {
			verb = "lowered"
		}
		allNew := len(t.Outlets) > 0
		var parts []string
		for _, o := range t.Outlets {
			allNew = allNew && added[o]
			parts = append(parts, fmt.Sprintf("%s %+d", o, perOutlet[t.Term+"|"+t.Voice][o]))
		}
		if allNew {
			out = append(out, fmt.Sprintf("adding %s %s %q in %s voice by %d",
				joinAnd(t.Outlets), verb, t.Term, t.Voice, abs(t.Delta)))
			continue
		}
		dir := "rose"
		if t.Delta < 0 {
			dir = "fell"
		}
		out = append(out, fmt.Sprintf("%q in %s voice %s by %d (%s)", t.Term, t.Voice, dir, abs(t.Delta), strings.Join(parts, ", ")))
	}
	return out
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// WriteJSON writes d as indented JSON; empty lists are [].
func (d *Diff) WriteJSON(w io.Writer) error {
	out := *d
	fill(&out.ArticlesAdded)
	fill(&out.ArticlesRemoved)
	fill(&out.OutletsAdded)
	fill(&out.OutletsRemoved)
	fill(&out.Events)
	fill(&out.Terms)
	fill(&out.TermTotals)
	fill(&out.SwapsNew)
	fill(&out.SwapsLost)
	fill(&out.Speakers)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		*Diff
		Headlines []string `json:"headlines"`
	}{&out, nonNil(d.Headlines())})
}

func fill[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WriteText writes d for a terminal: a few lines per kind of change.
func (d *Diff) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	if d.Empty() {
		ew.printf("no changes\n")
		return ew.err
	}
	ew.printf("articles: +%d -%d\n", len(d.ArticlesAdded), len(d.ArticlesRemoved))
	for _, a := range cap20(d.ArticlesAdded) {
		ew.printf("  + %s  %s  %s\n", a.ID, orDash(a.Outlet), a.Title)
	}
	for _, a := range cap20(d.ArticlesRemoved) {
		ew.printf("  - %s  %s  %s\n", a.ID, orDash(a.Outlet), a.Title)
	}
	more(ew, "  ", len(d.ArticlesAdded)+len(d.ArticlesRemoved), len(cap20(d.ArticlesAdded))+len(cap20(d.ArticlesRemoved)))
	if len(d.OutletsAdded)+len(d.OutletsRemoved) > 0 {
		ew.printf("outlets:")
		for _, o := range d.OutletsAdded {
			ew.printf(" +%s", o)
		}
		for _, o := range d.OutletsRemoved {
			ew.printf(" -%s", o)
		}
		ew.printf("\n")
	}
	ew.printf("events: %s\n", d.EventCounts())
	for _, e := range cap20(d.Events) {
		ew.printf("  %-7s %s  %s\n", e.Kind, e.ID, e.Detail())
	}
	more(ew, "  ", len(d.Events), len(cap20(d.Events)))
	if hl := d.Headlines(); len(hl) > 0 {
		ew.printf("terms:\n")
		for _, h := range cap20(hl) {
			ew.printf("  %s\n", h)
		}
		more(ew, "  ", len(hl), len(cap20(hl)))
	}
	if len(d.Terms) > 0 {
		ew.printf("term counts per outlet (old → new, per 1,000 words):\n")
		for _, t := range cap20(d.Terms) {
			ew.printf("  %s  %q  %s  %d → %d (%+d)  %.2f → %.2f\n", t.Outlet, t.Term, t.Voice, t.Old, t.New, t.Delta, t.OldRate, t.NewRate)
		}
		more(ew, "  ", len(d.Terms), len(cap20(d.Terms)))
	}
	if len(d.SwapsNew)+len(d.SwapsLost) > 0 {
		ew.printf("word swaps: +%d -%d\n", len(d.SwapsNew), len(d.SwapsLost))
		for _, s := range cap20(d.SwapsNew) {
			ew.printf("  + %s\n", s.String())
		}
		for _, s := range cap20(d.SwapsLost) {
			ew.printf("  - %s\n", s.String())
		}
	}
	if d.QuotesAdded+d.QuotesRemoved+len(d.Speakers) > 0 {
		ew.printf("quotations: +%d -%d\n", d.QuotesAdded, d.QuotesRemoved)
		for _, s := range cap20(d.Speakers) {
			ew.printf("  %s quotes %s: %d → %d\n", s.Outlet, SpeakerName(s.Speaker), s.Old, s.New)
		}
		more(ew, "  ", len(d.Speakers), len(cap20(d.Speakers)))
	}
	return ew.err
}

// EventCounts says how many events of each kind of change there are.
func (d *Diff) EventCounts() string {
	n := make([]int, len(ChangeKinds))
	for _, e := range d.Events {
		n[e.Kind]++
	}
	parts := make([]string, len(ChangeKinds))
	for i, k := range ChangeKinds {
		parts[i] = fmt.Sprintf("%d %s", n[i], k)
	}
	return strings.Join(parts, ", ")
}

// Detail describes an event change in one line.
func (e EventChange) Detail() string {
	var parts []string
	if e.Label != "" {
		parts = append(parts, e.Label)
	}
	switch e.Kind {
	case Merged:
		parts = append(parts, "from "+strings.Join(e.From, " + "))
	case Split:
		parts = append(parts, "into "+strings.Join(e.To, " + "))
	case Changed:
		if len(e.From) == 1 && e.From[0] != e.ID {
			parts = append(parts, "was "+e.From[0])
		}
	}
	if len(e.ArticlesAdded) > 0 {
		parts = append(parts, "+"+strings.Join(e.ArticlesAdded, " +"))
	}
	if len(e.ArticlesRemoved) > 0 && e.Kind != Gone {
		parts = append(parts, "-"+strings.Join(e.ArticlesRemoved, " -"))
	}
	return strings.Join(parts, "; ")
}

// String describes a swap in one line.
func (s Swap) String() string {
	kind := "swap"
	if s.Framing {
		kind = "framing swap"
		if s.Axis != "" {
			kind += " on " + s.Axis
		}
	}
	return fmt.Sprintf("%q (%s) for %q (%s) ×%d, %s", s.TermA, s.OutletA, s.TermB, s.OutletB, s.Count, kind)
}

// SpeakerName is how a speaker is shown; an empty one is "(no speaker)".
func SpeakerName(s string) string {
	if s == "" {
		return "(no speaker)"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func cap20[T any](s []T) []T {
	if len(s) > maxRows {
		return s[:maxRows]
	}
	return s
}

func more(ew *errWriter, indent string, total, shown int) {
	if total > shown {
		ew.printf("%s… and %d more (--json lists all)\n", indent, total-shown)
	}
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
