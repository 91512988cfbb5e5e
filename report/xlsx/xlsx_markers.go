package xlsx

import "github.com/framediff/framediff/compare"

// markersTable lists the lexicon's markers found (hedges, distancing
// words, graded attribution verbs, scare quotes) per outlet, event and
// voice, with a rate per 1,000 words.
func (x *xlsxWriter) markersTable() *table {
	if x.res.Framing == nil || len(x.res.Framing.MarkerCounts) == 0 {
		return nil
	}
	cs := x.res.Framing.MarkerCounts
	return &table{
		sheet: "Markers", name: "Markers", stream: true,
		cols: []column{
			{"Scope", 24, stText},
			{"Outlet", 18, stText},
			{"Kind", 12, stText},
			{"Grade", 10, stText},
			{"Marker", 20, stText},
			{"Voice", 9, stText},
			{"Count", 8, stInt},
			{"Per 1,000 words", 14, stDec2},
		},
		n: len(cs),
		row: func(i int, r []any) {
			c := &cs[i]
			scope := c.Event
			if scope == "" {
				scope = "corpus"
			}
			r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] = scope, compare.OutletName(c.Outlet), c.Kind, c.Grade, c.Marker, string(c.Voice), c.Count, c.Per1000Words
		},
	}
}
