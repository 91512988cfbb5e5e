package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runApp runs the command with buffers and a fixed clock and returns its
// exit code, stdout and stderr.
func runApp(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	app := &App{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errb,
		Now:    func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
	}
	code := app.ExitCode(app.Run(context.Background(), args))
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	badLex := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badLex, []byte("name: x\naxes:\n  - id: state\n    poles: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"unknown flag", []string{"report", "--nope"}, exitUsage, "unknown flag"},
		{"bad format", []string{"report", "--format", "docx", "-o", dir}, exitUsage, "unknown output"},
		{"bad paper", []string{"report", "--paper", "a3", "-o", dir}, exitUsage, "--paper"},
		{"align without event", []string{"align"}, exitUsage, "--event"},
		{"lexicon check without file", []string{"lexicon", "check"}, exitUsage, "one FILE"},
		{"bad lexicon", []string{"lexicon", "check", badLex}, exitUsage, "bad.yaml:"},
		{"bad lexicon in report", []string{"report", "--lexicon", badLex, "-o", dir}, exitUsage, "bad.yaml:"},
		{"missing input only", []string{"articles", filepath.Join(dir, "missing.txt")}, exitOK, "missing.txt: no such file"},
		{"missing input strict", []string{"articles", "--strict", filepath.Join(dir, "missing.txt")}, exitFailure, "--strict"},
		{"nothing readable", []string{"report", "-o", dir, filepath.Join(dir, "missing.txt")}, exitFailure, "no article could be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runApp(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr does not mention %q:\n%s", tt.wantErr, stderr)
			}
		})
	}
}

func TestArticlesOnSeeds(t *testing.T) {
	code, out, stderr := runApp(t, "", "articles")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"ID", "OUTLET", "CGTN", "Sahar News", "Iran Press", "The New Arab", "The Globe Post", "2018-09-07"} {
		if !strings.Contains(out, want) {
			t.Errorf("articles table lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 6 {
		t.Errorf("articles table has %d lines, want a header and 5 rows:\n%s", n, out)
	}
}

func TestReportJSONOnSeeds(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runApp(t, "", "report", "--format", "json", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Articles      []struct {
			ID, Outlet, Title, Published, URL, Text string
			Words                                   int
			Warnings                                []string
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion < 1 || len(doc.Articles) != 5 {
		t.Fatalf("schema_version %d, %d articles", doc.SchemaVersion, len(doc.Articles))
	}
	if !bytes.Contains(data, []byte(`"warnings": [`)) {
		t.Error("article warnings should be a list, never null")
	}
	for _, name := range []string{"report.xlsx", "report.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("--format json also wrote %s", name)
		}
	}
}

func TestJSONLOnStdin(t *testing.T) {
	stdin := `{"id":"a1","outlet":"Reuters","title":"T1","published":"2019-01-23","url":"https://example.com/1","text":"Putin met Erdogan in Moscow on Wednesday.\n\nThey discussed Idlib."}
not json
{"id":"a2","outlet":"TASS","title":"T2","published":"2019-01-23","text":"Putin and Erdogan held talks in Moscow."}
`
	code, out, stderr := runApp(t, stdin, "articles", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "a1") || !strings.Contains(out, "a2") {
		t.Errorf("good lines not read:\n%s", out)
	}
	if !strings.Contains(stderr, "-:2") {
		t.Errorf("malformed line 2 not named in warnings:\n%s", stderr)
	}
}

func TestRefusesToWriteOverInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "report.json")
	if err := os.WriteFile(in, []byte(`[{"id":"x","outlet":"BBC","title":"t","text":"Some words here."}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(in)
	code, _, stderr := runApp(t, "", "report", "--format", "json", "-o", dir, in)
	if code != exitUsage || !strings.Contains(stderr, "refusing") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	after, _ := os.ReadFile(in)
	if !bytes.Equal(before, after) {
		t.Error("input file was overwritten")
	}
}

func TestDefaultOutputNotInsideInputDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nSome text about Idlib.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, _, stderr := runApp(t, "", "report", "--format", "json", ".")
	if code != exitUsage || !strings.Contains(stderr, "-o") {
		t.Errorf("exit %d, stderr %q; want a usage error asking for -o", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "framediff-out")); err == nil {
		t.Error("wrote inside the input directory")
	}
}

func TestRefusesToWriteOverLinkedInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "articles.json")
	if err := os.WriteFile(in, []byte(`[{"id":"x","outlet":"BBC","title":"t","text":"Some words here."}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(in, filepath.Join(out, "report.json")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runApp(t, "", "report", "-o", out, in)
	if code != exitUsage || !strings.Contains(stderr, "refusing") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	for _, f := range []string{"report.xlsx", "report.pdf"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("wrote %s before refusing", f)
		}
	}
}
