package corpus_test

import (
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/cputime"
	"github.com/framediff/framediff/internal/synth"
)

const benchDocs = 10000

// benchFS lays docs out as files of one format.
func benchFS(b *testing.B, ext string, encode func(synth.Doc) []byte) (fstest.MapFS, int64) {
	b.Helper()
	mfs := fstest.MapFS{}
	var n int64
	for _, d := range synth.Generate(benchDocs, 1) {
		data := encode(d)
		n += int64(len(data))
		mfs[fmt.Sprintf("%s/%s.%s", d.Outlet, d.ID, ext)] = &fstest.MapFile{Data: data}
	}
	return mfs, n
}

func benchReadFS(b *testing.B, mfs fstest.MapFS, n int64) {
	r := corpus.NewReader()
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := startCPU(b)
	for b.Loop() {
		arts, ws := r.ReadFS(mfs)
		if len(arts) != benchDocs || len(ws) != 0 {
			b.Fatalf("%d articles, %d warnings", len(arts), len(ws))
		}
	}
	cpu.report(n)
}

// cpuClock measures the process's CPU time, so that a benchmark on a
// machine shared with other work can report MB per CPU-second as well as
// the wall-clock MB/s that SetBytes gives.
type cpuClock struct {
	b     *testing.B
	start time.Duration
}

func startCPU(b *testing.B) cpuClock {
	b.ResetTimer()
	return cpuClock{b, cputime.Used()}
}

func (c cpuClock) report(bytesPerOp int64) {
	c.b.StopTimer()
	if d := cputime.Used() - c.start; d > 0 {
		c.b.ReportMetric(float64(bytesPerOp)*float64(c.b.N)/d.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkReadText reads 10,000 generated plain-text articles with front
// matter.
func BenchmarkReadText(b *testing.B) {
	mfs, n := benchFS(b, "txt", synth.Text)
	benchReadFS(b, mfs, n)
}

// BenchmarkReadJSONL reads one JSONL file of 10,000 generated articles.
func BenchmarkReadJSONL(b *testing.B) {
	data := synth.JSONL(synth.Generate(benchDocs, 1))
	r := corpus.NewReader()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := startCPU(b)
	for b.Loop() {
		arts, ws := r.Read("bench.jsonl", data)
		if len(arts) != benchDocs || len(ws) != 0 {
			b.Fatalf("%d articles, %d warnings", len(arts), len(ws))
		}
	}
	cpu.report(int64(len(data)))
}

// BenchmarkReadHTML reads 10,000 generated saved web pages.
func BenchmarkReadHTML(b *testing.B) {
	mfs, n := benchFS(b, "html", synth.HTML)
	benchReadFS(b, mfs, n)
}
