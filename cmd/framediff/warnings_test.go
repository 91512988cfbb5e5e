package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
)

func TestWarningsSummarisedPerKind(t *testing.T) {
	var arts []corpus.Article
	for i := 0; i < 40; i++ {
		arts = append(arts, corpus.Article{Source: fmt.Sprintf("news/%02d.txt", i), Warnings: []string{fmt.Sprintf("outlet %q is not in the registry", fmt.Sprint("Outlet ", i%7))}})
	}
	arts[5].Warnings = append(arts[5].Warnings, "no date found")
	warns := []corpus.Warning{
		{File: "news/bad1.html", Reason: "file is 9000000 bytes, over the 8388608-byte limit"},
		{File: "news/bad2.html", Reason: "file is 9100000 bytes, over the 8388608-byte limit"},
	}
	var b bytes.Buffer
	n := writeWarnings(&b, problems(warns, arts), false)
	got := b.String()
	want := `warning: news/bad1.html: file is 9000000 bytes, over the 8388608-byte limit
warning: news/bad2.html: file is 9100000 bytes, over the 8388608-byte limit
warning: news/05.txt: no date found
note: 40 inputs: outlet "…" is not in the registry: news/00.txt, news/01.txt, news/02.txt and 37 more (--verbose lists all)
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n != 3 {
		t.Errorf("%d warnings counted, want 3 (notes do not count)", n)
	}
	b.Reset()
	writeWarnings(&b, problems(warns, arts), true)
	if lines := strings.Count(b.String(), "\n"); lines != 43 {
		t.Errorf("--verbose printed %d lines, want 43", lines)
	}
}

// TestOutletSpellingsJoined checks that two files giving one unregistered
// outlet in two spellings report one outlet, with a note that does not
// fail --strict.
func TestOutletSpellingsJoined(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl": `{"id":"a1","outlet":"Metro Daily","title":"Council votes","published":"2020-01-02","text":"The council voted on the budget on Thursday."}
{"id":"a2","outlet":"Metro Daily","title":"Bridge opens","published":"2020-01-03","text":"The new bridge opened to traffic on Friday."}
`,
		"b.jsonl": `{"id":"b1","outlet":"METRO DAILY","title":"Storm warning","published":"2020-01-04","text":"Forecasters warned of a storm on Saturday."}
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	code, _, stderr := runApp(t, "", "report", "--strict", "--format", "json", "-o", out, dir)
	if code != exitOK {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitOK, stderr)
	}
	noted := slices.ContainsFunc(strings.Split(stderr, "\n"), func(l string) bool {
		return strings.HasPrefix(l, "note: ") && strings.HasSuffix(l, `b.jsonl:1: outlet spelled "METRO DAILY" read as "Metro Daily", its spelling in most articles`)
	})
	if !noted {
		t.Errorf("no note of the spelling; stderr:\n%s", stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Articles []struct{ ID, Outlet string }
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 3 {
		t.Fatalf("%d articles, want 3", len(rep.Articles))
	}
	for _, a := range rep.Articles {
		if a.Outlet != "Metro Daily" {
			t.Errorf("article %s outlet %q, want %q", a.ID, a.Outlet, "Metro Daily")
		}
	}
}
