package xlsx

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var seriesColour = regexp.MustCompile(`(?s)<ser>.*?<a:srgbClr val="([0-9A-Fa-f]{6})"`)

// TestWriteXLSXChartPoleColours checks that the pole-share charts draw each
// pole in the handout's colour: the lexicon's own when it names one, else
// the palette's by the pole's place on its axis.
func TestWriteXLSXChartPoleColours(t *testing.T) {
	res := seedFixture(t)
	var state int
	for i, ax := range res.Lex.Axes {
		if ax.ID == "state" {
			state = i
		}
	}
	ax := &res.Lex.Axes[state]
	if len(ax.Poles) < 2 {
		t.Fatalf("axis %s has %d poles", ax.ID, len(ax.Poles))
	}
	ax.Poles[1].Color = " #D55E00"
	parts := unzipParts(t, writeXLSX(t, res, Options{}))
	var chart string
	for name, body := range parts {
		if strings.HasPrefix(name, "xl/charts/chart") && strings.Contains(body, ax.Name+": narrator hits by pole") {
			chart = body
		}
	}
	if chart == "" {
		t.Fatalf("no chart for axis %q", ax.Name)
	}
	var got []string
	for _, ser := range strings.SplitAfter(chart, "</ser>") {
		if m := seriesColour.FindStringSubmatch(ser); m != nil {
			got = append(got, strings.ToLower(m[1]))
		}
	}
	want := []string{"b03a2e", "d55e00"}
	if !slices.Equal(got, want) {
		t.Errorf("series colours %v, want %v", got, want)
	}
}
