package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestProfileFlag checks that --profile writes a CPU and a heap profile,
// each a gzipped profile whose string table names its sample types, on
// report and on a view command.
func TestProfileFlag(t *testing.T) {
	for _, args := range [][]string{
		{"terms"},
		{"report", "--format", "json", "-o", ""},
	} {
		t.Run(args[0], func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "prof")
			if args[0] == "report" {
				args[len(args)-1] = filepath.Join(t.TempDir(), "out")
			}
			code, _, stderr := runApp(t, "", append(args, "--profile", dir)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for file, want := range map[string][]string{
				"cpu.pprof":  {"samples", "cpu", "nanoseconds"},
				"heap.pprof": {"alloc_space", "inuse_space", "bytes"},
			} {
				data, err := os.ReadFile(filepath.Join(dir, file))
				if err != nil {
					t.Fatal(err)
				}
				zr, err := gzip.NewReader(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				raw, err := io.ReadAll(zr)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				for _, w := range want {
					if !bytes.Contains(raw, []byte(w)) {
						t.Errorf("%s names no %q", file, w)
					}
				}
			}
		})
	}
	if code, _, _ := runApp(t, "", "terms", "--profile", filepath.Join("/dev/null", "x")); code == exitOK {
		t.Error("an uncreatable profile directory did not fail")
	}
}
