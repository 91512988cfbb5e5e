package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCacheReadsOnlyChangedFiles reports the seeds through a cache, adds an
// article and reports again: only the new file is read, and the reports are
// the bytes a run without the cache writes.
func TestCacheReadsOnlyChangedFiles(t *testing.T) {
	src := copySeeds(t)
	cache := filepath.Join(t.TempDir(), "cache")
	out := t.TempDir()
	var lastCache string // standard error of the last run
	report := func(name string, extra ...string) []byte {
		t.Helper()
		dir := filepath.Join(out, name)
		args := append([]string{"report", src, "-o", dir, "--format", "json,xlsx"}, extra...)
		code, _, stderr := runApp(t, "", args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		lastCache = stderr
		var b []byte
		for _, f := range []string{"report.json", "report.xlsx"} {
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, data...)
		}
		return b
	}
	first := report("first", "--cache", cache)
	if !strings.Contains(lastCache, "cache: 5 file(s) read, 0 from") {
		t.Errorf("first run: %q", lastCache)
	}
	if plain := report("plain"); !bytes.Equal(first, plain) {
		t.Error("reports differ with and without the cache")
	}
	again := report("again", "--cache", cache)
	if !strings.Contains(lastCache, "cache: 0 file(s) read, 5 from") {
		t.Errorf("unchanged corpus: %q", lastCache)
	}
	if !bytes.Equal(first, again) {
		t.Error("reports differ when read from the cache")
	}
	extra, err := os.ReadFile("testdata/presstv-tehran.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "presstv-tehran.txt"), extra, 0o644); err != nil {
		t.Fatal(err)
	}
	grown := report("grown", "--cache", cache)
	if !strings.Contains(lastCache, "cache: 1 file(s) read, 5 from") {
		t.Errorf("one article added: %q", lastCache)
	}
	if plain := report("grown-plain"); !bytes.Equal(grown, plain) {
		t.Error("reports of the grown corpus differ with and without the cache")
	}
}
