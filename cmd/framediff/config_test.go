package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, dir, text string) string {
	t.Helper()
	path := filepath.Join(dir, "framediff.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigMistakesNameTheLine(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", "out: x\nformat: json\ntitel: Idlib\n", `framediff.yaml:3: unknown key "titel" (did you mean "title"?)`},
		{"unknown key far from all", "colour: red\n", `framediff.yaml:1: unknown key "colour"; known keys: blind, cache,`},
		{"not a number", "window: four\n", `framediff.yaml:1: window: "four" is not a number`},
		{"nested", "format:\n  - [json]\n", "framediff.yaml:2:"},
		{"not a mapping", "- out\n", "framediff.yaml:1: want a mapping"},
		{"bad yaml", "out: [x\n", "framediff.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writeConfig(t, dir, tt.text)
			code, _, stderr := runApp(t, "", "report", "--config", cfg, "-o", filepath.Join(dir, "out"))
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, stderr, tt.want)
			}
		})
	}
	code, _, stderr := runApp(t, "", "report", "--config", filepath.Join(dir, "missing.yaml"))
	if code != exitUsage || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("missing --config file: exit %d, %s", code, stderr)
	}
}

func TestConfigSetsFlagsAndFlagsOverride(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "project", "sources")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(copySeeds(t), src); err != nil {
		t.Fatal(err)
	}
	// Paths are relative to the config file's directory.
	cfg := writeConfig(t, filepath.Join(dir, "project"), "inputs: [sources]\nout: reports\nformat: [json, pdf]\nwindow: 5\ntitle: Idlib diplomacy\n")
	code, _, stderr := runApp(t, "", "report", "--config", cfg)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"report.json", "report.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, "project", "reports", f)); err != nil {
			t.Errorf("config's out and format: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "project", "reports", "report.xlsx")); err == nil {
		t.Error("config's format not applied: report.xlsx written")
	}
	b, err := os.ReadFile(filepath.Join(dir, "project", "reports", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"date_window_days": 5`) {
		t.Error("config's window not applied")
	}
	// A flag wins over the config.
	out := filepath.Join(dir, "flag-out")
	code, _, stderr = runApp(t, "", "report", "--config", cfg, "-o", out, "--format", "json", "--window", "2")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err = os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"date_window_days": 2`) {
		t.Error("--window did not override the config")
	}
	if _, err := os.Stat(filepath.Join(out, "report.pdf")); err == nil {
		t.Error("--format did not override the config")
	}
}
