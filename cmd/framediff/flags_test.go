package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// Every numeric flag is checked before any work: a value out of range,
// NaN or infinite is a usage error naming the flag.
func TestNumericFlagsChecked(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"report", "-o", dir, "--threshold", "NaN"}, "--threshold NaN"},
		{[]string{"report", "-o", dir, "--threshold", "2"}, "--threshold 2"},
		{[]string{"report", "-o", dir, "--threshold", "-0.1"}, "--threshold -0.1"},
		{[]string{"report", "-o", dir, "--threshold", "+Inf"}, "--threshold +Inf"},
		{[]string{"events", "--window", "0"}, "--window 0"},
		{[]string{"events", "--window", "-1"}, "--window -1"},
		{[]string{"articles", "--workers", "-3"}, "--workers -3"},
		{[]string{"align", "--event", "x", "--workers", "100000"}, "--workers 100000"},
		{[]string{"terms", "--width", "0"}, "--width 0"},
		{[]string{"terms", "--width", "-5"}, "--width -5"},
		{[]string{"terms", "--window", "x"}, "invalid argument"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runApp(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q lacks %q", stderr, tt.want)
			}
			if stdout != "" {
				t.Errorf("work was done before the check: %q", stdout)
			}
		})
	}
	// The documented values are accepted.
	for _, args := range [][]string{
		{"events", "--window", "1", "--threshold", "0", "--workers", "0"},
		{"events", "--window", "7", "--threshold", "1", "--workers", "2"},
		{"terms", "--width", "20"},
	} {
		if code, _, stderr := runApp(t, "", args...); code != exitOK {
			t.Errorf("%q: exit %d: %s", args, code, stderr)
		}
	}
}

// blockingReader never returns from Read until closed: standard input on a
// terminal that nobody types into.
type blockingReader struct{ done chan struct{} }

func (r *blockingReader) Read([]byte) (int, error) {
	<-r.done
	return 0, io.EOF
}

// `framediff report -` waiting on standard input stops when interrupted.
func TestStdinWaitInterrupted(t *testing.T) {
	in := &blockingReader{done: make(chan struct{})}
	defer close(in.done)
	ctx, cancel := context.WithCancel(context.Background())
	app := &App{Stdin: in, Stdout: io.Discard, Stderr: io.Discard, Now: time.Now}
	result := make(chan error, 1)
	go func() { result <- app.Run(ctx, []string{"report", "-o", t.TempDir(), "-"}) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-result:
		if code := app.ExitCode(err); code != exitInterrupted {
			t.Errorf("exit code %d (%v), want %d", code, err, exitInterrupted)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting on standard input 10s after the interrupt")
	}
}

// A panic in the command's goroutine is an internal error, exit code 1,
// not the runtime's exit code 2 that usage errors use.
func TestPanicIsFailure(t *testing.T) {
	app := &App{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Now: func() time.Time { panic("clock broke") }}
	err := app.Run(context.Background(), []string{"articles"})
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("err = %v, want an internal error", err)
	}
	if code := app.ExitCode(err); code != exitFailure {
		t.Errorf("exit code %d, want %d", code, exitFailure)
	}
}
