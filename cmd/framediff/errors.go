package main

import (
	"context"
	"errors"
	"fmt"
)

// Exit codes, decided only in ExitCode.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// UsageError is a mistake in how the command was called: a bad flag, a
// missing argument, a lexicon or registry file that does not parse.
type UsageError struct {
	Err error
	// Command and Usage name the command that was misused and its usage
	// line; Run fills them in.
	Command, Usage string
}

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// errWarnings is returned under --strict when any input drew a warning.
var errWarnings = errors.New("warnings under --strict")

// ExitCode prints err (if any) to standard error and returns the process
// exit code for it.
func (a *App) ExitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var usage *UsageError
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(a.Stderr, "framediff: interrupted")
		return exitInterrupted
	case errors.As(err, &usage):
		cmd := usage.Command
		if cmd == "" {
			cmd = "framediff"
		}
		fmt.Fprintf(a.Stderr, "framediff: %v\n", err)
		if usage.Usage != "" {
			fmt.Fprintf(a.Stderr, "Usage: %s\n", usage.Usage)
		}
		fmt.Fprintf(a.Stderr, "Run '%s --help' for usage.\n", cmd)
		return exitUsage
	default:
		fmt.Fprintf(a.Stderr, "framediff: %v\n", err)
		return exitFailure
	}
}
