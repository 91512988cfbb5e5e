package compare

import (
	"maps"
	"slices"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/google/go-cmp/cmp"
)

// TestFindingsSeeds checks the handout's findings on the sample corpus
// against what the articles say, read by hand: on the Syrian state, The
// New Arab writes "the regime" and "the Syrian regime", The Globe Post
// "Assad's regime" and "the regime" (and "Damascus", "Syrian army" as
// often: a tie goes to the first pole), Iran Press "Syrian forces",
// "Syrian army" twice and "Syrian government", Sahar News "Syrian
// government"; CGTN's only "Damascus" is Putin's.
func TestFindingsSeeds(t *testing.T) {
	res := buildSeeds(t)
	f := res.Findings
	if f == nil {
		t.Fatal("Build left Findings unset")
	}
	if want := LargestEvents(res, DefaultFindingEvents); !slices.Equal(f.Events, want) {
		t.Errorf("events %v, want %v", f.Events, want)
	}
	if len(f.Articles) != 5 || len(f.Outlets) != 5 {
		t.Errorf("%d articles, %d outlets covered, want 5 and 5", len(f.Articles), len(f.Outlets))
	}
	for _, tc := range []struct {
		outlet, pole     string
		narrator, quoted int
	}{
		{"The New Arab", "regime", 2, 0},
		{"The Globe Post", "regime", 2, 0},
		{"The Globe Post", "government", 2, 0},
		{"Iran Press", "government", 4, 0},
		{"Sahar News", "government", 1, 1},
		{"CGTN", "government", 0, 1},
	} {
		n, q := f.Pole(tc.outlet, "state", tc.pole)
		if n != tc.narrator || q != tc.quoted {
			t.Errorf("%s state/%s: %d narrator, %d quoted; want %d, %d", tc.outlet, tc.pole, n, q, tc.narrator, tc.quoted)
		}
	}
	var state *AxisFinding
	kinds := map[QuestionKind]int{}
	for _, q := range f.Questions {
		kinds[q.Kind]++
		if q.Kind == QuestionAxis && q.Axis.Axis == "state" {
			state = q.Axis
		}
	}
	if state == nil {
		t.Fatalf("no question on the Syrian state: %v", kinds)
	}
	want := &AxisFinding{Axis: "state", Outlets: 4, Silent: []string{"CGTN"}, Poles: []PoleChoice{
		{Pole: "regime", Outlets: []string{"The Globe Post", "The New Arab"}, Terms: []string{"regime", "Assad regime", "Syrian regime"}},
		{Pole: "government", Outlets: []string{"Iran Press", "Sahar News"}, Terms: []string{"Syrian army", "Syrian government", "Damascus", "Syrian forces"}},
	}}
	if diff := cmp.Diff(want, state); diff != "" {
		t.Errorf("state question (-want +got):\n%s", diff)
	}
	// Erdogan's ceasefire sentence: "added" in CGTN, "insisted" in The
	// Globe Post, the same words in both.
	if len(f.QuoteGroups) != 1 {
		t.Fatalf("quote groups %v, want Erdogan's one", f.QuoteGroups)
	}
	for _, q := range f.Questions {
		if q.Kind != QuestionQuoteVerbs {
			continue
		}
		wantVerbs := []VerbUse{{Verb: "added", Outlets: []string{"CGTN"}}, {Verb: "insisted", Outlets: []string{"The Globe Post"}}}
		if q.Quote.Speaker != "Erdogan" || q.Quote.Group != f.QuoteGroups[0] || !cmp.Equal(q.Quote.Verbs, wantVerbs) {
			t.Errorf("quote question %+v, want Erdogan's with %v", q.Quote, wantVerbs)
		}
	}
	if kinds[QuestionQuoteVerbs] != 1 || len(f.Questions) != MaxQuestions {
		t.Errorf("questions %v, want %d with one on quotation verbs", kinds, MaxQuestions)
	}
}

// TestFindingsTalliesAreCounts checks that the findings' tallies of every
// event are the corpus-wide counts the workbook and terms show
// (framing.PoleTotals), not a count of their own.
func TestFindingsTalliesAreCounts(t *testing.T) {
	res := buildSeeds(t)
	ids := make([]string, len(res.Events))
	for i, e := range res.Events {
		ids[i] = e.ID
	}
	f := res.FindingsOf(ids)
	type key struct {
		outlet, axis, pole string
		voice              framing.Voice
	}
	want := map[key]int{}
	for _, c := range framing.PoleTotals(res.Framing.Counts) {
		if c.Event == "" && c.Article == "" {
			want[key{c.Outlet, c.Axis, c.Pole, c.Voice}] += c.Count
		}
	}
	got := map[key]int{}
	for _, tl := range f.Tallies {
		if tl.Narrator > 0 {
			got[key{tl.Outlet, tl.Axis, tl.Pole, framing.Narrator}] += tl.Narrator
		}
		if tl.Quoted > 0 {
			got[key{tl.Outlet, tl.Axis, tl.Pole, framing.Quoted}] += tl.Quoted
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tallies differ from the pole totals (-want +got):\n%s", diff)
	}
	if len(want) == 0 {
		t.Fatal("no counts")
	}
}

// TestFindingsSelection checks findings of another selection: one event
// only covers its articles, and a Result without events covers all.
func TestFindingsSelection(t *testing.T) {
	res := buildSeeds(t)
	one := LargestEvents(res, 1)
	f := res.FindingsOf(one)
	if f == res.Findings {
		t.Fatal("FindingsOf gave the stored findings for another selection")
	}
	ev := res.Events[slices.IndexFunc(res.Events, func(e Event) bool { return e.ID == one[0] })]
	if got, want := slices.Sorted(slices.Values(f.Articles)), slices.Sorted(slices.Values(ev.Articles)); !slices.Equal(got, want) {
		t.Errorf("articles %v, want the event's %v", got, want)
	}
	if g := res.FindingsOf(res.Findings.Events); g != res.Findings {
		t.Error("FindingsOf recomputed the stored findings")
	}
	if bad := FindingsFor(res, []string{"no-such-event", one[0], one[0]}); !slices.Equal(bad.Events, one) {
		t.Errorf("events %v, want unknown and repeated ids skipped: %v", bad.Events, one)
	}

	bare := *res
	bare.Events = nil
	bare.Findings = nil
	all := FindingsFor(&bare, nil)
	if len(all.Articles) != len(res.Articles) || len(all.Events) != 0 {
		t.Errorf("without events: %d articles, events %v; want every article", len(all.Articles), all.Events)
	}
}

// TestQuoteGroupSpeakerIsMajority checks that each group's speaker is the
// one most of its versions name, as the handout says.
func TestQuoteGroupSpeakerIsMajority(t *testing.T) {
	res := buildSeeds(t)
	for _, g := range res.QuoteGroups {
		n := map[string]int{}
		for _, q := range res.Quotes {
			if q.Group == g.ID && q.Speaker != "" {
				n[q.Speaker]++
			}
		}
		for _, s := range slices.Sorted(maps.Keys(n)) {
			if n[s] > n[g.Speaker] {
				t.Errorf("group %s: speaker %q (%d versions), but %q has %d", g.ID, g.Speaker, n[g.Speaker], s, n[s])
			}
		}
	}
}

// TestLargestEventsRanksOutletsFirst checks the events a handout covers
// by default: the more outlets, the earlier, however many articles one
// outlet wrote; then the more articles; then the earlier; articles
// without an outlet count as one outlet.
func TestLargestEventsRanksOutletsFirst(t *testing.T) {
	res := &Result{
		Articles: []corpus.Article{
			{ID: "a1", Outlet: "A"}, {ID: "a2", Outlet: "A"}, {ID: "a3", Outlet: "A"}, {ID: "a4", Outlet: "A"},
			{ID: "b1", Outlet: "A"}, {ID: "b2", Outlet: "B"},
			{ID: "c1", Outlet: "A"}, {ID: "c2", Outlet: "B"}, {ID: "c3", Outlet: "B"},
			{ID: "d1", Outlet: "A"}, {ID: "d2", Outlet: "B"}, {ID: "d3", Outlet: "C"},
			{ID: "u1"}, {ID: "u2", Outlet: " "}, {ID: "u3"}, {ID: "u4"}, {ID: "u5"},
			{ID: "e1", Outlet: "C"}, {ID: "e2", Outlet: "D"},
		},
		Events: []Event{
			{ID: "one-outlet", Start: "2020-01-01", Articles: []string{"a1", "a2", "a3", "a4"}},
			{ID: "two-late", Start: "2020-02-01", Articles: []string{"b1", "b2"}},
			{ID: "two-more", Start: "2020-03-01", Articles: []string{"c1", "c2", "c3"}},
			{ID: "three", Start: "2020-04-01", Articles: []string{"d1", "d2", "d3"}},
			{ID: "unknown", Start: "2020-01-01", Articles: []string{"u1", "u2", "u3", "u4", "u5"}},
			{ID: "two-early", Start: "2020-01-15", Articles: []string{"e1", "e2"}},
		},
	}
	want := []string{"three", "two-more", "two-early", "two-late", "unknown", "one-outlet"}
	if got := LargestEvents(res, 10); !slices.Equal(got, want) {
		t.Errorf("LargestEvents = %v, want %v", got, want)
	}
	if got := LargestEvents(res, 2); !slices.Equal(got, want[:2]) {
		t.Errorf("LargestEvents(2) = %v, want %v", got, want[:2])
	}
}
