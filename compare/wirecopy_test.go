package compare

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/cputime"
	"github.com/framediff/framediff/internal/synth"
)

// wireEvent is one event of n articles: a wire story reprinted n-distinct
// times with small changes (the last paragraph or two dropped, a framing
// word swapped, a credit line), and distinct articles on the same event,
// each also reprinted, with the per-article work Build computes.
type wireEvent struct {
	ev      Event
	arts    []corpus.Article
	work    []articleWork
	members []int
}

var (
	wireMu    sync.Mutex
	wireCache = map[[2]int]*wireEvent{}
)

func makeWireEvent(tb testing.TB, n, distinct int) *wireEvent {
	tb.Helper()
	wireMu.Lock()
	defer wireMu.Unlock()
	if w, ok := wireCache[[2]int{n, distinct}]; ok {
		return w
	}
	docs := synth.Generate(8*distinct+8, 7)
	r := corpus.NewReader()
	swaps := []*strings.Replacer{
		strings.NewReplacer(),
		strings.NewReplacer("government", "regime", "Government", "Regime"),
		strings.NewReplacer("rebels", "militants", "Rebels", "Militants"),
	}
	w := &wireEvent{ev: Event{ID: "wire"}}
	for i := range n {
		src := docs[(i%distinct)*8]
		paras := strings.Split(src.Text, "\n\n")
		paras = paras[:max(1, len(paras)-i%3)]
		text := swaps[i%len(swaps)].Replace(strings.Join(paras, "\n\n")) + fmt.Sprintf("\n\n(Reporting by desk %d)", i%17)
		d := src
		d.ID = fmt.Sprintf("wire-%05d", i)
		d.Outlet = fmt.Sprintf("Outlet %d", i)
		d.Text = text
		as, warns := r.Read(d.ID+".txt", synth.Text(d))
		if len(as) != 1 {
			tb.Fatalf("%s: %v", d.ID, warns)
		}
		w.arts = append(w.arts, as[0])
	}
	matcher := framing.NewMatcher(framing.DefaultLexicon())
	w.work = make([]articleWork, n)
	for i := range w.arts {
		a, wk := &w.arts[i], &w.work[i]
		wk.words = words(a.Text)
		wk.quotes = extractQuotes(DefaultEntities(), a, wk.words, DefaultEntities().mentions(a.Text, wk.words))
		wk.hits = matcher.Match(a)
		w.ev.Articles = append(w.ev.Articles, a.ID)
		w.members = append(w.members, i)
	}
	wireCache[[2]int{n, distinct}] = w
	return w
}

// A wire story reprinted 400 times with small changes forms one group of
// copies per distinct text; only the representatives are aligned, and the
// event says so.
func TestWireCopyEventGroups(t *testing.T) {
	w := makeWireEvent(t, 400, 5)
	ptrs := make([]*corpus.Article, len(w.arts))
	for i := range w.arts {
		ptrs[i] = &w.arts[i]
	}
	rep := copyGroups(context.Background(), ptrs, nil)
	for i, r := range rep {
		// Article i reprints distinct text i%5, first printed by article i%5.
		if want := i % 5; r != want {
			t.Fatalf("article %d is in the group of %d, want %d", i, r, want)
		}
	}
	als, notes := alignEvent(context.Background(), "wire", ptrs, nil, nil)
	if len(notes) != 1 || !strings.Contains(notes[0], "395 of its 400 articles are near-identical copies") {
		t.Errorf("notes %q", notes)
	}
	num := func(id string) int {
		var n int
		if _, err := fmt.Sscanf(id, "wire-%05d", &n); err != nil {
			t.Fatalf("alignment with %s", id)
		}
		return n
	}
	between, withCopy := 0, map[int]int{}
	for _, al := range als {
		a, b := num(al.A.Article), num(al.B.Article)
		switch {
		case a < 5 && b < 5:
			between++
		case a == b%5:
			withCopy[b]++
		default:
			t.Fatalf("alignment of %s with %s, neither its original nor another text", al.A.Article, al.B.Article)
		}
	}
	if between == 0 {
		t.Error("no alignment between the distinct texts of one event")
	}
	// Every copy is aligned with its original: the same paragraphs but for
	// the last one or two, a swapped word and a credit line.
	for b := 5; b < 400; b++ {
		if withCopy[b] < 10 {
			t.Errorf("copy %d has %d sentences aligned with its original", b, withCopy[b])
		}
	}
	// A copy is aligned as alignPair aligns it.
	v := newVocab(0)
	x, y := prepareSentences(ptrs[1], nil, v), prepareSentences(ptrs[11], nil, v)
	if got, want := alignCopy("wire", x, y), alignPair("wire", x, y); !reflect.DeepEqual(got, want) {
		t.Errorf("alignCopy gives %d alignments, alignPair %d", len(got), len(want))
	}
	reuse := findReuse(context.Background(), ptrs, w.work, w.members, nil)
	copies := 0
	for _, r := range reuse {
		var b int
		if _, err := fmt.Sscanf(r.B, "wire-%05d", &b); err != nil {
			t.Fatalf("reuse with %s", r.B)
		}
		if r.A == "wire-00000" && b%5 == 0 {
			copies++
		}
	}
	// Article 0's copies: 5, 10, …, 395.
	if copies != 79 {
		t.Errorf("%d reuse records of article 0's text, want 79", copies)
	}
}

// More distinct texts than MaxAlignGroups: the most reprinted are aligned,
// and a note says how many articles are not.
func TestWideEventIsCapped(t *testing.T) {
	w := makeWireEvent(t, 120, MaxAlignGroups+10)
	ptrs := make([]*corpus.Article, len(w.arts))
	for i := range w.arts {
		ptrs[i] = &w.arts[i]
	}
	_, notes := alignEvent(context.Background(), "wire", ptrs, nil, nil)
	joined := strings.Join(notes, "\n")
	// Texts 0-19 appear three times, 20-49 twice: 10 of the twice-printed
	// texts (20 articles) are left out.
	if !strings.Contains(joined, "50 distinct texts, over the 40 aligned in one event; the 40 most reprinted are aligned, 20 articles are not") {
		t.Errorf("notes %q", notes)
	}
}

// countingCtx reports itself cancelled from the n-th call to Err on.
type countingCtx struct {
	context.Context
	n     int64
	calls atomic.Int64
}

func (c *countingCtx) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}

// A cancelled context stops a large event's comparison between two checks,
// each a bounded amount of work apart; the event's articles are not all
// compared.
func TestLargeEventCancelled(t *testing.T) {
	w := makeWireEvent(t, 400, 60)
	for _, at := range []int64{1, 5, 40} {
		t.Run(fmt.Sprint(at), func(t *testing.T) {
			ctx := &countingCtx{Context: context.Background(), n: at}
			out := compareEvent(ctx, w.ev, w.arts, w.work, w.members)
			if got := ctx.calls.Load(); got > at+1 {
				t.Errorf("context looked at %d more times after cancellation", got-at)
			}
			if len(out.reuse) > 40*40 {
				t.Errorf("%d reuse records after cancellation", len(out.reuse))
			}
		})
	}
	// And Build itself returns the cancellation.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, w.arts, Options{}); err != context.Canceled {
		t.Errorf("Build with a cancelled context: %v", err)
	}
}

// BenchmarkWireCopyEvent compares one event of n articles: twenty distinct
// texts, each reprinted n/20 times with small changes.
func BenchmarkWireCopyEvent(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000} {
		w := makeWireEvent(b, n, 20)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := cputime.Used()
			for b.Loop() {
				compareEvent(context.Background(), w.ev, w.arts, w.work, w.members)
			}
			reportCPU(b, start)
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc-MB/op")
			// The process's peak resident memory so far, corpus included.
			var ru syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
				b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
			}
		})
	}
}

// BenchmarkWireCopyBuild runs the whole comparison (per-article analysis,
// events, alignment, quotations, reuse, coverage) on a corpus of one wire
// story reprinted n times with small changes: the corpus is one event.
func BenchmarkWireCopyBuild(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000} {
		w := makeWireEvent(b, n, 1)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := cputime.Used()
			var events int
			for b.Loop() {
				res, err := Build(context.Background(), w.arts, Options{})
				if err != nil {
					b.Fatal(err)
				}
				events = len(res.Events)
			}
			reportCPU(b, start)
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(events), "events")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc-MB/op")
			var ru syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
				b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
			}
		})
	}
}

// compareEvent computes a large event's groups of copies once and hands
// them to alignment and reuse; each gives what it gives computing them
// itself.
func TestCompareEventSharesCopies(t *testing.T) {
	w := makeWireEvent(t, 400, 5)
	ptrs := make([]*corpus.Article, len(w.arts))
	for i := range w.arts {
		ptrs[i] = &w.arts[i]
	}
	got := compareEvent(context.Background(), w.ev, w.arts, w.work, w.members)
	als, notes := alignEvent(context.Background(), "wire", ptrs, nil, nil)
	// compareEvent then names each aligned quotation's speaker.
	for i := range got.alignments {
		got.alignments[i].Speaker = ""
	}
	if !reflect.DeepEqual(got.alignments, als) || !reflect.DeepEqual(got.notes, notes) {
		t.Errorf("compareEvent: %d alignments, notes %q; alignEvent alone: %d, %q", len(got.alignments), got.notes, len(als), notes)
	}
	reuse := findReuse(context.Background(), ptrs, w.work, w.members, nil)
	for i := range reuse {
		reuse[i].Event = w.ev.ID
	}
	if len(reuse) == 0 || !reflect.DeepEqual(got.reuse, reuse) {
		t.Errorf("compareEvent: %d reuse records; findReuse alone: %d", len(got.reuse), len(reuse))
	}
}
