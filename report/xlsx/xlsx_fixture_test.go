package xlsx

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/seeds"
)

// seedArticle describes one seed file as the manifest and a reader's eye
// give it.
type seedArticle struct {
	id, file, outlet, url string
	published             corpus.Date
}

func day(s string) corpus.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return corpus.Date{Time: t, Precision: corpus.Day}
}

var seedArticles = []seedArticle{
	{"000", "000_d8a36f4a2c9001dd.txt", "CGTN", "",
		corpus.Date{Time: time.Date(2018, 9, 7, 18, 16, 34, 0, time.UTC), Precision: corpus.Instant}},
	{"001", "001_a14845272985d99f.txt", "Sahar News", "", day("2019-01-24")},
	{"002", "002_04e7ac960a2816e0.txt", "Iran Press",
		"https://iranpress.com/innocent-people-in-syria-s-idlib-should-be-protected-rouhani-to-erdogan", day("2020-02-29")},
	{"003", "003_957c7875958cbde8.txt", "The New Arab", "", day("2018-09-07")},
	{"004", "004_dd6029a0ad11cc80.txt", "The Globe Post", "https://turkey.theglobepost.com/erdogan-putin-idlib-ceasefire/", day("2018-09-07")},
}

// fixtureLexicon is a small lexicon covering the labelled seed hits.
func fixtureLexicon() *framing.Lexicon {
	term := func(text, note string) framing.Term { return framing.Term{Text: text, Note: note} }
	return &framing.Lexicon{
		Name:   "fixture",
		Digest: "5f0c4b1e9d7a3c2b8e6f1a0d4c9b7e3f2a1d0c8b7e6f5a4d3c2b1a0f9e8d7c6b",
		Axes: []framing.Axis{
			{ID: "state", Name: "The state", Poles: []framing.Pole{
				{ID: "regime", Terms: []framing.Term{term("regime", "delegitimising")}},
				{ID: "government", Terms: []framing.Term{term("government", "neutral"), term("Damascus", "metonym, neutral")}},
			}},
			{ID: "armed", Name: "Armed groups", Poles: []framing.Pole{
				{ID: "terrorists", Terms: []framing.Term{term("terrorists", "criminalising"), term("terrorism", "criminalising")}},
				{ID: "militants", Terms: []framing.Term{term("militants", "fighters, loosely"), term("jihadists", "religious motive")}},
				{ID: "rebels", Terms: []framing.Term{term("rebels", "political motive")}},
			}},
			{ID: "territory", Name: "Territory changing hands", Poles: []framing.Pole{
				{ID: "liberate", Terms: []framing.Term{term("liberate", "rightful return")}},
				{ID: "capture", Terms: []framing.Term{term("capture", "taking by force")}},
			}},
			{ID: "military", Name: "Military action", Poles: []framing.Pole{
				{ID: "offensive", Terms: []framing.Term{term("air raids", "attack")}},
				{ID: "neutral", Terms: []framing.Term{term("airplanes", "instrument only")}},
			}},
			{ID: "conflict", Name: "Naming the conflict", Poles: []framing.Pole{
				{ID: "civil-war", Terms: []framing.Term{term("civil war", "internal war")}},
				{ID: "crisis", Terms: []framing.Term{term("crisis", "softening"), term("conflict", "neutral")}},
			}},
			{ID: "group", Name: "The named group", Poles: []framing.Pole{
				{ID: "daesh", Terms: []framing.Term{{Text: "Daesh", Exact: true, Note: "pejorative acronym"}}},
				{ID: "isis", Terms: []framing.Term{{Text: "Islamic State", Exact: true, Note: "self-name"}}},
			}},
			{ID: "ceasefire", Name: "Ceasefire", Poles: []framing.Pole{
				{ID: "ceasefire", Terms: []framing.Term{term("ceasefire", "neutral"), term("de-escalation", "process")}},
			}},
			{ID: "casualties", Name: "Casualties", Poles: []framing.Pole{
				{ID: "bloodbath", Terms: []framing.Term{term("bloodbath", "alarm")}},
			}},
		},
	}
}

// seedFixture returns a Result built by hand from the seed articles: every
// section filled, hits at their real offsets from testdata.
func seedFixture(t testing.TB) *compare.Result {
	t.Helper()
	res := &compare.Result{
		SchemaVersion: compare.SchemaVersion,
		Tool:          compare.Tool{Name: "framediff", Version: "0.1.0"},
		Settings:      compare.Settings{DateWindowDays: 3, EventThreshold: 0.35},
		Lex:           fixtureLexicon(),
		Outlets: []corpus.Outlet{
			{Name: "CGTN", Country: "CN", Owner: "China Media Group", Kind: "state broadcaster"},
			{Name: "Iran Press", Country: "IR", Kind: "private"},
			{Name: "Sahar News", Country: "IR", Owner: "IRIB", Kind: "state broadcaster"},
			{Name: "The Globe Post", Country: "US", Kind: "private"},
			{Name: "The New Arab", Country: "GB", Owner: "Fadaat Media", Kind: "private"},
		},
		Warnings: []string{"seeds/manifest.yaml: 001 date inferred from the text"},
	}
	res.Lexicon = compare.LexiconInfo{Name: res.Lex.Name, Digest: res.Lex.Digest}
	for _, s := range seedArticles {
		data, err := fs.ReadFile(seeds.FS, s.file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.TrimSpace(strings.ReplaceAll(string(data), "\r\n", "\n"))
		title, _, _ := strings.Cut(text, "\n")
		res.Articles = append(res.Articles, corpus.Article{
			ID: s.id, Outlet: s.outlet, Title: strings.TrimSpace(title), Published: s.published,
			URL: s.url, Words: len(strings.Fields(text)), Text: text, Source: "seeds/" + s.file,
		})
	}
	res.Articles[1].Warnings = []string{"no byline"}
	arts := map[string]*corpus.Article{}
	for i := range res.Articles {
		arts[res.Articles[i].ID] = &res.Articles[i]
	}

	hits := readSeedHits(t, arts)
	res.Framing = &compare.Framing{Hits: hits, Counts: countHits(hits, arts)}

	res.Events = []compare.Event{
		{ID: "e1", Label: "Tehran summit: Putin, Erdogan, Rouhani — 2018-09-07", Start: "2018-09-07", End: "2018-09-07T18:16:34Z", Articles: []string{"000", "003", "004"}},
		{ID: "e2", Label: "Moscow talks: Putin, Erdogan — 2019-01-24", Start: "2019-01-24", End: "2019-01-24", Articles: []string{"001"}},
		{ID: "e3", Label: "Rouhani–Erdogan call — 2020-02-29", Start: "2020-02-29", End: "2020-02-29", Articles: []string{"002"}},
	}
	erdoganCGTN := `"If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease," Erdogan added.`
	erdoganGlobe := `But as Russian airplanes pounded rebel positions in the Syrian province, Erdogan insisted: “If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease.”`
	raidsCGTN := `Turkish President Tayyip Erdogan warned of a "bloodbath" in Syria's last rebel-held bastion of Idlib, calling for a "ceasefire" in the region after Russian air raids pounded rebel positions.`
	near := compare.Alignment{
		Event: "e1",
		A:     compare.SentenceRef{Article: "000", Outlet: "CGTN", Sentence: 14, Text: raidsCGTN},
		B:     compare.SentenceRef{Article: "004", Outlet: "The Globe Post", Sentence: 11, Text: erdoganGlobe},
		Kind:  "near", Similarity: 0.41,
		Diff: []compare.DiffOp{
			{Op: "delete", Text: `Turkish President Tayyip Erdogan warned of a "bloodbath" in Syria's last rebel-held bastion of Idlib, calling for a "ceasefire" in the region after `},
			{Op: "insert", Text: "But as "},
			{Op: "equal", Text: "Russian "},
			{Op: "delete", Text: "air raids"},
			{Op: "insert", Text: "airplanes"},
			{Op: "equal", Text: " pounded rebel positions"},
			{Op: "delete", Text: "."},
			{Op: "insert", Text: ` in the Syrian province, Erdogan insisted: “If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease.”`},
		},
	}
	res.Alignments = []compare.Alignment{
		{
			Event: "e1",
			A:     compare.SentenceRef{Article: "000", Outlet: "CGTN", Sentence: 17, Text: erdoganCGTN},
			B:     compare.SentenceRef{Article: "004", Outlet: "The Globe Post", Sentence: 11, Text: erdoganGlobe},
			Kind:  "verbatim", Similarity: 1,
			Diff: []compare.DiffOp{
				{Op: "insert", Text: "But as Russian airplanes pounded rebel positions in the Syrian province, Erdogan insisted: "},
				{Op: "equal", Text: "“If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease"},
				{Op: "delete", Text: `," Erdogan added.`},
				{Op: "insert", Text: ".”"},
			},
		},
		near,
	}
	res.Substitutions = []compare.Substitution{
		{TermA: "air raids", TermB: "airplanes", OutletA: "CGTN", OutletB: "The Globe Post", Count: 1, Axis: "military", PoleA: "offensive", PoleB: "neutral", Framing: true, Examples: []compare.Alignment{near}},
		{TermA: "regime", TermB: "government", OutletA: "The New Arab", OutletB: "Iran Press", Count: 2, Axis: "state", PoleA: "regime", PoleB: "government", Framing: true},
		{TermA: "Takfiri", TermB: "extremist", OutletA: "Sahar News", OutletB: "The Globe Post", Count: 1, Suggestion: true},
	}
	res.Quotes = []compare.Quote{
		{ID: "q1", Event: "e1", Article: "000", Outlet: "CGTN", Speaker: "Recep Tayyip Erdogan", Verb: "added", Sentence: 17,
			Text: "If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease", Group: "g1", Fidelity: "verbatim"},
		{ID: "q2", Event: "e1", Article: "004", Outlet: "The Globe Post", Speaker: "Recep Tayyip Erdogan", Verb: "insisted", Sentence: 11,
			Text: "If we can ensure a ceasefire here, this will be one of the most important steps of the summit, it will seriously put civilians at ease.", Group: "g1", Fidelity: "verbatim"},
		{ID: "q3", Event: "e1", Article: "000", Outlet: "CGTN", Speaker: "Recep Tayyip Erdogan", Verb: "told", Sentence: 15,
			Text: "We never want Idlib to turn into a bloodbath,", Fidelity: "unique"},
		{ID: "q4", Event: "e1", Article: "000", Outlet: "CGTN", Speaker: "Hassan Rouhani", Verb: "believed", Sentence: 5,
			Text: "there is no other way but fighting against terrorism.", Fidelity: "unique"},
		{ID: "q5", Event: "e1", Article: "003", Outlet: "The New Arab", Speaker: "Vladimir Putin", Verb: "said", Sentence: 6,
			Text: "We hope that representatives of terrorist organisations will have enough common sense to stop resistance and lay down (their) weapons,", Fidelity: "unique"},
	}
	for i := range res.Quotes {
		q := &res.Quotes[i]
		a := arts[q.Article]
		q.Start = strings.Index(a.Text, strings.TrimRight(q.Text, ".,"))
		q.End = q.Start + len(q.Text)
	}
	res.VoiceShare = voiceShares(res.Quotes)
	res.QuoteGroups = []compare.QuoteGroup{{
		ID: "g1", Event: "e1", Speaker: "Recep Tayyip Erdogan", Text: res.Quotes[0].Text,
		Versions: []compare.QuoteVersion{
			{Outlet: "CGTN", Article: "000", Sentence: 17, Fidelity: "verbatim", Quote: "q1"},
			{Outlet: "The Globe Post", Article: "004", Sentence: 11, Fidelity: "verbatim", Quote: "q2"},
			{Outlet: "The New Arab", Fidelity: "absent"},
		},
	}}
	res.Coverage = []compare.Claim{
		{Event: "e1", ID: "c1", Text: "Erdogan calls for a ceasefire in Idlib.", Outlets: []string{"CGTN", "The Globe Post"}, Missing: []string{"The New Arab"}},
		{Event: "e1", ID: "c2", Text: "Putin opposes a ceasefire, citing terrorist groups.", Outlets: []string{"CGTN", "The Globe Post", "The New Arab"}},
		{Event: "e1", ID: "c3", Text: "Rouhani calls on the US to leave Syria.", Outlets: []string{"CGTN"}, Missing: []string{"The Globe Post", "The New Arab"}},
	}
	res.Distinctive = []framing.DistinctiveTerm{
		{Scope: "corpus", Outlet: "The New Arab", Term: "regime", Z: 2.31, Count: 2, Suggested: false},
		{Scope: "corpus", Outlet: "CGTN", Term: "terrorism", Z: 1.12, Count: 3},
		{Scope: "e1", Outlet: "The Globe Post", Term: "so-called", Z: 2.05, Count: 2, Suggested: true},
		{Scope: "e1", Outlet: "CGTN", Term: "bloodbath", Z: -0.4, Count: 3},
	}
	return res
}

// readSeedHits reads testdata/seed_hits.txt and finds each hit's
// offsets in its article.
func readSeedHits(t testing.TB, arts map[string]*corpus.Article) []framing.Hit {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "seed_hits.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hits []framing.Hit
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		p := strings.Split(l, "|")
		if len(p) != 9 {
			t.Fatalf("seed_hits.txt:%d: want 9 fields, got %d", line, len(p))
		}
		occ, err := strconv.Atoi(p[2])
		if err != nil {
			t.Fatalf("seed_hits.txt:%d: %v", line, err)
		}
		a := arts[p[0]]
		if a == nil {
			t.Fatalf("seed_hits.txt:%d: no article %s", line, p[0])
		}
		start := nthWord(a.Text, p[1], occ)
		if start < 0 {
			t.Fatalf("seed_hits.txt:%d: %q occurrence %d not in article %s", line, p[1], occ, p[0])
		}
		hits = append(hits, framing.Hit{
			Article: p[0], Axis: p[3], Pole: p[4], Term: p[5], Match: p[1],
			Sentence: strings.Count(a.Text[:start], "\n\n"), Start: start, End: start + len(p[1]),
			Voice: framing.Voice(p[6]), Speaker: p[7],
			ScareQuoted: strings.Contains(p[8], "scare"), Distanced: strings.Contains(p[8], "distanced"),
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Article != hits[j].Article {
			return hits[i].Article < hits[j].Article
		}
		return hits[i].Start < hits[j].Start
	})
	return hits
}

// nthWord returns the byte offset of the n-th (from 1) whole-word
// occurrence of w in text, or -1.
func nthWord(text, w string, n int) int {
	from := 0
	for {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			n--
			if n == 0 {
				return i
			}
		}
		from = i + len(w)
	}
}

// countHits makes corpus-wide counts per outlet, term and voice.
func countHits(hits []framing.Hit, arts map[string]*corpus.Article) []framing.Count {
	words := map[string]int{}
	for _, a := range arts {
		words[a.Outlet] += a.Words
	}
	type key struct{ outlet, axis, pole, term, voice string }
	n := map[key]int{}
	for _, h := range hits {
		n[key{arts[h.Article].Outlet, h.Axis, h.Pole, h.Term, string(h.Voice)}]++
	}
	var out []framing.Count
	for k, c := range n {
		out = append(out, framing.Count{Outlet: k.outlet, Axis: k.axis, Pole: k.pole, Term: k.term,
			Voice: framing.Voice(k.voice), Count: c, Per1000Words: float64(c) * 1000 / float64(words[k.outlet])})
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}

// voiceShares counts quoted words per event, outlet and speaker.
func voiceShares(qs []compare.Quote) []compare.VoiceShare {
	type key struct{ event, outlet, speaker string }
	words := map[key]int{}
	totals := map[[2]string]int{}
	for _, q := range qs {
		n := len(strings.Fields(q.Text))
		words[key{q.Event, q.Outlet, q.Speaker}] += n
		totals[[2]string{q.Event, q.Outlet}] += n
	}
	var out []compare.VoiceShare
	for k, n := range words {
		out = append(out, compare.VoiceShare{Event: k.event, Outlet: k.outlet, Speaker: k.speaker, Words: n,
			Share: float64(n) / float64(totals[[2]string{k.event, k.outlet}])})
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}
