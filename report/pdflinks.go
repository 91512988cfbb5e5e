package report

import "unicode/utf8"

// pdfMaxURL is the longest URL the handout makes clickable, in bytes.
// Longer ones are shown cut and not linked: browsers and viewers refuse
// them, and each link annotation holds the whole URL.
const pdfMaxURL = 2048

// pdfLinkTarget returns u when the handout may link it: an http or https
// URL without spaces or control characters and at most pdfMaxURL bytes.
// Anything else (javascript:, file:, data:, over-long) returns "".
func pdfLinkTarget(u string) string {
	if len(u) <= pdfMaxURL && webURL(u) {
		return u
	}
	return ""
}

// urlRun shows u on one line of at most width, cut with an ellipsis when
// longer, so that a link is one annotation however long the URL. Only a
// URL pdfLinkTarget accepts is linked; others are shown grey as plain text.
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
	// Fitted to the width, a linked URL (which has no spaces) is one word
	// on one line: one annotation.
	return pdfRun{Text: d.fit(pdfClean(d.g, s), st, width), Style: st}
}
