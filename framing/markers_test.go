package framing

import (
	"strconv"

	"github.com/framediff/framediff/corpus"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMarkers checks hedges, distancing words, graded attribution verbs and
// scare quotes on sentences from real reporting.
func TestMarkers(t *testing.T) {
	m := NewMatcher(DefaultLexicon())
	tests := []struct {
		text string
		want []string // "kind/grade/marker=match voice"
	}{
		{`The so-called "moderate rebels" reportedly withdrew, Erdogan claimed.`,
			[]string{"distancing//so called=so-called narrator", "scare_quote//moderate rebels=moderate rebels narrator", "hedge//reportedly=reportedly narrator", "attribution/loaded/claimed=claimed narrator"}},
		{`"We will never allow it," he said, according to the ministry.`,
			[]string{"attribution/neutral/said=said narrator", "hedge//according to=according to narrator"}},
		{`The minister stressed that the attack was "allegedly" staged.`,
			[]string{"attribution/emphatic/stressed=stressed narrator", "scare_quote//allegedly=allegedly narrator", "hedge//allegedly=allegedly narrator"}},
		{`"They apparently insisted on talks," Lavrov told reporters.`,
			[]string{"hedge//apparently=apparently quoted", "attribution/loaded/insisted=insisted quoted", "attribution/neutral/told=told narrator"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, mh := range m.Markers(article("m", tt.text)) {
				if tt.text[mh.Start:mh.End] != mh.Match {
					t.Fatalf("bad offsets %+v", mh)
				}
				got = append(got, mh.Kind+"/"+mh.Grade+"/"+mh.Marker+"="+mh.Match+" "+string(mh.Voice))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCountMarkers(t *testing.T) {
	m := NewMatcher(DefaultLexicon())
	a := article("a1", `Rebels reportedly fled, officials said. "They reportedly left," he said.`)
	a.Outlet = "X"
	b := article("b1", `Troops advanced, the army said.`)
	b.Outlet = "Y"
	arts := []corpus.Article{*a, *b}
	marks := append(m.Markers(a), m.Markers(b)...)
	got := CountMarkers(arts, marks, map[string]string{"a1": "e1"})
	var rows []string
	for _, c := range got {
		rows = append(rows, c.Event+"|"+c.Outlet+"|"+c.Kind+"|"+c.Marker+"|"+string(c.Voice)+"|"+strconv.Itoa(c.Count))
	}
	want := []string{
		"|X|attribution|said|narrator|2",
		"|X|hedge|reportedly|narrator|1",
		"|X|hedge|reportedly|quoted|1",
		"|Y|attribution|said|narrator|1",
		"e1|X|attribution|said|narrator|2",
		"e1|X|hedge|reportedly|narrator|1",
		"e1|X|hedge|reportedly|quoted|1",
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
