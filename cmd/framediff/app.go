package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
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

// Run executes the command line args (without the program name). A panic
// in the command's own goroutine is returned as an internal error (exit
// code 1) rather than crashing the process.
func (a *App) Run(ctx context.Context, args []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	err = root.ExecuteContext(ctx)
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

Exit codes: 0 success, 1 failure (including warnings under --strict and
internal errors), 2 usage error (bad flag or flag value, bad lexicon or
registry file), 130 interrupted (Ctrl-C or SIGTERM). A crash of the Go
runtime itself (out of memory, a fault in a worker goroutine) exits 2 with a
"fatal error:" or "panic:" trace on standard error.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &UsageError{Err: err} })
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error { return checkNumbers(cmd) }
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

// numberLimits are the accepted ranges of the numeric flags, checked before
// any work so that a bad value is a usage error, never a late failure.
var numberLimits = map[string]struct {
	min, max float64
	why      string
}{
	"window":    {1, 3650, "days, 1 to 3650"},
	"threshold": {0, 1, "a similarity from 0 to 1 (0: the default)"},
	"workers":   {0, 1024, "0 (one per core) to 1024"},
	"width":     {1, 10000, "characters, 1 to 10000"},
}

// checkNumbers returns a UsageError for a numeric flag of cmd given a
// value outside its range, NaN or infinite.
func checkNumbers(cmd *cobra.Command) error {
	names := slices.Sorted(maps.Keys(numberLimits))
	for _, name := range names {
		f := cmd.Flags().Lookup(name)
		if f == nil || !f.Changed {
			continue
		}
		lim := numberLimits[name]
		v, err := strconv.ParseFloat(f.Value.String(), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < lim.min || v > lim.max {
			return usageErrorf("--%s %s: want %s", name, f.Value.String(), lim.why)
		}
	}
	return nil
}

// readStdin reads r as readLimited does, but returns ctx's error as soon as
// ctx is done, so that Ctrl-C stops a command waiting on a terminal or a
// pipe that never closes. The read itself is left to end with the process.
func readStdin(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := readLimited(r, limit)
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
