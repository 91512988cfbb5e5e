// Package report holds what the output writers share: the presentation
// every format uses alike. Each format has its own package under report/
// (json, xlsx, pdf, html, markdown, text) that writes a compare.Result to
// an io.Writer; the command opens the files.
package report

import "strings"

// WebURL reports whether u is an http or https URL without spaces, control
// characters or invalid UTF-8: the only links the workbook and the handout
// make clickable.
func WebURL(u string) bool {
	l := strings.ToLower(u)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) &&
		strings.IndexFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) < 0 &&
		strings.ToValidUTF8(u, "") == u
}
