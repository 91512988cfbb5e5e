package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEExamples reads the example inputs of testdata/examples, one in
// each format the README documents (front matter, JSONL, a saved page),
// and checks what a reader of those files sees in them.
func TestREADMEExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "examples")
	out := t.TempDir()
	code, _, stderr := runApp(t, "", "report", "--strict", "--format", "json", "-o", out, dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []struct{ ID, Outlet, Published, URL, Text string }
		Events   []struct{ Articles []string }
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{ // id → outlet, published
		"cgtn-2018-09-07":      {"CGTN", "2018-09-07T18:16:34Z"},
		"globepost-2018-09-07": {"The Globe Post", "2018-09-07"},
		"iranpress":            {"Iran Press", "2020-02-29T10:00:00Z"},
		"newarab-2018-09-07":   {"The New Arab", "2018-09-07"},
	}
	if len(doc.Articles) != len(want) {
		t.Fatalf("%d articles, want %d", len(doc.Articles), len(want))
	}
	for _, a := range doc.Articles {
		if got := [2]string{a.Outlet, a.Published}; got != want[a.ID] {
			t.Errorf("%s: outlet, published = %q, want %q", a.ID, got, want[a.ID])
		}
		for _, junk := range []string{"Tehran (IP)", "Comments are closed", "Home", "| Iran Press"} {
			if strings.Contains(a.Text, junk) {
				t.Errorf("%s: text keeps %q", a.ID, junk)
			}
		}
	}
	// The three summit reports are one event, the phone call another.
	var groups []string
	for _, ev := range doc.Events {
		groups = append(groups, strings.Join(ev.Articles, "+"))
	}
	if got, want := strings.Join(groups, " "), "cgtn-2018-09-07+globepost-2018-09-07+newarab-2018-09-07 iranpress"; got != want {
		t.Errorf("events = %q, want %q", got, want)
	}
}
