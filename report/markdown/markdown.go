// Package markdown writes Markdown for code-hosting comments: a summary of
// a compare.Result (framediff report --summary) and what changed between
// two reports (framediff diff --markdown).
package markdown

import (
	"fmt"
	"io"
	"strings"
)

// maxRows bounds each table and list; the JSON outputs have everything.
const maxRows = 20

// Escape keeps text from being read as Markdown or HTML, and folds it onto
// one line so it fits a table cell.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// firstRows returns at most maxRows elements of s.
func firstRows[T any](s []T) []T {
	if len(s) > maxRows {
		return s[:maxRows]
	}
	return s
}

// writer keeps the first write error so the formatting code stays flat.
type writer struct {
	w   io.Writer
	err error
}

func (w *writer) printf(format string, args ...any) {
	if w.err == nil {
		_, w.err = fmt.Fprintf(w.w, format, args...)
	}
}

// more notes how many rows a capped list left out.
func (w *writer) more(total, shown int) {
	if total > shown {
		w.printf("\n… and %d more.\n", total-shown)
	}
}
