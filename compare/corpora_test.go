package compare

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// corpusWant is the hand-written truth of one testdata corpus.
type corpusWant struct {
	Events     [][]string `json:"events"`
	Alignments []struct {
		A          string    `json:"a"`
		AHas       string    `json:"a_has"`
		ASentences int       `json:"a_sentences"`
		B          string    `json:"b"`
		BHas       string    `json:"b_has"`
		Kind       AlignKind `json:"kind"`
	} `json:"alignments"`
	Substitutions []struct {
		TermA   string `json:"term_a"`
		TermB   string `json:"term_b"`
		OutletA string `json:"outlet_a"`
		OutletB string `json:"outlet_b"`
		Framing bool   `json:"framing"`
	} `json:"substitutions"`
	Quotes []struct {
		Article  string   `json:"article"`
		Has      string   `json:"has"`
		Speaker  string   `json:"speaker"`
		Verb     string   `json:"verb"`
		Fidelity Fidelity `json:"fidelity"`
	} `json:"quotes"`
	QuoteGroups []struct {
		Has      string            `json:"has"`
		Speaker  string            `json:"speaker"`
		Versions map[string]string `json:"versions"`
	} `json:"quote_groups"`
	Reuse []struct {
		A     string `json:"a"`
		B     string `json:"b"`
		First string `json:"first"`
	} `json:"reuse"`
	Only []struct {
		Has     string   `json:"has"`
		Outlets []string `json:"outlets"`
	} `json:"only"`
	Voice []struct {
		Outlet  string `json:"outlet"`
		Speaker string `json:"speaker"`
		Words   int    `json:"words"`
	} `json:"voice"`
	Primary []struct {
		Outlet   string `json:"outlet"`
		Points   int    `json:"points"`
		Reported int    `json:"reported"`
	} `json:"primary"`
}

// testLexicon is a small lexicon with one axis for the corpora's swaps.
func testLexicon() *framing.Lexicon {
	return &framing.Lexicon{Name: "test", Axes: []framing.Axis{{
		ID: "armed-groups", Name: "Armed groups",
		Poles: []framing.Pole{
			{ID: "terrorists", Name: "terrorists", Terms: []framing.Term{{Text: "terrorists"}}},
			{ID: "rebels", Name: "rebels", Terms: []framing.Term{{Text: "rebels"}, {Text: "insurgents"}}},
		},
	}}}
}

// readCorpus reads the articles of a txtar corpus and its want.json.
func readCorpus(t testing.TB, path string) ([]corpus.Article, []byte) {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := corpus.NewReader()
	var arts []corpus.Article
	var want []byte
	for _, f := range ar.Files {
		if f.Name == "want.json" {
			want = f.Data
			continue
		}
		as, warns := r.Read(f.Name, f.Data)
		if len(as) == 0 {
			t.Fatalf("%s: no article: %v", f.Name, warns)
		}
		arts = append(arts, as...)
	}
	return arts, want
}

func TestCorpora(t *testing.T) {
	files, err := filepath.Glob("testdata/corpora/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpora: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			arts, raw := readCorpus(t, file)
			var want corpusWant
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("want.json: %v", err)
			}
			res, err := Build(context.Background(), arts, Options{Lexicon: testLexicon(), Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			checkCorpus(t, res, &want)
		})
	}
}

func checkCorpus(t *testing.T, res *Result, want *corpusWant) {
	var events [][]string
	for _, e := range res.Events {
		events = append(events, e.Articles)
	}
	slices.SortFunc(events, func(a, b []string) int { return slices.Compare(a, b) })
	wantEvents := slices.Clone(want.Events)
	slices.SortFunc(wantEvents, func(a, b []string) int { return slices.Compare(a, b) })
	if diff := cmp.Diff(wantEvents, events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	for _, w := range want.Alignments {
		var got []string
		ok := false
		for _, al := range res.Alignments {
			if al.A.Article != w.A || al.B.Article != w.B || !strings.Contains(al.A.Text, w.AHas) {
				continue
			}
			got = append(got, al.Kind.String()+": "+al.B.Text)
			if strings.Contains(al.B.Text, w.BHas) && al.Kind == w.Kind && (w.ASentences == 0 || len(al.A.Sentences) == w.ASentences) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no %s alignment of %s %q with %s %q; %s's passage aligns with: %q", w.Kind, w.A, w.AHas, w.B, w.BHas, w.A, got)
		}
	}
	for _, w := range want.Substitutions {
		ok := false
		for _, s := range res.Substitutions {
			if s.TermA == w.TermA && s.TermB == w.TermB && s.OutletA == w.OutletA && s.OutletB == w.OutletB && s.Framing == w.Framing {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no substitution %+v in %+v", w, res.Substitutions)
		}
	}
	for _, w := range want.Quotes {
		var got []string
		ok := false
		for _, q := range res.Quotes {
			if q.Article != w.Article || !strings.Contains(q.Text, w.Has) {
				continue
			}
			got = append(got, q.Speaker+"/"+q.Verb+"/"+q.Fidelity.String())
			if q.Speaker == w.Speaker && q.Verb == w.Verb && q.Fidelity == w.Fidelity {
				ok = true
			}
		}
		if !ok {
			t.Errorf("quote %q in %s: want %s/%s/%s, got %q", w.Has, w.Article, w.Speaker, w.Verb, w.Fidelity, got)
		}
	}
	for _, w := range want.QuoteGroups {
		ok := false
		for _, g := range res.QuoteGroups {
			if !strings.Contains(g.Text, w.Has) {
				continue
			}
			ok = true
			if g.Speaker != w.Speaker {
				t.Errorf("quote group %q: speaker %q, want %q", w.Has, g.Speaker, w.Speaker)
			}
			got := map[string]string{}
			for _, v := range g.Versions {
				got[v.Outlet] = v.Fidelity.String()
			}
			if diff := cmp.Diff(w.Versions, got); diff != "" {
				t.Errorf("quote group %q versions (-want +got):\n%s", w.Has, diff)
			}
		}
		if !ok {
			t.Errorf("no quote group %q", w.Has)
		}
	}
	var reuse []string
	for _, r := range res.Reuse {
		reuse = append(reuse, r.A+" "+r.B+" first="+r.First)
	}
	var wantReuse []string
	for _, r := range want.Reuse {
		wantReuse = append(wantReuse, r.A+" "+r.B+" first="+r.First)
	}
	if diff := cmp.Diff(wantReuse, reuse); diff != "" {
		t.Errorf("reuse (-want +got):\n%s", diff)
	}
	for _, w := range want.Only {
		ok := false
		for _, c := range res.Coverage {
			if strings.Contains(c.Text, w.Has) {
				ok = true
				if diff := cmp.Diff(w.Outlets, c.Outlets); diff != "" {
					t.Errorf("claim %q outlets (-want +got):\n%s", w.Has, diff)
				}
			}
		}
		if !ok {
			t.Errorf("no claim %q", w.Has)
		}
	}
	for _, w := range want.Voice {
		got := -1
		for _, v := range res.VoiceShare {
			if v.Outlet == w.Outlet && v.Speaker == w.Speaker {
				got = v.Words
			}
		}
		if got != w.Words {
			t.Errorf("%s gives %s %d quoted words, want %d", w.Outlet, w.Speaker, got, w.Words)
		}
	}
	for _, w := range want.Primary {
		ok := false
		for _, p := range res.PrimaryCoverage {
			if p.Outlet == w.Outlet {
				ok = true
				if p.Points != w.Points || p.Reported != w.Reported {
					t.Errorf("%s reports %d of %d primary points, want %d of %d (missing %v)", w.Outlet, p.Reported, p.Points, w.Reported, w.Points, p.Missing)
				}
			}
		}
		if !ok {
			t.Errorf("no primary coverage for %s", w.Outlet)
		}
	}
}

// TestUndatedCorpora groups the corpora's articles with their dates
// removed: content alone must give the same events.
func TestUndatedCorpora(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpora/*.txt")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			arts, raw := readCorpus(t, file)
			var want corpusWant
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			for i := range arts {
				arts[i].Published = corpus.Date{}
			}
			res, err := Build(context.Background(), arts, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, e := range res.Events {
				got = append(got, e.Articles)
				if e.Start != "" || !strings.HasPrefix(e.ID, "undated-") {
					t.Errorf("undated event %s has start %q", e.ID, e.Start)
				}
			}
			slices.SortFunc(got, func(a, b []string) int { return slices.Compare(a, b) })
			slices.SortFunc(want.Events, func(a, b []string) int { return slices.Compare(a, b) })
			if diff := cmp.Diff(want.Events, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDateWindow checks that the same report a week apart is one event
// only when the window allows it.
func TestDateWindow(t *testing.T) {
	arts, _ := readCorpus(t, "testdata/corpora/dam_and_strike.txt")
	var pair []corpus.Article
	for _, a := range arts {
		if a.ID == "wire" || a.ID == "repost" {
			pair = append(pair, a)
		}
	}
	pair[1].Published.Time = pair[0].Published.Time.AddDate(0, 0, 7)
	for _, tt := range []struct {
		window int
		events int
	}{{0, 2}, {6, 2}, {7, 1}, {30, 1}} {
		res, err := Build(context.Background(), pair, Options{DateWindowDays: tt.window})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Events) != tt.events {
			t.Errorf("window %d: %d events, want %d", tt.window, len(res.Events), tt.events)
		}
	}
}
