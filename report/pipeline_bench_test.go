package report_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/cputime"
	"github.com/framediff/framediff/internal/heapwatch"
	"github.com/framediff/framediff/internal/synth"
	jsonreport "github.com/framediff/framediff/report/json"
	"github.com/framediff/framediff/report/pdf"
	"github.com/framediff/framediff/report/xlsx"
)

// realCorpus is PolNeAR's training split: 840 political news articles from
// seven US outlets, kept outside the repository.
var realCorpus = filepath.Join("..", "..", "shared", "data", "quotes-polnear-train.jsonl")

// pipelineCorpus is one corpus as JSONL, with what each stage makes of it,
// computed once and shared by the stages after it.
type pipelineCorpus struct {
	name string
	data []byte

	once sync.Once
	arts []corpus.Article
	res  *compare.Result
	err  error
}

// generatedJSONL returns n articles of internal/synth as JSONL.
func generatedJSONL(tb testing.TB, n int) []byte {
	var out []byte
	for _, d := range synth.Generate(n, 1) {
		line, err := json.Marshal(map[string]string{
			"id": d.ID, "outlet": d.Outlet, "title": d.Title,
			"published": d.Published, "url": d.URL, "text": d.Text,
		})
		if err != nil {
			tb.Fatal(err)
		}
		out = append(append(out, line...), '\n')
	}
	return out
}

func (c *pipelineCorpus) read(tb testing.TB) []corpus.Article {
	arts, warns := corpus.NewReader().Read(c.name+".jsonl", c.data)
	if len(arts) == 0 {
		tb.Fatalf("%s: no article read: %v", c.name, warns)
	}
	return arts
}

// built returns the corpus's articles and whole Result.
func (c *pipelineCorpus) built(tb testing.TB) ([]corpus.Article, *compare.Result) {
	c.once.Do(func() {
		c.arts = c.read(tb)
		c.res, c.err = compare.Build(context.Background(), c.arts, compare.Options{})
	})
	if c.err != nil {
		tb.Fatal(c.err)
	}
	return c.arts, c.res
}

// liveHeap returns the bytes of live heap objects after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

var pipelineCorpora = struct {
	sync.Mutex
	m map[string]*pipelineCorpus
}{m: map[string]*pipelineCorpus{}}

func corpusFor(b *testing.B, name string) *pipelineCorpus {
	pipelineCorpora.Lock()
	defer pipelineCorpora.Unlock()
	if c, ok := pipelineCorpora.m[name]; ok {
		return c
	}
	c := &pipelineCorpus{name: name}
	switch name {
	case "polnear":
		data, err := os.ReadFile(realCorpus)
		if err != nil {
			b.Skipf("real corpus absent: %v", err)
		}
		c.data = data
	case "generated":
		c.data = generatedJSONL(b, 840)
	default:
		data, err := os.ReadFile(os.Getenv(benchCorpusEnv))
		if err != nil {
			b.Fatalf("%s: %v", benchCorpusEnv, err)
		}
		c.data = data
	}
	pipelineCorpora.m[name] = c
	return c
}

// benchCorpusEnv names an environment variable holding the path of a
// further JSONL corpus for BenchmarkPipeline, such as the larger real
// corpora BENCHMARKS.md describes; its base name names the sub-benchmarks.
const benchCorpusEnv = "FRAMEDIFF_BENCH_JSONL"

// BenchmarkPipeline runs each stage of the pipeline on PolNeAR's 840 real
// articles (skipped when ../shared/data is absent) and on 840 generated
// ones (and the corpus FRAMEDIFF_BENCH_JSONL names, if any): reading the JSONL, matching the lexicon, grouping events (with
// quotations), comparing every event, and writing report.json, .xlsx and
// .pdf. A stage's own work is timed; what it starts from is prepared
// outside the timer. cpu-s/op is the CPU the process used in the timed
// part (all threads, GC included); peak-heap-MB the highest live heap
// while it ran, the corpus and earlier stages' results included;
// start-heap-MB the live heap the stage started from.
func BenchmarkPipeline(b *testing.B) {
	ctx := context.Background()
	stages := []struct {
		name  string
		setup func(b *testing.B, c *pipelineCorpus) any
		run   func(b *testing.B, c *pipelineCorpus, in any) int64 // bytes written
	}{
		{"read", func(*testing.B, *pipelineCorpus) any { return nil },
			func(b *testing.B, c *pipelineCorpus, _ any) int64 { c.read(b); return 0 }},
		{"match", func(b *testing.B, c *pipelineCorpus) any {
			arts, _ := c.built(b)
			return arts
		}, func(b *testing.B, c *pipelineCorpus, in any) int64 {
			p, err := compare.NewPipeline(in.([]corpus.Article), compare.Options{})
			if err == nil {
				err = p.Match(ctx)
			}
			if err != nil {
				b.Fatal(err)
			}
			return 0
		}},
		{"events", func(b *testing.B, c *pipelineCorpus) any {
			arts, _ := c.built(b)
			p, err := compare.NewPipeline(arts, compare.Options{})
			if err == nil {
				err = p.Match(ctx)
			}
			if err != nil {
				b.Fatal(err)
			}
			return p
		}, func(b *testing.B, c *pipelineCorpus, in any) int64 {
			if err := in.(*compare.Pipeline).Group(ctx); err != nil {
				b.Fatal(err)
			}
			return 0
		}},
		{"compare", func(b *testing.B, c *pipelineCorpus) any {
			arts, _ := c.built(b)
			p, err := compare.NewPipeline(arts, compare.Options{})
			if err == nil {
				err = p.Group(ctx)
			}
			if err != nil {
				b.Fatal(err)
			}
			return p
		}, func(b *testing.B, c *pipelineCorpus, in any) int64 {
			if err := in.(*compare.Pipeline).Compare(ctx); err != nil {
				b.Fatal(err)
			}
			return 0
		}},
		{"json", func(b *testing.B, c *pipelineCorpus) any { _, res := c.built(b); return res },
			func(b *testing.B, c *pipelineCorpus, in any) int64 {
				w := &countingWriter{}
				if err := jsonreport.Write(w, in.(*compare.Result)); err != nil {
					b.Fatal(err)
				}
				return w.n
			}},
		{"json-gzip", func(b *testing.B, c *pipelineCorpus) any { _, res := c.built(b); return res },
			func(b *testing.B, c *pipelineCorpus, in any) int64 {
				w := &countingWriter{}
				if err := jsonreport.WriteOptions(w, in.(*compare.Result), jsonreport.Options{Gzip: true}); err != nil {
					b.Fatal(err)
				}
				return w.n
			}},
		{"xlsx", func(b *testing.B, c *pipelineCorpus) any { _, res := c.built(b); return res },
			func(b *testing.B, c *pipelineCorpus, in any) int64 {
				w := &countingWriter{}
				if err := xlsx.Write(w, in.(*compare.Result), xlsx.Options{}); err != nil {
					b.Fatal(err)
				}
				return w.n
			}},
		{"pdf", func(b *testing.B, c *pipelineCorpus) any { _, res := c.built(b); return res },
			func(b *testing.B, c *pipelineCorpus, in any) int64 {
				w := &countingWriter{}
				if err := pdf.Write(w, in.(*compare.Result), pdf.Options{}); err != nil {
					b.Fatal(err)
				}
				return w.n
			}},
	}
	names := []string{"polnear", "generated"}
	if path := os.Getenv(benchCorpusEnv); path != "" {
		names = append(names, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	}
	for _, name := range names {
		for _, st := range stages {
			b.Run("corpus="+name+"/stage="+st.name, func(b *testing.B) {
				c := corpusFor(b, name)
				b.ReportAllocs()
				var cpu time.Duration
				var peak, base uint64
				var size int64
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					in := st.setup(b, c)
					base = max(base, liveHeap())
					b.StartTimer()
					stop := heapwatch.Start()
					start := cputime.Used()
					size = st.run(b, c, in)
					cpu += cputime.Used() - start
					peak = max(peak, stop())
				}
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(base)/(1<<20), "start-heap-MB")
				b.ReportMetric(float64(len(c.data))/(1<<20), "input-MB")
				if size > 0 {
					b.ReportMetric(float64(size)/(1<<20), "output-MB")
				}
			})
		}
	}
}

// countingWriter counts and discards what is written.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }
