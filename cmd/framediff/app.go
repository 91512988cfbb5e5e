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

	"github.com/framediff/framediff/compare"
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
	// configInputs are the config file's inputs, read when a command is
	// given no PATH.
	configInputs []string
	// Width is the terminal's width in columns, 0 when standard output is
	// not a terminal; tables are cut to fit it.
	Width int
	// NoColor is set when the NO_COLOR environment variable is (see
	// no-color.org): colour stays off unless --color always asks for it.
	NoColor bool

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
		NoColor:  os.Getenv("NO_COLOR") != "",
		Width:    terminalWidth(stdout),
	}
}

// terminalWidth returns the columns of the terminal w is, else 0.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
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
	if a.profile != nil {
		if perr := a.profile.stop(); perr != nil && err == nil {
			err = perr
		}
		a.profile = nil
	}
	if err != nil && ctx.Err() != nil && !errors.Is(err, errWarnings) {
		return ctx.Err()
	}
	var usage *UsageError
	if errors.As(err, &usage) && usage.Command == "" {
		if cmd, _, ferr := root.Find(args); ferr == nil && cmd != root {
			usage.Command = cmd.CommandPath()
			usage.Usage = cmd.UseLine()
		}
	}
	return err
}

func (a *App) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "framediff",
		Short: "Show how different news outlets report the same event",
		Example: `  framediff report                       # reports from the sample corpus into framediff-out/
  framediff report news/ -o out          # reports from a directory of articles
  framediff terms news/ --kwic regime    # every hit of "regime" in its sentence
  framediff diff old/report.json out/report.json --markdown`,
		Long: `framediff groups articles about one event, lines their passages and
quotations up, diffs their framing words ("regime" versus "government",
"liberate" versus "recapture") and writes a JSON file, an XLSX workbook, a
PDF handout and a web page.

PATH is a file (text, Markdown, HTML, JSON or JSONL), a directory read
recursively, or - for JSONL on standard input. No PATH reads the embedded
sample corpus of five articles on the 2018-2020 Idlib diplomacy.

Exit codes: 0 success, 1 failure (including warnings under --strict and
internal errors), 2 usage error (bad flag or flag value, bad lexicon,
gazetteer or registry file), 130 interrupted (Ctrl-C or SIGTERM). A crash of the Go
runtime itself (out of memory, a fault in a worker goroutine) exits 2 with a
"fatal error:" or "panic:" trace on standard error.

--profile DIR writes DIR/cpu.pprof (CPU time of the run) and DIR/heap.pprof
(its allocations, and the memory still held at its end), for
'go tool pprof'; attach them when reporting a slow corpus.`,
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	var configPath string
	root.PersistentFlags().StringVar(&configPath, "config", "", "config `FILE` (default: "+configName+" in the working directory, when there is one); flags override it")
	root.PersistentFlags().StringVar(&a.profileDir, "profile", "", "write CPU and heap profiles of the run (cpu.pprof, heap.pprof) into `DIR`")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		c, err := loadConfig(configPath)
		if err != nil {
			return err
		}
		if c != nil {
			a.configInputs = c.inputs
			if err := c.apply(cmd); err != nil {
				return err
			}
		}
		if err := checkNumbers(cmd); err != nil {
			return err
		}
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
	root.SetVersionTemplate("framediff {{.Version}}\n")
	root.SuggestionsMinimumDistance = 2
	root.AddCommand(
		a.reportCommand(),
		a.articlesCommand(),
		a.termsCommand(),
		a.eventsCommand(),
		a.alignCommand(),
		a.lexiconCommand(),
		a.entitiesCommand(),
		a.diffCommand(),
	)
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", s[0])
	}
	return &UsageError{Err: errors.New(msg)}
}

// version is the module version and, when the build recorded it, the VCS
// revision: "0.1.0 (a1b2c3d4e5f6, modified)".
func version() string {
	v := compare.Version
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " (" + rev + modified + ")"
	}
	return v
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
