package pdf

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
)

// pdfMarkerKinds are the marker groups of the glossary, in order: kind,
// attribution grade, and what the group does.
var pdfMarkerKinds = []struct{ kind, grade, what string }{
	{framing.MarkerDistancing, "", "Distancing words put what follows at arm's length, doubting a name without arguing with it"},
	{framing.MarkerScareQuote, "", "Scare quotes set a word apart as someone else's, inviting doubt"},
	{framing.MarkerHedge, "", "Hedges weaken a claim or shift its weight to a source"},
	{framing.MarkerAttribution, "loaded", "Loaded speech verbs judge what was said (\"claimed\", \"admitted\")"},
	{framing.MarkerAttribution, "emphatic", "Emphatic speech verbs stress how it was said (\"warned\", \"insisted\")"},
}

// markerGlossary adds to the glossary, per marker group, the markers the
// selected articles use in their own (narrator) voice and how often each
// outlet does.
func (d *pdfDoc) markerGlossary() {
	if d.res.Framing == nil || len(d.res.Framing.Markers) == 0 {
		return
	}
	outletOf := map[string]string{}
	for _, a := range d.selected {
		outletOf[a.ID] = report.OutletName(a.Outlet)
	}
	type group struct {
		per     map[string]int // outlet → uses
		markers map[string]int // marker → uses
	}
	groups := make([]group, len(pdfMarkerKinds))
	for _, mh := range d.res.Framing.Markers {
		o, ok := outletOf[mh.Article]
		if !ok || mh.Voice != framing.Narrator {
			continue
		}
		for i, k := range pdfMarkerKinds {
			if mh.Kind != k.kind || mh.Grade != k.grade {
				continue
			}
			g := &groups[i]
			if g.per == nil {
				g.per, g.markers = map[string]int{}, map[string]int{}
			}
			g.per[o]++
			g.markers[mh.Marker]++
		}
	}
	var paras []string
	for i, k := range pdfMarkerKinds {
		g := groups[i]
		if len(g.per) == 0 {
			continue
		}
		words := slices.Sorted(maps.Keys(g.markers))
		slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(g.markers[b], g.markers[a]) })
		if len(words) > 5 {
			words = words[:5]
		}
		outlets := slices.Sorted(maps.Keys(g.per))
		slices.SortStableFunc(outlets, func(a, b string) int { return cmp.Compare(d.label(a), d.label(b)) })
		var uses []string
		for _, o := range outlets {
			uses = append(uses, fmt.Sprintf("%s %d", d.label(o), g.per[o]))
		}
		paras = append(paras, fmt.Sprintf("%s: %s. Used by %s.", k.what, strings.Join(quoteAll(words), ", "), strings.Join(uses, ", ")))
	}
	if len(paras) == 0 {
		return
	}
	d.heading("Markers: distance, hedges and loaded speech verbs", 20)
	for _, p := range paras {
		d.para(d.t(p))
	}
}

func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = "\u201c" + w + "\u201d"
	}
	return out
}
