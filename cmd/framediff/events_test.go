package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEventsShowsDatesAndUndated lists an event with its date span and
// flags the member that carries no date.
func TestEventsShowsDatesAndUndated(t *testing.T) {
	body := "Dockworkers in the port of Valmora walked off the job on Monday, halting container traffic after talks over automation broke down. " +
		"The union leader Marta Lind said the cranes ordered by the port authority would cost four hundred jobs. " +
		"Port director Anselm Krug said the strike was illegal and that the authority would seek an injunction in the regional court.\n\n" +
		"Shipping lines diverted three vessels to Ostrava Bay, and the chamber of commerce warned of shortages of fuel and grain within a week."
	recs := []map[string]string{
		{"id": "a", "outlet": "Harbour Times", "title": "Valmora dockworkers strike over automation", "published": "2024-03-04", "text": body},
		{"id": "b", "outlet": "Coast Courier", "title": "Strike halts Valmora port as automation talks fail", "published": "2024-03-06", "text": strings.Replace(body, "walked off the job", "went on strike", 1)},
		{"id": "c", "outlet": "Daily Ledger", "title": "Valmora port strike", "text": strings.Replace(body, "halting", "stopping", 1)},
	}
	code, out, stderr := runApp(t, jsonLines(t, recs), "events", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("want one event of three articles, got:\n%s", out)
	}
	if want := "2024-03-04 – 2024-03-06, 3 article(s), 1 undated (grouped by content alone)"; strings.TrimSpace(lines[1]) != want {
		t.Errorf("summary line %q, want %q", strings.TrimSpace(lines[1]), want)
	}
	wantDates := map[string]string{"a": "2024-03-04", "b": "2024-03-06", "c": "undated"}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 3 || wantDates[f[0]] != f[1] {
			t.Errorf("member line %q, want id, %s and outlet", l, wantDates[f[0]])
		}
	}
}

// TestEventsUndatedOnly says "all undated" for an event none of whose
// articles is dated, and nothing more than the span for a lone undated
// article.
func TestEventsUndatedOnly(t *testing.T) {
	body := "Dockworkers in the port of Valmora walked off the job, halting container traffic after talks over automation broke down. " +
		"The union leader Marta Lind said the cranes ordered by the port authority would cost four hundred jobs.\n\n" +
		"Shipping lines diverted three vessels to Ostrava Bay, and the chamber of commerce warned of shortages of fuel and grain."
	other := "The city council of Brenholm approved a new tram line on a vote of nine to four, after two years of hearings on its route.\n\n" +
		"Council member Ida Varga said the line would open in three years and cost less than the bus lanes it replaces."
	recs := []map[string]string{
		{"id": "a", "outlet": "Harbour Times", "title": "Valmora dockworkers strike over automation", "text": body},
		{"id": "b", "outlet": "Coast Courier", "title": "Strike halts Valmora port", "text": strings.Replace(body, "walked off the job", "went on strike", 1)},
		{"id": "c", "outlet": "Brenholm Post", "title": "Tram line approved", "text": other},
	}
	code, out, stderr := runApp(t, jsonLines(t, recs), "events", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "\n  undated, 2 article(s), all undated (grouped by content alone)\n") {
		t.Errorf("want the strike's two undated reports flagged as all undated, got:\n%s", out)
	}
	if !strings.Contains(out, "\n  undated, 1 article(s)\n") {
		t.Errorf("want the lone tram article with its span only, got:\n%s", out)
	}
}

// jsonLines returns recs as JSONL input, one article per line.
func jsonLines(t *testing.T, recs []map[string]string) string {
	t.Helper()
	var in strings.Builder
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		in.Write(b)
		in.WriteByte('\n')
	}
	return in.String()
}
