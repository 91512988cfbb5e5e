package framing

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/framediff/framediff/internal/seedtest"
	"github.com/google/go-cmp/cmp"
)

// seedEvents groups the seeds as the compare package's events should: the
// Tehran summit (000, 003, 004), the Moscow talks (001) and the call (002).
var seedEvents = map[string]string{
	"000_d8a36f4a2c9001dd": "tehran-summit",
	"003_957c7875958cbde8": "tehran-summit",
	"004_dd6029a0ad11cc80": "tehran-summit",
	"001_a14845272985d99f": "moscow-talks",
	"002_04e7ac960a2816e0": "rouhani-erdogan-call",
}

// golden compares got, as indented JSON, with testdata/NAME, rewriting the
// file under -update.
func golden(t *testing.T, name string, got any) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

func TestSeedsGolden(t *testing.T) {
	arts := seedtest.Read(t)
	m := NewMatcher(DefaultLexicon())
	var hits []Hit
	for i := range arts {
		hits = append(hits, m.Match(&arts[i])...)
	}
	counts := CountHits(arts, hits, seedEvents)
	golden(t, "seeds_counts.golden.json", counts)
	golden(t, "seeds_poles.golden.json", PoleTotals(CountHits(arts, hits, nil)))
	golden(t, "seeds_distinctive.golden.json", Distinctive(arts, DefaultLexicon(), seedEvents))
}
