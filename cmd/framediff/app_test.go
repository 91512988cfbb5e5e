package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
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
	notJSON := filepath.Join(dir, "report.json")
	if err := os.WriteFile(notJSON, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"diff of one file", []string{"diff", notJSON}, exitUsage, "two report.json files"},
		{"diff of a missing file", []string{"diff", filepath.Join(dir, "nope.json"), notJSON}, exitFailure, "nope.json"},
		{"diff of a file that is not a report", []string{"diff", notJSON, notJSON}, exitFailure, "report.json: not a framediff report.json"},
		{"unknown flag", []string{"report", "--nope"}, exitUsage, "unknown flag"},
		{"bad format", []string{"report", "--format", "docx", "-o", dir}, exitUsage, "unknown output"},
		{"bad paper", []string{"report", "--paper", "a3", "-o", dir}, exitUsage, "--paper"},
		{"align without event", []string{"align"}, exitUsage, "--event"},
		{"lexicon check without file", []string{"lexicon", "check"}, exitUsage, "one FILE"},
		{"bad lexicon", []string{"lexicon", "check", badLex}, exitUsage, "bad.yaml:4:"},
		{"bad lexicon in report", []string{"report", "--lexicon", badLex, "-o", dir}, exitUsage, "bad.yaml:4:"},
		{"missing input only", []string{"articles", filepath.Join(dir, "missing.txt")}, exitFailure, "missing.txt: no such file"},
		{"nothing readable in articles", []string{"articles", filepath.Join(dir, "missing.txt")}, exitFailure, "no article could be read"},
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

// TestTermsOnSeeds checks the terms table and --kwic against hits read off
// the seed texts by hand: "regime" in the narrator's voice twice in The New
// Arab ("the regime of Bashar al-Assad", "the Syrian regime and its
// allies") and twice in The Globe Post ("Assad‘s regime", "recaptured by
// the regime"), never elsewhere.
func TestTermsOnSeeds(t *testing.T) {
	code, out, stderr := runApp(t, "", "terms")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	header := strings.Fields(strings.SplitN(out, "\n", 2)[0])
	wantHeader := []string{"AXIS", "POLE", "CGTN", "Iran", "Press", "Sahar", "News", "The", "Globe", "Post", "The", "New", "Arab"}
	if strings.Join(header, " ") != strings.Join(wantHeader, " ") {
		t.Errorf("header = %q", header)
	}
	var regime []string
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "state" && f[1] == "regime" {
			regime = f[2:]
		}
	}
	if got, want := strings.Join(regime, " "), "0 0 0 2 2"; got != want {
		t.Errorf("regime row = %q, want %q", got, want)
	}

	code, out, stderr = runApp(t, "", "terms", "--kwic", "regime")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("--kwic regime printed %d lines, want 4:\n%s", len(lines), out)
	}
	for _, want := range []string{"[regime] of Bashar al-Assad", "[Syrian regime] and its allies", "[Assad‘s regime]", "recaptured by the [regime]"} {
		if !strings.Contains(out, want) {
			t.Errorf("--kwic regime lacks %q:\n%s", want, out)
		}
	}
	if code, _, stderr = runApp(t, "", "terms", "--kwic", "nonsense"); code != exitUsage {
		t.Errorf("--kwic with no hit: exit %d, want %d (%s)", code, exitUsage, stderr)
	}
}

func TestEventsAndAlignOnSeeds(t *testing.T) {
	code, out, stderr := runApp(t, "", "events")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The Tehran summit (000, 003, 004) is one event; the Moscow talks (001)
	// and the phone call (002) are each their own.
	members := map[string][]string{} // event id → article ids
	var order []string
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case !strings.HasPrefix(line, " "):
			order = append(order, f[0])
		case strings.HasPrefix(line, "    ") && len(order) > 0:
			ev := order[len(order)-1]
			members[ev] = append(members[ev], f[0])
		}
	}
	var got []string
	tehran := ""
	for _, ev := range order {
		got = append(got, strings.Join(members[ev], "+"))
		if strings.Contains(ev, "tehran") {
			tehran = ev
		}
	}
	sort.Strings(got)
	want := []string{
		"000_d8a36f4a2c9001dd+003_957c7875958cbde8+004_dd6029a0ad11cc80",
		"001_a14845272985d99f",
		"002_04e7ac960a2816e0",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("events = %v, want %v\n%s", got, want, out)
	}
	code, out, stderr = runApp(t, "", "align", "--event", tehran)
	if code != exitOK {
		t.Fatalf("align --event %s: exit %d: %s", tehran, code, stderr)
	}
	for _, want := range []string{
		"verbatim 1.00  CGTN",
		"If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease",
		"Russian [-air raids-] {+airplanes+} pounded rebel positions",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("align output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes written to a non-terminal")
	}
	if code, _, _ = runApp(t, "", "align", "--event", "no-such-event"); code != exitUsage {
		t.Errorf("unknown event: exit %d, want %d", code, exitUsage)
	}
}

// TestProgressOnlyOnTerminal checks that progress bars are drawn on a
// terminal and never into a log.
func TestProgressOnlyOnTerminal(t *testing.T) {
	for _, terminal := range []bool{false, true} {
		var out, errb bytes.Buffer
		app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: time.Now, Terminal: terminal}
		if code := app.ExitCode(app.Run(context.Background(), []string{"events"})); code != exitOK {
			t.Fatalf("terminal=%v: exit %d: %s", terminal, code, errb.String())
		}
		drawn := strings.Contains(errb.String(), "grouping events")
		if drawn != terminal {
			t.Errorf("terminal=%v: progress drawn=%v; stderr %q", terminal, drawn, errb.String())
		}
	}
}

// TestUserRules checks that --rules adds a boilerplate rule: the line it
// names leaves the article's text, and a broken rules file is a usage error.
func TestUserRules(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	write(t, article, "Leaders meet over Idlib\n\nPutin met Erdogan in Tehran on Friday.\n\nSubscribe to our daily briefing!\n")
	rules := filepath.Join(dir, "rules.yaml")
	write(t, rules, `rules:
  - name: newsletter
    action: line
    pattern: '^(?i:subscribe to our .*)$'
    tests:
      - in: "Subscribe to our daily briefing!"
        out: ""
`)
	out := t.TempDir()
	for _, withRules := range []bool{false, true} {
		args := []string{"report", "--format", "json", "-o", out, article}
		if withRules {
			args = append(args, "--rules", rules)
		}
		if code, _, stderr := runApp(t, "", args...); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "report.json"))
		if err != nil {
			t.Fatal(err)
		}
		if has := strings.Contains(string(data), "Subscribe to our"); has == withRules {
			t.Errorf("--rules given: %v; newsletter line in text: %v", withRules, has)
		}
	}
	write(t, rules, "rules:\n  - name: broken\n    action: line\n    pattern: '(('\n")
	if code, _, stderr := runApp(t, "", "report", "-o", out, "--rules", rules, article); code != exitUsage || !strings.Contains(stderr, "rules.yaml:") {
		t.Errorf("broken rules: exit %d, stderr %q", code, stderr)
	}
}

// TestTermsRejected checks --kwic --rejected on a real sentence whose
// "campaign" is an election's, so the lexicon's sense conditions leave it
// out of the counts.
func TestTermsRejected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.jsonl")
	rec := `{"id":"a1","outlet":"Example","title":"Primary","published":"2016-05-01","text":"On a campaign swing this month before the West Virginia primary on May 10, she said she would bring jobs back."}` + "\n"
	if err := os.WriteFile(path, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runApp(t, "", "terms", "--kwic", "campaign", "--rejected", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "[campaign] swing") || !strings.Contains(out, `rejected: near "primary"`) {
		t.Errorf("--rejected output lacks the candidate and its reason:\n%s", out)
	}
	if code, _, _ = runApp(t, "", "terms", "--kwic", "campaign", path); code != exitUsage {
		t.Errorf("--kwic campaign without --rejected: exit %d, want %d (no counted hit)", code, exitUsage)
	}
}

// TestLexiconPolitics checks the embedded politics lexicon is selectable
// alone and combined with the default one, and printable by name.
func TestLexiconPolitics(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.jsonl")
	rec := `{"id":"p1","outlet":"Example","title":"Debate","published":"2016-05-01","text":"Clinton slammed the brash newcomer, while the regime in Damascus shelled rebel-held towns."}` + "\n"
	if err := os.WriteFile(path, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runApp(t, "", "terms", "--lexicon", "politics", "--kwic", "speech", path)
	if code != exitOK || !strings.Contains(out, "[slammed]") {
		t.Fatalf("--lexicon politics --kwic speech: exit %d, out %q, stderr %q", code, out, stderr)
	}
	code, out, stderr = runApp(t, "", "terms", "--lexicon", "default,politics", path)
	if code != exitOK {
		t.Fatalf("--lexicon default,politics: exit %d: %s", code, stderr)
	}
	for _, row := range []string{"state ", "speech ", "evaluation "} {
		if !strings.Contains(out, "\n"+row) {
			t.Errorf("combined table lacks the %q rows:\n%s", row, out)
		}
	}
	code, out, _ = runApp(t, "", "lexicon", "show", "politics")
	if code != exitOK || !strings.Contains(out, "name: politics") || !strings.Contains(out, "MPQA") {
		t.Errorf("lexicon show politics: exit %d, wrong text", code)
	}
	if code, _, _ = runApp(t, "", "terms", "--lexicon", "nonesuch", path); code != exitUsage {
		t.Errorf("--lexicon nonesuch: exit %d, want %d", code, exitUsage)
	}
}
