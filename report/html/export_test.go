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
