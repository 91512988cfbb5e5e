package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/seedtest"
)

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPipelineStages runs the stages one by one and checks that each adds
// only its part of the Result, equal to Build's, and that running them in
// turn gives Build's Result byte for byte.
func TestPipelineStages(t *testing.T) {
	arts := seedtest.Read(t)
	more, _ := readCorpus(t, "testdata/corpora/dam_and_strike.txt")
	arts = append(arts, more...)
	arts = append(arts, readSynth(t, 60).arts...)
	full, err := Build(context.Background(), arts, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := NewPipeline(arts, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}

	if err := p.Match(ctx); err != nil {
		t.Fatal(err)
	}
	res := p.Result()
	if got := p.Stages(); !slices.Equal(got, []string{StageArticles}) {
		t.Errorf("after Match, stages %v", got)
	}
	if res.Events != nil || res.Distinctive != nil || res.Alignments != nil || res.Quotes != nil {
		t.Error("Match went past matching")
	}
	wantHits := slices.Clone(full.Framing.Hits)
	for i := range wantHits {
		wantHits[i].Speaker = ""
	}
	if !bytes.Equal(jsonOf(t, res.Framing.Hits), jsonOf(t, wantHits)) {
		t.Error("Match: hits differ from Build's (speakers aside)")
	}
	var corpusCounts []framing.Count
	for _, c := range full.Framing.Counts {
		if c.Event == "" {
			corpusCounts = append(corpusCounts, c)
		}
	}
	if !bytes.Equal(jsonOf(t, res.Framing.Counts), jsonOf(t, corpusCounts)) {
		t.Error("Match: corpus-wide counts differ from Build's")
	}

	if err := p.Group(ctx); err != nil {
		t.Fatal(err)
	}
	if got := p.Stages(); !slices.Equal(got, []string{StageArticles, StageArticles, StageEvents}) {
		t.Errorf("after Group, stages %v", got)
	}
	if res.Alignments != nil || res.Quotes != nil || res.Coverage != nil {
		t.Error("Group went past grouping")
	}
	for name, pair := range map[string][2]any{
		"events":      {res.Events, full.Events},
		"framing":     {res.Framing, full.Framing},
		"distinctive": {res.Distinctive, full.Distinctive},
	} {
		if !bytes.Equal(jsonOf(t, pair[0]), jsonOf(t, pair[1])) {
			t.Errorf("Group: %s differ from Build's", name)
		}
	}

	// One event alone is compared as within the whole run.
	var ev Event
	for _, e := range full.Events {
		if len(e.Articles) > len(ev.Articles) {
			ev = e
		}
	}
	one, err := NewPipeline(arts, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := one.Compare(ctx, ev.ID); err != nil {
		t.Fatal(err)
	}
	var wantAl []Alignment
	for _, al := range full.Alignments {
		if al.Event == ev.ID {
			wantAl = append(wantAl, al)
		}
	}
	if len(wantAl) == 0 {
		t.Fatalf("no alignments in %s", ev.ID)
	}
	if !bytes.Equal(jsonOf(t, one.Result().Alignments), jsonOf(t, wantAl)) {
		t.Errorf("Compare(%s): alignments differ from Build's", ev.ID)
	}
	if err := one.Compare(ctx); err == nil {
		t.Error("a second Compare did not fail")
	}
	if err := newPipeline(t, arts).Compare(ctx, "no-such-event"); err == nil {
		t.Error("Compare of an unknown event did not fail")
	}

	if err := p.Compare(ctx); err != nil {
		t.Fatal(err)
	}
	if got := p.Stages(); !slices.Equal(got, []string{StageArticles, StageArticles, StageEvents, StageCompare}) {
		t.Errorf("after Compare, stages %v", got)
	}
	if !bytes.Equal(marshal(t, p.Result()), marshal(t, full)) {
		t.Error("Match, Group and Compare in turn differ from Build")
	}
}

func newPipeline(t *testing.T, arts []corpus.Article) *Pipeline {
	t.Helper()
	p, err := NewPipeline(arts, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWorkersOnRealNews compares NewsWCL50's ten events (fifty real
// articles, from ../shared/data; skipped when absent) with one worker and
// with four and expects the same bytes.
func TestWorkersOnRealNews(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "events-newswcl50.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("real corpus absent: %v", err)
	}
	arts, _ := corpus.NewReader().Read(path, data)
	var want []byte
	for _, workers := range []int{1, 4} {
		res, err := Build(context.Background(), arts, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Alignments) == 0 {
			t.Fatal("no alignments")
		}
		got := marshal(t, res)
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("workers=%d: output differs from workers=1", workers)
		}
	}
}

// NoMarkers and NoDistinctive leave out markers and distinctive terms and
// change nothing else.
func TestPipelineWithoutMarkersOrDistinctive(t *testing.T) {
	arts := seedtest.Read(t)
	full, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Framing.Markers) == 0 || len(full.Framing.MarkerCounts) == 0 || len(full.Distinctive) == 0 {
		t.Fatal("the seeds have no markers or distinctive terms to leave out")
	}
	lean, err := Build(context.Background(), arts, Options{NoMarkers: true, NoDistinctive: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(lean.Framing.Markers) != 0 || len(lean.Framing.MarkerCounts) != 0 || len(lean.Distinctive) != 0 {
		t.Errorf("left in: %d markers, %d marker counts, %d distinctive terms",
			len(lean.Framing.Markers), len(lean.Framing.MarkerCounts), len(lean.Distinctive))
	}
	full.Framing.Markers, full.Framing.MarkerCounts, full.Distinctive = nil, nil, nil
	if !bytes.Equal(jsonOf(t, lean), jsonOf(t, full)) {
		t.Error("leaving out markers and distinctive terms changed the rest of the Result")
	}
}
