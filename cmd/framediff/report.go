package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framediff/framediff/report"
)

// formats are the outputs report can write, in the order they are written.
var formats = []string{"json", "xlsx", "pdf"}

type reportOptions struct {
	input   inputOptions
	out     string
	formats string
	title   string
	blind   bool
	paper   string
	events  string
	noTexts bool
}

func (a *App) reportCommand() *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [PATH...]",
		Short: "Write report.json, report.xlsx and report.pdf",
		Long: `Report runs the whole pipeline and writes DIR/report.json, DIR/report.xlsx
and DIR/report.pdf (DIR is framediff-out unless -o says otherwise). The files
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
	f.StringVarP(&o.out, "out", "o", "framediff-out", "output `DIR`")
	f.StringVar(&o.formats, "format", strings.Join(formats, ","), "outputs to write, comma-separated: json, xlsx, pdf")
	f.StringVar(&o.title, "title", "", "handout title (default: from the events)")
	f.BoolVar(&o.blind, "blind", false, "name outlets Source A, B, C… in the handout, with an answer key on the last page")
	f.StringVar(&o.paper, "paper", "a4", "handout paper size: a4 or letter")
	f.StringVar(&o.events, "events", "", "comma-separated event ids the handout covers (default: the largest few)")
	f.BoolVar(&o.noTexts, "no-texts", false, "leave the articles' full texts out of report.json (passages stay as offsets into them)")
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
	res, l, err := a.build(ctx, &o.input, paths)
	if err != nil {
		return err
	}
	dir := absPath(o.out)
	if root, inside := insideAny(dir, l.inputs); inside && !outGiven {
		return usageErrorf("the default output directory %s lies inside the input %s; name one with -o", o.out, root)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create output directory: %w", err)
	}
	var events []string
	if o.events != "" {
		events = strings.Split(o.events, ",")
		for _, id := range events {
			if findEvent(res, id) == nil {
				return usageErrorf("--events: no event %q (see 'framediff events')", id)
			}
		}
	}
	writers := map[string]func(io.Writer) error{
		"json": func(w io.Writer) error {
			return report.WriteJSONOptions(w, res, report.JSONOptions{OmitTexts: o.noTexts})
		},
		"xlsx": func(w io.Writer) error { return report.WriteXLSX(w, res, report.XLSXOptions{}) },
		"pdf": func(w io.Writer) error {
			return report.WritePDFContext(ctx, w, res, report.PDFOptions{
				Title:    o.title,
				Blind:    o.blind,
				Paper:    o.paper,
				Events:   events,
				Settings: settingsLine(o),
			})
		},
	}
	var outputs []string
	for _, name := range formats {
		if want[name] {
			outputs = append(outputs, name)
		}
	}
	read := readSources(l)
	var set []output
	for _, name := range outputs {
		path := filepath.Join(dir, "report."+name)
		if isInput(path, l.inputs) || read[path] {
			return usageErrorf("refusing to write %s over one of the inputs", path)
		}
		set = append(set, output{name: "report." + name, write: writers[name]})
	}
	if err := writeSet(ctx, dir, set); err != nil {
		return err
	}
	for _, name := range outputs {
		fmt.Fprintf(a.Stderr, "wrote %s\n", filepath.Join(o.out, "report."+name))
	}
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
		read[absPath(filepath.FromSlash(src))] = true
		if i := strings.LastIndexByte(src, ':'); i > 0 && i+1 < len(src) && strings.Trim(src[i+1:], "0123456789") == "" {
			read[absPath(filepath.FromSlash(src[:i]))] = true
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
			return nil, usageErrorf("--format: unknown output %q (want json, xlsx or pdf)", f)
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
	if o.input.threshold != 0 {
		parts = append(parts, fmt.Sprintf("event threshold %.2f", o.input.threshold))
	}
	if o.blind {
		parts = append(parts, "blind")
	}
	return strings.Join(parts, " · ")
}
