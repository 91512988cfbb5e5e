package compare

import (
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

// TestQuoteSpansAgreeWithQuoteIn checks the binary search against the
// plain scan on every word and every two-word span of the seeds.
func TestQuoteSpansAgreeWithQuoteIn(t *testing.T) {
	arts, _ := corpus.NewReader().ReadFS(seeds.FS)
	inside := 0
	for i := range arts {
		a := &arts[i]
		ws := words(a.Text)
		qs := extractQuotes(DefaultEntities(), a, ws, DefaultEntities().mentions(a.Text, ws))
		spans := newQuoteSpans(qs)
		for k, w := range ws {
			for _, end := range []int{w.End, ws[min(k+1, len(ws)-1)].End} {
				want, got := quoteIn(qs, w.Start, end), spans.in(w.Start, end)
				if want != got {
					t.Fatalf("%s [%d,%d): quoteIn %v, spans %v", a.ID, w.Start, end, want, got)
				}
				if got != nil {
					inside++
				}
			}
		}
	}
	if inside == 0 {
		t.Fatal("no word of the seeds is inside a quotation")
	}
}
