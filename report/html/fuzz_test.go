package html_test

import (
	"bytes"
	"context"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/report/html"
)

// FuzzWrite puts arbitrary text in an article's title, outlet, URL and body
// (with a hit over part of it) and checks that the page still holds only
// its own script, no handler and no link but http(s) and in-page ones.
func FuzzWrite(f *testing.F) {
	f.Add(`<script>alert(1)</script>`, `" onclick="x`, "javascript:alert(1)", "The regime </p><img src=x onerror=alert(1)> fell.", 4, 10)
	f.Add("عنوان", "قناة", "https://example.org/a?b=<c>", "قصف النظام المدينة.", 0, 6)
	f.Add("\x00\u202e", "]]>--!>", "HTTPS://EXAMPLE.ORG/", "<!-- a --><![CDATA[ b ]]>", 1, 3)
	f.Fuzz(func(t *testing.T, title, outlet, url, body string, start, length int) {
		res := fixtureResult(t)
		a := &res.Articles[1]
		a.Title, a.Outlet, a.URL = title, outlet, url
		a.Text = body
		a.Paragraphs = []corpus.Span{{Start: 0, End: len(body)}}
		a.Sentences = []corpus.Span{{Start: 0, End: len(body)}}
		hits := res.Framing.Hits[:0]
		for _, h := range res.Framing.Hits {
			if h.Article != a.ID {
				hits = append(hits, h)
			}
		}
		if start >= 0 && length > 0 && start+length <= len(body) {
			h := hitAt(t, &res.Articles[0], "state", "regime", "regime", "regime", 0, "narrator")
			h.Article, h.Start, h.End, h.Sentence = a.ID, start, start+length, 0
			hits = append(hits, h)
		}
		res.Framing.Hits = hits
		var b bytes.Buffer
		if err := html.Write(context.Background(), &b, res, html.Options{}); err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid([]byte(body)) {
			return // invalid UTF-8 is replaced when parsed; safety is what matters below
		}
		doc, err := xhtml.Parse(&b)
		if err != nil {
			t.Fatal(err)
		}
		checkSafe(t, doc)
		if n := len(find(doc, byTag(atom.Article))); n != 2 {
			t.Errorf("%d articles on the page", n)
		}
		// the same as a large report: the text comes back whole, and every
		// offset cuts it inside its bounds
		doc = parse(t, write(t, res, html.Options{InlineHits: -1}))
		checkSafe(t, doc)
		d := readLarge(t, doc)
		found := false
		for _, ad := range d.Articles {
			if ad.Text == body && (ad.Title == title || !utf8.ValidString(title)) {
				found = true
			}
			n := len(utf16.Encode([]rune(ad.Text)))
			offsets := append([]int(nil), ad.Sentences...)
			for k := 0; k+7 <= len(ad.Hits); k += 7 {
				offsets = append(offsets, ad.Hits[k], ad.Hits[k+1], ad.Hits[k+5], ad.Hits[k+6])
			}
			for _, p := range ad.Paras {
				for k := 0; k+3 <= len(p); k += 3 {
					offsets = append(offsets, p[k], p[k+1])
				}
			}
			for _, o := range offsets {
				if o > n {
					t.Errorf("offset %d past the text's %d units", o, n)
				}
			}
		}
		if !found {
			t.Errorf("article %q did not come back whole", title)
		}
	})
}
