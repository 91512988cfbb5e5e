// Package report holds what the output writers share: the presentation
// every format uses alike. Each format has its own package under report/
// (json, xlsx, pdf, html, markdown, text) that writes a compare.Result to
// an io.Writer; the command opens the files.
package report

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
)

// PolePalette colours a lexicon's poles that name no colour of their own:
// the i-th pole of an axis takes PoleColor(i), in the handout and the web
// page alike.
var PolePalette = []string{"#b03a2e", "#1f618d", "#7d3c98", "#1e8449", "#b9770e", "#5d6d7e", "#a04000", "#17a589"}

// PoleColor returns the palette colour ("#rrggbb") of the i-th pole of an
// axis; the palette repeats after eight poles.
func PoleColor(i int) string { return PolePalette[i%len(PolePalette)] }

// PoleColorFor returns the colour ("#rrggbb") a pole is drawn in: color,
// the lexicon's own, when it is six hex digits with or without a leading
// '#', else PoleColor(i) for the pole's place i on its axis.
func PoleColorFor(color string, i int) string {
	s := strings.TrimPrefix(strings.TrimSpace(color), "#")
	if len(s) == 6 {
		if _, err := strconv.ParseUint(s, 16, 32); err == nil {
			return "#" + s
		}
	}
	return PoleColor(i)
}

// OutletName names an article's outlet for the handout and the web page:
// the name without surrounding space, or "Unknown outlet", never empty;
// the name compare.Findings give it.
func OutletName(name string) string { return compare.OutletName(name) }

// ByDate orders articles by publication date, undated first, then by id:
// the order in which blind mode hands out source labels.
func ByDate(a, b *corpus.Article) int {
	return cmp.Or(a.Published.Time.Compare(b.Published.Time), cmp.Compare(a.ID, b.ID))
}

// SourceLabel is the name blind mode gives the i-th outlet (from 0):
// Source A … Source Z, then Source AA, AB…
func SourceLabel(i int) string { return "Source " + letters(i) }

// letters gives A…Z, then AA, AB…
func letters(i int) string {
	s := ""
	for {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}

// WebURL reports whether u is an http or https URL without spaces, control
// characters or invalid UTF-8: the only links the workbook and the handout
// make clickable.
func WebURL(u string) bool {
	l := strings.ToLower(u)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) &&
		strings.IndexFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) < 0 &&
		strings.ToValidUTF8(u, "") == u
}
