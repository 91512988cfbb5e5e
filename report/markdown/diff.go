package markdown

import (
	"io"
	"strings"

	"github.com/framediff/framediff/report/reportdiff"
)

// WriteDiff writes d as Markdown for a pull-request comment.
func WriteDiff(out io.Writer, d *reportdiff.Diff) error {
	w := &writer{w: out}
	w.printf("## framediff: what changed in the report\n\n")
	if d.Empty() {
		w.printf("No changes.\n")
		return w.err
	}
	w.printf("- **Articles:** +%d, −%d\n", len(d.ArticlesAdded), len(d.ArticlesRemoved))
	if len(d.OutletsAdded)+len(d.OutletsRemoved) > 0 {
		var parts []string
		for _, o := range d.OutletsAdded {
			parts = append(parts, "+"+Escape(o))
		}
		for _, o := range d.OutletsRemoved {
			parts = append(parts, "−"+Escape(o))
		}
		w.printf("- **Outlets:** %s\n", strings.Join(parts, ", "))
	}
	w.printf("- **Events:** %s\n", d.EventCounts())
	w.printf("- **Word swaps:** +%d, −%d\n", len(d.SwapsNew), len(d.SwapsLost))
	w.printf("- **Quotations:** +%d, −%d\n", d.QuotesAdded, d.QuotesRemoved)
	if hl := d.Headlines(); len(hl) > 0 {
		w.printf("\n### Framing terms\n\n")
		for _, h := range firstRows(hl) {
			w.printf("- %s\n", Escape(h))
		}
		w.more(len(hl), len(firstRows(hl)))
	}
	if n := len(d.ArticlesAdded) + len(d.ArticlesRemoved); n > 0 {
		w.printf("\n### Articles\n\n| | id | outlet | title |\n|---|---|---|---|\n")
		rows := 0
		for _, a := range d.ArticlesAdded {
			if rows++; rows <= maxRows {
				w.printf("| + | %s | %s | %s |\n", Escape(a.ID), Escape(a.Outlet), Escape(a.Title))
			}
		}
		for _, a := range d.ArticlesRemoved {
			if rows++; rows <= maxRows {
				w.printf("| − | %s | %s | %s |\n", Escape(a.ID), Escape(a.Outlet), Escape(a.Title))
			}
		}
		w.more(n, min(n, maxRows))
	}
	if len(d.Events) > 0 {
		w.printf("\n### Events\n\n| change | event | detail |\n|---|---|---|\n")
		for _, e := range firstRows(d.Events) {
			w.printf("| %s | %s | %s |\n", e.Kind, Escape(e.ID), Escape(e.Detail()))
		}
		w.more(len(d.Events), len(firstRows(d.Events)))
	}
	if len(d.Terms) > 0 {
		w.printf("\n### Term counts per outlet\n\n| outlet | term | voice | old | new | change | per 1,000 words |\n|---|---|---|--:|--:|--:|--:|\n")
		for _, t := range firstRows(d.Terms) {
			w.printf("| %s | %s | %s | %d | %d | %+d | %.2f → %.2f |\n", Escape(t.Outlet), Escape(t.Term), t.Voice, t.Old, t.New, t.Delta, t.OldRate, t.NewRate)
		}
		w.more(len(d.Terms), len(firstRows(d.Terms)))
	}
	if len(d.SwapsNew)+len(d.SwapsLost) > 0 {
		w.printf("\n### Word swaps\n\n")
		for _, s := range firstRows(d.SwapsNew) {
			w.printf("- new: %s\n", Escape(s.String()))
		}
		for _, s := range firstRows(d.SwapsLost) {
			w.printf("- lost: %s\n", Escape(s.String()))
		}
	}
	if len(d.Speakers) > 0 {
		w.printf("\n### Who is quoted\n\n| outlet | speaker | old | new |\n|---|---|--:|--:|\n")
		for _, s := range firstRows(d.Speakers) {
			w.printf("| %s | %s | %d | %d |\n", Escape(s.Outlet), Escape(reportdiff.SpeakerName(s.Speaker)), s.Old, s.New)
		}
		w.more(len(d.Speakers), len(firstRows(d.Speakers)))
	}
	return w.err
}
