package framing

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/framediff/framediff/corpus"
)

// sharedDataDir is the real labelled news (PTC, PolNeAR, PAC, NewsWCL50),
// relative to this package: ../shared/data from the repository root.
var sharedDataDir = filepath.Join("..", "..", "shared", "data")

// ptcArticle is one PTC article with its Loaded_Language spans as byte
// offsets into Text.
type ptcArticle struct {
	art   corpus.Article
	spans [][2]int
}

// readPTC reads the PTC train articles and their Loaded_Language spans,
// skipping the test when the data is absent.
func readPTC(tb testing.TB) []ptcArticle {
	tb.Helper()
	arts, err := os.Open(filepath.Join(sharedDataDir, "loaded-ptc-train.jsonl"))
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skip("no ../shared/data/loaded-ptc-train.jsonl")
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer arts.Close()
	var out []ptcArticle
	index := map[string]int{}
	sc := bufio.NewScanner(arts)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ ID, Outlet, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("loaded-ptc-train.jsonl: %v", err)
		}
		index[r.ID] = len(out)
		out = append(out, ptcArticle{art: corpus.Article{ID: r.ID, Outlet: r.Outlet, Text: r.Text}})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	spans, err := os.Open(filepath.Join(sharedDataDir, "loaded-ptc-train-spans.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer spans.Close()
	sc = bufio.NewScanner(spans)
	sc.Buffer(nil, 1<<20)
	byteOff := map[string][]int{} // article → byte offset of each code point
	for sc.Scan() {
		var r struct {
			ID, Technique string
			Start, End    int
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("loaded-ptc-train-spans.jsonl: %v", err)
		}
		i, ok := index[r.ID]
		if !ok || r.Technique != "Loaded_Language" {
			continue
		}
		offs := byteOff[r.ID]
		if offs == nil {
			text := out[i].art.Text
			for b := range text {
				offs = append(offs, b)
			}
			offs = append(offs, len(text))
			byteOff[r.ID] = offs
		}
		if r.Start < 0 || r.End >= len(offs) || r.Start > r.End {
			tb.Fatalf("span %+v outside its article", r)
		}
		out[i].spans = append(out[i].spans, [2]int{offs[r.Start], offs[r.End]})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// loadedScore is how a lexicon's hits meet PTC's loaded-language spans.
type loadedScore struct {
	spans, covered int // spans, and spans holding a whole hit
	hits, inside   int // hits, and hits inside some span
}

func (s loadedScore) coverage() float64  { return float64(s.covered) / float64(max(1, s.spans)) }
func (s loadedScore) precision() float64 { return float64(s.inside) / float64(max(1, s.hits)) }

func scoreLoaded(m *Matcher, arts []ptcArticle) loadedScore {
	var s loadedScore
	for i := range arts {
		a := &arts[i]
		hits := m.Match(&a.art)
		covered := make([]bool, len(a.spans))
		for _, h := range hits {
			in := false
			for k, sp := range a.spans {
				if sp[0] <= h.Start && h.End <= sp[1] {
					in, covered[k] = true, true
				}
			}
			s.hits++
			if in {
				s.inside++
			}
		}
		s.spans += len(a.spans)
		for _, c := range covered {
			if c {
				s.covered++
			}
		}
	}
	return s
}

func ptcLexicons(tb testing.TB) []*Lexicon {
	tb.Helper()
	var out []*Lexicon
	for _, name := range LexiconNames() {
		lex, err := EmbeddedLexicon(name)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, lex)
	}
	def, _ := EmbeddedLexicon("default")
	pol, _ := EmbeddedLexicon("politics")
	both, err := CombineLexicons(def, pol)
	if err != nil {
		tb.Fatal(err)
	}
	return append(out, both)
}

// TestLoadedLanguagePTC measures each embedded lexicon against the 2,123
// Loaded_Language spans of the Propaganda Techniques Corpus train split:
// the share of spans holding a hit (coverage) and the share of hits inside
// a span. The politics lexicon must cover at least 40% of the spans with
// at least 25% of its hits inside one.
func TestLoadedLanguagePTC(t *testing.T) {
	arts := readPTC(t)
	for _, lex := range ptcLexicons(t) {
		s := scoreLoaded(NewMatcher(lex), arts)
		t.Logf("%-16s spans %d, covered %d (%.1f%%); hits %d, inside a span %d (%.1f%%)",
			lex.Name, s.spans, s.covered, 100*s.coverage(), s.hits, s.inside, 100*s.precision())
		if lex.Name == "politics" {
			if s.coverage() < 0.40 {
				t.Errorf("politics covers %.1f%% of loaded-language spans, want >= 40%%", 100*s.coverage())
			}
			if s.precision() < 0.25 {
				t.Errorf("%.1f%% of politics hits are inside a loaded-language span, want >= 25%%", 100*s.precision())
			}
		}
	}
}

// BenchmarkLoadedLanguagePTC reports, per embedded lexicon, the coverage of
// PTC's loaded-language spans and the share of hits inside one, with the
// time to match the 371 articles.
func BenchmarkLoadedLanguagePTC(b *testing.B) {
	arts := readPTC(b)
	for _, lex := range ptcLexicons(b) {
		b.Run(lex.Name, func(b *testing.B) {
			m := NewMatcher(lex)
			var s loadedScore
			for b.Loop() {
				s = scoreLoaded(m, arts)
			}
			b.ReportMetric(100*s.coverage(), "%spans-covered")
			b.ReportMetric(100*s.precision(), "%hits-in-span")
		})
	}
}
