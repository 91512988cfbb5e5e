// Package text writes the terminal views of a compare.Result: the
// articles table, framing terms per outlet and pole, hits in context,
// rejected candidates, events and aligned passages with a word diff, each
// as plain text or, through the JSON writers, as JSON.
package text

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// ErrNoHit is returned by WriteKWIC and WriteKWICJSON when no hit answers
// the term; they have written nothing.
var ErrNoHit = errors.New("no hit")

// WriteArticles prints the articles table. When width is positive (the
// terminal's columns) the title and warnings are cut so that each row fits;
// otherwise they are cut only at 60 and 80 characters.
func WriteArticles(w io.Writer, arts []corpus.Article, width int) {
	arts = sortedArticles(arts)
	type row struct{ id, outlet, date, lang, words, title, warns string }
	rows := []row{{"ID", "OUTLET", "DATE", "LANG", "WORDS", "TITLE", "WARNINGS"}}
	fixed := make([]int, 5)
	anyWarn := false
	for _, art := range arts {
		r := row{cell(art.ID, 30), orDash(cell(art.Outlet, 24)), orDash(art.Published.String()),
			orDash(art.Language), strconv.Itoa(art.Words), art.Title, strings.Join(art.Warnings, "; ")}
		rows = append(rows, r)
		anyWarn = anyWarn || r.warns != ""
	}
	for _, r := range rows {
		for i, c := range []string{r.id, r.outlet, r.date, r.lang, r.words} {
			fixed[i] = max(fixed[i], utf8.RuneCountInString(c))
		}
	}
	titleW, warnW := 60, 80
	if width > 0 {
		rest := width
		for _, n := range fixed {
			rest -= n + 2
		}
		if anyWarn {
			titleW = min(60, max(12, rest/2))
			warnW = max(12, rest-titleW-2)
		} else {
			titleW = min(60, max(12, rest))
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s", r.id, r.outlet, r.date, r.lang, r.words, cell(r.title, titleW))
		if anyWarn {
			line += "\t" + cell(r.warns, warnW)
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
}

func sortedArticles(arts []corpus.Article) []corpus.Article {
	out := append([]corpus.Article(nil), arts...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// cell makes s fit one table cell: one line, at most max runes.
func cell(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WritePoleTable prints outlets × poles: narrator-voice hits, with
// quoted-voice hits after a slash when there are any. When width is
// positive, each block of the table fits in it.
func WritePoleTable(w io.Writer, res *compare.Result, width int) {
	if res.Framing == nil || res.Lex == nil {
		fmt.Fprintln(w, "no framing counts")
		return
	}
	type key struct{ outlet, axis, pole string }
	narr, quot := map[key]int{}, map[key]int{}
	outlets := map[string]bool{}
	for _, c := range framing.PoleTotals(res.Framing.Counts) {
		if c.Event != "" || c.Article != "" {
			continue
		}
		k := key{c.Outlet, c.Axis, c.Pole}
		if c.Voice == framing.Quoted {
			quot[k] = c.Count
		} else {
			narr[k] = c.Count
		}
	}
	for _, art := range res.Articles {
		outlets[art.Outlet] = true
	}
	names := slices.Sorted(maps.Keys(outlets))
	value := func(n, axis, pole string) string {
		k := key{n, axis, pole}
		v := fmt.Sprint(narr[k])
		if quot[k] > 0 {
			v += fmt.Sprintf(" /%d", quot[k])
		}
		return v
	}
	// Outlets are columns; when they do not fit the terminal, the table is
	// printed in blocks of as many outlets as fit.
	fixed := len("AXIS") + 2 + len("POLE") + 2
	colWidth := map[string]int{}
	for _, ax := range res.Lex.Axes {
		for _, p := range ax.Poles {
			fixed = max(fixed, len(ax.ID)+2+len(p.ID)+2)
			for _, n := range names {
				colWidth[n] = max(colWidth[n], utf8.RuneCountInString(cell(orDash(n), 16))+2, len(value(n, ax.ID, p.ID))+2)
			}
		}
	}
	var blocks [][]string
	used := fixed
	for _, n := range names {
		if len(blocks) == 0 || width > 0 && used+colWidth[n] > width && len(blocks[len(blocks)-1]) > 0 {
			blocks = append(blocks, nil)
			used = fixed
		}
		blocks[len(blocks)-1] = append(blocks[len(blocks)-1], n)
		used += colWidth[n]
	}
	for b, block := range blocks {
		if b > 0 {
			fmt.Fprintln(w)
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "AXIS\tPOLE\t")
		for _, n := range block {
			fmt.Fprintf(tw, "%s\t", cell(orDash(n), 16))
		}
		fmt.Fprintln(tw)
		for _, ax := range res.Lex.Axes {
			for _, p := range ax.Poles {
				fmt.Fprintf(tw, "%s\t%s\t", ax.ID, p.ID)
				for _, n := range block {
					fmt.Fprintf(tw, "%s\t", value(n, ax.ID, p.ID))
				}
				fmt.Fprintln(tw)
			}
		}
		tw.Flush()
	}
	fmt.Fprintln(w, "\nCounts are hits in the outlet's own (narrator) voice; \"/N\" adds hits inside quotations.")
}

// WriteKWIC prints every hit of a term, pole or axis in its sentence;
// ErrNoHit when there is none.
func WriteKWIC(w io.Writer, res *compare.Result, term string, width int) error {
	if res.Framing == nil {
		return fmt.Errorf("no framing hits")
	}
	want := strings.ToLower(strings.TrimSpace(term))
	arts := map[string]*corpus.Article{}
	for i := range res.Articles {
		arts[res.Articles[i].ID] = &res.Articles[i]
	}
	n := 0
	for _, h := range res.Framing.Hits {
		if !kwicMatches(h, want) {
			continue
		}
		art := arts[h.Article]
		if art == nil {
			continue
		}
		left, match, right := framing.KWIC(art, h, width)
		left, right = strings.TrimRight(left, " "), strings.TrimLeft(right, " ")
		flags := string(h.Voice)
		if h.Speaker != "" {
			flags += ":" + h.Speaker
		}
		if h.ScareQuoted {
			flags += ",scare-quoted"
		}
		if h.Distanced {
			flags += ",distanced"
		}
		fmt.Fprintf(w, "%-14s %*s [%s] %-*s  (%s %s/%s %s)\n",
			cell(art.Outlet, 14), width, left, match, width, right, art.ID, h.Axis, h.Pole, flags)
		n++
	}
	if n == 0 {
		return ErrNoHit
	}
	return nil
}

// WriteRejected prints every candidate of a term, pole or axis that its
// sense conditions rejected, in its sentence, with the reason.
func WriteRejected(w io.Writer, res *compare.Result, term string, width int) error {
	if res.Lex == nil {
		return fmt.Errorf("no lexicon")
	}
	want := strings.ToLower(strings.TrimSpace(term))
	m := framing.NewMatcher(res.Lex)
	n := 0
	for i := range res.Articles {
		art := &res.Articles[i]
		_, rej := m.Candidates(art)
		for _, r := range rej {
			if !kwicMatches(r.Hit, want) {
				continue
			}
			left, match, right := framing.KWIC(art, r.Hit, width)
			left, right = strings.TrimRight(left, " "), strings.TrimLeft(right, " ")
			fmt.Fprintf(w, "%-14s %*s [%s] %-*s  (%s %s/%s rejected: %s)\n",
				cell(art.Outlet, 14), width, left, match, width, right, art.ID, r.Axis, r.Pole, r.Reason)
			n++
		}
	}
	if n == 0 {
		fmt.Fprintf(w, "no rejected candidate of %q\n", term)
	}
	return nil
}

// kwicMatches reports whether hit h answers the query q: its term, the
// words it matched, a word of its term, its pole, its axis, or "axis/pole".
func kwicMatches(h framing.Hit, q string) bool {
	term := strings.ToLower(h.Term)
	switch q {
	case term, strings.ToLower(h.Match), h.Pole, h.Axis, h.Axis + "/" + h.Pole:
		return true
	}
	for _, w := range strings.Fields(term) {
		if w == q {
			return true
		}
	}
	return false
}

// WriteEvents prints each event with its date span and articles, each with
// its date; undated articles are flagged.
func WriteEvents(w io.Writer, res *compare.Result) {
	outletOf := map[string]string{}
	dateOf := map[string]string{}
	for _, art := range res.Articles {
		outletOf[art.ID] = art.Outlet
		if !art.Published.IsZero() {
			dateOf[art.ID] = art.Published.Time.UTC().Format("2006-01-02")
		}
	}
	for _, ev := range res.Events {
		dates := ev.Start
		if ev.End != ev.Start {
			dates += " – " + ev.End
		}
		undated := 0
		for _, id := range ev.Articles {
			if dateOf[id] == "" {
				undated++
			}
		}
		// A lone article was grouped with nothing, so only events of two
		// or more say how their undated members were placed.
		note := ""
		switch {
		case len(ev.Articles) < 2 || undated == 0:
		case undated == len(ev.Articles):
			note = ", all undated (grouped by content alone)"
		default:
			note = fmt.Sprintf(", %d undated (grouped by content alone)", undated)
		}
		fmt.Fprintf(w, "%s  %s\n  %s, %d article(s)%s\n", ev.ID, ev.Label, cmp.Or(dates, "undated"), len(ev.Articles), note)
		for _, id := range ev.Articles {
			fmt.Fprintf(w, "    %-28s %-10s  %s\n", id, cmp.Or(dateOf[id], "undated"), orDash(outletOf[id]))
		}
	}
}

const (
	ansiReset  = "\x1b[0m"
	ansiDelete = "\x1b[31;9m" // red, struck through
	ansiInsert = "\x1b[32;4m" // green, underlined
)

// WriteAlignments prints the aligned passages of event, each with its word
// diff: in colour (red struck-through deletions, green underlined
// insertions) when color is set, else marked [-…-] and {+…+}.
func WriteAlignments(w io.Writer, res *compare.Result, event string, color bool) {
	n := 0
	for _, al := range res.Alignments {
		if al.Event != event {
			continue
		}
		n++
		fmt.Fprintf(w, "%s %.2f  %s #%d  ~  %s #%d\n", al.Kind, al.Similarity,
			al.A.Outlet, al.A.Sentence, al.B.Outlet, al.B.Sentence)
		var b strings.Builder
		for i, op := range al.Diff {
			if i > 0 {
				b.WriteByte(' ') // runs hold words without the space between runs
			}
			switch {
			case op.Op == compare.OpEqual:
				b.WriteString(op.Text)
			case color && op.Op == compare.OpDelete:
				b.WriteString(ansiDelete + op.Text + ansiReset)
			case color && op.Op == compare.OpInsert:
				b.WriteString(ansiInsert + op.Text + ansiReset)
			case op.Op == compare.OpDelete:
				b.WriteString("[-" + op.Text + "-]")
			default:
				b.WriteString("{+" + op.Text + "+}")
			}
		}
		fmt.Fprintf(w, "  %s\n\n", b.String())
	}
	if n == 0 {
		fmt.Fprintln(w, "no aligned passages in this event")
	}
}
