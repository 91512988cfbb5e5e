package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// previousSet writes an old report set into dir and returns its contents.
func previousSet(t *testing.T, dir string) map[string]string {
	t.Helper()
	old := map[string]string{}
	for _, f := range []string{"report.json", "report.xlsx", "report.pdf"} {
		old[f] = "previous " + f
		if err := os.WriteFile(filepath.Join(dir, f), []byte(old[f]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return old
}

// checkSet fails unless dir holds exactly want (by name and content), no
// temporary files and nothing else but the lock file.
func checkSet(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		name := e.Name()
		if name == lockName {
			continue
		}
		w, ok := want[name]
		if !ok {
			t.Errorf("unexpected %s left in the output directory", name)
			continue
		}
		seen++
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(got) != w {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d reports present", seen, len(want))
	}
}

func content(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

var errDiskFull = errors.New("no space left on device")

func TestWriteSetAllOrNothing(t *testing.T) {
	newSet := map[string]string{"report.json": "new json", "report.xlsx": "new xlsx", "report.pdf": "new pdf"}
	outs := func(xlsx func(io.Writer) error) []output {
		return []output{
			{"report.json", content("new json")},
			{"report.xlsx", xlsx},
			{"report.pdf", content("new pdf")},
		}
	}
	tests := []struct {
		name    string
		ctx     func() context.Context
		setup   func(t *testing.T, dir string)
		outs    []output
		wantErr string
		newSet  bool
	}{
		{name: "complete", outs: outs(content("new xlsx")), newSet: true},
		{name: "writer fails midway", outs: outs(func(w io.Writer) error {
			io.WriteString(w, "half a workbook")
			return errDiskFull
		}), wantErr: "no space left"},
		{name: "cancelled while writing", ctx: func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, outs: outs(content("new xlsx")), wantErr: "context canceled"},
		{name: "directory in the way", setup: func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "report.pdf"))
			if err := os.MkdirAll(filepath.Join(dir, "report.pdf", "x"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, outs: outs(content("new xlsx")), wantErr: "a directory is in the way"},
		{name: "rename fails midway", setup: func(t *testing.T, dir string) {
			n := 0
			renameFile = func(from, to string) error {
				if n++; n == 3 {
					return &os.LinkError{Op: "rename", Old: from, New: to, Err: errDiskFull}
				}
				return os.Rename(from, to)
			}
			t.Cleanup(func() { renameFile = os.Rename })
		}, outs: outs(content("new xlsx")), wantErr: "no space left"},
		{name: "stale temporary files of a killed run", setup: func(t *testing.T, dir string) {
			stale := filepath.Join(dir, tmpMarker+"123")
			if err := os.MkdirAll(stale, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(stale, "report.json"), []byte("half"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, ".report.json"+tmpMarker+"9"), []byte("half"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, outs: outs(content("new xlsx")), newSet: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			old := previousSet(t, dir)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			ctx := context.Background()
			if tt.ctx != nil {
				ctx = tt.ctx()
			}
			err := writeSet(ctx, dir, tt.outs)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("writeSet: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("writeSet error %v, want %q", err, tt.wantErr)
			}
			switch {
			case tt.newSet:
				checkSet(t, dir, newSet)
			case tt.name == "directory in the way":
				delete(old, "report.pdf")
				if info, err := os.Stat(filepath.Join(dir, "report.pdf")); err != nil || !info.IsDir() {
					t.Errorf("the directory in the way was touched")
				}
				os.RemoveAll(filepath.Join(dir, "report.pdf"))
				checkSet(t, dir, old)
			default:
				checkSet(t, dir, old)
			}
		})
	}
}

// A run that finds the output directory locked by another fails at once
// with a clear error and exit code 1, and leaves the first run's files and
// temporary directory alone.
func TestSecondRunIntoLockedDirectory(t *testing.T) {
	dir := t.TempDir()
	old := previousSet(t, dir)
	unlock, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	// What the first run is in the middle of writing.
	inFlight := filepath.Join(dir, tmpMarker+"first")
	if err := os.MkdirAll(inFlight, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inFlight, "report.json"), []byte("being written"), 0o644); err != nil {
		t.Fatal(err)
	}

	err = writeSet(context.Background(), dir, []output{{"report.json", content("second")}})
	if !errors.Is(err, errLocked) {
		t.Fatalf("writeSet into a locked directory: %v, want errLocked", err)
	}
	code, _, stderr := runApp(t, "", "report", "-o", dir)
	if code != exitFailure || !strings.Contains(stderr, "another framediff run is writing to this directory") || !strings.Contains(stderr, lockName) {
		t.Errorf("exit %d, stderr %q; want exit 1 naming the lock", code, stderr)
	}
	if got, err := os.ReadFile(filepath.Join(inFlight, "report.json")); err != nil || string(got) != "being written" {
		t.Errorf("the first run's temporary file was disturbed: %q, %v", got, err)
	}
	os.RemoveAll(inFlight)
	checkSet(t, dir, old)

	// Once the first run is done, the next one writes.
	unlock()
	if code, _, stderr := runApp(t, "", "report", "-o", dir); code != exitOK {
		t.Fatalf("after unlock: exit %d: %s", code, stderr)
	}
	for f, w := range old {
		if got, _ := os.ReadFile(filepath.Join(dir, f)); string(got) == w {
			t.Errorf("%s not replaced", f)
		}
	}
}

// A file the walk of an input directory read is protected like a file
// named on the command line.
func TestRefusesToWriteOverWalkedInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "report.json")
	article := `[{"id":"x","outlet":"BBC","title":"Talks on Idlib","text":"Leaders met in Tehran to discuss Idlib."}]`
	if err := os.WriteFile(in, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runApp(t, "", "report", "-o", dir, dir)
	if code != exitUsage || !strings.Contains(stderr, "refusing") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	if got, _ := os.ReadFile(in); string(got) != article {
		t.Error("the input found by the walk was overwritten")
	}
}
