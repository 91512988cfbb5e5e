package pdf

import (
	"regexp"
	"strings"
	"testing"
)

// pdfURIs returns the targets of the handout's link annotations.
func pdfURIs(b []byte) []string {
	var out []string
	for _, m := range regexp.MustCompile(`/URI \(((?:[^)\\]|\\.)*)\)`).FindAllSubmatch(b, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// Only http and https URLs of bounded length become links; a long URL is
// shown cut on one line and linked once per place it appears, not once per
// wrapped line; a 400,000-character URL gives a small handout.
func TestWritePDFHostileURLs(t *testing.T) {
	base := pdfSeedResult(t)
	if len(base.Articles) < 5 {
		t.Fatalf("seed fixture has %d articles", len(base.Articles))
	}
	const globe = "https://turkey.theglobepost.com/erdogan-putin-idlib-ceasefire/"
	long := globe + "?q=" + strings.Repeat("x", 1500) // within the limit
	huge := "https://example.com/" + strings.Repeat("a", 400000)
	hostile := []string{"javascript:alert(document.cookie)", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>", huge}

	// The plain URL: how many times the handout links an article.
	plain := pdfWrite(t, base, Options{})
	want := strings.Count(strings.Join(pdfURIs(plain), "\n"), globe)
	if want == 0 {
		t.Fatal("the seed handout links no URL")
	}

	res := pdfSeedResult(t)
	gi := -1
	for i := range res.Articles {
		if res.Articles[i].URL == globe {
			gi = i
		}
	}
	if gi < 0 {
		t.Fatalf("no article with URL %s", globe)
	}
	res.Articles[gi].URL = long
	k := 0
	for i := range res.Articles {
		if i != gi && k < len(hostile) {
			res.Articles[i].URL = hostile[k]
			k++
		}
	}
	b := pdfWrite(t, res, Options{})
	if len(b) > 2*len(plain)+(1<<20) {
		t.Errorf("handout is %d bytes, against %d with plain URLs", len(b), len(plain))
	}
	uris := pdfURIs(b)
	got := 0
	for _, u := range uris {
		switch {
		case u == long:
			got++
		case !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://"):
			t.Errorf("link to %.60q", u)
		case len(u) > pdfMaxURL:
			t.Errorf("link of %d bytes", len(u))
		}
	}
	// Cut to one line, it is linked once per place it appears: no more
	// often than the plain URL, which may wrap.
	if got == 0 || got > want {
		t.Errorf("the 1,500-character URL is linked %d times, want 1 to %d (as the plain one)", got, want)
	}
	file := pdfSave(t, "hostile-urls.pdf", b)
	text := pdfFlat(pdfToText(t, file, 0, 0))
	for _, h := range []string{"javascript:alert", "file:///etc/passwd", "https://example.com/aaaa"} {
		if !strings.Contains(text, h) {
			t.Errorf("text lacks %q, shown unlinked", h)
		}
	}
	pdfQPDFCheck(t, file)
}
