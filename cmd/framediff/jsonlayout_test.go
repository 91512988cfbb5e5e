package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// --compact-json and --gzip-json write the report's JSON without
// indentation, compressed, as report.json.gz in place of report.json.
func TestReportCompactGzipJSON(t *testing.T) {
	plainDir, gzDir := t.TempDir(), t.TempDir()
	if code, _, stderr := runApp(t, "", "report", "--format", "json", "-o", plainDir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, _, stderr := runApp(t, "", "report", "--format", "json", "--compact-json", "--gzip-json", "-o", gzDir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !bytes.Contains([]byte(stderr), []byte("report.json.gz")) {
		t.Errorf("stderr does not name report.json.gz: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(gzDir, "report.json")); !os.IsNotExist(err) {
		t.Errorf("report.json written beside report.json.gz (%v)", err)
	}
	f, err := os.Open(filepath.Join(gzDir, "report.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := os.ReadFile(filepath.Join(plainDir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, plain); err != nil {
		t.Fatal(err)
	}
	want.WriteByte('\n')
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("gunzipped report.json.gz (%d bytes) is not the compacted report.json (%d bytes)", len(got), want.Len())
	}
}

// Switching --gzip-json on or off in one output directory warns that the
// other name's file is from an earlier run, and leaves it alone.
func TestReportWarnsOfOtherJSONName(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runApp(t, "", "report", "--format", "json", "-o", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, _, stderr := runApp(t, "", "report", "--format", "json", "--gzip-json", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "warning: " + filepath.Join(dir, "report.json") + " is from an earlier run; this run wrote report.json.gz"
	if !bytes.Contains([]byte(stderr), []byte(want)) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.json")); err != nil {
		t.Errorf("earlier report.json removed: %v", err)
	}
	code, _, stderr = runApp(t, "", "report", "--format", "json", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !bytes.Contains([]byte(stderr), []byte("report.json.gz is from an earlier run")) {
		t.Errorf("no warning of the earlier report.json.gz:\n%s", stderr)
	}
}
