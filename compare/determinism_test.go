package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/seedtest"
)

func marshal(t *testing.T, res *Result) []byte {
	t.Helper()
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDeterminism builds the seeds and the testdata corpora in shuffled
// orders with one and with four workers and expects the same bytes.
func TestDeterminism(t *testing.T) {
	arts := seedtest.Read(t)
	more, _ := readCorpus(t, "testdata/corpora/dam_and_strike.txt")
	arts = append(arts, more...)
	arts = append(arts, readSynth(t, 150).arts...)
	base, err := Build(context.Background(), arts, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := marshal(t, base)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, workers := range []int{4, 1, 3} {
		shuffled := append([]corpus.Article(nil), arts...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		res, err := Build(context.Background(), shuffled, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if got := marshal(t, res); !bytes.Equal(got, want) {
			t.Fatalf("workers=%d, shuffled: output differs from workers=1 in input order", workers)
		}
	}
}

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Build(ctx, seedtest.Read(t), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestBuildOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		wantErr bool
		window  int
		thresh  float64
	}{
		{"defaults", Options{}, false, DefaultDateWindowDays, DefaultEventThreshold},
		{"custom", Options{DateWindowDays: 7, EventThreshold: 0.4}, false, 7, 0.4},
		{"negative window", Options{DateWindowDays: -1}, true, 0, 0},
		{"threshold above one", Options{EventThreshold: 1.5}, true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Build(context.Background(), nil, tt.opts)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if res.Settings.DateWindowDays != tt.window || res.Settings.EventThreshold != tt.thresh {
				t.Errorf("settings = %+v", res.Settings)
			}
		})
	}
}

// TestEventOverride checks that an input's event field wins over grouping.
func TestEventOverride(t *testing.T) {
	arts := seedtest.Read(t)
	for i := range arts {
		if arts[i].ID[:3] == "001" || arts[i].ID[:3] == "000" {
			arts[i].Event = "idlib-diplomacy"
		}
	}
	res, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := res.Event("idlib-diplomacy")
	if !ok || len(e.Articles) != 2 || e.Articles[0][:3] != "000" || e.Articles[1][:3] != "001" {
		t.Fatalf("event idlib-diplomacy = %+v, %v", e, ok)
	}
	id, _ := res.EventOf(arts[3].ID)
	if other, _ := res.Event(id); len(other.Articles) != 2 {
		t.Errorf("003 and 004 should still form an event: %+v", other)
	}
}

// TestDuplicateIDs checks that articles sharing an id stay apart.
func TestDuplicateIDs(t *testing.T) {
	arts := seedtest.Read(t)
	dup := arts[3]
	dup.Source = "copy/" + dup.Source
	arts = append(arts, dup)
	res, err := Build(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "duplicate article id") {
		t.Errorf("warnings = %q", res.Warnings)
	}
	ids := map[string]bool{}
	for _, a := range res.Articles {
		if ids[a.ID] {
			t.Errorf("id %s twice", a.ID)
		}
		ids[a.ID] = true
	}
	for _, al := range res.Alignments {
		if al.A.Article == al.B.Article {
			t.Errorf("article %s aligned with itself", al.A.Article)
		}
	}
	n := 0
	for _, r := range res.Reuse {
		if strings.TrimSuffix(r.A, "~2") == strings.TrimSuffix(r.B, "~2") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the copy is not reported as reused text: %+v", res.Reuse)
	}
}

// TestProgress checks that every stage reports its start and its end, that
// each stage counts up to its total, and that reporting leaves the Result
// as it is.
func TestProgress(t *testing.T) {
	arts := seedtest.Read(t)
	quiet, err := Build(context.Background(), arts, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	last := map[string][2]int{} // stage → highest done, total
	res, err := Build(context.Background(), arts, Options{Workers: 2, Progress: func(stage string, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done > last[stage][0] || last[stage] == [2]int{} {
			last[stage] = [2]int{done, total}
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{
		StageArticles: {5, 5},
		StageEvents:   {1, 1},
		StageCompare:  {3, 3},
	}
	for stage, w := range want {
		if last[stage] != w {
			t.Errorf("%s: last report %v, want %v", stage, last[stage], w)
		}
	}
	if !bytes.Equal(marshal(t, res), marshal(t, quiet)) {
		t.Error("reporting progress changed the Result")
	}
}
