package text

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// writeJSONValue writes v as indented JSON, as every view's --json does.
func writeJSONValue(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// articleRow is an article as the articles view lists it: everything but
// its text.
type articleRow struct {
	ID        string      `json:"id"`
	Outlet    string      `json:"outlet"`
	Published corpus.Date `json:"published"`
	Words     int         `json:"words"`
	Title     string      `json:"title"`
	URL       string      `json:"url,omitempty"`
	Source    string      `json:"source"`
	Warnings  []string    `json:"warnings"`
}

// WriteArticlesJSON writes the articles as the articles view lists them,
// sorted by id, without their texts.
func WriteArticlesJSON(w io.Writer, arts []corpus.Article) error {
	rows := []articleRow{}
	for _, a := range sortedArticles(arts) {
		ws := a.Warnings
		if ws == nil {
			ws = []string{}
		}
		rows = append(rows, articleRow{a.ID, a.Outlet, a.Published, a.Words, a.Title, a.URL, a.Source, ws})
	}
	return writeJSONValue(w, rows)
}

// WriteTermsJSON writes the corpus-wide counts per outlet, term and voice,
// and their sums per pole: the numbers behind the terms table.
func WriteTermsJSON(w io.Writer, res *compare.Result) error {
	var counts []framing.Count
	if res.Framing != nil {
		for _, c := range res.Framing.Counts {
			if c.Event == "" && c.Article == "" {
				counts = append(counts, c)
			}
		}
	}
	if counts == nil {
		counts = []framing.Count{}
	}
	poles := framing.PoleTotals(counts)
	if poles == nil {
		poles = []framing.Count{}
	}
	return writeJSONValue(w, struct {
		Counts []framing.Count `json:"counts"`
		Poles  []framing.Count `json:"poles"`
	}{counts, poles})
}

// kwicHit is one hit with its context, as terms --kwic --json lists it.
type kwicHit struct {
	framing.Hit
	Outlet string `json:"outlet"`
	Left   string `json:"left"`
	Right  string `json:"right"`
}

// WriteKWICJSON writes every hit of a term, pole or axis with its context,
// as WriteKWIC prints them; ErrNoHit when there is none.
func WriteKWICJSON(w io.Writer, res *compare.Result, term string, width int) error {
	want := strings.ToLower(strings.TrimSpace(term))
	arts := map[string]*corpus.Article{}
	for i := range res.Articles {
		arts[res.Articles[i].ID] = &res.Articles[i]
	}
	hits := []kwicHit{}
	if res.Framing != nil {
		for _, h := range res.Framing.Hits {
			art := arts[h.Article]
			if art == nil || !kwicMatches(h, want) {
				continue
			}
			left, _, right := framing.KWIC(art, h, width)
			hits = append(hits, kwicHit{h, art.Outlet, strings.TrimRight(left, " "), strings.TrimLeft(right, " ")})
		}
	}
	if len(hits) == 0 {
		return ErrNoHit
	}
	return writeJSONValue(w, hits)
}

// WriteEventsJSON writes the events.
func WriteEventsJSON(w io.Writer, res *compare.Result) error {
	events := res.Events
	if events == nil {
		events = []compare.Event{}
	}
	return writeJSONValue(w, events)
}

// WriteAlignmentsJSON writes the aligned passages of event.
func WriteAlignmentsJSON(w io.Writer, res *compare.Result, event string) error {
	als := []compare.Alignment{}
	for _, al := range res.Alignments {
		if al.Event == event {
			als = append(als, al)
		}
	}
	return writeJSONValue(w, als)
}
