package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/framediff/framediff/report/text"
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

// TestViewsAsJSON checks that each view's --json parses and says what its
// text says: the seeds' five articles, three events (the Tehran summit's
// three articles), the hits of "regime" and an event's alignments.
func TestViewsAsJSON(t *testing.T) {
	run := func(args ...string) []byte {
		t.Helper()
		code, out, stderr := runApp(t, "", args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		return []byte(out)
	}
	var arts []map[string]any
	if err := json.Unmarshal(run("articles", "--json"), &arts); err != nil || len(arts) != 5 {
		t.Errorf("articles --json: %d rows, %v", len(arts), err)
	}
	for _, a := range arts {
		if _, ok := a["text"]; ok {
			t.Error("articles --json carries the texts")
		}
	}
	var events []struct {
		ID       string   `json:"id"`
		Articles []string `json:"articles"`
	}
	if err := json.Unmarshal(run("events", "--json"), &events); err != nil || len(events) != 3 || len(events[0].Articles) != 3 {
		t.Fatalf("events --json: %+v, %v", events, err)
	}
	var hits []struct {
		Term, Outlet, Left, Right string
	}
	if err := json.Unmarshal(run("terms", "--kwic", "regime", "--json"), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("terms --kwic regime --json: %v, %v", hits, err)
	}
	text := string(run("terms", "--kwic", "regime"))
	if n := strings.Count(text, "\n"); n != len(hits) {
		t.Errorf("terms --kwic regime: %d lines, --json %d hits", n, len(hits))
	}
	var terms struct {
		Counts []map[string]any `json:"counts"`
		Poles  []map[string]any `json:"poles"`
	}
	if err := json.Unmarshal(run("terms", "--json"), &terms); err != nil || len(terms.Counts) == 0 || len(terms.Poles) == 0 {
		t.Errorf("terms --json: %v", err)
	}
	var als []map[string]any
	if err := json.Unmarshal(run("align", "--event", events[0].ID, "--json"), &als); err != nil || len(als) == 0 {
		t.Errorf("align --json: %d alignments, %v", len(als), err)
	}
}

func TestCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "align", "--event", ""}, []string{"2018-09-07-tehran-summit-putin-erdogan\t", "2019-01-24-moscow-talks-putin-erdogan\t", "2020-02-29-phone-call-rouhani-erdogan\t"}},
		{[]string{"__complete", "report", "--format", ""}, []string{"json\n", "xlsx\n", "pdf\n", "html\n"}},
		{[]string{"__complete", "report", "--paper", ""}, []string{"a4\n", "letter\n"}},
	}
	for _, tt := range tests {
		code, out, stderr := runApp(t, "", tt.args...)
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", tt.args, code, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: no %q in %q", tt.args, w, out)
			}
		}
	}
}

func TestTermsTableFitsTheTerminal(t *testing.T) {
	code, _, _ := runApp(t, "", "terms")
	if code != exitOK {
		t.Fatal(code)
	}
	app := &App{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Now: time.Now}
	res, _, err := app.build(context.Background(), &inputOptions{window: 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var whole, narrow bytes.Buffer
	text.WritePoleTable(&whole, res, 0)
	text.WritePoleTable(&narrow, res, 60)
	for _, line := range strings.Split(narrow.String(), "\n") {
		if n := utf8.RuneCountInString(strings.TrimRight(line, " ")); n > 60 && !strings.HasPrefix(line, "Counts are") {
			t.Errorf("a %d-column line at width 60: %q", n, line)
		}
	}
	if strings.Count(narrow.String(), "AXIS") < 2 {
		t.Errorf("five outlets at width 60 printed in one block:\n%s", narrow.String())
	}
	for _, outlet := range []string{"CGTN", "Iran Press", "Sahar News", "The Globe Post", "The New Arab"} {
		if !strings.Contains(narrow.String(), outlet) {
			t.Errorf("narrow table lacks %s", outlet)
		}
	}
	if strings.Count(whole.String(), "AXIS") != 1 {
		t.Error("no width: more than one block")
	}
}
