package report

import (
	"testing"
	"time"

	"github.com/framediff/framediff/corpus"
)

func TestSourceLabel(t *testing.T) {
	for _, tt := range []struct {
		i    int
		want string
	}{
		{0, "Source A"}, {1, "Source B"}, {25, "Source Z"}, {26, "Source AA"}, {27, "Source AB"}, {701, "Source ZZ"}, {702, "Source AAA"},
	} {
		if got := SourceLabel(tt.i); got != tt.want {
			t.Errorf("SourceLabel(%d) = %q, want %q", tt.i, got, tt.want)
		}
	}
}

func TestOutletName(t *testing.T) {
	for in, want := range map[string]string{"CGTN": "CGTN", "  Iran Press\n": "Iran Press", "": "Unknown outlet", " \t": "Unknown outlet"} {
		if got := OutletName(in); got != want {
			t.Errorf("OutletName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPoleColorRepeats(t *testing.T) {
	if PoleColor(0) != "#b03a2e" || PoleColor(1) == PoleColor(0) || PoleColor(len(PolePalette)) != PoleColor(0) {
		t.Errorf("palette: %q %q %q", PoleColor(0), PoleColor(1), PoleColor(len(PolePalette)))
	}
}

func TestByDate(t *testing.T) {
	undated := &corpus.Article{ID: "b"}
	early := &corpus.Article{ID: "c", Published: corpus.Date{Time: mustDay(t, "2018-09-07")}}
	late := &corpus.Article{ID: "a", Published: corpus.Date{Time: mustDay(t, "2019-01-24")}}
	if !(ByDate(undated, early) < 0 && ByDate(early, late) < 0 && ByDate(late, early) > 0 && ByDate(early, early) == 0) {
		t.Error("ByDate does not order undated, then by date")
	}
	same := &corpus.Article{ID: "d", Published: early.Published}
	if ByDate(early, same) >= 0 {
		t.Error("ByDate does not break a tie by id")
	}
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPoleColorFor(t *testing.T) {
	for _, tt := range []struct {
		color string
		i     int
		want  string
	}{
		{"#D55E00", 0, "#D55E00"}, {" 0072b2 ", 3, "#0072b2"}, {"", 1, PoleColor(1)}, {"red", 2, PoleColor(2)}, {"#12345", 0, PoleColor(0)}, {"#12345g", 9, PoleColor(9)},
	} {
		if got := PoleColorFor(tt.color, tt.i); got != tt.want {
			t.Errorf("PoleColorFor(%q, %d) = %q, want %q", tt.color, tt.i, got, tt.want)
		}
	}
}
