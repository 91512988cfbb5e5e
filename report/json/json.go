// Package jsonreport writes a compare.Result as report.json, the layout
// documented in docs/report-json.md.
package jsonreport

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
)

// Options control WriteOptions.
type Options struct {
	// OmitTexts leaves each article's "text" out. Offsets elsewhere in the
	// file still point into it, so a reader needs the articles' cleaned
	// texts from elsewhere (another run with the same inputs) to show
	// passages.
	OmitTexts bool
	// Compact writes the JSON without line breaks and indentation: the
	// same values in about three-quarters of the bytes.
	Compact bool
	// Gzip compresses the output with gzip, at its fastest level, with no
	// file name or time in the header so that the bytes stay fixed. On real
	// news this makes the report smaller than its input.
	Gzip bool
}

// Write writes res as indented JSON, the layout documented in
// docs/report-json.md. Lists are written as [] rather than null. It returns
// the first write error.
func Write(w io.Writer, res *compare.Result) error {
	return WriteOptions(w, res, Options{})
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

func alignmentOf(al *compare.Alignment) jsonAlignment {
	return jsonAlignment{Event: al.Event, A: refOf(al.A), B: refOf(al.B), Kind: al.Kind.String(), Similarity: al.Similarity, Diff: al.Diff, Speaker: al.Speaker}
}

func alignmentsOf(als []compare.Alignment) []jsonAlignment {
	out := make([]jsonAlignment, len(als))
	for i := range als {
		out[i] = alignmentOf(&als[i])
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

// jsonWriter writes one report.json. The document is written field by
// field and list element by list element, so that only one element is
// encoded in memory at a time, never the whole report.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	// indented is the element in buf indented, when indent is set.
	indented []byte
	indent   bool
	// prefixes[d] is the indentation of a line at nesting depth d.
	prefixes []string
	err      error
}

// maxJSONDepth is the deepest nesting at which the writer places an
// element itself; deeper values are encoded inside their element.
const maxJSONDepth = 4

func newJSONWriter(w io.Writer, indent bool) *jsonWriter {
	j := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10), indent: indent}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	p := ""
	for d := 0; d <= maxJSONDepth; d++ {
		j.prefixes = append(j.prefixes, p)
		p += "  "
	}
	return j
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// line starts a new line at depth d; nothing in compact output.
func (j *jsonWriter) line(d int) {
	if j.indent {
		j.raw("\n")
		j.raw(j.prefixes[d])
	}
}

// key writes an object member's name, after a comma unless it is the
// object's first member.
func (j *jsonWriter) key(d int, first bool, name string) {
	if !first {
		j.raw(",")
	}
	j.line(d)
	j.raw(`"`)
	j.raw(name)
	if j.indent {
		j.raw(`": `)
	} else {
		j.raw(`":`)
	}
}

// value writes v, which sits at depth d, as encoding/json would inside
// its parent.
func (j *jsonWriter) value(d int, v any) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		j.err = err
		return
	}
	b := j.buf.Bytes()
	b = b[:len(b)-1] // Encode ends with a newline
	if j.indent {
		j.indented = appendIndent(j.indented[:0], b, j.prefixes[d], "  ")
		b = j.indented
	}
	_, j.err = j.w.Write(b)
}

// appendIndent appends src, compact JSON as encoding/json writes it, to
// dst indented as json.Indent(dst, src, prefix, indent) would. It copies
// strings whole rather than stepping json.Indent's scanner through every
// byte, which made indenting cost more than encoding. It relies on src
// being valid and holding no white space outside strings.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	needIndent := false
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			dst = appendNewline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			// An empty object or array stays {} or [].
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = appendNewline(dst, prefix, indent, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				dst = appendNewline(dst, prefix, indent, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func appendNewline(dst []byte, prefix, indent string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for i := 0; i < depth; i++ {
		dst = append(dst, indent...)
	}
	return dst
}

// stringEnd returns the index just past the string that opens at
// src[start], or len(src) if it does not close.
func stringEnd(src []byte, start int) int {
	for j := start + 1; j < len(src); {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			break
		}
		q := j + k
		backslashes := 0
		for p := q - 1; p > start && src[p] == '\\'; p-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return q + 1
		}
		j = q + 1
	}
	return len(src)
}

// list writes the n elements of a list at depth d, each made by elem; a
// nil list is null, as encoding/json writes it.
func (j *jsonWriter) list(d int, n int, isNil bool, elem func(i int) any) {
	switch {
	case isNil:
		j.raw("null")
		return
	case n == 0:
		j.raw("[]")
		return
	}
	j.raw("[")
	for i := 0; i < n && j.err == nil; i++ {
		if i > 0 {
			j.raw(",")
		}
		j.line(d + 1)
		j.value(d+1, elem(i))
	}
	j.line(d)
	j.raw("]")
}

// writeList writes the list items at depth d, each element itself.
func writeList[T any](j *jsonWriter, d int, items []T) {
	j.list(d, len(items), items == nil, func(i int) any { return &items[i] })
}

// WriteOptions is Write with options. Passages (alignments,
// substitution examples, coverage sentences) are written as offsets into
// their article's text, never as copies of it. The report is encoded one
// list element at a time as it is written, so its memory is that of its
// largest element, not of the file.
func WriteOptions(w io.Writer, res *compare.Result, opts Options) error {
	var gz *gzip.Writer
	if opts.Gzip {
		var err error
		if gz, err = gzip.NewWriterLevel(w, gzip.BestSpeed); err != nil {
			return fmt.Errorf("json: %w", err)
		}
		w = gz
	}
	j := newJSONWriter(w, !opts.Compact)
	j.writeResult(res, opts)
	j.raw("\n") // as encoding/json's Encoder ends a document
	if j.err == nil {
		j.err = j.w.Flush()
	}
	if j.err == nil && gz != nil {
		j.err = gz.Close()
	}
	if j.err != nil {
		return fmt.Errorf("json: %w", j.err)
	}
	return nil
}

// writeResult writes the top-level object in encoding/json's order for the
// layout: the fields of compare.Result, then the four lists written with
// offsets in place of texts (articles, alignments, substitutions,
// coverage).
func (j *jsonWriter) writeResult(res *compare.Result, opts Options) {
	j.raw("{")
	j.key(1, true, "schema_version")
	j.value(1, res.SchemaVersion)
	j.key(1, false, "tool")
	j.value(1, &res.Tool)
	j.key(1, false, "settings")
	j.value(1, &res.Settings)
	j.key(1, false, "lexicon")
	j.value(1, &res.Lexicon)
	j.key(1, false, "outlets")
	writeList(j, 1, orEmpty(res.Outlets))
	j.key(1, false, "warnings")
	writeList(j, 1, orEmpty(res.Warnings))
	if fr := res.Framing; fr != nil {
		j.key(1, false, "framing")
		j.raw("{")
		j.key(2, true, "hits")
		writeList(j, 2, fr.Hits)
		j.key(2, false, "counts")
		writeList(j, 2, fr.Counts)
		if len(fr.Markers) > 0 {
			j.key(2, false, "markers")
			writeList(j, 2, fr.Markers)
		}
		if len(fr.MarkerCounts) > 0 {
			j.key(2, false, "marker_counts")
			writeList(j, 2, fr.MarkerCounts)
		}
		j.line(1)
		j.raw("}")
	}
	optionalList(j, "distinctive", res.Distinctive)
	optionalList(j, "events", res.Events)
	optionalList(j, "quotes", res.Quotes)
	optionalList(j, "voice_share", res.VoiceShare)
	optionalList(j, "reuse", res.Reuse)
	optionalList(j, "quote_groups", res.QuoteGroups)
	optionalList(j, "primary_coverage", res.PrimaryCoverage)
	if res.Findings != nil {
		j.key(1, false, "findings")
		j.value(1, res.Findings)
	}
	optionalList(j, "outlet_figures", res.OutletFigures)

	j.key(1, false, "articles")
	var art jsonArticle
	j.list(1, len(res.Articles), false, func(i int) any {
		a := &res.Articles[i]
		art = jsonArticle{Article: *a}
		if art.Warnings == nil {
			art.Warnings = []string{}
		}
		if !opts.OmitTexts {
			art.Text = &a.Text
		}
		return &art
	})
	j.key(1, false, "alignments")
	var al jsonAlignment
	j.list(1, len(res.Alignments), false, func(i int) any {
		al = alignmentOf(&res.Alignments[i])
		return &al
	})
	j.key(1, false, "substitutions")
	var sub jsonSubstitution
	j.list(1, len(res.Substitutions), false, func(i int) any {
		s := &res.Substitutions[i]
		sub = jsonSubstitution{Substitution: *s, Examples: alignmentsOf(s.Examples)}
		return &sub
	})
	j.key(1, false, "coverage")
	var claim jsonClaim
	var refs []jsonRef
	j.list(1, len(res.Coverage), false, func(i int) any {
		c := &res.Coverage[i]
		refs = refs[:0]
		for _, r := range c.Sentences {
			refs = append(refs, refOf(r))
		}
		claim = jsonClaim{Claim: *c, Sentences: refs}
		if refs == nil {
			claim.Sentences = []jsonRef{}
		}
		return &claim
	})
	j.line(0)
	j.raw("}")
}

// optionalList writes a list member of the top-level object that
// encoding/json leaves out when empty (omitempty).
func optionalList[T any](j *jsonWriter, name string, items []T) {
	if len(items) == 0 {
		return
	}
	j.key(1, false, name)
	writeList(j, 1, items)
}

// orEmpty returns s, or an empty list for nil, so that it is written [].
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
