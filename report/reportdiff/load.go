// Package reportdiff compares two report.json files and says what changed
// between them: articles and outlets added or removed, events that formed,
// merged or split, term counts per outlet, word swaps, quotations and
// speakers. Rules over the changes make it a gate for CI jobs.
package reportdiff

import (
	"encoding/json"
	"fmt"
	"io"
)

// Report is the part of a report.json that a diff reads. Fields the diff
// does not use are ignored, so reports of other schema versions load as
// long as these fields keep their meaning.
type Report struct {
	SchemaVersion int       `json:"schema_version"`
	Articles      []Article `json:"articles"`
	Events        []Event   `json:"events"`
	Framing       struct {
		Counts []Count `json:"counts"`
	} `json:"framing"`
	Substitutions []Swap  `json:"substitutions"`
	Quotes        []Quote `json:"quotes"`
}

// Article is one article of a report.
type Article struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	Words  int    `json:"words"`
}

// Event is one event of a report.
type Event struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Articles []string `json:"articles"`
}

// Count is one framing count of a report; only corpus-wide counts (no
// event, no article) are compared.
type Count struct {
	Event        string  `json:"event"`
	Article      string  `json:"article"`
	Outlet       string  `json:"outlet"`
	Axis         string  `json:"axis"`
	Pole         string  `json:"pole"`
	Term         string  `json:"term"`
	Voice        string  `json:"voice"`
	Count        int     `json:"count"`
	Per1000Words float64 `json:"per_1000_words"`
}

// Swap is one word swap between two outlets.
type Swap struct {
	TermA   string `json:"term_a"`
	TermB   string `json:"term_b"`
	OutletA string `json:"outlet_a"`
	OutletB string `json:"outlet_b"`
	Count   int    `json:"count"`
	Axis    string `json:"axis"`
	Framing bool   `json:"framing"`
}

// Quote is one direct quotation.
type Quote struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Headline bool   `json:"headline"`
}

// Load reads a report.json. name is used in error messages.
func Load(r io.Reader, name string) (*Report, error) {
	var rep Report
	dec := json.NewDecoder(r)
	if err := dec.Decode(&rep); err != nil {
		return nil, fmt.Errorf("%s: not a framediff report.json: %w", name, err)
	}
	if rep.SchemaVersion == 0 {
		return nil, fmt.Errorf("%s: not a framediff report.json: no schema_version", name)
	}
	return &rep, nil
}
