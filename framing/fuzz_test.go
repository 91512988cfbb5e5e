package framing

// Fuzz targets, seeded from the raw seed articles and testdata/fuzzseeds;
// crashers found are kept in testdata/fuzz as regression inputs. Run each
// for a set time with, for example:
//
//	go test ./framing -run '^$' -fuzz '^FuzzTokenize$' -fuzztime 30s -fuzzminimizetime 20x
//	go test ./framing -run '^$' -fuzz '^FuzzFindQuotations$' -fuzztime 30s -fuzzminimizetime 20x
//	go test ./framing -run '^$' -fuzz '^FuzzMatch$' -fuzztime 30s -fuzzminimizetime 20x

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
	"github.com/google/go-cmp/cmp"
)

// fuzzSeeds returns the raw seed articles and every file under
// testdata/fuzzseeds as starting inputs.
func fuzzSeeds(f *testing.F) []string {
	f.Helper()
	var out []string
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, n := range names {
		b, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, string(b))
	}
	extra, _ := filepath.Glob("testdata/fuzzseeds/*.txt")
	for _, n := range extra {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// On invalid UTF-8 the uax29 iterator's segments are erratic (they
		// can take in spaces); only valid text must segment alike.
		if utf8.ValidString(text) {
			if diff := cmp.Diff(uax29Words(text), fastWords(text)); diff != "" {
				t.Fatalf("word spans differ from uax29 (-uax29 +fast):\n%s", diff)
			}
		}
		prev := 0
		for _, tok := range Tokenize(text) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d", tok.Start, tok.End, prev)
			}
			if text[tok.Start:tok.End] != tok.Text || tok.Lower == "" {
				t.Fatalf("token %+v", tok)
			}
			if utf8.ValidString(text) && !utf8.ValidString(tok.Lower) {
				t.Fatalf("invalid UTF-8 key %q", tok.Lower)
			}
			prev = tok.End
		}
	})
}

func FuzzFindQuotations(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := FindQuotations(text)
		if !slices.IsSortedFunc(qs, func(a, b Quotation) int { return a.Open - b.Open }) {
			t.Fatal("not sorted by Open")
		}
		for _, q := range qs {
			if q.Open < 0 || q.Open > q.Start || q.Start > q.End || q.End > q.Close || q.Close > len(text) {
				t.Fatalf("bad offsets %+v (len %d)", q, len(text))
			}
			if !q.Headline && q.Open == q.Start {
				t.Fatalf("quotation without an opening mark %+v", q)
			}
			if q.Scare && (q.Headline || q.Unterminated) {
				t.Fatalf("scare quote %+v", q)
			}
		}
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	m := NewMatcher(senseless(DefaultLexicon()))
	ms := NewMatcher(DefaultLexicon())
	f.Fuzz(func(t *testing.T, text string) {
		a := article("f", text)
		checkSense(t, ms, a)
		hits := m.Match(a)
		for _, h := range hits {
			if h.Start < 0 || h.End > len(text) || h.Start >= h.End || text[h.Start:h.End] != h.Match {
				t.Fatalf("bad hit %+v", h)
			}
			if h.Voice != Narrator && h.Voice != Quoted {
				t.Fatalf("voice %q", h.Voice)
			}
			l, mm, r := KWIC(a, h, 40)
			if !strings.Contains(l+mm+r, strings.Join(strings.Fields(h.Match), " ")) {
				t.Fatalf("KWIC %q %q %q lost the match %q", l, mm, r, h.Match)
			}
		}
		checkVoices(t, text, hits)
		checkWords(t, m, text)
		if diff := cmp.Diff(naiveMatch(m, text), hitKeys(hits)); diff != "" {
			t.Fatalf("matcher and reference differ (-naive +matcher):\n%s", diff)
		}
	})
}

// checkSense checks that a matcher with sense conditions returns hits and
// rejections in text order, none overlapping, each with a reason.
func checkSense(t *testing.T, m *Matcher, a *corpus.Article) {
	t.Helper()
	hits, rej := m.Candidates(a)
	if diff := cmp.Diff(hitKeys(m.Match(a)), hitKeys(hits)); diff != "" {
		t.Fatalf("Match and Candidates differ (-Match +Candidates):\n%s", diff)
	}
	end := 0
	for _, h := range hits {
		if h.Start < end {
			t.Fatalf("hit %q at %d overlaps the one before", h.Match, h.Start)
		}
		end = h.End
	}
	for _, r := range rej {
		if r.Reason == "" || r.Start >= r.End || a.Text[r.Start:r.End] != r.Match {
			t.Fatalf("bad rejection %+v", r)
		}
	}
}

// checkVoices recomputes each hit's voice from FindQuotations over the
// whole text, which the matcher's paragraph-at-a-time search must equal.
func checkVoices(t *testing.T, text string, hits []Hit) {
	t.Helper()
	qc := &quoteCursor{text: text, qs: FindQuotations(text)}
	for _, h := range hits {
		v, scare := qc.voiceOf(h.Start, h.End)
		if v != h.Voice || scare != h.ScareQuoted {
			t.Fatalf("hit %q at %d: voice %s scare %v, whole-text quotations give %s %v", h.Match, h.Start, h.Voice, h.ScareQuoted, v, scare)
		}
	}
}

// checkWords compares the matcher's inline segmentation with Tokenize.
func checkWords(t *testing.T, m *Matcher, text string) {
	t.Helper()
	var want, got []string
	for _, tok := range Tokenize(text) {
		want = append(want, fmt.Sprintf("%d-%d %s", tok.Start, tok.End, tok.Lower))
	}
	for _, w := range m.words(new(scratch), text, nil) {
		got = append(got, fmt.Sprintf("%d-%d %s", w.start, w.end, w.lower))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("matcher words differ from Tokenize (-Tokenize +matcher):\n%s", diff)
	}
}
