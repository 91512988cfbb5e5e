package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// pdfHugeParagraph returns the seed result with its first shown article's
// text replaced by one paragraph of about size bytes in which every
// sentence holds two framing hits.
func pdfHugeParagraph(t testing.TB, size int) (*compare.Result, string) {
	t.Helper()
	res := pdfSeedResult(t)
	var proto framing.Hit
	var id string
	for _, h := range res.Framing.Hits {
		proto, id = h, h.Article
		break
	}
	if id == "" {
		t.Fatal("seed fixture has no hit")
	}
	const sentence = "Forces of the regime shelled the town while the rebels held the ridge. "
	title := "A very long dispatch"
	var b strings.Builder
	b.WriteString(title + "\n\n")
	start := b.Len()
	for b.Len()-start < size {
		b.WriteString(sentence)
	}
	text := b.String()
	var hits []framing.Hit
	for _, h := range res.Framing.Hits {
		if h.Article != id {
			hits = append(hits, h)
		}
	}
	for _, word := range []string{"regime", "rebels"} {
		for off := start; ; {
			i := strings.Index(text[off:], word)
			if i < 0 {
				break
			}
			h := proto
			h.Start, h.End, h.Sentence, h.Match = off+i, off+i+len(word), -1, word
			hits = append(hits, h)
			off += i + len(word)
		}
	}
	res.Framing.Hits = hits
	for i := range res.Articles {
		a := &res.Articles[i]
		if a.ID == id {
			a.Title, a.Text = title, text
			a.Paragraphs = []corpus.Span{{Start: start, End: len(text)}}
			a.Sentences = nil
		}
	}
	return res, id
}

// A paragraph of 8 MiB (the article limit) with a quarter of a million
// highlighted terms makes a handout; the test's own timeout bounds it.
func TestWritePDFHugeParagraph(t *testing.T) {
	res, _ := pdfHugeParagraph(t, corpus.MaxArticleBytes)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var buf bytes.Buffer
	if err := WriteContext(ctx, &buf, res, Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}

// countdownCtx is a context that reports itself cancelled from the n-th
// call to Err on, so that a test can cancel at a point deep in the layout
// without timing.
type countdownCtx struct {
	context.Context
	n     int64
	calls atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}

// A cancelled context stops the layout, wherever it is, and nothing is
// written.
func TestWritePDFCancelled(t *testing.T) {
	res, _ := pdfHugeParagraph(t, 400<<10)
	// How often a full run looks at its context.
	full := &countdownCtx{Context: context.Background(), n: 1 << 62}
	var buf bytes.Buffer
	if err := WriteContext(full, &buf, res, Options{}); err != nil {
		t.Fatal(err)
	}
	total := full.calls.Load()
	if total < 20 {
		t.Fatalf("the layout checks its context only %d times", total)
	}
	for _, at := range []int64{1, 2, total / 3, total / 2, total - 1} {
		t.Run(fmt.Sprint(at), func(t *testing.T) {
			ctx := &countdownCtx{Context: context.Background(), n: at}
			var buf bytes.Buffer
			err := WriteContext(ctx, &buf, res, Options{})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written after cancellation", buf.Len())
			}
			if got := ctx.calls.Load(); got != at {
				t.Errorf("context looked at %d times after cancellation", got-at)
			}
		})
	}
}

// Highlighting one paragraph costs time in proportion to its length and
// hits: compare the two sizes.
func BenchmarkPDFRichTextManyHits(b *testing.B) {
	for _, size := range []int{400 << 10, 800 << 10} {
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			res, id := pdfHugeParagraph(b, size)
			d, err := newPDFDoc(res, Options{})
			if err != nil {
				b.Fatal(err)
			}
			a := d.articles[id]
			p := a.Paragraphs[0]
			b.ReportMetric(float64(len(d.hits[id])), "hits")
			for b.Loop() {
				d.richText(a, p.Start, p.End, pdfStyle{Size: 8.3})
			}
		})
	}
}

// The whole handout with one 8 MiB paragraph.
func BenchmarkWritePDFHugeParagraph(b *testing.B) {
	res, _ := pdfHugeParagraph(b, corpus.MaxArticleBytes)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
