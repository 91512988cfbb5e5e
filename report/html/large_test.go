package html_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report/html"
)

// largeResult repeats the seeds' Result until it holds n articles: each
// copy is an event of its own, with its own article ids, hits, alignments,
// quotations and voice shares, so the page grows as a real corpus would.
func largeResult(t testing.TB, n int) *compare.Result {
	t.Helper()
	seed := seedResult(t)
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
			out.Alignments = append(out.Alignments, al)
		}
		for _, q := range seed.Quotes {
			q.ID, q.Event, q.Article, q.Group = id(c, q.ID), id(c, q.Event), id(c, q.Article), id(c, q.Group)
			out.Quotes = append(out.Quotes, q)
		}
		for _, g := range seed.QuoteGroups {
			g.ID, g.Event = id(c, g.ID), id(c, g.Event)
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
// its size and how much longer it takes to load than an empty page. It
// measures, it does not judge: set FRAMEDIFF_LARGE=1 to run it.
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
	if err := os.WriteFile(empty, []byte("<!DOCTYPE html><title>x</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func(file string) time.Duration {
		start := time.Now()
		cmd := exec.Command(bin, browserArgs(t, "--dump-dom", "file://"+file)...)
		if out, err := cmd.Output(); err != nil || len(out) == 0 {
			t.Fatalf("chromium %s: %v", file, err)
		}
		return time.Since(start)
	}
	base := load(empty)
	took := load(large)
	t.Logf("5,000 articles: %.1f MB; Chromium loads and runs it in %v, %v more than an empty page (%v)",
		float64(buf.Len())/1e6, took.Round(time.Millisecond), (took - base).Round(time.Millisecond), base.Round(time.Millisecond))
}
