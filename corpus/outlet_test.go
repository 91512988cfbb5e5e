package corpus

import (
	"slices"
	"testing"
)

// TestDedupeUnifiesOutletSpellings checks that spellings of one outlet
// name that differ in case and spacing become the spelling most articles
// give, the first in byte order on a tie, whatever the articles' order,
// with a note on each article renamed; other names are left as they are.
func TestDedupeUnifiesOutletSpellings(t *testing.T) {
	arts := []Article{
		{ID: "1", Outlet: "USA Today"},
		{ID: "2", Outlet: "USA TODAY"},
		{ID: "3", Outlet: "USA Today"},
		{ID: "4", Outlet: "usa  today"},
		{ID: "5", Outlet: "Daily Planet"},
		{ID: "6", Outlet: "DAILY PLANET"},
		{ID: "7", Outlet: "CGTN"},
		{ID: "8"},
	}
	want := map[string]string{
		"1": "USA Today", "2": "USA Today", "3": "USA Today", "4": "USA Today",
		// one each: "DAILY PLANET" sorts before "Daily Planet"
		"5": "DAILY PLANET", "6": "DAILY PLANET",
		"7": "CGTN", "8": "",
	}
	renamed := map[string]bool{"2": true, "4": true, "5": true}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {3, 5, 1, 7, 0, 6, 2, 4}} {
		in := make([]Article, 0, len(arts))
		for _, i := range order {
			in = append(in, arts[i])
		}
		out, _ := Dedupe(in, nil)
		for _, a := range out {
			if a.Outlet != want[a.ID] {
				t.Errorf("order %v: article %s outlet %q, want %q", order, a.ID, a.Outlet, want[a.ID])
			}
			if noted := len(a.Warnings) == 1; noted != renamed[a.ID] {
				t.Errorf("order %v: article %s notes %q, want a note: %v", order, a.ID, a.Warnings, renamed[a.ID])
			}
		}
	}
	out, _ := Dedupe(slices.Clone(arts), nil)
	if want := []string{`outlet spelled "USA TODAY" read as "USA Today", its spelling in most articles`}; !slices.Equal(out[1].Warnings, want) {
		t.Errorf("note %q, want %q", out[1].Warnings, want)
	}
}
