// Package report holds what the output writers share: the presentation
// every format uses alike. Each format has its own package under report/
// (json, xlsx, pdf, html, markdown, text) that writes a compare.Result to
// an io.Writer; the command opens the files.
package report
