package html_test

import (
	"strings"
	"testing"
	"time"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// fixtureArticle is an article written as paragraphs of sentences, so that
// its spans are known exactly.
type fixtureArticle struct {
	id, outlet, title, url, date string
	paras                        [][]string
}

func (f fixtureArticle) article(t testing.TB) corpus.Article {
	a := corpus.Article{ID: f.id, Outlet: f.outlet, Title: f.title, URL: f.url, Source: f.id + ".txt"}
	if f.date != "" {
		d, err := time.Parse("2006-01-02", f.date)
		if err != nil {
			t.Fatal(err)
		}
		a.Published = corpus.Date{Time: d, Precision: corpus.Day}
	}
	var b strings.Builder
	for i, p := range f.paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		ps := b.Len()
		for j, s := range p {
			if j > 0 {
				b.WriteString(" ")
			}
			a.Sentences = append(a.Sentences, corpus.Span{Start: b.Len(), End: b.Len() + len(s)})
			b.WriteString(s)
		}
		a.Paragraphs = append(a.Paragraphs, corpus.Span{Start: ps, End: b.Len()})
	}
	a.Text = b.String()
	a.Words = len(strings.Fields(a.Text))
	return a
}

// hitAt is the nth (from 0) whole occurrence of surface in a's text as a
// hit of axis, pole and term.
func hitAt(t testing.TB, a *corpus.Article, axis, pole, term, surface string, nth int, v framing.Voice) framing.Hit {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(a.Text[off:], surface)
		if j < 0 {
			t.Fatalf("%s: no occurrence %d of %q", a.ID, nth, surface)
		}
		if i == nth {
			start := off + j
			h := framing.Hit{Article: a.ID, Axis: axis, Pole: pole, Term: term, Match: surface, Start: start, End: start + len(surface), Voice: v, Sentence: -1}
			for k, s := range a.Sentences {
				if s.Start <= start && start < s.End {
					h.Sentence = k
				}
			}
			return h
		}
		off += j + len(surface)
	}
}

func fixtureLexicon() *framing.Lexicon {
	return &framing.Lexicon{Name: "fixture", Axes: []framing.Axis{
		{ID: "state", Name: "The state", Description: "How the state is named.", Poles: []framing.Pole{
			{ID: "regime", Name: "regime", Color: "#c0392b", Terms: []framing.Term{{Text: "regime", Note: "Denies legitimacy.", Neutral: "government"}}},
			{ID: "government", Name: "government", Color: "#2471a3", Terms: []framing.Term{{Text: "government"}}},
		}},
		{ID: "armed", Name: "Armed groups", Poles: []framing.Pole{
			{ID: "terrorists", Name: "terrorists", Terms: []framing.Term{{Text: "terrorists"}}},
			{ID: "rebels", Name: "rebels", Terms: []framing.Term{{Text: "rebels"}}},
		}},
	}}
}

// fixtureResult is a two-outlet, one-event Result whose counts were read off
// the text by hand: Alpha News has regime 2, rebels 1 and terrorists 1
// (quoted); Beta Times has government 2, terrorists 1 and rebels 1, all in
// its own words.
func fixtureResult(t testing.TB) *compare.Result {
	arts := []corpus.Article{
		fixtureArticle{id: "a1", outlet: "Alpha News", title: "Shelling near the town", url: "https://alpha.example/a1", date: "2020-01-01", paras: [][]string{
			{"The regime shelled the town.", "Rebels held the line."},
			{`"The terrorists attacked us," the governor said.`, "The regime denied it."},
		}}.article(t),
		fixtureArticle{id: "b1", outlet: "Beta Times", title: "Town shelled", url: "https://beta.example/b1", date: "2020-01-02", paras: [][]string{
			{"The government shelled the town.", "Terrorists held the line."},
			{"The government said the rebels attacked."},
		}}.article(t),
	}
	a, b := &arts[0], &arts[1]
	hits := []framing.Hit{
		hitAt(t, a, "state", "regime", "regime", "regime", 0, framing.Narrator),
		hitAt(t, a, "state", "regime", "regime", "regime", 1, framing.Narrator),
		hitAt(t, a, "armed", "rebels", "rebels", "Rebels", 0, framing.Narrator),
		hitAt(t, a, "armed", "terrorists", "terrorists", "terrorists", 0, framing.Quoted),
		hitAt(t, b, "state", "government", "government", "government", 0, framing.Narrator),
		hitAt(t, b, "state", "government", "government", "government", 1, framing.Narrator),
		hitAt(t, b, "armed", "terrorists", "terrorists", "Terrorists", 0, framing.Narrator),
		hitAt(t, b, "armed", "rebels", "rebels", "rebels", 0, framing.Narrator),
	}
	hits[3].Speaker = "the governor"
	eventOf := map[string]string{"a1": "ev1", "b1": "ev1"}
	quote := `The terrorists attacked us,`
	qs := strings.Index(a.Text, quote)
	res := &compare.Result{
		SchemaVersion: compare.SchemaVersion,
		Tool:          compare.Tool{Name: "framediff", Version: "test"},
		Lexicon:       compare.LexiconInfo{Name: "fixture"},
		Lex:           fixtureLexicon(),
		Articles:      arts,
		Outlets: []corpus.Outlet{
			{Name: "Alpha News", Country: "Utopia", Owner: "Alpha Holdings", OwnerSource: "https://owner.example/alpha", Kind: "private"},
			{Name: "Beta Times", Country: "Erewhon", Owner: "The state of Erewhon", Kind: "state broadcaster"},
		},
		Framing: &compare.Framing{Hits: hits, Counts: framing.CountHits(arts, hits, eventOf)},
		Events:  []compare.Event{{ID: "ev1", Label: "Town shelled — 2020-01-01", Start: "2020-01-01", End: "2020-01-02", Articles: []string{"a1", "b1"}}},
		Alignments: []compare.Alignment{{
			Event: "ev1",
			A:     compare.SentenceRef{Article: "a1", Outlet: "Alpha News", Sentence: 0, Text: a.Sentence(0), Start: a.Sentences[0].Start, End: a.Sentences[0].End},
			B:     compare.SentenceRef{Article: "b1", Outlet: "Beta Times", Sentence: 0, Text: b.Sentence(0), Start: b.Sentences[0].Start, End: b.Sentences[0].End},
			Kind:  "near", Similarity: 0.8,
			Diff: []compare.DiffOp{{Op: "equal", Text: "The"}, {Op: "delete", Text: "regime"}, {Op: "insert", Text: "government"}, {Op: "equal", Text: "shelled the town."}},
		}},
		Quotes: []compare.Quote{{ID: "a1#q0", Event: "ev1", Article: "a1", Outlet: "Alpha News", Speaker: "the governor", Verb: "said", Text: quote, Sentence: 2, Start: qs, End: qs + len(quote), Group: "g1", Fidelity: "unique"}},
		QuoteGroups: []compare.QuoteGroup{{ID: "g1", Event: "ev1", Speaker: "the governor", Text: quote, Versions: []compare.QuoteVersion{
			{Outlet: "Alpha News", Article: "a1", Sentence: 2, Fidelity: "unique", Quote: "a1#q0"},
			{Outlet: "Beta Times", Fidelity: "absent"},
		}}},
		VoiceShare: []compare.VoiceShare{{Event: "ev1", Outlet: "Alpha News", Speaker: "the governor", Words: 4, Share: 1}},
	}
	res.Substitutions = []compare.Substitution{{TermA: "regime", TermB: "government", OutletA: "Alpha News", OutletB: "Beta Times", Count: 1, Axis: "state", Framing: true, PoleA: "regime", PoleB: "government", Examples: res.Alignments}}
	return res
}

// fixtureTruth is the hand count of fixtureResult: outlet → term → {all,
// quoted}.
var fixtureTruth = map[string]map[string][2]int{
	"Alpha News": {"regime": {2, 0}, "rebels": {1, 0}, "terrorists": {1, 1}},
	"Beta Times": {"government": {2, 0}, "terrorists": {1, 0}, "rebels": {1, 0}},
}
