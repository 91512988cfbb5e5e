package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/report/html"
	jsonreport "github.com/framediff/framediff/report/json"
	"github.com/framediff/framediff/report/markdown"
	"github.com/framediff/framediff/report/pdf"
	"github.com/framediff/framediff/report/xlsx"
)

// formats are the outputs report can write, in the order they are written.
var formats = []string{"json", "xlsx", "pdf", "html"}

type reportOptions struct {
	input   inputOptions
	out     string
	formats string
	title   string
	blind   bool
	paper   string
	events  string
	summary string
	noTexts bool
	// compactJSON and gzipJSON choose report.json's layout and compression.
	compactJSON, gzipJSON bool
}

func (a *App) reportCommand() *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [PATH...]",
		Short: "Write report.json, report.xlsx, report.pdf and report.html",
		Example: `  framediff report
  framediff report news/ feed.jsonl -o out --title "Idlib, September 2018"
  framediff report news/ --format json,pdf --blind --paper letter
  framediff report news/ -o out --summary out/summary.md`,
		Long: `Report runs the whole pipeline and writes DIR/report.json, DIR/report.xlsx,
DIR/report.pdf and DIR/report.html (DIR is framediff-out unless -o says
otherwise; -o - writes the one --format chosen to standard output). The files
are written into a temporary directory inside DIR and moved into place only
when all are complete, so a failed or interrupted run leaves the previous
reports intact. A run locks DIR (DIR/.framediff.lock) while it writes; a
second run into the same DIR meanwhile fails with exit code 1.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runReport(cmd.Context(), o, args, cmd.Flags().Changed("out"))
		},
	}
	o.input.register(cmd)
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "framediff-out", "output `DIR`; - writes the one --format chosen to standard output")
	f.StringVar(&o.formats, "format", strings.Join(formats, ","), "outputs to write, comma-separated: json, xlsx, pdf, html")
	f.StringVar(&o.title, "title", "", "handout title (default: from the events)")
	f.BoolVar(&o.blind, "blind", false, "name outlets Source A, B, C… in the handout, with an answer key on the last page, and open report.html with outlets masked")
	f.StringVar(&o.paper, "paper", "a4", "handout paper size: a4 or letter")
	f.StringVar(&o.events, "events", "", "comma-separated event ids the handout covers (default: the few covered by the most outlets, then with the most articles)")
	f.BoolVar(&o.noTexts, "no-texts", false, "leave the articles' full texts out of report.json (passages stay as offsets into them)")
	f.BoolVar(&o.compactJSON, "compact-json", false, "write report.json without line breaks and indentation (about a quarter smaller)")
	f.BoolVar(&o.gzipJSON, "gzip-json", false, "write report.json.gz, report.json compressed with gzip (on news, smaller than the input), in place of report.json")
	f.StringVar(&o.summary, "summary", "", "also write a Markdown summary (outlets, events, framing contrasts, swaps, quotations) to `FILE.md`")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return formats, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("events", a.completeEvents(&o.input))
	_ = cmd.RegisterFlagCompletionFunc("paper", cobra.FixedCompletions([]string{"a4", "letter"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *App) runReport(ctx context.Context, o *reportOptions, paths []string, outGiven bool) error {
	want, err := parseFormats(o.formats)
	if err != nil {
		return err
	}
	if o.paper != "a4" && o.paper != "letter" {
		return usageErrorf("--paper must be a4 or letter, not %q", o.paper)
	}
	toStdout := o.out == "-"
	if toStdout && len(want) != 1 {
		return usageErrorf("-o - writes one report to standard output: choose it with --format json, xlsx, pdf or html")
	}
	res, l, err := a.build(ctx, &o.input, paths)
	if err != nil {
		return err
	}
	dir := absPath(o.out)
	if !toStdout {
		if root, inside := insideAny(dir, l.inputs); inside && !outGiven {
			return usageErrorf("the default output directory %s lies inside the input %s; name one with -o", o.out, root)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create output directory: %w", err)
		}
	}
	var events []string
	if o.events != "" {
		events = strings.Split(o.events, ",")
		for _, id := range events {
			if findEvent(res, id) == nil {
				return usageErrorf("--events: no event %q (see 'framediff events')", id)
			}
		}
		// report.json states the findings of the events the handout
		// covers.
		res.Findings = res.FindingsOf(events)
	}
	writers := map[string]func(io.Writer) error{
		"json": func(w io.Writer) error {
			return jsonreport.WriteOptions(w, res, jsonreport.Options{OmitTexts: o.noTexts, Compact: o.compactJSON, Gzip: o.gzipJSON})
		},
		"xlsx": func(w io.Writer) error { return xlsx.Write(w, res, xlsx.Options{}) },
		"pdf": func(w io.Writer) error {
			return pdf.WriteContext(ctx, w, res, pdf.Options{
				Title:    o.title,
				Blind:    o.blind,
				Paper:    o.paper,
				Events:   events,
				Settings: settingsLine(o),
				Warn:     func(msg string) { fmt.Fprintf(a.Stderr, "warning: %s\n", msg) },
			})
		},
		"html": func(w io.Writer) error {
			return html.Write(ctx, w, res, html.Options{Title: o.title, Blind: o.blind, Settings: settingsLine(o)})
		},
	}
	var outputs []string
	for _, name := range formats {
		if want[name] {
			outputs = append(outputs, name)
		}
	}
	if toStdout {
		if err := writers[outputs[0]](a.Stdout); err != nil {
			return err
		}
		return a.writeSummary(ctx, o, res)
	}
	read := readSources(l)
	var set []output
	for _, name := range outputs {
		path := filepath.Join(dir, o.fileName(name))
		if isInput(path, l.inputs) || read[path] {
			return usageErrorf("refusing to write %s over one of the inputs", path)
		}
		set = append(set, output{name: o.fileName(name), write: writers[name]})
	}
	// A summary beside the reports is part of their set.
	inSet := o.summary != "" && filepath.Dir(absPath(o.summary)) == dir
	if inSet {
		write := func(w io.Writer) error { return markdown.WriteSummary(w, res) }
		set = append(set, output{name: filepath.Base(o.summary), write: write})
	}
	if err := writeSet(ctx, dir, set); err != nil {
		return err
	}
	for _, name := range outputs {
		fmt.Fprintf(a.Stderr, "wrote %s\n", filepath.Join(o.out, o.fileName(name)))
		if other := o.otherJSONName(name); other != "" {
			if _, err := os.Stat(filepath.Join(dir, other)); err == nil {
				fmt.Fprintf(a.Stderr, "warning: %s is from an earlier run; this run wrote %s\n", filepath.Join(o.out, other), o.fileName(name))
			}
		}
	}
	if inSet {
		fmt.Fprintf(a.Stderr, "wrote %s\n", o.summary)
		return nil
	}
	return a.writeSummary(ctx, o, res)
}

// fileName is the name of the report of format name: report.json and so
// on, report.json.gz under --gzip-json.
func (o *reportOptions) fileName(name string) string {
	if name == "json" && o.gzipJSON {
		return "report.json.gz"
	}
	return "report." + name
}

// otherJSONName is, for the JSON format, the name the other --gzip-json
// setting writes, which an earlier run may have left beside this run's
// report; "" for other formats.
func (o *reportOptions) otherJSONName(name string) string {
	switch {
	case name != "json":
		return ""
	case o.gzipJSON:
		return "report.json"
	default:
		return "report.json.gz"
	}
}

// writeSummary writes the --summary file, when asked, as a set of one in its
// own directory.
func (a *App) writeSummary(ctx context.Context, o *reportOptions, res *compare.Result) error {
	if o.summary == "" {
		return nil
	}
	path := absPath(o.summary)
	write := func(w io.Writer) error { return markdown.WriteSummary(w, res) }
	if err := writeSet(ctx, filepath.Dir(path), []output{{name: filepath.Base(path), write: write}}); err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "wrote %s\n", o.summary)
	return nil
}

// readSources returns the absolute paths of the files the inputs named or
// found by walking directories: those articles came from and those that
// drew warnings. A JSONL source "file:12" counts as file.
func readSources(l *loaded) map[string]bool {
	read := map[string]bool{}
	add := func(src string) {
		if src == "" || src == "-" {
			return
		}
		read[l.realPath(src)] = true
		if i := strings.LastIndexByte(src, ':'); i > 0 && i+1 < len(src) && strings.Trim(src[i+1:], "0123456789") == "" {
			read[l.realPath(src[:i])] = true
		}
	}
	for _, a := range l.articles {
		add(a.Source)
	}
	for _, w := range l.warnings {
		add(w.File)
	}
	return read
}

// isInput reports whether path is one of the inputs, by name or, through
// links, by identity.
func isInput(path string, inputs []string) bool {
	out, err := os.Stat(path)
	for _, in := range inputs {
		if in == path {
			return true
		}
		if err != nil {
			continue
		}
		if info, err := os.Stat(in); err == nil && os.SameFile(out, info) {
			return true
		}
	}
	return false
}

func parseFormats(s string) (map[string]bool, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !contains(formats, f) {
			return nil, usageErrorf("--format: unknown output %q (want json, xlsx, pdf or html)", f)
		}
		want[f] = true
	}
	if len(want) == 0 {
		return nil, usageErrorf("--format names no output")
	}
	return want, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// settingsLine describes the run's options for the handout's footer.
func settingsLine(o *reportOptions) string {
	parts := []string{fmt.Sprintf("date window ±%d days", o.input.window)}
	if o.input.lexicon != "" {
		parts = append(parts, "lexicon file "+filepath.Base(o.input.lexicon))
	}
	if o.input.entities != "" {
		parts = append(parts, "entities file "+filepath.Base(o.input.entities))
	}
	if o.input.threshold != 0 {
		parts = append(parts, fmt.Sprintf("event threshold %.2f", o.input.threshold))
	}
	if o.blind {
		parts = append(parts, "blind")
	}
	return strings.Join(parts, " · ")
}
