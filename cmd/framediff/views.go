package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
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
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "articles [PATH...]",
		Short: "List the articles read: id, outlet, date, language, words, title, warnings",
		Example: `  framediff articles
  framediff articles news/ --strict      # exit 1 if any input drew a warning`,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := a.load(cmd.Context(), o, args)
			if err != nil {
				return err
			}
			if asJSON {
				if err := writeArticlesJSON(a.Stdout, l.articles); err != nil {
					return err
				}
			} else {
				writeArticles(a.Stdout, l.articles, a.Width)
			}
			// The table shows each article's warnings; stderr gets the rest.
			n := writeWarnings(a.Stderr, problems(l.warnings, nil), o.verbose)
			for _, p := range problems(nil, l.articles) {
				if !isNote(warningKind(p.reason)) {
					n++
				}
			}
			for _, w := range compare.LanguageWarnings(l.articles, l.lexicon) {
				fmt.Fprintf(a.Stderr, "warning: %s\n", w)
				n++
			}
			if o.strict && n > 0 {
				return fmt.Errorf("%d warning(s) under --strict: %w", n, errWarnings)
			}
			if len(l.articles) == 0 {
				return errors.New("no article could be read")
			}
			return nil
		},
	}
	o.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "write JSON instead of a table")
	return cmd
}

// writeArticles prints the articles table. When width is positive (the
// terminal's columns) the title and warnings are cut so that each row fits;
// otherwise they are cut only at 60 and 80 characters.
func writeArticles(w io.Writer, arts []corpus.Article, width int) {
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

func (a *App) termsCommand() *cobra.Command {
	// Neither the table nor hits in context show markers or distinctive
	// terms.
	o := &inputOptions{noMarkers: true, noDistinctive: true}
	var kwic string
	var width int
	var rejected, asJSON bool
	cmd := &cobra.Command{
		Use:   "terms [PATH...]",
		Short: "Framing terms per outlet: narrator-voice hits per pole, or every hit of one term in context",
		Example: `  framediff terms news/
  framediff terms news/ --kwic terrorists
  framediff terms news/ --kwic armed_groups/rebels --width 30`,
		RunE: func(cmd *cobra.Command, args []string) error {
			// The table counts hits per outlet: matching is enough. Each hit
			// in context names its speaker, which takes quotations and events.
			res, _, err := a.buildStages(cmd.Context(), o, args, func(ctx context.Context, p *compare.Pipeline) error {
				if kwic != "" {
					return p.Group(ctx)
				}
				return p.Match(ctx)
			})
			if err != nil {
				return err
			}
			if kwic != "" && rejected {
				return writeRejected(a.Stdout, res, kwic, width)
			}
			switch {
			case kwic != "" && asJSON:
				return writeKWICJSON(a.Stdout, res, kwic, width)
			case kwic != "":
				return writeKWIC(a.Stdout, res, kwic, width)
			case asJSON:
				return writeTermsJSON(a.Stdout, res)
			}
			// One write for the table, not one per line and cell.
			bw := bufio.NewWriter(a.Stdout)
			writePoleTable(bw, res, a.Width)
			return bw.Flush()
		},
	}
	o.register(cmd)
	cmd.Flags().StringVar(&kwic, "kwic", "", "print every hit of `TERM` in its sentence: a lexicon term or a word of one, a pole, an axis, or axis/pole")
	cmd.Flags().IntVar(&width, "width", framing.DefaultContextChars, "characters of context on each side for --kwic (the default is the context report.json keeps, and the workbook and page show)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the counts (or, with --kwic, the hits with their context) as JSON")
	cmd.Flags().BoolVar(&rejected, "rejected", false, "with --kwic: print the candidates the term's sense conditions left out, with the reason, instead of the hits")
	return cmd
}

// writePoleTable prints outlets × poles: narrator-voice hits, with
// quoted-voice hits after a slash when there are any. When width is
// positive, each block of the table fits in it.
func writePoleTable(w io.Writer, res *compare.Result, width int) {
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

// writeRejected prints every candidate of a term, pole or axis that its
// sense conditions rejected, in its sentence, with the reason.
func writeRejected(w io.Writer, res *compare.Result, term string, width int) error {
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

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (a *App) eventsCommand() *cobra.Command {
	// The view shows no markers and no distinctive terms.
	o := &inputOptions{noMarkers: true, noDistinctive: true}
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "events [PATH...]",
		Short: "List the events: groups of articles reporting the same happening",
		Example: `  framediff events news/
  framediff events news/ --window 4`,
		RunE: func(cmd *cobra.Command, args []string) error {
			res, _, err := a.buildStages(cmd.Context(), o, args, func(ctx context.Context, p *compare.Pipeline) error {
				return p.Group(ctx)
			})
			if err != nil {
				return err
			}
			if asJSON {
				return writeEventsJSON(a.Stdout, res)
			}
			writeEvents(a.Stdout, res)
			return nil
		},
	}
	o.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the events as JSON")
	return cmd
}

// writeEvents prints each event with its date span and articles, each with
// its date; undated articles are flagged.
func writeEvents(w io.Writer, res *compare.Result) {
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

func findEvent(res *compare.Result, id string) *compare.Event {
	for i := range res.Events {
		if res.Events[i].ID == id {
			return &res.Events[i]
		}
	}
	return nil
}

// colorFor says whether to colour output under --color mode (auto, always
// or never): auto colours a terminal unless NO_COLOR is set.
func (a *App) colorFor(mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return a.Terminal && !a.NoColor
}

func (a *App) alignCommand() *cobra.Command {
	// The view shows no markers and no distinctive terms.
	o := &inputOptions{noMarkers: true, noDistinctive: true}
	var event string
	var color string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "align [PATH...] --event ID",
		Short: "Print an event's aligned passages with a word diff",
		Example: `  framediff events news/                 # find the event's id
  framediff align news/ --event 2018-09-07-tehran-summit-putin-erdogan
  framediff align news/ --event 2018-09-07-tehran-summit-putin-erdogan --color never | less`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if event == "" {
				return usageErrorf("align needs --event ID (see 'framediff events')")
			}
			if color != "auto" && color != "always" && color != "never" {
				return usageErrorf("--color must be auto, always or never")
			}
			useColor := a.colorFor(color)
			// Only the event shown is compared.
			res, _, err := a.buildStages(cmd.Context(), o, args, func(ctx context.Context, p *compare.Pipeline) error {
				if err := p.Group(ctx); err != nil {
					return err
				}
				if findEvent(p.Result(), event) == nil {
					return usageErrorf("no event %q (see 'framediff events')", event)
				}
				return p.Compare(ctx, event)
			})
			if err != nil {
				return err
			}
			if asJSON {
				return writeAlignmentsJSON(a.Stdout, res, event)
			}
			writeAlignments(a.Stdout, res, event, useColor)
			return nil
		},
	}
	o.register(cmd)
	cmd.Flags().StringVar(&event, "event", "", "event `ID` from 'framediff events'")
	cmd.Flags().StringVar(&color, "color", "auto", "colour the diff: auto (when a terminal), always or never")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the event's alignments as JSON")
	_ = cmd.RegisterFlagCompletionFunc("event", a.completeEvents(o))
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

// loadLexicon reads the --lexicon value: an embedded lexicon's name
// ("default", "politics"), a YAML file, or several of these joined by
// commas, combined in order (framing.CombineLexicons). A part holding a
// "." or a path separator is always a file. It returns the files read; a
// bad file or name is a UsageError.
func loadLexicon(spec string) (*framing.Lexicon, []string, error) {
	var lexes []*framing.Lexicon
	var files []string
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if _, ok := framing.EmbeddedLexiconYAML(part); ok && !strings.ContainsAny(part, "./\\") {
			lex, err := framing.EmbeddedLexicon(part)
			if err != nil {
				return nil, nil, err
			}
			lexes = append(lexes, lex)
			continue
		}
		data, err := os.ReadFile(part)
		if err != nil {
			return nil, nil, &UsageError{Err: fmt.Errorf("lexicon: %w (embedded lexicons: %s)", err, strings.Join(framing.LexiconNames(), ", "))}
		}
		lex, err := framing.ParseLexicon(part, data)
		if err != nil {
			return nil, nil, &UsageError{Err: err}
		}
		lexes = append(lexes, lex)
		files = append(files, part)
	}
	if len(lexes) == 1 {
		return lexes[0], files, nil
	}
	lex, err := framing.CombineLexicons(lexes...)
	if err != nil {
		return nil, nil, &UsageError{Err: err}
	}
	return lex, files, nil
}

func (a *App) lexiconCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Print the default lexicon, or check a lexicon file",
		Example: `  framediff lexicon show > my-lexicon.yaml
  framediff lexicon check my-lexicon.yaml
  framediff report news/ --lexicon my-lexicon.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "show [NAME]",
		Short: "Print an embedded lexicon (YAML) to copy and edit: default or politics",
		Example: `  framediff lexicon show > my-lexicon.yaml
  framediff lexicon show politics`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("lexicon show takes at most one NAME")
			}
			name := "default"
			if len(args) == 1 {
				name = args[0]
			}
			data, ok := framing.EmbeddedLexiconYAML(name)
			if !ok {
				return usageErrorf("no embedded lexicon %q (have: %s)", name, strings.Join(framing.LexiconNames(), ", "))
			}
			_, err := a.Stdout.Write(data)
			return err
		},
	}, &cobra.Command{
		Use:     "check FILE",
		Short:   "Validate a lexicon file; errors name the line",
		Example: `  framediff lexicon check my-lexicon.yaml`,
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
