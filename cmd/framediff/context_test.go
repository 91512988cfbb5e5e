package main

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/seeds"
)

// TestHitContextSameEverywhere checks that a hit reads the same in every
// output that shows it in context: the context report.json keeps (offsets
// into the article's text), the terminal's terms --kwic, the workbook's
// Hits sheet and report.html all show framing.HitContext's words. (The
// handout shows hits marked in the articles' own paragraphs, not in
// context.)
func TestHitContextSameEverywhere(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runApp(t, "", "report", "--format", "json,xlsx,html", "-o", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		} `json:"articles"`
		Framing struct {
			Hits []framing.Hit `json:"hits"`
		} `json:"framing"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	// report.json leaves sentences out: the seeds, read again, have them.
	seedArts, _ := corpus.NewReader().ReadFS(seeds.FS)
	arts := map[string]*corpus.Article{}
	for i, a := range seedArts {
		arts[a.ID] = &seedArts[i]
	}
	for _, a := range doc.Articles {
		if arts[a.ID] == nil || arts[a.ID].Text != a.Text {
			t.Fatalf("article %s: report.json's text is not the seed's", a.ID)
		}
	}
	type context struct{ left, match, right string }
	want := map[string][]context{} // article → contexts of its "regime" hits
	for _, h := range doc.Framing.Hits {
		if h.Pole != "regime" {
			continue
		}
		a := arts[h.Article]
		if h.ContextStart > h.Start || h.ContextEnd < h.End || h.ContextStart == h.ContextEnd {
			t.Errorf("%s: hit %q at %d:%d has context %d:%d", h.Article, h.Match, h.Start, h.End, h.ContextStart, h.ContextEnd)
		}
		l, m, r := framing.HitContext(a, h)
		if !strings.Contains(strings.Join(strings.Fields(a.Text[h.ContextStart:h.ContextEnd]), " "), strings.TrimSpace(strings.Trim(l, "…")+m)) {
			t.Errorf("%s: context %q %q is not the stored text %q", h.Article, l, m, a.Text[h.ContextStart:h.ContextEnd])
		}
		want[h.Article] = append(want[h.Article], context{l, m, r})
	}
	if len(want) != 2 {
		t.Fatalf("regime hits in %d articles, want The New Arab's and The Globe Post's", len(want))
	}

	// The workbook: one row per hit, left and right context beside it.
	f, err := excelize.OpenFile(filepath.Join(dir, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Hits")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]context{}
	for _, r := range rows[1:] {
		if len(r) > 8 && r[4] == "regime" {
			got[r[1]] = append(got[r[1]], context{r[6], r[7], r[8]})
		}
	}
	for id, cs := range want {
		if !sameSlices(cs, got[id]) {
			t.Errorf("workbook, %s: %q, want %q", id, got[id], cs)
		}
	}

	// The terminal: one line per hit, the hit in brackets.
	code, out, stderr := runApp(t, "", "terms", "--kwic", "state/regime")
	if code != exitOK {
		t.Fatalf("terms --kwic: exit %d: %s", code, stderr)
	}
	for id, cs := range want {
		for _, c := range cs {
			line := strings.TrimRight(c.left, " ") + " [" + c.match + "] " + strings.TrimLeft(c.right, " ")
			if !strings.Contains(out, line) {
				t.Errorf("terms --kwic, %s: no line with %q:\n%s", id, line, out)
			}
		}
	}

	// The page: each hit in a span of class kwic, the match marked.
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for id, cs := range want {
		for _, c := range cs {
			span := `<span class="kwic">` + html.EscapeString(c.left) + `<mark class="k">` + html.EscapeString(c.match) + `</mark>` + html.EscapeString(c.right) + `</span>`
			if !strings.Contains(htmlUnescapeQuotes(string(page)), htmlUnescapeQuotes(span)) {
				t.Errorf("report.html, %s: no %s", id, span)
			}
		}
	}
}

func sameSlices[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// htmlUnescapeQuotes writes quotation marks and apostrophes one way, as
// html/template and html.EscapeString escape them differently.
func htmlUnescapeQuotes(s string) string {
	return strings.NewReplacer("&#34;", `"`, "&quot;", `"`, "&#39;", "'", "&#x27;", "'").Replace(s)
}

// TestReportJSONFindingsFollowEvents checks that report.json states the
// findings of the events the handout covers when --events names them.
func TestReportJSONFindingsFollowEvents(t *testing.T) {
	dir := t.TempDir()
	const event = "2019-01-24-moscow-talks-putin-erdogan"
	if code, _, stderr := runApp(t, "", "report", "--format", "json", "--events", event, "-o", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings struct {
			Events  []string `json:"events"`
			Outlets []string `json:"outlets"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if !sameSlices(doc.Findings.Events, []string{event}) || !sameSlices(doc.Findings.Outlets, []string{"Sahar News"}) {
		t.Errorf("findings of %v from %v, want %s's, from Sahar News", doc.Findings.Events, doc.Findings.Outlets, event)
	}
}
