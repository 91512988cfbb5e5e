package xlsx

import (
	"fmt"
	"testing"

	"github.com/framediff/framediff/framing"
)

// TestWriteXLSXMarkers reads the Markers sheet back with an independent
// reader: the seeds' attribution verbs, hedges and scare quotes per outlet.
func TestWriteXLSXMarkers(t *testing.T) {
	res := seedFixture(t)
	m := framing.NewMatcher(res.Lex)
	var marks []framing.MarkerHit
	for i := range res.Articles {
		marks = append(marks, m.Markers(&res.Articles[i])...)
	}
	res.Framing.Markers = marks
	res.Framing.MarkerCounts = framing.CountMarkers(res.Articles, marks, nil)
	if len(res.Framing.MarkerCounts) == 0 {
		t.Fatal("no markers in the seeds")
	}
	d := checkReadBack(t, res, Options{}, writeXLSX(t, res, Options{}))
	s := d.sheet(t, "Markers")
	if got := fmt.Sprint(s.Rows[0][:8]); got != "[Scope Outlet Kind Grade Marker Voice Count Per 1,000 words]" {
		t.Errorf("header %s", got)
	}
	if len(s.Rows)-1 != len(res.Framing.MarkerCounts) {
		t.Fatalf("%d rows, want %d", len(s.Rows)-1, len(res.Framing.MarkerCounts))
	}
	for i, c := range res.Framing.MarkerCounts {
		r := s.Rows[i+1]
		if fmt.Sprint(r[2]) != c.Kind || fmt.Sprint(r[4]) != c.Marker || fmt.Sprint(r[6]) != fmt.Sprint(c.Count) {
			t.Errorf("row %d = %v, want %+v", i+1, r, c)
		}
	}
}
