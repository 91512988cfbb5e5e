package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

func (a *App) articlesCommand() *cobra.Command {
	o := &inputOptions{}
	cmd := &cobra.Command{
		Use:   "articles [PATH...]",
		Short: "List the articles read: id, outlet, date, language, words, title, warnings",
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := a.load(cmd.Context(), o, args)
			if err != nil {
				return err
			}
			writeArticles(a.Stdout, l.articles)
			langWarnings := compare.LanguageWarnings(l.articles, l.lexicon)
			for _, w := range l.warnings {
				fmt.Fprintf(a.Stderr, "warning: %s\n", w)
			}
			for _, w := range langWarnings {
				fmt.Fprintf(a.Stderr, "warning: %s\n", w)
			}
			if o.strict && (len(l.warnings) > 0 || len(langWarnings) > 0 || anyArticleWarnings(l.articles)) {
				return fmt.Errorf("warnings under --strict: %w", errWarnings)
			}
			return nil
		},
	}
	o.register(cmd)
	return cmd
}

func anyArticleWarnings(arts []corpus.Article) bool {
	for _, a := range arts {
		if len(a.Warnings) > 0 {
			return true
		}
	}
	return false
}

func writeArticles(w io.Writer, arts []corpus.Article) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tOUTLET\tDATE\tLANG\tWORDS\tTITLE\tWARNINGS")
	for _, art := range sortedArticles(arts) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n",
			cell(art.ID, 30), orDash(cell(art.Outlet, 24)), orDash(art.Published.String()),
			orDash(art.Language), art.Words, cell(art.Title, 60), cell(strings.Join(art.Warnings, "; "), 80))
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

func (a *App) termsCommand() *cobra.Command {
	o := &inputOptions{}
	var kwic string
	var width int
	cmd := &cobra.Command{
		Use:   "terms [PATH...]",
		Short: "Framing terms per outlet: narrator-voice hits per pole, or every hit of one term in context",
		RunE: func(cmd *cobra.Command, args []string) error {
			res, _, err := a.build(cmd.Context(), o, args)
			if err != nil {
				return err
			}
			if kwic != "" {
				return writeKWIC(a.Stdout, res, kwic, width)
			}
			writePoleTable(a.Stdout, res)
			return nil
		},
	}
	o.register(cmd)
	cmd.Flags().StringVar(&kwic, "kwic", "", "print every hit of `TERM` in its sentence: a lexicon term or a word of one, a pole, an axis, or axis/pole")
	cmd.Flags().IntVar(&width, "width", 50, "characters of context on each side for --kwic")
	return cmd
}

// writePoleTable prints outlets × poles: narrator-voice hits, with
// quoted-voice hits after a slash when there are any.
func writePoleTable(w io.Writer, res *compare.Result) {
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
	names := sortedKeys(outlets)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "AXIS\tPOLE\t")
	for _, n := range names {
		fmt.Fprintf(tw, "%s\t", cell(orDash(n), 16))
	}
	fmt.Fprintln(tw)
	for _, ax := range res.Lex.Axes {
		for _, p := range ax.Poles {
			fmt.Fprintf(tw, "%s\t%s\t", ax.ID, p.ID)
			for _, n := range names {
				k := key{n, ax.ID, p.ID}
				v := fmt.Sprint(narr[k])
				if quot[k] > 0 {
					v += fmt.Sprintf(" /%d", quot[k])
				}
				fmt.Fprintf(tw, "%s\t", v)
			}
			fmt.Fprintln(tw)
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "\nCounts are hits in the outlet's own (narrator) voice; \"/N\" adds hits inside quotations.")
}

// writeKWIC prints every hit of a term, pole or axis in its sentence.
func writeKWIC(w io.Writer, res *compare.Result, term string, width int) error {
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
		return usageErrorf("--kwic: no hit of %q (terms are listed by 'framediff lexicon show')", term)
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

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (a *App) eventsCommand() *cobra.Command {
	o := &inputOptions{}
	cmd := &cobra.Command{
		Use:   "events [PATH...]",
		Short: "List the events: groups of articles reporting the same happening",
		RunE: func(cmd *cobra.Command, args []string) error {
			res, _, err := a.build(cmd.Context(), o, args)
			if err != nil {
				return err
			}
			outletOf := map[string]string{}
			for _, art := range res.Articles {
				outletOf[art.ID] = art.Outlet
			}
			for _, ev := range res.Events {
				dates := ev.Start
				if ev.End != ev.Start {
					dates += " – " + ev.End
				}
				fmt.Fprintf(a.Stdout, "%s  %s\n  %s, %d article(s)\n", ev.ID, ev.Label, orDash(dates), len(ev.Articles))
				for _, id := range ev.Articles {
					fmt.Fprintf(a.Stdout, "    %-28s %s\n", id, orDash(outletOf[id]))
				}
			}
			return nil
		},
	}
	o.register(cmd)
	return cmd
}

func findEvent(res *compare.Result, id string) *compare.Event {
	for i := range res.Events {
		if res.Events[i].ID == id {
			return &res.Events[i]
		}
	}
	return nil
}

func (a *App) alignCommand() *cobra.Command {
	o := &inputOptions{}
	var event string
	var color string
	cmd := &cobra.Command{
		Use:   "align [PATH...] --event ID",
		Short: "Print an event's aligned passages with a word diff",
		RunE: func(cmd *cobra.Command, args []string) error {
			if event == "" {
				return usageErrorf("align needs --event ID (see 'framediff events')")
			}
			useColor := a.Terminal
			switch color {
			case "always":
				useColor = true
			case "never":
				useColor = false
			case "auto":
			default:
				return usageErrorf("--color must be auto, always or never")
			}
			res, _, err := a.build(cmd.Context(), o, args)
			if err != nil {
				return err
			}
			if findEvent(res, event) == nil {
				return usageErrorf("no event %q (see 'framediff events')", event)
			}
			writeAlignments(a.Stdout, res, event, useColor)
			return nil
		},
	}
	o.register(cmd)
	cmd.Flags().StringVar(&event, "event", "", "event `ID` from 'framediff events'")
	cmd.Flags().StringVar(&color, "color", "auto", "colour the diff: auto (when a terminal), always or never")
	return cmd
}

const (
	ansiReset  = "\x1b[0m"
	ansiDelete = "\x1b[31;9m" // red, struck through
	ansiInsert = "\x1b[32;4m" // green, underlined
)

func writeAlignments(w io.Writer, res *compare.Result, event string, color bool) {
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
			case op.Op == "equal":
				b.WriteString(op.Text)
			case color && op.Op == "delete":
				b.WriteString(ansiDelete + op.Text + ansiReset)
			case color && op.Op == "insert":
				b.WriteString(ansiInsert + op.Text + ansiReset)
			case op.Op == "delete":
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

func (a *App) lexiconCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Print the default lexicon, or check a lexicon file",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "show",
		Short: "Print the default lexicon (YAML) to copy and edit",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := a.Stdout.Write(framing.DefaultLexiconYAML())
			return err
		},
	}, &cobra.Command{
		Use:   "check FILE",
		Short: "Validate a lexicon file; errors name the line",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("lexicon check takes one FILE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.checkLexicon(args[0])
		},
	})
	return cmd
}

func (a *App) checkLexicon(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return &UsageError{Err: fmt.Errorf("lexicon: %w", err)}
	}
	lex, err := framing.ParseLexicon(path, data)
	if err != nil {
		return &UsageError{Err: err}
	}
	poles, terms := 0, 0
	for _, ax := range lex.Axes {
		poles += len(ax.Poles)
		for _, p := range ax.Poles {
			terms += len(p.Terms)
		}
	}
	fmt.Fprintf(a.Stdout, "%s: ok: %d axes, %d poles, %d terms\n", path, len(lex.Axes), poles, terms)
	return nil
}
