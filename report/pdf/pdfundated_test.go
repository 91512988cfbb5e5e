package pdf

import (
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
)

func TestPDFUndatedNote(t *testing.T) {
	tests := []struct {
		name         string
		total, count int
		want         string
	}{
		{"all dated", 2, 0, ""},
		{"one undated", 3, 1, "One article is undated: it was grouped by its content alone. "},
		{"two undated", 3, 2, "2 articles are undated: they were grouped by their content alone. "},
		{"none dated", 2, 2, "None of the articles is dated: they were grouped by their content alone. "},
		{"the only one", 1, 1, "The article is undated. "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pdfUndatedNote(tt.total, tt.count); got != tt.want {
				t.Errorf("pdfUndatedNote = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPDFUndatedFromFindings checks that the handout states the findings'
// count of undated articles rather than counting them itself.
func TestPDFUndatedFromFindings(t *testing.T) {
	res := pdfSeedResult(t)
	f := compare.FindingsFor(res, compare.LargestEvents(res, 3))
	res.Findings = f
	if len(f.EventDates) == 0 {
		t.Fatal("the fixture's findings count no event's dates")
	}
	for i := range f.EventDates {
		if f.EventDates[i].Undated != 0 {
			t.Fatalf("the fixture has undated articles: %+v", f.EventDates[i])
		}
		f.EventDates[i].Undated = 2
	}
	d, err := newPDFDoc(res, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.events {
		if got := d.eventIntro(e, len(d.eventArticles(e))); !strings.Contains(got, "2 articles are undated") {
			t.Errorf("event %s intro %q does not state the findings' 2 undated articles", e.ID, got)
		}
	}
}
