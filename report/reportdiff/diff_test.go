package reportdiff

import (
	"encoding/json"
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
				got = append(got, e.Kind.String()+":"+e.ID)
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

func TestChangeKindNames(t *testing.T) {
	want := []string{"formed", "merged", "split", "changed", "gone"}
	if len(ChangeKinds) != len(want) {
		t.Fatalf("%d kinds, want %d", len(ChangeKinds), len(want))
	}
	for i, k := range ChangeKinds {
		if k.String() != want[i] {
			t.Errorf("kind %d is %q, want %q", i, k, want[i])
		}
		b, err := json.Marshal(EventChange{Kind: k})
		if err != nil || !strings.Contains(string(b), `"kind":"`+want[i]+`"`) {
			t.Errorf("kind %s marshals as %s (%v)", k, b, err)
		}
		var e EventChange
		if err := json.Unmarshal(b, &e); err != nil || e.Kind != k {
			t.Errorf("kind %s reads back as %s (%v)", k, e.Kind, err)
		}
	}
	var k ChangeKind
	if err := k.UnmarshalText([]byte("vanished")); err == nil {
		t.Error("an unknown kind was read without error")
	}
	d := &Diff{Events: []EventChange{{Kind: Split}, {Kind: Gone}, {Kind: Gone}}}
	if got, want := d.EventCounts(), "0 formed, 0 merged, 1 split, 0 changed, 2 gone"; got != want {
		t.Errorf("EventCounts = %q, want %q", got, want)
	}
	if n, _ := d.measure("events.gone"); n != 2 {
		t.Errorf("events.gone = %v, want 2", n)
	}
}
