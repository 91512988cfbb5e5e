package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySeeds copies the sample corpus's files into a new directory and
// returns it.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed files: %v", err)
	}
	files = append(files, "../../seeds/manifest.yaml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// seedsPlusOne writes reports of the seeds and of the seeds with one Press
// TV article added, and returns the two report.json paths.
func seedsPlusOne(t *testing.T) (oldJSON, newJSON string) {
	t.Helper()
	oldDir := copySeeds(t)
	newDir := copySeeds(t)
	extra, err := os.ReadFile("testdata/presstv-tehran.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(newDir, "presstv-tehran.txt"), extra, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	for _, run := range []struct{ in, out string }{{oldDir, "old"}, {newDir, "new"}} {
		code, _, stderr := runApp(t, "", "report", run.in, "-o", filepath.Join(out, run.out), "--format", "json")
		if code != exitOK {
			t.Fatalf("report %s: exit %d: %s", run.out, code, stderr)
		}
	}
	return filepath.Join(out, "old", "report.json"), filepath.Join(out, "new", "report.json")
}

func TestDiffNamesTheAddedArticle(t *testing.T) {
	oldJSON, newJSON := seedsPlusOne(t)
	code, md, stderr := runApp(t, "", "diff", oldJSON, newJSON, "--markdown")
	if code != exitOK {
		t.Fatalf("diff: exit %d: %s", code, stderr)
	}
	t.Log("\n" + md)
	// Counted by reading testdata/presstv-tehran.txt (its headline is not
	// counted): in the outlet's own words "terrorists" twice, "de-escalation"
	// twice, and "Damascus" (for the government), "Syrian government",
	// "assault", "regain" (control of territory), "stabilisation" and
	// "truce" once each; in Rouhani's quotation "terrorists" once. The
	// article reports the Tehran summit of the seeds' 7 September 2018
	// articles, so it joins that event.
	headlines := []string{
		`adding Press TV raised "de-escalation" in narrator voice by 2`,
		`adding Press TV raised "terrorists" in narrator voice by 2`,
		`adding Press TV raised "Damascus" in narrator voice by 1`,
		`adding Press TV raised "Syrian government" in narrator voice by 1`,
		`adding Press TV raised "assault" in narrator voice by 1`,
		`adding Press TV raised "regain" in narrator voice by 1`,
		`adding Press TV raised "stabilisation" in narrator voice by 1`,
		`adding Press TV raised "terrorists" in quoted voice by 1`,
		`adding Press TV raised "truce" in narrator voice by 1`,
	}
	for _, want := range append(headlines,
		"- **Articles:** +1, −0",
		"- **Outlets:** +Press TV",
		"- **Events:** 0 formed, 0 merged, 0 split, 1 changed, 0 gone",
		"| changed | 2018-09-07-tehran-summit-",
		"| + | presstv-tehran | Press TV |",
		"| Press TV | Rouhani | 0 | 1 |",
		"- **Quotations:** +1, −0",
	) {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if n := strings.Count(md, "adding Press TV raised"); n != len(headlines) {
		t.Errorf("Markdown has %d term headlines, want %d", n, len(headlines))
	}
}

func TestDiffRulesGate(t *testing.T) {
	oldJSON, newJSON := seedsPlusOne(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"rule holds", []string{"--fail-on", "terms.narrator.delta>1"}, exitFailure, `rule terms.narrator.delta>1 failed: terms.narrator.delta is 2 ("de-escalation", narrator, +2)`},
		{"rule does not hold", []string{"--fail-on", "terms.narrator.delta>2"}, exitOK, ""},
		{"outlets", []string{"--fail-on", "outlets.added >= 1", "--fail-on", "events.split>0"}, exitFailure, "outlets.added is 1 (Press TV)"},
		{"unknown measure", []string{"--fail-on", "terms.narator.delta>2"}, exitUsage, `unknown measure "terms.narator.delta"`},
		{"not a number", []string{"--fail-on", "terms.delta>NaN"}, exitUsage, "is not a number"},
		{"no operator", []string{"--fail-on", "terms.delta"}, exitUsage, "want MEASURE OP NUMBER"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"diff", oldJSON, newJSON}, tt.args...)
			code, _, stderr := runApp(t, "", args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantErr, stderr)
			}
		})
	}
}

func TestReportSummaryFile(t *testing.T) {
	dir := t.TempDir()
	summary := filepath.Join(dir, "summary.md")
	code, _, stderr := runApp(t, "", "report", "-o", filepath.Join(dir, "out"), "--format", "json", "--summary", summary)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## framediff summary", "5 articles from 5 outlets", "| Tehran summit: Putin, Erdogan, Rouhani — 2018-09-07 | 2018-09-07 | 3 | CGTN, The Globe Post, The New Arab |"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("summary lacks %q:\n%s", want, b)
		}
	}
}

// TestSameBytesFromTwoCheckouts runs the same corpus from two directories,
// named by absolute paths, and wants identical reports.
func TestSameBytesFromTwoCheckouts(t *testing.T) {
	var got [][]byte
	for i := 0; i < 2; i++ {
		checkout := t.TempDir()
		src := filepath.Join(checkout, "sources")
		if err := os.Rename(copySeeds(t), src); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(checkout, "out")
		code, _, stderr := runApp(t, "", "report", src, "-o", out, "--format", "json")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, "report.json"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), checkout) {
			t.Errorf("report.json names the checkout directory %s", checkout)
		}
		got = append(got, b)
	}
	if string(got[0]) != string(got[1]) {
		t.Error("report.json differs between two checkouts of one corpus")
	}
}
