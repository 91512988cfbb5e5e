package html

import "github.com/framediff/framediff/compare"

// BarTotals returns the hits the page's bars show, in outlets' own words
// and quoted, summed over every axis and outlet.
func BarTotals(res *compare.Result) (own, quoted int, err error) {
	p, err := build(res, Options{})
	if err != nil {
		return 0, 0, err
	}
	for _, ax := range p.Axes {
		for _, r := range ax.Bars {
			own += r.Total
			quoted += r.Quoted
		}
	}
	return own, quoted, nil
}

// TermTotals returns the counts the page's terms table states, summed over
// every row and outlet: all hits, and quoted ones.
func TermTotals(res *compare.Result) (all, quoted int, err error) {
	p, err := build(res, Options{})
	if err != nil {
		return 0, 0, err
	}
	for _, r := range p.Terms {
		for _, th := range r.byOutlet {
			all += th.N
			quoted += th.Quoted
		}
	}
	return all, quoted, nil
}

// OutletArticles returns the articles the page's outlet table states per
// outlet name.
func OutletArticles(res *compare.Result) (map[string]int, error) {
	p, err := build(res, Options{})
	if err != nil {
		return nil, err
	}
	n := map[string]int{}
	for _, o := range p.Outlets {
		n[o.Name] = o.Articles
	}
	return n, nil
}
