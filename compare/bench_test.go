package compare

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/cputime"
	"github.com/framediff/framediff/internal/synth"
)

// reportCPU adds the CPU seconds per op since start as a metric.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric((cputime.Used()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// synthCorpus holds generated articles read through the corpus reader, and
// each article's true event, cached per size.
type synthCorpus struct {
	arts  []corpus.Article
	truth map[string]string
}

var (
	synthMu    sync.Mutex
	synthCache = map[int]*synthCorpus{}
)

func readSynth(tb testing.TB, n int) *synthCorpus {
	tb.Helper()
	synthMu.Lock()
	defer synthMu.Unlock()
	if c, ok := synthCache[n]; ok {
		return c
	}
	r := corpus.NewReader()
	c := &synthCorpus{truth: map[string]string{}}
	for _, d := range synth.Generate(n, 1) {
		as, warns := r.Read(d.ID+".txt", synth.Text(d))
		if len(as) != 1 {
			tb.Fatalf("%s: %d articles, warnings %v", d.ID, len(as), warns)
		}
		c.arts = append(c.arts, as[0])
		c.truth[as[0].ID] = d.Event
	}
	synthCache[n] = c
	return c
}

// events runs the event stage of Build on one worker.
func events(tb testing.TB, arts []corpus.Article) ([]Event, map[string]string) {
	feats := make([]docFeatures, len(arts))
	for i := range arts {
		feats[i] = articleFeatures(DefaultEntities(), &arts[i])
	}
	evs, eventOf, err := groupEvents(context.Background(), DefaultEntities(), feats, DefaultDateWindowDays, DefaultEventThreshold)
	if err != nil {
		tb.Fatal(err)
	}
	return evs, eventOf
}

// pairScores returns the pairwise precision and recall of a grouping
// against the truth: of the article pairs put in one event, how many truly
// share one, and of those that do, how many were put together.
func pairScores(got, truth map[string]string) (precision, recall float64) {
	count := func(m map[string]string) map[string]int {
		c := map[string]int{}
		for _, e := range m {
			c[e]++
		}
		return c
	}
	pairs := func(c map[string]int) int {
		n := 0
		for _, k := range c {
			n += k * (k - 1) / 2
		}
		return n
	}
	both := map[[2]string]int{}
	for a, e := range got {
		both[[2]string{e, truth[a]}]++
	}
	tp := 0
	for _, k := range both {
		tp += k * (k - 1) / 2
	}
	gp, tpairs := pairs(count(got)), pairs(count(truth))
	if gp > 0 {
		precision = float64(tp) / float64(gp)
	}
	if tpairs > 0 {
		recall = float64(tp) / float64(tpairs)
	}
	return precision, recall
}

// TestSynthEvents checks event grouping against the generator's truth.
func TestSynthEvents(t *testing.T) {
	c := readSynth(t, 400)
	_, eventOf := events(t, c.arts)
	p, r := pairScores(eventOf, c.truth)
	t.Logf("precision %.3f recall %.3f", p, r)
	if p < 0.98 || r < 0.98 {
		t.Errorf("pairwise precision %.3f recall %.3f, want ≥ 0.98", p, r)
	}
}

// BenchmarkEvents groups synthetic corpora of 10,000 and 20,000 articles
// into events on one worker; it reports pairwise precision and recall
// against the generator's truth.
func BenchmarkEvents(b *testing.B) {
	for _, n := range []int{10000, 20000} {
		c := readSynth(b, n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var eventOf map[string]string
			start := cputime.Used()
			for b.Loop() {
				_, eventOf = events(b, c.arts)
			}
			reportCPU(b, start)
			p, r := pairScores(eventOf, c.truth)
			b.ReportMetric(p, "precision")
			b.ReportMetric(r, "recall")
		})
	}
}

// BenchmarkAlign aligns the same forty events taken from corpora of
// different sizes: the cost follows the events, not the corpus.
func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		c := readSynth(b, n)
		byEvent := map[string][]*corpus.Article{}
		var order []string
		for i := range c.arts {
			e := c.truth[c.arts[i].ID]
			if _, ok := byEvent[e]; !ok {
				order = append(order, e)
			}
			byEvent[e] = append(byEvent[e], &c.arts[i])
		}
		order = order[:40]
		b.Run(fmt.Sprintf("corpus=%d/events=40", n), func(b *testing.B) {
			start := cputime.Used()
			for b.Loop() {
				for _, e := range order {
					alignEvent(context.Background(), e, byEvent[e], nil, nil)
				}
			}
			reportCPU(b, start)
		})
	}
	// By event size: events of three and of eight articles.
	c := readSynth(b, 1000)
	bySize := map[int][]*corpus.Article{}
	byEvent := map[string][]*corpus.Article{}
	for i := range c.arts {
		e := c.truth[c.arts[i].ID]
		byEvent[e] = append(byEvent[e], &c.arts[i])
	}
	var names []string
	for e := range byEvent {
		names = append(names, e)
	}
	slices.Sort(names)
	for _, e := range names {
		if n := len(byEvent[e]); (n == 3 || n == 8) && bySize[n] == nil {
			bySize[n] = byEvent[e]
		}
	}
	for _, n := range []int{3, 8} {
		arts := bySize[n]
		if arts == nil {
			continue
		}
		b.Run(fmt.Sprintf("event=%d", n), func(b *testing.B) {
			start := cputime.Used()
			for b.Loop() {
				alignEvent(context.Background(), "e", arts, nil, nil)
			}
			reportCPU(b, start)
		})
	}
}

// BenchmarkBuild runs the whole comparison over 1,000 synthetic articles.
func BenchmarkBuild(b *testing.B) {
	c := readSynth(b, 1000)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("articles=1000/workers=%d", workers), func(b *testing.B) {
			start := cputime.Used()
			for b.Loop() {
				if _, err := Build(context.Background(), c.arts, Options{Workers: workers}); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
}

// TestSynthComparison runs the whole comparison on a small generated
// corpus and checks what the generator planted: wire copy re-posted by
// another outlet is flagged as reuse, with the shared framing words swapped
// ("government" → "regime") found as framing swaps, and quotations shared
// between outlets are grouped.
func TestSynthComparison(t *testing.T) {
	c := readSynth(t, 120)
	res, err := Build(context.Background(), c.arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A re-post keeps the wire story's title and date.
	type key struct{ title, date string }
	byKey := map[key][]string{}
	for _, a := range c.arts {
		k := key{a.Title, a.Published.String()}
		byKey[k] = append(byKey[k], a.ID)
	}
	reused := map[[2]string]bool{}
	for _, r := range res.Reuse {
		reused[[2]string{r.A, r.B}] = true
	}
	reposts := 0
	for _, ids := range byKey {
		if len(ids) != 2 {
			continue
		}
		reposts++
		if !reused[[2]string{ids[0], ids[1]}] && !reused[[2]string{ids[1], ids[0]}] {
			t.Errorf("re-post %s of %s is not flagged as reuse", ids[1], ids[0])
		}
	}
	if reposts == 0 {
		t.Fatal("the generated corpus has no re-posts")
	}
	framingSwaps := 0
	for _, s := range res.Substitutions {
		if s.Framing {
			framingSwaps++
			if s.Axis == "" || s.PoleA == s.PoleB {
				t.Errorf("framing swap without two poles of one axis: %+v", s)
			}
		}
	}
	if framingSwaps == 0 {
		t.Error("no framing swaps found between re-posted wire copy and the wire")
	}
	grouped := 0
	for _, g := range res.QuoteGroups {
		if g.Speaker == "" {
			t.Errorf("quote group %s has no speaker", g.ID)
		}
		grouped++
	}
	if grouped == 0 {
		t.Error("no quotation is grouped across outlets")
	}
}

// TestBuildCancelledMidway cancels a long comparison after it has started
// and expects it to stop with the context's error.
func TestBuildCancelledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a generated corpus")
	}
	c := readSynth(t, 1000)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := Build(ctx, c.arts, Options{Workers: 2}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
}
