package compare

import (
	"fmt"
	"testing"

	"github.com/framediff/framediff/corpus"
)

// copies returns n near-identical copies of a, each with one sentence of
// its own, as syndicated or re-posted coverage of one story would be.
func copies(a corpus.Article, n int) []corpus.Article {
	out := make([]corpus.Article, n)
	for i := range out {
		c := a
		c.ID = fmt.Sprintf("copy-%04d", i)
		c.Outlet = fmt.Sprintf("Outlet %d", i)
		c.Text = a.Text + fmt.Sprintf("\n\nThis report was filed by desk %d.", i)
		out[i] = c
	}
	return out
}

// TestWidelyCoveredStory gives one story to half the corpus and then to
// two thousand articles: however many articles report it, with however
// many words in common, the story stays one event, and the other events
// keep their grouping.
func TestWidelyCoveredStory(t *testing.T) {
	if testing.Short() {
		t.Skip("groups thousands of articles")
	}
	c := readSynth(t, 400)
	base := c.arts[0]
	for _, n := range []int{400, 2000} {
		t.Run(fmt.Sprintf("copies=%d", n), func(t *testing.T) {
			arts := append(copies(base, n), c.arts...)
			truth := map[string]string{}
			for _, a := range arts {
				truth[a.ID] = c.truth[a.ID]
				if truth[a.ID] == "" {
					truth[a.ID] = c.truth[base.ID]
				}
			}
			evs, eventOf := events(t, arts)
			story := eventOf[base.ID]
			for _, a := range arts[:n] {
				if eventOf[a.ID] != story {
					t.Fatalf("copy %s is in event %s, the story in %s", a.ID, eventOf[a.ID], story)
				}
			}
			p, r := pairScores(eventOf, truth)
			t.Logf("%d articles, %d events: pairwise precision %.4f recall %.4f", len(arts), len(evs), p, r)
			if p < 0.98 || r < 0.98 {
				t.Errorf("pairwise precision %.4f recall %.4f, want ≥ 0.98", p, r)
			}
		})
	}
}
