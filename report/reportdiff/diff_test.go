package reportdiff

import (
	"strings"
	"testing"
)

func report(events map[string][]string) *Report {
	r := &Report{SchemaVersion: 1}
	for id, arts := range events {
		r.Events = append(r.Events, Event{ID: id, Articles: arts})
		for _, a := range arts {
			r.Articles = append(r.Articles, Article{ID: a, Outlet: "Outlet " + strings.ToUpper(a[:1])})
		}
	}
	return r
}

func TestEventChanges(t *testing.T) {
	tests := []struct {
		name     string
		old, new map[string][]string
		want     []string // kind:id
	}{
		{"unchanged", map[string][]string{"e1": {"a1", "b1"}}, map[string][]string{"e1": {"a1", "b1"}}, nil},
		{"formed", map[string][]string{"e1": {"a1"}}, map[string][]string{"e1": {"a1"}, "e2": {"c1", "c2"}}, []string{"formed:e2"}},
		{"grew under a new id", map[string][]string{"e1": {"a1"}}, map[string][]string{"e9": {"a1", "c1"}}, []string{"changed:e9"}},
		{"merged", map[string][]string{"e1": {"a1"}, "e2": {"b1"}}, map[string][]string{"e3": {"a1", "b1", "c1"}}, []string{"merged:e3"}},
		{"split", map[string][]string{"e1": {"a1", "b1"}}, map[string][]string{"e2": {"a1"}, "e3": {"b1"}}, []string{"split:e1"}},
		{"gone", map[string][]string{"e1": {"a1"}, "e2": {"b1"}}, map[string][]string{"e1": {"a1"}}, []string{"gone:e2"}},
		{"lost an article", map[string][]string{"e1": {"a1", "b1"}}, map[string][]string{"e1": {"a1"}}, []string{"changed:e1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(report(tt.old), report(tt.new))
			var got []string
			for _, e := range d.Events {
				got = append(got, e.Kind+":"+e.ID)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("events = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTermHeadlines(t *testing.T) {
	old := &Report{SchemaVersion: 1, Articles: []Article{{ID: "a", Outlet: "CGTN"}}}
	old.Framing.Counts = []Count{{Outlet: "CGTN", Term: "rebels", Voice: "narrator", Count: 3}}
	cur := &Report{SchemaVersion: 1, Articles: []Article{{ID: "a", Outlet: "CGTN"}, {ID: "b", Outlet: "Press TV"}}}
	cur.Framing.Counts = []Count{
		{Outlet: "CGTN", Term: "rebels", Voice: "narrator", Count: 1},
		{Outlet: "Press TV", Term: "terrorists", Voice: "narrator", Count: 7},
		{Outlet: "Press TV", Term: "rebels", Voice: "narrator", Count: 1},
		{Event: "e1", Outlet: "Press TV", Term: "terrorists", Voice: "narrator", Count: 7},
	}
	d := Compare(old, cur)
	got := strings.Join(d.Headlines(), "\n")
	want := `adding Press TV raised "terrorists" in narrator voice by 7
"rebels" in narrator voice fell by 1 (CGTN -2, Press TV +1)`
	if got != want {
		t.Errorf("headlines:\n%s\nwant:\n%s", got, want)
	}
	fails := d.Check([]Rule{mustRule(t, "terms.narrator.delta>5"), mustRule(t, "terms.quoted.delta>0"), mustRule(t, "terms.outlet.delta>=7")})
	if len(fails) != 2 || fails[0].Value != 7 || fails[1].Rule.Measure != "terms.outlet.delta" {
		t.Errorf("failures = %v", fails)
	}
}

func mustRule(t *testing.T, s string) Rule {
	t.Helper()
	r, err := ParseRule(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestParseRule(t *testing.T) {
	for _, s := range []string{"terms.delta>5", " events.split >= 1 ", "swaps.new==0", "quotes.removed != 2", "articles.added<3", "terms.rate.delta<=1.5"} {
		if _, err := ParseRule(s); err != nil {
			t.Errorf("ParseRule(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "terms.delta", ">5", "terms.delta>>5", "terms.delta>Inf", "nosuch>1", "terms.delta=>1"} {
		if _, err := ParseRule(s); err == nil {
			t.Errorf("ParseRule(%q) accepted", s)
		}
	}
}
