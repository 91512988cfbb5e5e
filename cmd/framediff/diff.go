package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framediff/framediff/report/markdown"
	"github.com/framediff/framediff/report/reportdiff"
)

// errRules is returned when a --fail-on rule fires.
var errRules = errors.New("a --fail-on rule failed")

type diffOptions struct {
	markdown bool
	json     bool
	failOn   []string
}

func (a *App) diffCommand() *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Say what changed between two report.json files",
		Long: `Diff compares two report.json files: articles and outlets added or
removed, events that formed, merged or split, per-outlet term counts that
changed (absolute and per 1,000 words), new or lost word swaps, quotations
and who is quoted.

--fail-on takes a rule MEASURE OP NUMBER (OP is >, >=, <, <=, == or !=) and
may be repeated; when a rule holds, diff prints which and exits 1. Changes
are compared by size, so terms.delta>5 fires for a rise or a fall of 6.
Measures:
` + measureHelp(),
		Example: `  framediff diff old/report.json new/report.json
  framediff diff old/report.json new/report.json --markdown > comment.md
  framediff diff old/report.json new/report.json --fail-on 'terms.narrator.delta>5'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageErrorf("diff takes two report.json files, OLD and NEW (got %d)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runDiff(o, args[0], args[1])
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.markdown, "markdown", false, "write Markdown, for a pull-request comment")
	f.BoolVar(&o.json, "json", false, "write JSON, for scripts")
	f.StringArrayVar(&o.failOn, "fail-on", nil, "exit 1 when `RULE` holds, such as 'terms.narrator.delta>5' (repeatable)")
	return cmd
}

func measureHelp() string {
	var b strings.Builder
	for _, m := range reportdiff.Measures() {
		fmt.Fprintf(&b, "  %s\n", m)
	}
	return b.String()
}

func (a *App) runDiff(o *diffOptions, oldPath, newPath string) error {
	if o.markdown && o.json {
		return usageErrorf("--markdown and --json exclude each other")
	}
	var rules []reportdiff.Rule
	for _, s := range o.failOn {
		r, err := reportdiff.ParseRule(s)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("--fail-on: %w", err)}
		}
		rules = append(rules, r)
	}
	old, err := loadReport(oldPath)
	if err != nil {
		return err
	}
	cur, err := loadReport(newPath)
	if err != nil {
		return err
	}
	d := reportdiff.Compare(old, cur)
	switch {
	case o.markdown:
		err = markdown.WriteDiff(a.Stdout, d)
	case o.json:
		err = d.WriteJSON(a.Stdout)
	default:
		err = d.WriteText(a.Stdout)
	}
	if err != nil {
		return err
	}
	var failed []string
	for _, f := range d.Check(rules) {
		failed = append(failed, f.String())
	}
	if len(failed) > 0 {
		return fmt.Errorf("%s: %w", strings.Join(failed, "; "), errRules)
	}
	return nil
}

func loadReport(path string) (*reportdiff.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return reportdiff.Load(f, path)
}
