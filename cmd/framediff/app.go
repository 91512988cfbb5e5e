package main

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// App is the command with its I/O and clock injected, so tests run it with
// buffers.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Now is the clock, used only to flag publication dates in the future.
	Now func() time.Time
	// Terminal reports whether Stdout and Stderr are terminals: it turns on
	// colour and progress bars.
	Terminal bool

	profileDir string
	profile    *profiler
}

// NewApp returns an App on the given streams and the real clock.
func NewApp(stdin io.Reader, stdout, stderr io.Writer) *App {
	return &App{
		Stdin:    stdin,
		Stdout:   stdout,
		Stderr:   stderr,
		Now:      time.Now,
		Terminal: isTerminal(stdout) && isTerminal(stderr),
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Run executes the command line args (without the program name).
func (a *App) Run(ctx context.Context, args []string) error {
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	err := root.ExecuteContext(ctx)
	if a.profile != nil {
		if perr := a.profile.stop(); perr != nil && err == nil {
			err = perr
		}
		a.profile = nil
	}
	if err != nil && ctx.Err() != nil && !errors.Is(err, errWarnings) {
		return ctx.Err()
	}
	return err
}

func (a *App) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "framediff",
		Short: "Show how different news outlets report the same event",
		Long: `framediff groups articles about one event, lines their passages and
quotations up, diffs their framing words ("regime" versus "government",
"liberate" versus "recapture") and writes an XLSX workbook, a PDF handout
and a JSON file.

PATH is a file (text, Markdown, HTML, JSON or JSONL), a directory read
recursively, or - for JSONL on standard input. No PATH reads the embedded
sample corpus of five articles on the 2018-2020 Idlib diplomacy.

Exit codes: 0 success, 1 failure (including warnings under --strict),
2 usage error, 130 interrupted.

--profile DIR writes DIR/cpu.pprof (CPU time of the run) and DIR/heap.pprof
(its allocations, and the memory still held at its end), for
'go tool pprof'; attach them when reporting a slow corpus.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	root.PersistentFlags().StringVar(&a.profileDir, "profile", "", "write CPU and heap profiles of the run (cpu.pprof, heap.pprof) into `DIR`")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if a.profileDir == "" || a.profile != nil {
			return nil
		}
		p, err := startProfile(a.profileDir)
		if err != nil {
			return err
		}
		a.profile = p
		return nil
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &UsageError{Err: err} })
	root.AddCommand(
		a.reportCommand(),
		a.articlesCommand(),
		a.termsCommand(),
		a.eventsCommand(),
		a.alignCommand(),
		a.lexiconCommand(),
	)
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("unknown command %q for %q", args[0], cmd.CommandPath())
	}
	return nil
}
