package compare

import (
	"context"
	"fmt"
	"github.com/google/go-cmp/cmp"
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

// grouper returns an event grouper over arts with its weights computed.
func grouper(arts []corpus.Article) *eventGrouper {
	g := &eventGrouper{window: DefaultDateWindowDays, threshold: DefaultEventThreshold, scores: map[pair]float64{}}
	for i := range arts {
		g.docs = append(g.docs, articleFeatures(DefaultEntities(), &arts[i]))
	}
	g.weigh()
	return g
}

// undateSome returns a copy of arts with every seventh article's date
// removed.
func undateSome(arts []corpus.Article) []corpus.Article {
	out := append([]corpus.Article(nil), arts...)
	for i := 0; i < len(out); i += 7 {
		out[i].Published = corpus.Date{}
	}
	return out
}

// TestWindowPairs checks that the small-corpus candidates are exactly the
// pairs within the date window, and every pair with an undated article.
func TestWindowPairs(t *testing.T) {
	g := grouper(undateSome(readSynth(t, 400).arts))
	var want []pair
	for i := range g.docs {
		for j := i + 1; j < len(g.docs); j++ {
			if g.inWindow(i, j) {
				want = append(want, pair{i, j})
			}
		}
	}
	order := g.byDay()
	got := sortPairs(g.windowPairs(order), len(g.docs))
	if len(got) != len(want) || g.inWindowPairs(order) != len(want) {
		t.Fatalf("%d window pairs, %d counted, want %d", len(got), g.inWindowPairs(order), len(want))
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("pair %d = %v, want %v", k, got[k], want[k])
		}
	}
}

// TestIndexPairsGroupAsWindowPairs groups the generated corpus from the
// inverted index's candidates and from every in-window pair, and expects
// the same events: the index finds what reports of one event share.
func TestIndexPairsGroupAsWindowPairs(t *testing.T) {
	c := readSynth(t, 400)
	arts := undateSome(c.arts)
	g := grouper(arts)
	fromWindow, err := g.cluster(context.Background(), sortPairs(g.windowPairs(g.byDay()), len(g.docs)))
	if err != nil {
		t.Fatal(err)
	}
	g = grouper(arts)
	fromIndex, err := g.cluster(context.Background(), sortPairs(g.indexPairs(), len(g.docs)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fromWindow, fromIndex); diff != "" {
		t.Errorf("events from the index differ from those of every window pair (-window +index):\n%s", diff)
	}
}
