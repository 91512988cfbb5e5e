package compare

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/framediff/framediff/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// seedSummary is the part of the seeds' Result a reader checks by eye:
// events, aligned passages, quotations and swaps.
type seedSummary struct {
	Events        []Event               `json:"events"`
	Alignments    []summaryAlignment    `json:"alignments"`
	Quotes        []summaryQuote        `json:"quotes"`
	Substitutions []summarySubstitution `json:"substitutions"`
}

type summaryAlignment struct {
	Pair    string    `json:"pair"`
	Kind    AlignKind `json:"kind"`
	Sim     float64   `json:"similarity"`
	A       string    `json:"a"`
	B       string    `json:"b"`
	Speaker string    `json:"speaker,omitempty"`
	Diff    []DiffOp  `json:"diff"`
}

type summaryQuote struct {
	ID       string   `json:"id"`
	Speaker  string   `json:"speaker"`
	Verb     string   `json:"verb"`
	Fidelity Fidelity `json:"fidelity"`
	Text     string   `json:"text"`
}

type summarySubstitution struct {
	A, B       string
	Outlets    string
	Axis       string
	Framing    bool
	Suggestion bool
}

func summarise(res *Result) seedSummary {
	var s seedSummary
	s.Events = res.Events
	for _, al := range res.Alignments {
		s.Alignments = append(s.Alignments, summaryAlignment{al.A.Article[:3] + "-" + al.B.Article[:3], al.Kind, al.Similarity, al.A.Text, al.B.Text, al.Speaker, al.Diff})
	}
	for _, q := range res.Quotes {
		s.Quotes = append(s.Quotes, summaryQuote{q.ID, q.Speaker, q.Verb, q.Fidelity, q.Text})
	}
	for _, x := range res.Substitutions {
		s.Substitutions = append(s.Substitutions, summarySubstitution{x.TermA, x.TermB, x.OutletA + " / " + x.OutletB, x.Axis, x.Framing, x.Suggestion})
	}
	return s
}

// TestSeedsGolden compares a summary of the seeds' comparison with
// testdata/seeds.golden.json; run with -update to rewrite it after a
// deliberate change, and read the diff.
func TestSeedsGolden(t *testing.T) {
	golden.JSON(t, filepath.Join("testdata", "seeds.golden.json"), summarise(buildSeeds(t)), *update)
}
