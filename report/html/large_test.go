package html_test

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/reporttest"
	"github.com/framediff/framediff/report/html"
)

// largeResult repeats the seeds' Result until it holds n articles: each
// copy is an event of its own, with its own article ids, hits, alignments,
// quotations and voice shares, so the page grows as a real corpus would.
// Each copy after the first has its words swapped for others of the same
// length (see varier), so that the copies' texts do not repeat each other:
// repeated text would compress far better than a real corpus.
func largeResult(t testing.TB, n int) *compare.Result {
	t.Helper()
	seed := reporttest.Seeds(t)
	vary := newVarier(seed)
	out := *seed
	out.Articles, out.Events, out.Alignments, out.Quotes, out.QuoteGroups, out.VoiceShare = nil, nil, nil, nil, nil, nil
	out.Substitutions = nil
	fr := &compare.Framing{}
	id := func(copy int, s string) string { return fmt.Sprintf("%s~%d", s, copy) }
	for c := 0; len(out.Articles) < n; c++ {
		for _, a := range seed.Articles {
			if len(out.Articles) == n {
				break
			}
			a.ID = id(c, a.ID)
			a.Text, a.Title = vary(c, a.Text), vary(c, a.Title)
			a.Published = corpus.Date{Time: a.Published.Time.AddDate(0, 0, 7*c), Precision: a.Published.Precision}
			out.Articles = append(out.Articles, a)
		}
		for _, h := range seed.Framing.Hits {
			h.Article = id(c, h.Article)
			fr.Hits = append(fr.Hits, h)
		}
		for _, e := range seed.Events {
			e.ID = id(c, e.ID)
			arts := make([]string, len(e.Articles))
			for i, a := range e.Articles {
				arts[i] = id(c, a)
			}
			e.Articles = arts
			out.Events = append(out.Events, e)
		}
		for _, al := range seed.Alignments {
			al.Event, al.A.Article, al.B.Article = id(c, al.Event), id(c, al.A.Article), id(c, al.B.Article)
			al.A.Text, al.B.Text = vary(c, al.A.Text), vary(c, al.B.Text)
			diff := make([]compare.DiffOp, len(al.Diff))
			for i, op := range al.Diff {
				op.Text = vary(c, op.Text)
				diff[i] = op
			}
			al.Diff = diff
			out.Alignments = append(out.Alignments, al)
		}
		for _, q := range seed.Quotes {
			q.ID, q.Event, q.Article, q.Group = id(c, q.ID), id(c, q.Event), id(c, q.Article), id(c, q.Group)
			q.Text = vary(c, q.Text)
			out.Quotes = append(out.Quotes, q)
		}
		for _, g := range seed.QuoteGroups {
			g.ID, g.Event = id(c, g.ID), id(c, g.Event)
			g.Text = vary(c, g.Text)
			vs := make([]compare.QuoteVersion, len(g.Versions))
			for i, v := range g.Versions {
				if v.Article != "" {
					v.Article, v.Quote = id(c, v.Article), id(c, v.Quote)
				}
				vs[i] = v
			}
			g.Versions = vs
			out.QuoteGroups = append(out.QuoteGroups, g)
		}
		for _, v := range seed.VoiceShare {
			v.Event = id(c, v.Event)
			out.VoiceShare = append(out.VoiceShare, v)
		}
	}
	eventOf := map[string]string{}
	for _, e := range out.Events {
		for _, a := range e.Articles {
			eventOf[a] = e.ID
		}
	}
	fr.Counts = framing.CountHits(out.Articles, fr.Hits, eventOf)
	out.Framing = fr
	return &out
}

// newVarier returns a function that rewrites, for copy c > 0, each ASCII
// word of four letters or more with a word of the same length from the
// seeds' own vocabulary, chosen by a fixed hash of c and the word: offsets
// stay valid, the same word stays the same word within a copy, and the
// text keeps the look of news to a compressor.
func newVarier(seed *compare.Result) func(c int, s string) string {
	word := regexp.MustCompile(`[A-Za-z]{4,}`)
	byLen := map[int][]string{}
	seen := map[string]bool{}
	for _, a := range seed.Articles {
		for _, w := range word.FindAllString(a.Text, -1) {
			w = strings.ToLower(w)
			if !seen[w] {
				seen[w] = true
				byLen[len(w)] = append(byLen[len(w)], w)
			}
		}
	}
	for _, ws := range byLen {
		slices.Sort(ws)
	}
	return func(c int, s string) string {
		if c == 0 {
			return s
		}
		return word.ReplaceAllStringFunc(s, func(w string) string {
			ws := byLen[len(w)]
			if len(ws) == 0 {
				return w
			}
			h := fnv.New32a()
			fmt.Fprintf(h, "%d %s", c, strings.ToLower(w))
			r := ws[h.Sum32()%uint32(len(ws))]
			if w[0] >= 'A' && w[0] <= 'Z' {
				r = strings.ToUpper(r[:1]) + r[1:]
			}
			return r
		})
	}
}

// BenchmarkWriteLarge writes the report of a 5,000-article corpus.
func BenchmarkWriteLarge(b *testing.B) {
	res := largeResult(b, 5000)
	var n int64
	for b.Loop() {
		c := &countWriter{}
		if err := html.Write(context.Background(), c, res, html.Options{}); err != nil {
			b.Fatal(err)
		}
		n = c.n
	}
	b.ReportMetric(float64(n)/1e6, "MB/report")
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

// TestBrowserLargeReport opens a 5,000-article report in Chromium and logs
// its size, how long the reader waits until the page's script has unpacked
// its data, how long the page kept the browser busy, and the memory it
// holds, beside the same for an empty page. It measures, it does not
// judge: set FRAMEDIFF_LARGE=1 to run it. With FRAMEDIFF_SHOTS=DIR it also
// saves screenshots of the page at 1280 and 390 pixels wide there.
func TestBrowserLargeReport(t *testing.T) {
	if os.Getenv("FRAMEDIFF_LARGE") == "" {
		t.Skip("set FRAMEDIFF_LARGE=1 to measure a 5,000-article report in Chromium")
	}
	bin := chromium(t)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := html.Write(context.Background(), &buf, largeResult(t, 5000), html.Options{}); err != nil {
		t.Fatal(err)
	}
	large := filepath.Join(dir, "large.html")
	empty := filepath.Join(dir, "empty.html")
	if err := os.WriteFile(large, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(empty, []byte("<!DOCTYPE html><title>x</title><body class=js>"), 0o644); err != nil {
		t.Fatal(err)
	}
	shots := os.Getenv("FRAMEDIFF_SHOTS")
	for _, width := range []int{1280, 390} {
		dt := startDevtools(t, bin, width, 900)
		base := dt.open("file://" + empty)
		got := dt.open("file://" + large)
		t.Logf("%d px: 5,000 articles, %.1f MB: %v", width, float64(buf.Len())/1e6, got)
		t.Logf("%d px: empty page: %v", width, base)
		if len(got.Requests) > 0 {
			t.Errorf("the page asked for %q", got.Requests)
		}
		if shots != "" {
			dt.screenshot(filepath.Join(shots, fmt.Sprintf("large-%d-top.png", width)), "", 2400)
		}
		// a link into an event: the script unpacks its chunk and builds it
		ms := dt.eval(`new Promise(function (done) {
			var start = performance.now();
			location.hash = "#a2507s3";
			(function wait() {
				if (document.getElementById("a2507s3")) done(performance.now() - start);
				else setTimeout(wait, 1);
			})();
		})`)
		t.Logf("%d px: following a link into an event: built in %s ms, %s articles on the page", width, ms, dt.eval(`document.querySelectorAll("article").length`))
		if shots != "" {
			dt.screenshot(filepath.Join(shots, fmt.Sprintf("large-%d-event.png", width)), "section.event", 6000)
		}
		// a search: the script unpacks every chunk
		ms = dt.eval(`new Promise(function (done) {
			var start = performance.now(), q = document.getElementById("f-q");
			q.value = "hmeimim";
			q.dispatchEvent(new Event("input"));
			setTimeout(function wait() {
				if (/Unpacking/.test(document.getElementById("f-status").textContent)) setTimeout(wait, 1);
				else done(performance.now() - start - 150);
			}, 150);
		})`)
		var after struct {
			Metrics []struct {
				Name  string
				Value float64
			}
		}
		dt.call("Performance.getMetrics", map[string]any{}, &after)
		heap := 0.0
		for _, m := range after.Metrics {
			if m.Name == "JSHeapUsedSize" {
				heap = m.Value
			}
		}
		t.Logf("%d px: searching every article: %s ms (after the input's 150 ms pause), %s; JS heap then %.1f MB",
			width, ms, dt.eval(`document.getElementById("f-status").textContent`), heap/1e6)
	}
}

// BenchmarkWriteSeeds writes the seeds' report.
func BenchmarkWriteSeeds(b *testing.B) {
	res := reporttest.Seeds(b)
	for b.Loop() {
		if err := html.Write(context.Background(), io.Discard, res, html.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
