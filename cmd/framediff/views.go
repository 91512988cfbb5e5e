package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report/text"
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
				if err := text.WriteArticlesJSON(a.Stdout, l.articles); err != nil {
					return err
				}
			} else {
				text.WriteArticles(a.Stdout, l.articles, a.Width)
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
				return text.WriteRejected(a.Stdout, res, kwic, width)
			}
			switch {
			case kwic != "" && asJSON:
				return kwicError(text.WriteKWICJSON(a.Stdout, res, kwic, width), kwic)
			case kwic != "":
				return kwicError(text.WriteKWIC(a.Stdout, res, kwic, width), kwic)
			case asJSON:
				return text.WriteTermsJSON(a.Stdout, res)
			}
			// One write for the table, not one per line and cell.
			bw := bufio.NewWriter(a.Stdout)
			text.WritePoleTable(bw, res, a.Width)
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

// kwicError makes text.ErrNoHit from --kwic a usage error naming the term.
func kwicError(err error, term string) error {
	if errors.Is(err, text.ErrNoHit) {
		return usageErrorf("--kwic: no hit of %q (terms are listed by 'framediff lexicon show')", term)
	}
	return err
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
				return text.WriteEventsJSON(a.Stdout, res)
			}
			text.WriteEvents(a.Stdout, res)
			return nil
		},
	}
	o.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the events as JSON")
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
				return text.WriteAlignmentsJSON(a.Stdout, res, event)
			}
			text.WriteAlignments(a.Stdout, res, event, useColor)
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

func (a *App) entitiesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "Print the embedded gazetteer, or check a gazetteer file",
		Example: `  framediff entities show > my-entities.yaml
  framediff entities check my-entities.yaml
  framediff report news/ --entities my-entities.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "show",
		Short:   "Print the embedded gazetteer (YAML): people, places, titles, ignored words, event nouns",
		Example: `  framediff entities show`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := a.Stdout.Write(compare.EmbeddedEntitiesYAML())
			return err
		},
	}, &cobra.Command{
		Use:     "check FILE",
		Short:   "Validate a gazetteer file merged over the embedded one; errors name the line",
		Example: `  framediff entities check my-entities.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("entities check takes one FILE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return &UsageError{Err: fmt.Errorf("entities: %w", err)}
			}
			g, err := compare.ParseEntities(args[0], data)
			if err != nil {
				return &UsageError{Err: err}
			}
			people, places, orgs, events := g.Counts()
			fmt.Fprintf(a.Stdout, "%s: ok: %s: %d people, %d places, %d organisations, %d events\n", args[0], g.Name, people, places, orgs, events)
			return nil
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

// completeEvents completes an event id flag with the ids of the events the
// command's inputs form; warnings are not printed while completing.
func (a *App) completeEvents(o *inputOptions) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		quiet := *a
		quiet.Stderr = io.Discard
		res, _, err := quiet.buildStages(context.Background(), o, args, func(ctx context.Context, p *compare.Pipeline) error {
			return p.Group(ctx)
		})
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var ids []string
		for _, ev := range res.Events {
			ids = append(ids, ev.ID+"\t"+ev.Label)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}
