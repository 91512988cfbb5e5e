package xlsx

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/heapwatch"
	"github.com/framediff/framediff/seeds"
)

// benchHits returns a Result of articles made from the seed texts with n
// hits at real word offsets, for the Hits sheet.
func benchHits(tb testing.TB, n int) *compare.Result {
	tb.Helper()
	var texts []string
	for _, s := range seedArticles {
		b, err := fs.ReadFile(seeds.FS, s.file)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	res := &compare.Result{Tool: compare.Tool{Name: "framediff", Version: "bench"}}
	res.Framing = &compare.Framing{Hits: make([]framing.Hit, 0, n)}
	const perArticle = 400
	poles := []string{"regime", "government", "terrorists", "rebels"}
	for a := 0; len(res.Framing.Hits) < n; a++ {
		s := seedArticles[a%len(seedArticles)]
		text := texts[a%len(texts)]
		id := fmt.Sprintf("a%06d", a)
		res.Articles = append(res.Articles, corpus.Article{
			ID: id, Outlet: s.outlet, Title: "t", Published: s.published, Text: text, Words: len(strings.Fields(text)),
		})
		k := 0
		for start := 0; start < len(text) && k < perArticle && len(res.Framing.Hits) < n; {
			end := strings.IndexAny(text[start:], " \n")
			if end < 0 {
				end = len(text) - start
			}
			if end > 0 {
				voice, speaker := framing.Narrator, ""
				if k%3 == 0 {
					voice, speaker = framing.Quoted, "Recep Tayyip Erdogan"
				}
				res.Framing.Hits = append(res.Framing.Hits, framing.Hit{
					Article: id, Axis: "state", Pole: poles[k%len(poles)], Term: poles[k%len(poles)],
					Match: text[start : start+end], Sentence: k / 20, Start: start, End: start + end,
					Voice: voice, Speaker: speaker, ScareQuoted: k%7 == 0, Distanced: k%11 == 0,
				})
				k++
			}
			start += end + 1
		}
	}
	return res
}

// countingWriter counts and discards what is written.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkWriteXLSXHits writes a workbook whose Hits sheet has one million
// rows. peak-heap-MB is the highest live heap while writing, the input
// Result included; input-heap-MB is the heap the Result takes alone.
func BenchmarkWriteXLSXHits(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("FRAMEDIFF_BENCH_HITS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	res := benchHits(b, n)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	input := ms.HeapAlloc
	b.ResetTimer()
	var peak uint64
	var size int64
	for i := 0; i < b.N; i++ {
		stop := heapwatch.Start()
		w := &countingWriter{}
		if err := Write(w, res, Options{}); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
		size = w.n
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(input)/(1<<20), "input-heap-MB")
	b.ReportMetric(float64(size)/(1<<20), "file-MB")
	b.ReportMetric(float64(n), "rows")
}

// TestXLSXBenchRows writes the benchmark's Hits rows, as the workbook shows
// them, to $FRAMEDIFF_XLSX_ROWS as tab-separated text for
// testdata/xlsx_bench_openpyxl.py.
func TestXLSXBenchRows(t *testing.T) {
	out := os.Getenv("FRAMEDIFF_XLSX_ROWS")
	if out == "" {
		t.Skip("writes the benchmark's rows for the openpyxl comparison when FRAMEDIFF_XLSX_ROWS is set")
	}
	n := 1_000_000
	if s := os.Getenv("FRAMEDIFF_BENCH_HITS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	x := &xlsxWriter{res: benchHits(t, n), opts: Options{}.withDefaults()}
	ht := x.hitsTable()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	writeTSV(w, func(r []any) {
		for i, c := range ht.cols {
			r[i] = c.header
		}
	}, len(ht.cols), x.opts)
	for i := 0; i < ht.n; i++ {
		writeTSV(w, func(r []any) { ht.row(i, r) }, len(ht.cols), x.opts)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func writeTSV(w io.Writer, fill func([]any), cols int, opts Options) {
	r := make([]any, cols)
	fill(r)
	cells := make([]string, cols)
	for i, v := range r {
		switch v := readBack(v, opts).(type) {
		case nil:
		case string:
			cells[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(v)
		case bool:
			cells[i] = strings.ToUpper(strconv.FormatBool(v))
		case float64:
			cells[i] = strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	fmt.Fprintln(w, strings.Join(cells, "\t"))
}

// BenchmarkWriteXLSXArticles writes the Articles sheet of a 10,000-article
// corpus, each article with a URL hyperlink.
func BenchmarkWriteXLSXArticles(b *testing.B) {
	res := &compare.Result{Tool: compare.Tool{Name: "framediff", Version: "bench"}}
	for i := 0; i < 10_000; i++ {
		s := seedArticles[i%len(seedArticles)]
		res.Articles = append(res.Articles, corpus.Article{
			ID: fmt.Sprintf("a%06d", i), Outlet: s.outlet, Title: "Erdogan and Putin Clash Over Idlib ‘Ceasefire’",
			Published: s.published, URL: fmt.Sprintf("https://example.org/news/%d", i), Words: 500,
		})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(io.Discard, res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
