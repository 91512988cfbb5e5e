package framing

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/seedtest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func countFixture(t *testing.T) ([]corpus.Article, []Hit) {
	t.Helper()
	lex, err := ParseLexicon("test.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	arts := []corpus.Article{
		*article("a1", `The regime and the regime's army. He said: "The regime fell."`),
		*article("a2", "The government met the rebels."),
		*article("b1", "The regime of Assad and the so-called rebels."),
	}
	arts[0].Outlet, arts[1].Outlet, arts[2].Outlet = "Alpha", "Alpha", "Beta"
	m := NewMatcher(lex)
	var hits []Hit
	for i := range arts {
		arts[i].Words = len(Tokenize(arts[i].Text))
		hits = append(hits, m.Match(&arts[i])...)
	}
	return arts, hits
}

func TestCountHits(t *testing.T) {
	arts, hits := countFixture(t)
	// Alpha: 11 + 5 words; Beta: 9 (so-called is two words).
	eventOf := map[string]string{"a1": "e1", "b1": "e1", "a2": "e2"}
	got := CountHits(arts, hits, eventOf)
	want := []Count{
		{Outlet: "Alpha", Axis: "armed", Pole: "rebels", Term: "rebels", Voice: Narrator, Count: 1, Words: 16, Per1000Words: 62.5},
		{Outlet: "Alpha", Axis: "state", Pole: "government", Term: "government", Voice: Narrator, Count: 1, Words: 16, Per1000Words: 62.5},
		{Outlet: "Alpha", Axis: "state", Pole: "regime", Term: "regime", Voice: Narrator, Count: 2, Words: 16, Per1000Words: 125},
		{Outlet: "Alpha", Axis: "state", Pole: "regime", Term: "regime", Voice: Quoted, Count: 1, Words: 16, Per1000Words: 62.5},
		{Outlet: "Beta", Axis: "armed", Pole: "rebels", Term: "rebels", Voice: Narrator, Count: 1, Distanced: 1, Words: 9, Per1000Words: 1000.0 / 9},
		{Outlet: "Beta", Axis: "state", Pole: "regime", Term: "regime", Voice: Narrator, Count: 1, Words: 9, Per1000Words: 1000.0 / 9},
		{Event: "e1", Outlet: "Alpha", Axis: "state", Pole: "regime", Term: "regime", Voice: Narrator, Count: 2, Words: 11, Per1000Words: 2000.0 / 11},
		{Event: "e1", Outlet: "Alpha", Axis: "state", Pole: "regime", Term: "regime", Voice: Quoted, Count: 1, Words: 11, Per1000Words: 1000.0 / 11},
		{Event: "e1", Outlet: "Beta", Axis: "armed", Pole: "rebels", Term: "rebels", Voice: Narrator, Count: 1, Distanced: 1, Words: 9, Per1000Words: 1000.0 / 9},
		{Event: "e1", Outlet: "Beta", Axis: "state", Pole: "regime", Term: "regime", Voice: Narrator, Count: 1, Words: 9, Per1000Words: 1000.0 / 9},
		{Event: "e2", Outlet: "Alpha", Axis: "armed", Pole: "rebels", Term: "rebels", Voice: Narrator, Count: 1, Words: 5, Per1000Words: 200},
		{Event: "e2", Outlet: "Alpha", Axis: "state", Pole: "government", Term: "government", Voice: Narrator, Count: 1, Words: 5, Per1000Words: 200},
	}
	approx := cmpopts.EquateApprox(0, 1e-9)
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("CountHits (-want +got):\n%s", diff)
	}

	// Order of articles and hits does not matter.
	slices.Reverse(arts)
	slices.Reverse(hits)
	if diff := cmp.Diff(got, CountHits(arts, hits, eventOf)); diff != "" {
		t.Errorf("CountHits depends on input order:\n%s", diff)
	}

	// Without events, only corpus-wide rows.
	if n := len(CountHits(arts, hits, nil)); n != 6 {
		t.Errorf("CountHits without events: %d rows, want 6", n)
	}

	poles := PoleTotals(got)
	if poles[0].Term != "" || len(poles) != len(got) {
		// every pole here has one term, so totals equal the rows
		t.Errorf("PoleTotals: %+v", poles)
	}
}

func TestCountArticles(t *testing.T) {
	arts, hits := countFixture(t)
	got := CountArticles(arts, hits, nil)
	var summary []string
	for _, c := range got {
		summary = append(summary, c.Article+" "+c.Outlet+" "+c.Term+" "+string(c.Voice)+" "+string(rune('0'+c.Count)))
	}
	want := []string{
		"a1 Alpha regime narrator 2", "a1 Alpha regime quoted 1",
		"a2 Alpha rebels narrator 1", "a2 Alpha government narrator 1",
		"b1 Beta rebels narrator 1", "b1 Beta regime narrator 1",
	}
	if diff := cmp.Diff(want, summary); diff != "" {
		t.Errorf("CountArticles (-want +got):\n%s", diff)
	}
	if got[0].Per1000Words != 2000.0/11 {
		t.Errorf("per-article rate %v, want 2000/11", got[0].Per1000Words)
	}
}

func TestDistinctive(t *testing.T) {
	lex, err := ParseLexicon("test.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	opt := DistinctiveOptions{MinCount: 1}
	t.Run("hand computed", func(t *testing.T) {
		// A: regime×2, army; B: government, army×3. n=7, prior = counts.
		// regime for A: δ = ln(4/6) − ln(2/9) = ln 3, σ² = 1/4 + 1/2.
		arts := []corpus.Article{
			{ID: "a", Outlet: "A", Text: "The regime, the regime and the army."},
			{ID: "b", Outlet: "B", Text: "Government army, army, army."},
		}
		got := DistinctiveWith(arts, lex, nil, opt)
		want := []DistinctiveTerm{
			{Scope: "corpus", Outlet: "A", Term: "regime", Z: math.Log(3) / math.Sqrt(0.75), Count: 2},
			{Scope: "corpus", Outlet: "A", Term: "army", Z: -0.9557259044713272, Count: 1},
			{Scope: "corpus", Outlet: "A", Term: "government", Z: -0.5659523030068886, Count: 0},
			{Scope: "corpus", Outlet: "B", Term: "regime", Z: -math.Log(3) / math.Sqrt(0.75), Count: 0},
			{Scope: "corpus", Outlet: "B", Term: "army", Z: 0.9557259044713272, Count: 3},
			{Scope: "corpus", Outlet: "B", Term: "government", Z: 0.5659523030068886, Count: 1},
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("suggestions and events", func(t *testing.T) {
		// regime×8 vs army×8, summit×2 each: z = ±2.6445697765882996.
		arts := []corpus.Article{
			{ID: "a", Outlet: "A", Text: "regime regime regime regime regime regime regime regime summit summit"},
			{ID: "b", Outlet: "B", Text: "army army army army army army army army summit summit"},
			{ID: "c", Outlet: "C", Text: "army regime"},
		}
		eventOf := map[string]string{"a": "e1", "b": "e1", "c": "e2"}
		got := DistinctiveWith(arts, lex, eventOf, DistinctiveOptions{MinCount: 1, TopN: 2})
		var e1 []DistinctiveTerm
		scopes := map[string]bool{}
		for _, d := range got {
			scopes[d.Scope] = true
			if d.Scope == "e1" {
				e1 = append(e1, d)
			}
		}
		if !scopes["corpus"] || !scopes["e1"] || scopes["e2"] {
			t.Errorf("scopes %v: want corpus and e1 only (e2 has one outlet)", scopes)
		}
		z := 2.6445697765882996
		want := []DistinctiveTerm{
			{Scope: "e1", Outlet: "A", Term: "army", Z: -z, Count: 0, Suggested: false}, // used less: not a suggestion
			{Scope: "e1", Outlet: "A", Term: "regime", Z: z, Count: 8, Suggested: false},
			{Scope: "e1", Outlet: "B", Term: "army", Z: z, Count: 8, Suggested: true},
			{Scope: "e1", Outlet: "B", Term: "regime", Z: -z, Count: 0, Suggested: false},
		}
		if diff := cmp.Diff(want, e1, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("names, titles and house style", func(t *testing.T) {
		// One outlet writes "Rep." and "F.B.I.", the other "Representative"
		// and "FBI": folded, neither is distinctive. "Pelosi" is a name and
		// "thugs" a word: only "thugs" is suggested.
		arts := []corpus.Article{
			{ID: "a", Outlet: "A", Text: strings.Repeat("Rep. Pelosi said the F.B.I. met thugs. Rep. Pelosi said thugs came. Thugs rioted, thugs left, thugs returned. ", 8)},
			{ID: "b", Outlet: "B", Text: strings.Repeat("Representative Smith said the FBI met protesters. Representative Smith said protesters came. Protesters rioted, protesters left, protesters returned. ", 8)},
		}
		got := DistinctiveWith(arts, lex, nil, DistinctiveOptions{MinCount: 1})
		byTerm := map[string]DistinctiveTerm{}
		for _, d := range got {
			if d.Outlet == "A" {
				byTerm[d.Term] = d
			}
		}
		for _, w := range []string{"rep", "f.b.i", "fbi."} {
			if _, ok := byTerm[w]; ok {
				t.Errorf("unfolded house style %q scored", w)
			}
		}
		// Both outlets write each as often, in texts of the same length.
		if d := byTerm["representative"]; d.Count != 16 || math.Abs(d.Z) > 1e-9 {
			t.Errorf("representative: %+v, want count 16 and z 0", d)
		}
		if d := byTerm["fbi"]; d.Count != 8 || math.Abs(d.Z) > 1e-9 {
			t.Errorf("fbi: %+v, want count 8 and z 0", d)
		}
		if d := byTerm["pelosi"]; d.Suggested || d.Z <= 1.96 {
			t.Errorf("pelosi: %+v, want significant but not suggested (a name)", d)
		}
		if d := byTerm["thugs"]; !d.Suggested {
			t.Errorf("thugs: %+v, want suggested", d)
		}
	})
	t.Run("stopwords and numbers left out", func(t *testing.T) {
		arts := []corpus.Article{
			{ID: "a", Outlet: "A", Text: "The 2,000 and the of said"},
			{ID: "b", Outlet: "B", Text: "the of 2018"},
		}
		if got := DistinctiveWith(arts, lex, nil, opt); len(got) != 0 {
			t.Errorf("got %v, want nothing", got)
		}
	})
}

func TestDistinctiveSeedsDeterministic(t *testing.T) {
	arts := seedtest.Read(t)
	a := Distinctive(arts, DefaultLexicon(), nil)
	if len(a) == 0 || len(a) > 5*20 {
		t.Fatalf("%d terms, want 1..100", len(a))
	}
	slices.Reverse(arts)
	if diff := cmp.Diff(a, Distinctive(arts, DefaultLexicon(), nil)); diff != "" {
		t.Errorf("order-dependent:\n%s", diff)
	}
}
