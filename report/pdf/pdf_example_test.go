package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"time"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

func ExampleWrite() {
	text := "Damascus regained control of the town, the regime said.\n\n“We will stay,” a rebel commander told reporters."
	res := &compare.Result{
		Tool: compare.Tool{Name: "framediff", Version: "0.1.0"},
		Articles: []corpus.Article{{
			ID: "a1", Outlet: "Example News", Title: "Town changes hands", Text: text, Words: 16,
			Published: corpus.Date{Time: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Precision: corpus.Day},
		}},
		Lex: &framing.Lexicon{Axes: []framing.Axis{{ID: "state", Name: "The state", Poles: []framing.Pole{
			{ID: "regime", Name: "regime", Color: "#c0392b", Terms: []framing.Term{{Text: "regime", Note: "Implies illegitimate rule.", Neutral: "government"}}},
			{ID: "government", Name: "government", Color: "#2471a3", Terms: []framing.Term{{Text: "Damascus"}}},
		}}}},
		Framing: &compare.Framing{Hits: []framing.Hit{
			{Article: "a1", Axis: "state", Pole: "government", Term: "Damascus", Match: "Damascus", Start: 0, End: 8, Voice: framing.Narrator},
			{Article: "a1", Axis: "state", Pole: "regime", Term: "regime", Match: "regime", Start: 44, End: 50, Voice: framing.Narrator},
		}},
		Events: []compare.Event{{ID: "e1", Label: "Town changes hands — 2024-05-01", Start: "2024-05-01", End: "2024-05-01", Articles: []string{"a1"}}},
	}
	var buf bytes.Buffer
	err := Write(&buf, res, Options{Paper: "letter", Settings: "framediff report --paper letter"})
	pages := len(regexp.MustCompile(`/Type /Page\n`).FindAll(buf.Bytes(), -1))
	fmt.Println(err, bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")), pages > 0)
	// The document's date is the article's, not the clock's.
	fmt.Println(bytes.Contains(buf.Bytes(), []byte("/CreationDate (D:20240501")))
	// Output:
	// <nil> true true
	// true
}
