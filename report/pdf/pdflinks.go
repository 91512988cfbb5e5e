package pdf

import (
	"unicode/utf8"

	"github.com/framediff/framediff/report"
)

// pdfMaxURL is the longest URL the handout makes clickable, in bytes.
// Longer ones are shown cut and not linked: browsers and viewers refuse
// them, and each link annotation holds the whole URL.
const pdfMaxURL = 2048

// pdfLinkTarget returns u when the handout may link it: an http or https
// URL without spaces or control characters and at most pdfMaxURL bytes.
// Anything else (javascript:, file:, data:, over-long) returns "".
func pdfLinkTarget(u string) string {
	if len(u) <= pdfMaxURL && report.WebURL(u) {
		return u
	}
	return ""
}

// pdfWholeURL is the longest URL shown whole; it may wrap, and each of its
// few lines is linked.
const pdfWholeURL = 200

// urlRun shows u: whole when it has at most pdfWholeURL bytes, otherwise
// cut with an ellipsis to one line of at most width, so that a long URL is
// one annotation however long it is. Only a URL pdfLinkTarget accepts is
// linked; others are shown grey as plain text.
func (d *pdfDoc) urlRun(u string, st pdfStyle, width float64) pdfRun {
	// No line holds more than a few hundred characters: cut before
	// cleaning and measuring, so the work is bounded whatever the input.
	const maxShown = 1024
	s := u
	if len(s) > maxShown {
		n := maxShown
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	st.Link = pdfLinkTarget(u)
	if st.Link == "" {
		st.Color = pdfGrey
	}
	if len(u) <= pdfWholeURL {
		// Short enough to show whole, wrapped over a line or two.
		return pdfRun{Text: pdfClean(d.g, u), Style: st}
	}
	// Fitted to the width, a linked URL (which has no spaces) is one word
	// on one line: one annotation.
	return pdfRun{Text: d.fit(pdfClean(d.g, s), st, width), Style: st}
}
