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

// JSONOptions control WriteJSONOptions.
type JSONOptions struct {
	// OmitTexts leaves each article's "text" out. Offsets elsewhere in the
	// file still point into it, so a reader needs the articles' cleaned
	// texts from elsewhere (another run with the same inputs) to show
	// passages.
	OmitTexts bool
}

// WriteJSON writes res as indented JSON, the layout documented in
// docs/report-json.md. Lists are written as [] rather than null. It returns
// the first write error.
func WriteJSON(w io.Writer, res *compare.Result) error {
	return WriteJSONOptions(w, res, JSONOptions{})
}

// jsonRef is a compare.SentenceRef without its text: the passage is
// text[start:end] of the article named, written once, in articles[].
type jsonRef struct {
	Article   string `json:"article"`
	Outlet    string `json:"outlet"`
	Sentence  int    `json:"sentence"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Sentences []int  `json:"sentences,omitempty"`
}

func refOf(r compare.SentenceRef) jsonRef {
	return jsonRef{Article: r.Article, Outlet: r.Outlet, Sentence: r.Sentence, Start: r.Start, End: r.End, Sentences: r.Sentences}
}

type jsonAlignment struct {
	Event      string           `json:"event"`
	A          jsonRef          `json:"a"`
	B          jsonRef          `json:"b"`
	Kind       string           `json:"kind"`
	Similarity float64          `json:"similarity"`
	Diff       []compare.DiffOp `json:"diff"`
	Speaker    string           `json:"speaker,omitempty"`
}

func alignmentsOf(als []compare.Alignment) []jsonAlignment {
	out := make([]jsonAlignment, len(als))
	for i, al := range als {
		out[i] = jsonAlignment{Event: al.Event, A: refOf(al.A), B: refOf(al.B), Kind: al.Kind, Similarity: al.Similarity, Diff: al.Diff, Speaker: al.Speaker}
	}
	return out
}

// The types below shadow a field of the compare type they embed: the
// outer field, being shallower, is the one encoding/json writes.

type jsonSubstitution struct {
	compare.Substitution
	Examples []jsonAlignment `json:"examples"`
}

type jsonClaim struct {
	compare.Claim
	Sentences []jsonRef `json:"sentences"`
}

type jsonArticle struct {
	corpus.Article
	Text *string `json:"text,omitempty"`
}

type jsonResult struct {
	*compare.Result
	Articles      []jsonArticle      `json:"articles"`
	Alignments    []jsonAlignment    `json:"alignments"`
	Substitutions []jsonSubstitution `json:"substitutions"`
	Coverage      []jsonClaim        `json:"coverage"`
}

// WriteJSONOptions is WriteJSON with options. Passages (alignments,
// substitution examples, coverage sentences) are written as offsets into
// their article's text, never as copies of it.
func WriteJSONOptions(w io.Writer, res *compare.Result, opts JSONOptions) error {
	out := jsonResult{Result: res}
	base := *res
	if base.Warnings == nil {
		base.Warnings = []string{}
	}
	if base.Outlets == nil {
		base.Outlets = []corpus.Outlet{}
	}
	out.Result = &base
	out.Articles = make([]jsonArticle, len(res.Articles))
	for i, a := range res.Articles {
		if a.Warnings == nil {
			a.Warnings = []string{}
		}
		out.Articles[i] = jsonArticle{Article: a}
		if !opts.OmitTexts {
			out.Articles[i].Text = &res.Articles[i].Text
		}
	}
	out.Alignments = alignmentsOf(res.Alignments)
	out.Substitutions = make([]jsonSubstitution, len(res.Substitutions))
	for i, s := range res.Substitutions {
		out.Substitutions[i] = jsonSubstitution{Substitution: s, Examples: alignmentsOf(s.Examples)}
	}
	out.Coverage = make([]jsonClaim, len(res.Coverage))
	for i, c := range res.Coverage {
		refs := make([]jsonRef, len(c.Sentences))
		for k, r := range c.Sentences {
			refs[k] = refOf(r)
		}
		out.Coverage[i] = jsonClaim{Claim: c, Sentences: refs}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	return nil
}
