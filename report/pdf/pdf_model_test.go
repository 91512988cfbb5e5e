package pdf

import (
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
)

// TestPDFStatesTheFindings checks that the handout states the Result's
// findings and counts nothing itself: findings changed by hand change its
// charts, glossary, shared quotations and questions.
func TestPDFStatesTheFindings(t *testing.T) {
	res := pdfSeedResult(t)
	f := compare.FindingsFor(res, compare.LargestEvents(res, 3))
	res.Findings = f
	for i := range f.PoleTallies {
		f.PoleTallies[i].Narrator += 100
	}
	for i := range f.Tallies {
		f.Tallies[i].Quoted += 7
	}
	swapped := false
	for i, q := range f.Questions {
		if q.Kind == compare.QuestionSwap {
			sw := *q.Swap
			sw.TermA = "zyzzyva"
			f.Questions[i].Swap = &sw
			swapped = true
		}
	}
	if !swapped || len(f.QuoteGroups) == 0 {
		t.Fatalf("the fixture's findings lack a swap question or a shared quotation: %+v", f.Questions)
	}
	g := res.QuoteGroups[0]
	for i := range res.QuoteGroups {
		if res.QuoteGroups[i].ID == f.QuoteGroups[0] {
			res.QuoteGroups[i].Speaker = "Speaker From The Model"
			g = res.QuoteGroups[i]
		}
	}

	d, err := newPDFDoc(res, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.find != f {
		t.Fatal("the handout did not take the stored findings of its events")
	}
	for _, pt := range f.PoleTallies {
		if got := d.tally(pt.Outlet, pt.Axis, pt.Pole); got.narrator != pt.Narrator || got.quoted != pt.Quoted {
			t.Errorf("chart %s %s/%s: %+v, want the findings' %d and %d", pt.Outlet, pt.Axis, pt.Pole, got, pt.Narrator, pt.Quoted)
		}
	}
	for _, gt := range d.glossaryTerms() {
		for o, u := range gt.uses {
			if u.quoted < 7 {
				t.Errorf("glossary %q, %s: %d quoted, want the findings' (at least 7)", gt.term.Text, o, u.quoted)
			}
		}
	}
	if qgs := d.quoteGroups(); len(qgs) == 0 || qgs[0].speaker != g.Speaker {
		t.Errorf("shared quotation's speaker %+v, want the Result's %q", qgs, g.Speaker)
	}
	if qs := strings.Join(d.discussion(), "\n"); !strings.Contains(qs, "“zyzzyva”") {
		t.Errorf("questions do not state the findings' swap:\n%s", qs)
	}
}
