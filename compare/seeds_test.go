package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/framediff/framediff/internal/seedtest"
	"github.com/google/go-cmp/cmp"
)

func buildSeeds(t testing.TB) *Result {
	t.Helper()
	res, err := Build(context.Background(), seedtest.Read(t), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// seedID returns the full id of the seed whose id starts with prefix.
func seedID(t testing.TB, res *Result, prefix string) string {
	t.Helper()
	for _, a := range res.Articles {
		if strings.HasPrefix(a.ID, prefix) {
			return a.ID
		}
	}
	t.Fatalf("no seed %s", prefix)
	return ""
}

func TestSeedEvents(t *testing.T) {
	res := buildSeeds(t)
	var got [][]string
	for _, e := range res.Events {
		var short []string
		for _, a := range e.Articles {
			short = append(short, a[:3])
		}
		got = append(got, short)
	}
	want := [][]string{{"000", "003", "004"}, {"001"}, {"002"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	// Labelled by reading the seeds: who acts and speaks in each report,
	// and what the report calls the event.
	var labels []string
	for _, e := range res.Events {
		labels = append(labels, e.Label)
	}
	wantLabels := []string{
		"Tehran summit: Putin, Erdogan, Rouhani — 2018-09-07",
		"Moscow talks: Putin, Erdogan — 2019-01-24",
		"Phone call: Rouhani, Erdogan — 2020-02-29",
	}
	if diff := cmp.Diff(wantLabels, labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	tehran := res.Events[0]
	if tehran.Start != "2018-09-07" || tehran.End != "2018-09-07" {
		t.Errorf("dates = %s..%s", tehran.Start, tehran.End)
	}
	for _, e := range res.Events {
		if e.ID == "" || e.ID != slug(e.ID) {
			t.Errorf("event id %q is not a slug", e.ID)
		}
	}
}

func TestSeedErdoganQuoteAlignedVerbatim(t *testing.T) {
	res := buildSeeds(t)
	cgtn, globe := seedID(t, res, "000"), seedID(t, res, "004")
	const quote = "If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease"
	found := false
	for _, al := range res.Alignments {
		if al.A.Article == cgtn && al.B.Article == globe && strings.Contains(al.A.Text, quote) && strings.Contains(al.B.Text, quote) {
			found = true
			if al.Kind != "verbatim" || al.Similarity != 1 {
				t.Errorf("kind %s similarity %v, want verbatim 1", al.Kind, al.Similarity)
			}
			if al.Speaker != "Erdogan" {
				t.Errorf("speaker = %q, want Erdogan", al.Speaker)
			}
		}
	}
	if !found {
		t.Fatal("Erdogan's ceasefire quote is not aligned between CGTN and The Globe Post")
	}
	var versions []string
	for _, q := range res.Quotes {
		if strings.HasPrefix(q.Text, "If we can ensure a ceasefire here") {
			versions = append(versions, q.Article[:3]+" "+q.Speaker+" "+q.Fidelity.String())
			if q.Group == "" {
				t.Errorf("%s: quote has no group", q.ID)
			}
		}
	}
	if diff := cmp.Diff([]string{"000 Erdogan verbatim", "004 Erdogan verbatim"}, versions); diff != "" {
		t.Errorf("quote versions (-want +got):\n%s", diff)
	}
}

func TestSeedBloodbathQuoteSpeaker(t *testing.T) {
	res := buildSeeds(t)
	cgtn := seedID(t, res, "000")
	n := 0
	for _, q := range res.Quotes {
		if q.Article == cgtn && strings.Contains(q.Text, "bloodbath") {
			n++
			if q.Speaker != "Erdogan" {
				t.Errorf("%q: speaker %q, want Erdogan", q.Text, q.Speaker)
			}
		}
	}
	if n == 0 {
		t.Fatal("no CGTN quotation mentions a bloodbath")
	}
}

func TestSeedAirRaidsSwap(t *testing.T) {
	res := buildSeeds(t)
	cgtn, globe := seedID(t, res, "000"), seedID(t, res, "004")
	for _, al := range res.Alignments {
		if al.A.Article != cgtn || al.B.Article != globe || !strings.Contains(al.A.Text, "Russian air raids pounded rebel positions") {
			continue
		}
		if !strings.Contains(al.B.Text, "Russian airplanes pounded rebel positions") {
			t.Fatalf("aligned with %q", al.B.Text)
		}
		if al.Kind != "near" {
			t.Errorf("kind = %s, want near", al.Kind)
		}
		want := []DiffOp{{"equal", "Russian"}, {"delete", "air raids"}, {"insert", "airplanes"}, {"equal", "pounded rebel positions"}}
		if diff := cmp.Diff(want, al.Diff); diff != "" {
			t.Errorf("diff (-want +got):\n%s", diff)
		}
		for _, s := range res.Substitutions {
			if s.TermA == "air raids" && s.TermB == "airplanes" {
				return
			}
		}
		t.Errorf("no substitution air raids → airplanes in %+v", res.Substitutions)
		return
	}
	t.Fatal("CGTN's air raids passage is not aligned with The Globe Post")
}

// TestSeedHitSpeakers checks that lexicon hits inside attributed quotations
// carry their speaker: Erdogan's "bloodbath" in CGTN is his, and hits in
// the narrator's voice have none.
func TestSeedHitSpeakers(t *testing.T) {
	res := buildSeeds(t)
	cgtn := seedID(t, res, "000")
	found := false
	for _, h := range res.Framing.Hits {
		if h.Speaker != "" && h.Voice != "quoted" {
			t.Errorf("%s %q at %d: narrator hit with speaker %q", h.Article, h.Match, h.Start, h.Speaker)
		}
		a, _ := res.Article(h.Article)
		if h.Article == cgtn && strings.EqualFold(h.Match, "bloodbath") && strings.Contains(a.Sentence(h.Sentence), "We never want") {
			found = true
			if h.Speaker != "Erdogan" {
				t.Errorf("CGTN's quoted bloodbath: speaker %q, want Erdogan", h.Speaker)
			}
		}
	}
	if !found {
		t.Error("no hit for the bloodbath in CGTN's Erdogan quotation")
	}
}

// TestSeedVoiceShare checks CGTN's voice share in the Tehran summit event
// against words counted by hand in its quotations (subheadings excluded):
// Erdogan "We never want Idlib to turn into a bloodbath" (9) and "If we can
// ensure … at ease" (26); Putin "solve this problem together" (4) and "are
// carrying out … chemical weapons" (13); Rouhani "there is no other way but
// fighting against terrorism" (9).
func TestSeedVoiceShare(t *testing.T) {
	res := buildSeeds(t)
	got := map[string]int{}
	for _, v := range res.VoiceShare {
		if v.Outlet == "CGTN" {
			got[v.Speaker] = v.Words
		}
	}
	want := map[string]int{"Erdogan": 35, "Putin": 17, "Rouhani": 9}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CGTN voice share (-want +got):\n%s", diff)
	}
}
