package jsonreport

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/internal/reporttest"
)

// Passages are written as offsets into their article's text, once, and a
// reader rebuilds each from them; OmitTexts leaves the texts out.
func TestWriteJSONPassagesAsOffsets(t *testing.T) {
	res := reporttest.Seeds(t)
	if len(res.Alignments) == 0 || len(res.Coverage) == 0 {
		t.Fatal("seed fixture has no alignments or coverage")
	}
	var buf bytes.Buffer
	if err := Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Articles      []struct {
			ID   string  `json:"id"`
			Text *string `json:"text"`
		} `json:"articles"`
		Alignments []struct {
			A map[string]any `json:"a"`
			B map[string]any `json:"b"`
		} `json:"alignments"`
		Substitutions []struct {
			Examples []struct {
				A map[string]any `json:"a"`
			} `json:"examples"`
		} `json:"substitutions"`
		Coverage []struct {
			Sentences []map[string]any `json:"sentences"`
		} `json:"coverage"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != compare.SchemaVersion || compare.SchemaVersion < 2 {
		t.Errorf("schema_version %d", doc.SchemaVersion)
	}
	text := map[string]string{}
	for _, a := range doc.Articles {
		if a.Text == nil {
			t.Fatalf("article %s has no text", a.ID)
		}
		text[a.ID] = *a.Text
	}
	// Every passage rebuilt from its offsets is the text the Result holds.
	check := func(where string, ref map[string]any, want compare.SentenceRef) {
		t.Helper()
		if _, ok := ref["text"]; ok {
			t.Errorf("%s: passage carries a copy of its text", where)
		}
		id, _ := ref["article"].(string)
		start, end := int(ref["start"].(float64)), int(ref["end"].(float64))
		if got := text[id][start:end]; got != want.Text {
			t.Errorf("%s: rebuilt %q, want %q", where, got, want.Text)
		}
	}
	for i, al := range doc.Alignments {
		check("alignment a", al.A, res.Alignments[i].A)
		check("alignment b", al.B, res.Alignments[i].B)
	}
	for i, s := range doc.Substitutions {
		for k, ex := range s.Examples {
			check("substitution example", ex.A, res.Substitutions[i].Examples[k].A)
		}
	}
	for i, c := range doc.Coverage {
		for k, s := range c.Sentences {
			check("coverage sentence", s, res.Coverage[i].Sentences[k])
		}
	}

	// Without texts: smaller, and no article text at all.
	var small bytes.Buffer
	if err := WriteOptions(&small, res, Options{OmitTexts: true}); err != nil {
		t.Fatal(err)
	}
	var bare struct {
		Articles []map[string]any `json:"articles"`
	}
	if err := json.Unmarshal(small.Bytes(), &bare); err != nil {
		t.Fatal(err)
	}
	for _, a := range bare.Articles {
		if _, ok := a["text"]; ok {
			t.Errorf("article %v's text is still written", a["id"])
		}
	}
	if small.Len() >= len(raw) {
		t.Errorf("without texts %d bytes, with %d", small.Len(), len(raw))
	}
}
