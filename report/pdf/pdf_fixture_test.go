package pdf

import (
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// pdfSeedResult builds the hand-labelled Result of testdata/seeds.txtar:
// the seed articles' cleaned text, with every hit and quotation located by
// searching its verbatim text, and voice share summed from the quotations.
func pdfSeedResult(t testing.TB) *compare.Result {
	t.Helper()
	res, err := pdfLoadFixture("testdata/seeds.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func pdfLoadFixture(name string) (*compare.Result, error) {
	ar, err := txtar.ParseFile(name)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	res := &compare.Result{}
	for _, f := range ar.Files {
		files[f.Name] = f.Data
		if strings.HasPrefix(f.Name, "articles/") {
			a, err := pdfParseArticle(strings.TrimSuffix(path.Base(f.Name), ".txt"), string(f.Data))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Name, err)
			}
			res.Articles = append(res.Articles, a)
		}
	}
	if err := json.Unmarshal(files["result.json"], res); err != nil {
		return nil, fmt.Errorf("result.json: %w", err)
	}
	lex := &framing.Lexicon{}
	if err := json.Unmarshal(files["lexicon.json"], lex); err != nil {
		return nil, fmt.Errorf("lexicon.json: %w", err)
	}
	res.Lex = lex
	byPrefix := func(p string) (*corpus.Article, error) {
		for i := range res.Articles {
			if strings.HasPrefix(res.Articles[i].ID, p) {
				return &res.Articles[i], nil
			}
		}
		return nil, fmt.Errorf("no article %q", p)
	}
	eventOf := map[string]string{}
	for _, e := range res.Events {
		for _, id := range e.Articles {
			eventOf[id] = e.ID
		}
	}
	res.Framing = &compare.Framing{}
	for i, line := range pdfDataLines(files["hits.txt"]) {
		f := strings.Split(line, "|")
		if len(f) != 9 {
			return nil, fmt.Errorf("hits.txt:%d: want 9 fields, got %d", i+1, len(f))
		}
		a, err := byPrefix(f[0])
		if err != nil {
			return nil, err
		}
		nth, _ := strconv.Atoi(f[5])
		start, err := pdfNthWord(a.Text, f[4], nth)
		if err != nil {
			return nil, fmt.Errorf("hits.txt: %s: %w", line, err)
		}
		h := framing.Hit{Article: a.ID, Axis: f[1], Pole: f[2], Term: f[3], Match: f[4], Start: start, End: start + len(f[4]),
			Voice: framing.Voice(f[6]), Speaker: f[7], ScareQuoted: strings.Contains(f[8], "scare"), Distanced: strings.Contains(f[8], "distanced")}
		h.Sentence = pdfSentenceAt(a, start)
		res.Framing.Hits = append(res.Framing.Hits, h)
	}
	words := map[[3]string]int{}
	for i, line := range pdfDataLines(files["quotes.txt"]) {
		f := strings.SplitN(line, "|", 7)
		if len(f) != 7 {
			return nil, fmt.Errorf("quotes.txt:%d: want 7 fields", i+1)
		}
		a, err := byPrefix(f[0])
		if err != nil {
			return nil, err
		}
		nth, _ := strconv.Atoi(f[5])
		start, err := pdfNth(a.Text, f[6], nth)
		if err != nil {
			return nil, fmt.Errorf("quotes.txt: %s: %w", line, err)
		}
		q := compare.Quote{ID: fmt.Sprintf("q%02d", i+1), Event: eventOf[a.ID], Article: a.ID, Outlet: a.Outlet, Speaker: f[1], Verb: f[2],
			Text: f[6], Start: start, End: start + len(f[6]), Sentence: pdfSentenceAt(a, start), Group: f[3], Fidelity: compare.Fidelity(f[4])}
		res.Quotes = append(res.Quotes, q)
		words[[3]string{q.Event, q.Outlet, q.Speaker}] += len(strings.Fields(q.Text))
	}
	// The quotation groups, as Build makes them: each with the speaker
	// most of its versions name.
	byGroup := map[string][]compare.Quote{}
	for _, q := range res.Quotes {
		if q.Group != "" {
			byGroup[q.Group] = append(byGroup[q.Group], q)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(byGroup)) {
		g := compare.QuoteGroup{ID: id, Event: byGroup[id][0].Event, Text: byGroup[id][0].Text}
		n := map[string]int{}
		for _, q := range byGroup[id] {
			if q.Speaker != "" {
				n[q.Speaker]++
			}
			g.Versions = append(g.Versions, compare.QuoteVersion{Outlet: q.Outlet, Article: q.Article, Sentence: q.Sentence, Fidelity: q.Fidelity, Quote: q.ID})
		}
		for _, s := range slices.Sorted(maps.Keys(n)) {
			if g.Speaker == "" || n[s] > n[g.Speaker] {
				g.Speaker = s
			}
		}
		res.QuoteGroups = append(res.QuoteGroups, g)
	}
	totals := map[[2]string]int{}
	for k, n := range words {
		totals[[2]string{k[0], k[1]}] += n
	}
	for k, n := range words {
		res.VoiceShare = append(res.VoiceShare, compare.VoiceShare{Event: k[0], Outlet: k[1], Speaker: k[2], Words: n, Share: float64(n) / float64(totals[[2]string{k[0], k[1]}])})
	}
	slices.SortFunc(res.VoiceShare, func(a, b compare.VoiceShare) int {
		return strings.Compare(a.Event+a.Outlet+a.Speaker, b.Event+b.Outlet+b.Speaker)
	})
	return res, nil
}

func pdfDataLines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func pdfParseArticle(id, s string) (corpus.Article, error) {
	head, text, ok := strings.Cut(s, "---\n")
	if !ok {
		return corpus.Article{}, fmt.Errorf("no front matter")
	}
	a := corpus.Article{ID: id, Source: "seeds/" + id + ".txt", Text: strings.TrimRight(text, "\n")}
	for _, l := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(l, ": ")
		v = strings.TrimSpace(v)
		switch k {
		case "outlet":
			a.Outlet = v
		case "title":
			a.Title = v
		case "url":
			a.URL = v
		case "published":
			if tm, err := time.Parse(time.RFC3339, v); err == nil {
				a.Published = corpus.Date{Time: tm, Precision: corpus.Instant}
			} else if tm, err := time.Parse("2006-01-02", v); err == nil {
				a.Published = corpus.Date{Time: tm, Precision: corpus.Day}
			}
		}
	}
	a.Words = len(strings.Fields(a.Text))
	a.Paragraphs = corpus.SplitParagraphs(a.Text)
	for _, p := range a.Paragraphs {
		a.Sentences = append(a.Sentences, pdfSentences(a.Text, p)...)
	}
	return a, nil
}

var pdfSentenceEnd = regexp.MustCompile(`[.!?…]["”’]?\s+`)

// pdfSentences splits a paragraph at sentence-final punctuation; good
// enough for fixture sentence indices.
func pdfSentences(text string, p corpus.Span) []corpus.Span {
	var out []corpus.Span
	start := p.Start
	for _, m := range pdfSentenceEnd.FindAllStringIndex(text[p.Start:p.End], -1) {
		end := p.Start + m[1]
		out = append(out, corpus.Span{Start: start, End: strings.LastIndexFunc(text[:end], func(r rune) bool { return r != ' ' && r != '\n' }) + 1})
		start = end
	}
	if start < p.End {
		out = append(out, corpus.Span{Start: start, End: p.End})
	}
	return out
}

func pdfSentenceAt(a *corpus.Article, off int) int {
	for i, s := range a.Sentences {
		if off < s.End {
			return i
		}
	}
	return len(a.Sentences) - 1
}

// pdfNth returns the offset of the nth (1-based) occurrence of sub in s.
func pdfNth(s, sub string, n int) (int, error) {
	off := 0
	for i := 1; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			return 0, fmt.Errorf("occurrence %d of %q not found", n, sub)
		}
		if i == n {
			return off + j, nil
		}
		off += j + len(sub)
	}
}

// pdfNthWord is pdfNth for whole-word occurrences ("operation" not inside
// "cooperation"), case-sensitive ("IS" is not "is").
func pdfNthWord(s, sub string, n int) (int, error) {
	seen := 0
	for off := 0; ; {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			return 0, fmt.Errorf("whole-word occurrence %d of %q not found", n, sub)
		}
		at := off + j
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at+len(sub):])
		if (at == 0 || !pdfIsWordRune(before)) && (at+len(sub) == len(s) || !pdfIsWordRune(after)) {
			seen++
			if seen == n {
				return at, nil
			}
		}
		off = at + len(sub)
	}
}
