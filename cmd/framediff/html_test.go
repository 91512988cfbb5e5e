package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReportHTML writes report.html alone with --format html, then again
// from the seed files named in reverse order with --blind, and checks the
// page and that only it was written.
func TestReportHTML(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runApp(t, "", "report", "--format", "html", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "report.html") {
		t.Errorf("stderr does not name report.html:\n%s", stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "The Globe Post", "Content-Security-Policy", `class="event"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	entries, _ := os.ReadDir(dir)
	var written []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") { // the run's lock file
			written = append(written, e.Name())
		}
	}
	if len(written) != 1 {
		t.Errorf("--format html wrote %v", written)
	}

	files := seedFiles(t, t.TempDir())
	slices.Reverse(files)
	dir2 := t.TempDir()
	code, _, stderr = runApp(t, "", append([]string{"report", "--format", "HTML", "--blind", "-o", dir2}, files...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	blind, err := os.ReadFile(filepath.Join(dir2, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(blind, []byte(`<body class="blind">`)) {
		t.Error("--blind did not open the page in blind mode")
	}
}
