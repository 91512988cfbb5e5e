package compare

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/cputime"
	"github.com/framediff/framediff/internal/heapwatch"
)

// BenchmarkStages runs the pipeline's stages on the JSONL corpus named by
// FRAMEDIFF_BENCH_CORPUS (skipped when unset; BENCHMARKS.md, "Real
// corpora", builds corpora of 1,000 to 16,000 real articles): Match, then
// Group (quotations, events, counts, distinctive terms), then Compare of
// every event, one after the other on one Pipeline, as `framediff report`
// runs them. Per stage it reports the CPU the process used (all threads,
// GC included) and the highest live heap while the stage ran, sampled
// every 5 ms (the articles and earlier stages' results included).
func BenchmarkStages(b *testing.B) {
	path := os.Getenv("FRAMEDIFF_BENCH_CORPUS")
	if path == "" {
		b.Skip("FRAMEDIFF_BENCH_CORPUS is not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	arts, _ := corpus.NewReader().Read(path, data)
	if len(arts) == 0 {
		b.Fatalf("%s: no article read", path)
	}
	ctx := context.Background()
	stages := []struct {
		name string
		run  func(p *Pipeline) error
	}{
		{"match", func(p *Pipeline) error { return p.Match(ctx) }},
		{"group", func(p *Pipeline) error { return p.Group(ctx) }},
		{"compare", func(p *Pipeline) error { return p.Compare(ctx) }},
	}
	cpu := make([]time.Duration, len(stages))
	peak := make([]uint64, len(stages))
	b.ResetTimer()
	for range b.N {
		p, err := NewPipeline(arts, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for k, st := range stages {
			runtime.GC()
			stop := heapwatch.Start()
			start := cputime.Used()
			if err := st.run(p); err != nil {
				b.Fatal(err)
			}
			cpu[k] += cputime.Used() - start
			peak[k] = max(peak[k], stop())
		}
	}
	var total time.Duration
	for k, st := range stages {
		b.ReportMetric(cpu[k].Seconds()/float64(b.N), st.name+"-cpu-s/op")
		b.ReportMetric(float64(peak[k])/(1<<20), st.name+"-peak-heap-MB")
		total += cpu[k]
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(arts)), "articles")
}
