package framing

import (
	"path/filepath"
	"testing"

	"github.com/framediff/framediff/internal/golden"
	"github.com/framediff/framediff/internal/seedtest"
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

func TestSeedsGolden(t *testing.T) {
	arts := seedtest.Read(t)
	m := NewMatcher(DefaultLexicon())
	var hits []Hit
	for i := range arts {
		hits = append(hits, m.Match(&arts[i])...)
	}
	counts := CountHits(arts, hits, seedEvents)
	golden.JSON(t, filepath.Join("testdata", "seeds_counts.golden.json"), counts, *update)
	golden.JSON(t, filepath.Join("testdata", "seeds_poles.golden.json"), PoleTotals(CountHits(arts, hits, nil)), *update)
	golden.JSON(t, filepath.Join("testdata", "seeds_distinctive.golden.json"), Distinctive(arts, DefaultLexicon(), seedEvents), *update)
}
