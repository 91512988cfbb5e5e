package html_test

import (
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report/html"
)

// TestBarsReadFramingCounts checks that the bars of own and quoted words
// state the Result's framing.Counts rather than counting hits: counts
// changed by hand change the bars.
func TestBarsReadFramingCounts(t *testing.T) {
	res := fixtureResult(t)
	own, quoted, err := html.BarTotals(res)
	if err != nil {
		t.Fatal(err)
	}
	if own == 0 || quoted == 0 {
		t.Fatalf("the fixture's bars show %d own and %d quoted hits, want some of each", own, quoted)
	}
	wantOwn, wantQuoted := own, quoted
	for i, c := range res.Framing.Counts {
		if c.Event != "" || c.Article != "" {
			continue
		}
		res.Framing.Counts[i].Count += 5
		if c.Voice == framing.Quoted {
			wantQuoted += 5
		} else {
			wantOwn += 5
		}
	}
	own, quoted, err = html.BarTotals(res)
	if err != nil {
		t.Fatal(err)
	}
	if own != wantOwn || quoted != wantQuoted {
		t.Errorf("bars show %d own and %d quoted hits, want the counts' %d and %d", own, quoted, wantOwn, wantQuoted)
	}
}

// TestTermsReadFramingCounts checks that the terms table states the
// Result's framing.Counts: counts changed by hand change its cells.
func TestTermsReadFramingCounts(t *testing.T) {
	res := fixtureResult(t)
	all, quoted, err := html.TermTotals(res)
	if err != nil {
		t.Fatal(err)
	}
	if all == 0 || quoted == 0 {
		t.Fatalf("the fixture's terms table shows %d hits, %d quoted, want some of each", all, quoted)
	}
	wantAll, wantQuoted := all, quoted
	for i, c := range res.Framing.Counts {
		if c.Event != "" || c.Article != "" {
			continue
		}
		res.Framing.Counts[i].Count += 3
		wantAll += 3
		if c.Voice == framing.Quoted {
			wantQuoted += 3
		}
	}
	all, quoted, err = html.TermTotals(res)
	if err != nil {
		t.Fatal(err)
	}
	if all != wantAll || quoted != wantQuoted {
		t.Errorf("terms table shows %d hits, %d quoted, want the counts' %d and %d", all, quoted, wantAll, wantQuoted)
	}
}

// TestOutletsReadOutletFigures checks that the outlet table states the
// Result's stored outlet figures rather than counting articles.
func TestOutletsReadOutletFigures(t *testing.T) {
	res := fixtureResult(t)
	before, err := html.OutletArticles(res)
	if err != nil {
		t.Fatal(err)
	}
	res.OutletFigures = compare.FiguresOfOutlets(res)
	want := map[string]int{}
	for i := range res.OutletFigures {
		f := &res.OutletFigures[i]
		if before[f.Outlet] != f.Articles {
			t.Fatalf("outlet %q: the page counts %d articles, the figures %d", f.Outlet, before[f.Outlet], f.Articles)
		}
		f.Articles += 10
		want[f.Outlet] = f.Articles
	}
	got, err := html.OutletArticles(res)
	if err != nil {
		t.Fatal(err)
	}
	for o, n := range want {
		if got[o] != n {
			t.Errorf("outlet %q: page states %d articles, want the figures' %d", o, got[o], n)
		}
	}
}
