package jsonreport

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/reporttest"
)

// wholeJSON encodes res as one value with encoding/json, as report.json
// was written before it was streamed: the reference the streamed bytes
// must equal.
func wholeJSON(t *testing.T, res *compare.Result, opts Options) []byte {
	t.Helper()
	type doc struct {
		*compare.Result
		Articles      []jsonArticle      `json:"articles"`
		Alignments    []jsonAlignment    `json:"alignments"`
		Substitutions []jsonSubstitution `json:"substitutions"`
		Coverage      []jsonClaim        `json:"coverage"`
	}
	base := *res
	if base.Warnings == nil {
		base.Warnings = []string{}
	}
	if base.Outlets == nil {
		base.Outlets = []corpus.Outlet{}
	}
	out := doc{Result: &base}
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
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if !opts.Compact {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(&out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The streamed report.json is, byte for byte, the document encoding/json
// makes of the whole Result, indented or compact, for a full Result, one
// with texts left out, and Results with sections missing or empty.
func TestWriteJSONStreamsSameBytes(t *testing.T) {
	seeds := reporttest.Seeds(t)
	sparse := &compare.Result{
		SchemaVersion: compare.SchemaVersion,
		Articles:      []corpus.Article{{ID: "a<&>", Text: "Quote \"x\" \u2028 <b>", Warnings: []string{"w"}}},
		Framing:       &compare.Framing{Hits: []framing.Hit{}},
		Coverage:      []compare.Claim{{ID: "c1", Sentences: []compare.SentenceRef{}}, {ID: "c2"}},
		Substitutions: []compare.Substitution{{TermA: "x"}},
		Alignments:    []compare.Alignment{{Event: "e"}},
	}
	cases := []struct {
		name string
		res  *compare.Result
	}{
		{"seeds", seeds},
		{"empty", &compare.Result{}},
		{"sparse", sparse},
	}
	for _, c := range cases {
		for _, opts := range []Options{{}, {OmitTexts: true}, {Compact: true}, {Compact: true, OmitTexts: true}} {
			var got bytes.Buffer
			if err := WriteOptions(&got, c.res, opts); err != nil {
				t.Fatal(err)
			}
			want := wholeJSON(t, c.res, opts)
			if !bytes.Equal(got.Bytes(), want) {
				i := 0
				for i < min(got.Len(), len(want)) && got.Bytes()[i] == want[i] {
					i++
				}
				from := max(i-80, 0)
				t.Errorf("%s %+v: streamed JSON differs at byte %d of %d (want %d):\ngot  %q\nwant %q",
					c.name, opts, i, got.Len(), len(want), got.Bytes()[from:min(i+80, got.Len())], want[from:min(i+80, len(want))])
			}
			if !json.Valid(got.Bytes()) {
				t.Errorf("%s %+v: not valid JSON", c.name, opts)
			}
		}
	}
}

// Gzip writes the same document compressed, the same bytes each time.
func TestWriteJSONGzip(t *testing.T) {
	res := reporttest.Seeds(t)
	var plain, gz, again bytes.Buffer
	if err := Write(&plain, res); err != nil {
		t.Fatal(err)
	}
	for _, b := range []*bytes.Buffer{&gz, &again} {
		if err := WriteOptions(b, res, Options{Gzip: true}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(gz.Bytes(), again.Bytes()) {
		t.Error("two gzipped reports of one Result differ")
	}
	r, err := gzip.NewReader(&gz)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "" || !r.ModTime.IsZero() {
		t.Errorf("gzip header names %q at %v", r.Name, r.ModTime)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plain.Bytes()) {
		t.Errorf("gunzipped report differs from the plain one (%d and %d bytes)", len(got), plain.Len())
	}
	if gz.Len() >= plain.Len()/3 {
		t.Errorf("gzipped %d bytes, plain %d", gz.Len(), plain.Len())
	}
}

// A failing writer's error is returned, not lost in the buffer.
func TestWriteJSONReturnsWriteError(t *testing.T) {
	res := reporttest.Seeds(t)
	if err := Write(&failWriter{n: 1000}, res); err == nil {
		t.Fatal("no error from a failing writer")
	}
}
