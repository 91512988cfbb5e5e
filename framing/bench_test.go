package framing

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/cputime"
	"github.com/framediff/framediff/internal/seedtest"
	"github.com/framediff/framediff/internal/synth"
)

// paragraph is a seed paragraph with its sentence spans, offsets relative
// to the paragraph.
type paragraph struct {
	text  string
	sents []corpus.Span
}

// benchCorpus generates n articles of 4–10 seed paragraphs each, drawn
// with a fixed seed, with sentence spans, as the corpus reader gives them.
func benchCorpus(b *testing.B, n int) ([]corpus.Article, int64) {
	b.Helper()
	var paras []paragraph
	for _, a := range seedtest.Read(b) {
		for _, p := range a.Paragraphs {
			para := paragraph{text: a.Text[p.Start:p.End]}
			for _, s := range a.Sentences {
				if s.Start >= p.Start && s.End <= p.End {
					para.sents = append(para.sents, corpus.Span{Start: s.Start - p.Start, End: s.End - p.Start})
				}
			}
			paras = append(paras, para)
		}
	}
	if len(paras) == 0 {
		b.Fatal("no seed paragraphs")
	}
	r := rand.New(rand.NewPCG(1, 2))
	arts := make([]corpus.Article, n)
	var total int64
	for i := range arts {
		var sb strings.Builder
		var sents []corpus.Span
		for k := 4 + r.IntN(7); k > 0; k-- {
			p := paras[r.IntN(len(paras))]
			if sb.Len() > 0 {
				sb.WriteString("\n\n")
			}
			off := sb.Len()
			sb.WriteString(p.text)
			for _, s := range p.sents {
				sents = append(sents, corpus.Span{Start: s.Start + off, End: s.End + off})
			}
		}
		arts[i] = corpus.Article{ID: "gen", Outlet: "Gen", Text: sb.String(), Sentences: sents}
		total += int64(sb.Len())
	}
	return arts, total
}

// synthCorpus reads n articles of the generated corpus through the corpus
// reader, as the command would.
func synthCorpus(b *testing.B, n int) ([]corpus.Article, int64) {
	b.Helper()
	r := corpus.NewReader()
	var arts []corpus.Article
	var total int64
	for _, d := range synth.Generate(n, 1) {
		as, _ := r.Read(d.ID+".txt", synth.Text(d))
		for _, a := range as {
			total += int64(len(a.Text))
			arts = append(arts, a)
		}
	}
	if len(arts) == 0 {
		b.Fatal("no generated articles")
	}
	return arts, total
}

// BenchmarkMatch matches the default lexicon over the generated
// 10,000-article corpus per op; bytes/s is the text rate on one goroutine.
func BenchmarkMatch(b *testing.B) {
	arts, total := synthCorpus(b, 10000)
	benchMatch(b, arts, total)
}

// BenchmarkMatchSeeds matches over 10,000 articles made of seed
// paragraphs, denser in lexicon terms than the generated corpus.
func BenchmarkMatchSeeds(b *testing.B) {
	arts, total := benchCorpus(b, 10000)
	benchMatch(b, arts, total)
}

func benchMatch(b *testing.B, arts []corpus.Article, total int64) {
	m := NewMatcher(DefaultLexicon())
	b.SetBytes(total)
	b.ReportAllocs()
	cpu0 := cputime.Used()
	n := 0
	for b.Loop() {
		for i := range arts {
			_ = m.Match(&arts[i])
		}
		n++
	}
	// On a shared machine wall time includes waiting for a core; the
	// process's CPU time (all threads, GC included) does not.
	if d := cputime.Used() - cpu0; d > 0 {
		b.ReportMetric(float64(total)*float64(n)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkScan times the two scans other packages build on, over 1,000
// generated articles.
func BenchmarkScan(b *testing.B) {
	arts, total := benchCorpus(b, 1000)
	for _, bm := range []struct {
		name string
		scan func(string)
	}{
		{"Tokenize", func(s string) { _ = Tokenize(s) }},
		{"FindQuotations", func(s string) { _ = FindQuotations(s) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				for i := range arts {
					bm.scan(arts[i].Text)
				}
			}
		})
	}
}

// BenchmarkScanWords is the floor: finding word boundaries only.
func BenchmarkScanWords(b *testing.B) {
	arts, total := benchCorpus(b, 1000)
	b.SetBytes(total)
	cpu0 := cputime.Used()
	n := 0
	for b.Loop() {
		for i := range arts {
			scanWords(arts[i].Text, func(int, int) {})
		}
		n++
	}
	if d := cputime.Used() - cpu0; d > 0 {
		b.ReportMetric(float64(total)*float64(n)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkMatchUnpunctuated matches an article that is one sentence of n
// words, dense with terms that have sense conditions ("war", "attack",
// "campaign", "government"): the sense checks must cost the same per hit
// however long the sentence is.
func BenchmarkMatchUnpunctuated(b *testing.B) {
	vocab := strings.Fields("the war on rebels and the government campaign of air strikes near Idlib in Syria after an attack by militants")
	for _, n := range []int{50_000, 100_000, 200_000} {
		var sb strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(vocab[(i*7+i/3)%len(vocab)])
		}
		text := sb.String()
		a := corpus.Article{ID: "long", Text: text,
			Paragraphs: []corpus.Span{{Start: 0, End: len(text)}},
			Sentences:  []corpus.Span{{Start: 0, End: len(text)}}}
		m := NewMatcher(DefaultLexicon())
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				m.Match(&a)
			}
		})
	}
}
