package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const goodArticle = `---
id: good-one
outlet: Reuters
title: Leaders meet over Idlib
published: 2018-09-07
---
Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Tehran on Friday.

They discussed a ceasefire in Idlib, the last rebel-held province.
`

// TestBadInputsAreWarnedAbout feeds a directory of broken files next to a
// good one: each broken file is named in a warning with its reason, the
// good article is still reported, and --strict fails the run.
func TestBadInputsAreWarnedAbout(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in put é")
	mustMkdir(t, in)
	write(t, filepath.Join(in, "good one ü.txt"), goodArticle)
	write(t, filepath.Join(in, "empty.txt"), "")
	write(t, filepath.Join(in, "blank.txt"), " \n\t\n  \n")
	write(t, filepath.Join(in, "image.txt"), "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	write(t, filepath.Join(in, "nul.txt"), "Title\n\nSome\x00text\x00with\x00NULs\x00.")
	write(t, filepath.Join(in, "lines.jsonl"), `{"id":"j1","outlet":"TASS","title":"T","text":"Putin spoke in Moscow."}`+"\n{broken\n")
	write(t, filepath.Join(in, "types.json"), `[{"id": 7, "outlet": ["x"], "text": 3}]`)
	if err := os.Symlink("loop.txt", filepath.Join(in, "loop.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(in, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantNamed := []string{"empty.txt", "blank.txt", "image.txt", "nul.txt", "lines.jsonl:2", "types.json", "loop.txt", "fifo.txt"}

	out := t.TempDir()
	code, _, stderr := runApp(t, "", "report", "--format", "json", "-o", out, in)
	if code != exitOK {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	for _, name := range wantNamed {
		if !strings.Contains(stderr, name) {
			t.Errorf("no warning names %s; stderr:\n%s", name, stderr)
		}
	}
	report, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{`"good-one"`, `"j1"`} {
		if !strings.Contains(string(report), id) {
			t.Errorf("good article %s missing from the report", id)
		}
	}

	code, _, stderr = runApp(t, "", "report", "--strict", "--format", "json", "-o", t.TempDir(), in)
	if code != exitFailure || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict: exit %d, want %d; stderr:\n%s", code, exitFailure, stderr)
	}
}

func TestManySmallFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 files")
	}
	in := t.TempDir()
	for i := 0; i < 10000; i++ {
		sub := filepath.Join(in, fmt.Sprintf("d%02d", i%100))
		if i < 100 {
			mustMkdir(t, sub)
		}
		write(t, filepath.Join(sub, fmt.Sprintf("a%05d.txt", i)),
			fmt.Sprintf("Headline %d\n\nOutlet number %d reports that talks on Idlib went on in Tehran.\n", i, i%17))
	}
	code, out, stderr := runApp(t, "", "articles", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(out, "\n"); n != 10001 {
		t.Errorf("listed %d lines, want a header and 10,000 articles", n)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
