// Package corpus reads news articles from the formats people have (plain
// text and Markdown with optional front matter, saved HTML pages, JSON and
// JSONL), cleans them of site boilerplate, splits them into sentences and
// identifies their outlets through an embedded, extendable registry.
package corpus

import "strings"

// Span is a half-open byte range [Start, End) into an article's cleaned Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Article is one news article after reading and cleaning.
type Article struct {
	// ID is the id given by the input (JSONL field or front matter), else the
	// file name without its extension.
	ID string `json:"id"`
	// Outlet is the canonical outlet name from the registry when the outlet is
	// known there, else the name as the input gives it; empty if unknown.
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	// Author is the byline when the input gives one (HTML metadata).
	Author    string `json:"author,omitempty"`
	Published Date   `json:"published"`
	URL       string `json:"url"`
	// Event, when the input sets it, overrides automatic event grouping.
	Event string `json:"event,omitempty"`
	// Kind is KindPrimary for a reference document (statement,
	// transcript); empty (KindReport) for ordinary reporting.
	Kind ArticleKind `json:"kind,omitempty"`
	// Language is the ISO 639-1 code of the language of Text ("en", "ar",
	// "zh"): the input's language (or lang) field when given, else detected;
	// empty when it cannot be told.
	Language string `json:"language"`
	// Words is the number of words in Text.
	Words int `json:"words"`
	// Text is the cleaned body: paragraphs separated by a blank line.
	Text string `json:"text"`
	// Paragraphs and Sentences are byte spans into Text, in order.
	Paragraphs []Span `json:"-"`
	Sentences  []Span `json:"-"`
	// Source names where the article came from: a path, "path:line" for a
	// JSONL record, or "seeds/NAME" for the embedded corpus.
	Source   string   `json:"source"`
	Warnings []string `json:"warnings"`
}

// Sentence returns the text of sentence i.
func (a *Article) Sentence(i int) string {
	s := a.Sentences[i]
	return a.Text[s.Start:s.End]
}

// ParagraphSpans returns the article's paragraphs: Paragraphs when they are
// valid spans of Text, else Text split at blank lines (an article built by
// hand rather than by a Reader).
func (a *Article) ParagraphSpans() []Span {
	if ValidSpans(a.Paragraphs, len(a.Text)) {
		return a.Paragraphs
	}
	return SplitParagraphs(a.Text)
}

// ValidSpans reports whether spans is non-empty, in order, non-overlapping
// and inside a text of n bytes.
func ValidSpans(spans []Span, n int) bool {
	if len(spans) == 0 {
		return false
	}
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End < s.Start || s.End > n {
			return false
		}
		last = s.End
	}
	return true
}

// SplitParagraphs splits text at blank lines, or at line breaks when it has
// no blank line, leaving out blank paragraphs.
func SplitParagraphs(text string) []Span {
	sep := "\n\n"
	if !strings.Contains(text, sep) {
		sep = "\n"
	}
	var out []Span
	start := 0
	for start <= len(text) {
		i := strings.Index(text[start:], sep)
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, Span{Start: start, End: end})
		}
		if i < 0 {
			break
		}
		start = end + len(sep)
	}
	return out
}

// ArticleKind says what sort of document an Article is. It is written to
// report.json as its string, and left out when empty.
type ArticleKind string

// The kinds of article an input may declare (its kind field).
const (
	// KindReport is ordinary reporting: the input declares no kind.
	KindReport ArticleKind = ""
	// KindPrimary is a reference document (a statement, a transcript)
	// that outlets report on: quotations and claims are measured against it.
	KindPrimary ArticleKind = "primary"
)

// String returns the kind as inputs and report.json write it.
func (k ArticleKind) String() string { return string(k) }

// Label returns the kind as a reader sees it: "primary source" or "report".
func (k ArticleKind) Label() string {
	switch k {
	case KindPrimary:
		return "primary source"
	case KindReport:
		return "report"
	}
	return string(k)
}

// Primary reports whether the article is a primary source.
func (a *Article) Primary() bool { return a.Kind == KindPrimary }
