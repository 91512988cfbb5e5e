package pdf

import (
	"strings"
	"testing"

	"github.com/framediff/framediff/framing"
)

// TestWritePDFMarkerGlossary reads the handout back with pdftotext: the
// glossary lists the markers the outlets use in their own voice; in the
// seeds, scare quotes such as "bloodbath" and "de-escalation".
func TestWritePDFMarkerGlossary(t *testing.T) {
	res := pdfSeedResult(t)
	m := framing.NewMatcher(res.Lex)
	var marks []framing.MarkerHit
	for i := range res.Articles {
		marks = append(marks, m.Markers(&res.Articles[i])...)
	}
	res.Framing.Markers = marks
	file := pdfSave(t, "markers.pdf", pdfWrite(t, res, Options{}))
	text := strings.Join(strings.Fields(pdfToText(t, file, 0, 0)), " ")
	for _, want := range []string{"Markers: distance, hedges and loaded speech verbs", "Scare quotes set a word apart", "\u201cbloodbath\u201d", "\u201cde-escalation\u201d", "Used by CGTN"} {
		if !strings.Contains(text, want) {
			t.Errorf("handout lacks %q", want)
		}
	}
}
