package pdf

import (
	"testing"
	"time"

	"github.com/framediff/framediff/corpus"
)

func TestPDFUndatedNote(t *testing.T) {
	dated := &corpus.Article{ID: "d", Published: corpus.Date{Time: time.Date(2018, 4, 30, 0, 0, 0, 0, time.UTC), Precision: corpus.Day}}
	undated := &corpus.Article{ID: "u"}
	tests := []struct {
		name string
		arts []*corpus.Article
		want string
	}{
		{"all dated", []*corpus.Article{dated, dated}, ""},
		{"one undated", []*corpus.Article{dated, undated, dated}, "One article is undated: it was grouped by its content alone. "},
		{"two undated", []*corpus.Article{undated, dated, undated}, "2 articles are undated: they were grouped by their content alone. "},
		{"none dated", []*corpus.Article{undated, undated}, "None of the articles is dated: they were grouped by their content alone. "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pdfUndatedNote(tt.arts); got != tt.want {
				t.Errorf("pdfUndatedNote = %q, want %q", got, tt.want)
			}
		})
	}
}
