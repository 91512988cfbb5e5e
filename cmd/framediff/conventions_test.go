package main

import (
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	code, out, _ := runApp(t, "", "--version")
	if code != exitOK || !strings.HasPrefix(out, "framediff 0.") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestMistypedCommandSuggests(t *testing.T) {
	code, _, stderr := runApp(t, "", "algn")
	if code != exitUsage || !strings.Contains(stderr, `did you mean "align"?`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestUsageErrorNamesTheCommand(t *testing.T) {
	code, _, stderr := runApp(t, "", "report", "--paper", "a3", "-o", t.TempDir())
	if code != exitUsage {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Usage: framediff report [PATH...] [flags]", "Run 'framediff report --help' for usage."} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestEveryCommandHasExamples(t *testing.T) {
	a := &App{}
	root := a.rootCommand()
	for _, c := range append(root.Commands(), root) {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s --help has no examples", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			if strings.TrimSpace(sub.Example) == "" {
				t.Errorf("%s --help has no examples", sub.CommandPath())
			}
		}
	}
}

func TestNoColor(t *testing.T) {
	a := &App{Terminal: true, NoColor: true}
	if a.colorFor("auto") {
		t.Error("NO_COLOR set, --color auto: colour on")
	}
	if !a.colorFor("always") {
		t.Error("--color always: colour off")
	}
	if (&App{Terminal: true}).colorFor("auto") != true {
		t.Error("terminal, --color auto: colour off")
	}
}

func TestOutputToStdout(t *testing.T) {
	code, out, stderr := runApp(t, "", "report", "-o", "-", "--format", "json")
	if code != exitOK || !strings.HasPrefix(out, "{\n  \"schema_version\"") {
		t.Errorf("-o - --format json: exit %d, stdout %.40q, stderr %s", code, out, stderr)
	}
	code, _, stderr = runApp(t, "", "report", "-o", "-")
	if code != exitUsage || !strings.Contains(stderr, "-o - writes one report") {
		t.Errorf("-o - with three formats: exit %d, %s", code, stderr)
	}
}
