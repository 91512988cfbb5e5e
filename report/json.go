// Package report writes a compare.Result as report.json, report.xlsx and
// report.pdf. Each format has one writer taking an io.Writer; the command
// opens the files.
package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
)

// WriteJSON writes res as indented JSON, the layout documented in
// docs/report-json.md. Lists are written as [] rather than null. It returns
// the first write error.
func WriteJSON(w io.Writer, res *compare.Result) error {
	out := *res
	out.Articles = make([]corpus.Article, len(res.Articles))
	for i, a := range res.Articles {
		if a.Warnings == nil {
			a.Warnings = []string{}
		}
		out.Articles[i] = a
	}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	if out.Outlets == nil {
		out.Outlets = []corpus.Outlet{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	return nil
}
