package html_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/reporttest"
	"github.com/framediff/framediff/report/html"
)

func write(t testing.TB, res *compare.Result, opts html.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := html.Write(context.Background(), &b, res, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

func parse(t testing.TB, b []byte) *xhtml.Node {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

// walk calls fn on every element under n.
func walk(n *xhtml.Node, fn func(*xhtml.Node)) {
	if n.Type == xhtml.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func find(n *xhtml.Node, match func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	walk(n, func(e *xhtml.Node) {
		if match(e) {
			out = append(out, e)
		}
	})
	return out
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *xhtml.Node, class string) bool {
	v, _ := attr(n, "class")
	return strings.Contains(" "+v+" ", " "+class+" ")
}

func byTag(a atom.Atom) func(*xhtml.Node) bool {
	return func(n *xhtml.Node) bool { return n.DataAtom == a }
}

func byID(doc *xhtml.Node, id string) *xhtml.Node {
	ns := find(doc, func(n *xhtml.Node) bool { v, _ := attr(n, "id"); return v == id })
	if len(ns) != 1 {
		return nil
	}
	return ns[0]
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	var rec func(*xhtml.Node)
	rec = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// ownText is the text of n's own text children.
func ownText(n *xhtml.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// outletName is the outlet shown in an element (the name, not the blind
// label).
func outletName(n *xhtml.Node) string {
	for _, e := range find(n, func(e *xhtml.Node) bool { return hasClass(e, "o-name") }) {
		return text(e)
	}
	return ""
}

// termCells reads the terms table: outlet → axis/pole/term → {count,
// quoted}, with the href of each count.
func termCells(t *testing.T, doc *xhtml.Node) (map[string]map[string][2]int, map[string]string) {
	t.Helper()
	table := find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Table && hasClass(n, "terms") })
	if len(table) != 1 {
		t.Fatalf("found %d terms tables, want 1", len(table))
	}
	var outlets []string
	for _, th := range find(table[0], byTag(atom.Th)) {
		if _, ok := attr(th, "data-of"); ok {
			outlets = append(outlets, outletName(th))
		}
	}
	got := map[string]map[string][2]int{}
	hrefs := map[string]string{}
	for _, tr := range find(table[0], byTag(atom.Tr)) {
		term, ok := attr(tr, "data-term")
		if !ok {
			continue
		}
		axis, _ := attr(tr, "data-axis")
		pole, _ := attr(tr, "data-pole")
		key := axis + "/" + pole + "/" + strings.ToLower(term)
		cells := find(tr, func(n *xhtml.Node) bool { _, ok := attr(n, "data-of"); return n.DataAtom == atom.Td && ok })
		if len(cells) != len(outlets) {
			t.Fatalf("row %s has %d outlet cells, want %d", key, len(cells), len(outlets))
		}
		for i, td := range cells {
			as := find(td, byTag(atom.A))
			if len(as) == 0 {
				if strings.TrimSpace(text(td)) != "0" {
					t.Errorf("%s/%s: cell without a link reads %q", outlets[i], key, text(td))
				}
				continue
			}
			n, err := strconv.Atoi(text(as[0]))
			if err != nil {
				t.Fatalf("%s/%s: count %q", outlets[i], key, text(as[0]))
			}
			q := 0
			for _, s := range find(td, func(e *xhtml.Node) bool { return hasClass(e, "qn") }) {
				q, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(text(s), "("), " quoted)"))
			}
			if got[outlets[i]] == nil {
				got[outlets[i]] = map[string][2]int{}
			}
			got[outlets[i]][key] = [2]int{n, q}
			hrefs[outlets[i]+"\x00"+key], _ = attr(as[0], "href")
		}
	}
	return got, hrefs
}

// TestWriteCountsMatchTruth checks the terms table against counts read off
// the fixture's text by hand, and every count's link against its hits.
func TestWriteCountsMatchTruth(t *testing.T) {
	res := fixtureResult(t)
	doc := parse(t, write(t, res, html.Options{}))
	got, hrefs := termCells(t, doc)
	poleOf := map[string]string{"regime": "state/regime", "government": "state/government", "terrorists": "armed/terrorists", "rebels": "armed/rebels"}
	for outlet, terms := range fixtureTruth {
		for term, want := range terms {
			key := poleOf[term] + "/" + term
			if got[outlet][key] != want {
				t.Errorf("%s %s: got %v, want %v", outlet, term, got[outlet][key], want)
			}
			checkHitsList(t, doc, hrefs[outlet+"\x00"+key], want[0], want[1])
		}
		if len(got[outlet]) != len(terms) {
			t.Errorf("%s: %d terms in the table, want %d", outlet, len(got[outlet]), len(terms))
		}
	}
}

// checkHitsList follows a count's link to its list of hits in context and
// each hit's link to a sentence of an article.
func checkHitsList(t *testing.T, doc *xhtml.Node, href string, n, quoted int) {
	t.Helper()
	list := byID(doc, strings.TrimPrefix(href, "#"))
	if !strings.HasPrefix(href, "#") || list == nil {
		t.Errorf("count link %q leads nowhere", href)
		return
	}
	items := find(list, byTag(atom.Li))
	if len(items) != n {
		t.Errorf("%s lists %d hits, want %d", href, len(items), n)
	}
	q := 0
	for _, li := range items {
		if v, _ := attr(li, "data-vf"); v == "quoted" {
			q++
		}
		marks := find(li, byTag(atom.Mark))
		as := find(li, byTag(atom.A))
		if len(marks) != 1 || len(as) != 1 {
			t.Errorf("%s: hit %q lacks its mark or link", href, text(li))
			continue
		}
		to, _ := attr(as[0], "href")
		sent := byID(doc, strings.TrimPrefix(to, "#"))
		if sent == nil || !hasClass(sent, "s") {
			t.Errorf("%s: hit links to %q, not a sentence", href, to)
			continue
		}
		if !strings.Contains(text(sent), text(marks[0])) {
			t.Errorf("%s: sentence %q lacks the hit %q", href, text(sent), text(marks[0]))
		}
	}
	if q != quoted {
		t.Errorf("%s: %d quoted hits, want %d", href, q, quoted)
	}
}

// TestWriteSeedsCountsMatchResult checks, on the real pipeline's Result for
// the seeds, that every count of the terms table equals the Result's
// corpus-wide counts, and that the page holds every event and article.
func TestWriteSeedsCountsMatchResult(t *testing.T) {
	res := reporttest.Seeds(t)
	b := write(t, res, html.Options{})
	doc := parse(t, b)
	got, hrefs := termCells(t, doc)
	want := map[string]map[string][2]int{}
	for _, c := range res.Framing.Counts {
		if c.Event != "" || c.Article != "" {
			continue
		}
		if want[c.Outlet] == nil {
			want[c.Outlet] = map[string][2]int{}
		}
		key := c.Axis + "/" + c.Pole + "/" + strings.ToLower(c.Term)
		v := want[c.Outlet][key]
		v[0] += c.Count
		if c.Voice == framing.Quoted {
			v[1] += c.Count
		}
		want[c.Outlet][key] = v
	}
	if len(want) == 0 {
		t.Fatal("the seeds' Result has no counts")
	}
	for outlet, terms := range want {
		for key, w := range terms {
			if got[outlet][key] != w {
				t.Errorf("%s %s: page says %v, Result %v", outlet, key, got[outlet][key], w)
			}
			checkHitsList(t, doc, hrefs[outlet+"\x00"+key], w[0], w[1])
		}
		if len(got[outlet]) != len(terms) {
			t.Errorf("%s: %d terms on the page, %d in the Result", outlet, len(got[outlet]), len(terms))
		}
	}
	for i, e := range res.Events {
		sec := byID(doc, "e"+strconv.Itoa(i))
		if sec == nil || sec.DataAtom != atom.Section {
			t.Fatalf("no section for event %s", e.ID)
		}
		arts := find(sec, byTag(atom.Article))
		if len(arts) != len(e.Articles) {
			t.Errorf("event %s shows %d articles, want %d", e.ID, len(arts), len(e.Articles))
		}
	}
	if arts := find(doc, byTag(atom.Article)); len(arts) != len(res.Articles) {
		t.Errorf("%d articles on the page, want %d", len(arts), len(res.Articles))
	}
	for _, o := range res.Outlets {
		if !bytes.Contains(b, []byte(xhtml.EscapeString(o.Owner))) {
			t.Errorf("page lacks the owner of %s", o.Name)
		}
	}
	// every article's text is there, hits and all
	for _, art := range find(doc, byTag(atom.Article)) {
		id, _ := attr(art, "id")
		body := find(art, func(n *xhtml.Node) bool { return hasClass(n, "body") })
		if len(body) != 1 {
			t.Fatalf("%s has no body", id)
		}
		var a *corpus.Article
		for i := range res.Articles {
			if strings.Contains(res.Articles[i].Title, text(find(art, byTag(atom.H4))[0])) {
				a = &res.Articles[i]
			}
		}
		if a == nil {
			t.Fatalf("%s: no article titled %q", id, text(find(art, byTag(atom.H4))[0]))
		}
		if got, want := strings.Join(strings.Fields(text(body[0])), " "), strings.Join(strings.Fields(a.Text), " "); got != want {
			t.Errorf("%s: body text differs from the article's", a.ID)
		}
	}
}

func TestWriteStructure(t *testing.T) {
	doc := parse(t, write(t, reporttest.Seeds(t), html.Options{}))
	htmlEl := find(doc, byTag(atom.Html))
	if lang, _ := attr(htmlEl[0], "lang"); lang != "en" {
		t.Errorf("html lang = %q", lang)
	}
	for _, tag := range []atom.Atom{atom.Header, atom.Nav, atom.Main, atom.Footer, atom.Aside} {
		if n := len(find(doc, byTag(tag))); n < 1 {
			t.Errorf("no <%s> landmark", tag)
		}
	}
	if n := len(find(doc, byTag(atom.Main))); n != 1 {
		t.Errorf("%d <main>, want 1", n)
	}
	// every form control has a label
	labels := map[string]bool{}
	for _, l := range find(doc, byTag(atom.Label)) {
		if f, ok := attr(l, "for"); ok {
			labels[f] = true
		}
	}
	for _, in := range find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Input || n.DataAtom == atom.Select }) {
		id, _ := attr(in, "id")
		if !labels[id] && in.Parent.DataAtom != atom.Label {
			t.Errorf("control %q has no label", id)
		}
	}
	// every in-page link has a target, and ids are unique
	ids := map[string]int{}
	walk(doc, func(n *xhtml.Node) {
		if id, ok := attr(n, "id"); ok {
			ids[id]++
		}
	})
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	for _, a := range find(doc, byTag(atom.A)) {
		href, _ := attr(a, "href")
		if strings.HasPrefix(href, "#") && ids[href[1:]] == 0 {
			t.Errorf("link %q has no target", href)
		}
	}
	// highlights: a mark per valid hit outside overlaps, each with an axis
	// and a voice, and the pole's pattern
	marks := find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Mark && hasClass(n, "h") && !hasClass(n, "demo") })
	if len(marks) == 0 {
		t.Fatal("no highlighted terms")
	}
	markClass := regexp.MustCompile(`^h a\d+p\d+ u[0-3] t\d+( vq)?( dist)?$`)
	for _, m := range marks {
		if c, _ := attr(m, "class"); !markClass.MatchString(c) {
			t.Errorf("mark %q has class %q, want axis, pole, underline and voice", text(m), c)
		}
	}
	// text of the articles is marked for direction
	for _, p := range find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.P && n.Parent != nil && hasClass(n.Parent, "body") }) {
		if d, _ := attr(p, "dir"); d != "auto" {
			t.Fatalf("article paragraph without dir=auto")
		}
	}
}

// hostile is a Result whose every field tries to break out of its place.
func hostile(t testing.TB) *compare.Result {
	res := fixtureResult(t)
	const s = `<script>alert("x")</script>`
	const attrBreak = `" onmouseover="alert(1)" x="`
	res.Articles[0].Title = `"><img src=x onerror=alert(1)>` + s
	res.Articles[0].URL = "javascript:alert(1)"
	res.Articles[0].Author = `</title><script>alert(2)</script>`
	res.Articles[1].URL = " JaVaScRiPt:alert(3)"
	res.Outlets[0].OwnerSource = "javascript:alert(4)"
	res.Outlets[1].OwnerSource = "data:text/html,<script>alert(5)</script>"
	res.Outlets[1].Owner = attrBreak + s
	res.Events[0].Label = `<svg onload=alert(6)>` + attrBreak
	res.Lex.Axes[0].Name = `</style><script>alert(7)</script>`
	res.Lex.Axes[0].Poles[0].Color = `red;}</style><script>alert(8)</script>`
	res.Lex.Axes[0].Poles[0].Name = attrBreak
	res.Lex.Axes[0].Poles[0].Terms[0].Note = `<a href="javascript:alert(9)">x</a>`
	res.Quotes[0].Speaker = attrBreak
	res.Quotes[0].Verb = s
	res.QuoteGroups[0].Speaker = s
	res.VoiceShare[0].Speaker = `<iframe src="//evil.example/">`
	res.Warnings = []string{`<iframe src="https://evil.example/">`}
	res.Alignments[0].Diff = append(res.Alignments[0].Diff, compare.DiffOp{Op: "insert", Text: s})
	res.Substitutions[0].TermA = attrBreak
	// A paragraph of markup in an article, after the hits.
	a := &res.Articles[1]
	extra := `<script src="https://evil.example/x.js"></script><img src="//evil.example/y.png"> javascript:alert(10)`
	a.Paragraphs = append(a.Paragraphs, corpus.Span{Start: len(a.Text) + 2, End: len(a.Text) + 2 + len(extra)})
	a.Sentences = append(a.Sentences, corpus.Span{Start: len(a.Text) + 2, End: len(a.Text) + 2 + len(extra)})
	a.Text += "\n\n" + extra
	return res
}

// checkSafe fails on anything in doc that runs script or fetches a
// resource: script elements other than the page's own, event-handler
// attributes, non-http(s) links, and elements that load from a URL.
func checkSafe(t *testing.T, doc *xhtml.Node) {
	t.Helper()
	// the page's own script, and a large report's data, which a browser
	// does not run
	var scripts []*xhtml.Node
	for _, s := range find(doc, byTag(atom.Script)) {
		switch typ, _ := attr(s, "type"); typ {
		case "application/json", "application/gzip":
		default:
			scripts = append(scripts, s)
		}
	}
	if len(scripts) != 1 {
		t.Errorf("%d script elements, want the page's own only", len(scripts))
	}
	for _, s := range scripts {
		if _, ok := attr(s, "src"); ok {
			t.Errorf("script with src")
		}
		if strings.Contains(text(s), "alert(") {
			t.Errorf("the page's script holds input: %.80q", text(s))
		}
	}
	checkMarkup(t, doc)
	for _, st := range find(doc, byTag(atom.Style)) {
		if strings.Contains(text(st), "alert(") || strings.Contains(text(st), "red;}") {
			t.Errorf("input reached the style sheet")
		}
	}
	metas := find(doc, func(n *xhtml.Node) bool { v, _ := attr(n, "http-equiv"); return v == "Content-Security-Policy" })
	if len(metas) != 1 {
		t.Fatalf("no Content-Security-Policy")
	}
	csp, _ := attr(metas[0], "content")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'sha256-") {
		t.Errorf("CSP %q allows more than the page", csp)
	}
}

// checkMarkup checks that no element or attribute from the input loads,
// runs or links to anything.
func checkMarkup(t *testing.T, doc *xhtml.Node) {
	t.Helper()
	walk(doc, func(n *xhtml.Node) {
		switch n.DataAtom {
		case atom.Img, atom.Iframe, atom.Svg, atom.Object, atom.Embed, atom.Link, atom.Base, atom.Video, atom.Audio, atom.Source:
			t.Errorf("element <%s> from the input", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("<%s> has handler %s=%q", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") {
				t.Errorf("<%s> links to %q", n.Data, a.Val)
			}
			if a.Key == "src" {
				t.Errorf("<%s> loads %q", n.Data, a.Val)
			}
		}
	})
}

func TestWriteHostileInput(t *testing.T) {
	res := hostile(t)
	for _, blind := range []bool{false, true} {
		b := write(t, res, html.Options{Blind: blind, Title: `</title><script>alert(11)</script>`, Settings: `<b onclick=alert(12)>`})
		doc := parse(t, b)
		checkSafe(t, doc)
		// the hostile strings are shown as text, not dropped
		all := text(doc)
		for _, s := range []string{`"><img src=x onerror=alert(1)>`, `<script src="https://evil.example/x.js"></script>`, `<svg onload=alert(6)>`, `<iframe src="https://evil.example/">`, "javascript:alert(1)"} {
			if !strings.Contains(all, s) {
				t.Errorf("text %q is missing", s)
			}
		}
		// a javascript: URL is shown, never linked
		for _, a := range find(doc, byTag(atom.A)) {
			if strings.Contains(strings.ToLower(text(a)), "javascript:") {
				t.Errorf("link with text %q", text(a))
			}
		}
	}
	// a large report: the index is JSON the page cannot be broken out
	// of, the events' sections are as safe as the small report's, and the
	// articles' strings come back unchanged, for the script to show as text
	doc := parse(t, write(t, res, html.Options{InlineHits: -1}))
	checkSafe(t, doc)
	d := readLarge(t, doc)
	for e, sec := range d.Sections {
		checkMarkup(t, parse(t, []byte(sec)))
		if strings.Contains(sec, "<script") || strings.Contains(sec, "<img") {
			t.Errorf("event %d: markup from the input", e)
		}
	}
	titles := map[string]bool{}
	for _, a := range d.Articles {
		titles[a.Title] = true
	}
	for _, a := range res.Articles {
		if a.Title != "" && !titles[a.Title] {
			t.Errorf("title %q did not come back", a.Title)
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	res := reporttest.Seeds(t)
	// the order of the Result's articles and hits does not matter
	r := rand.New(rand.NewPCG(1, 2))
	shuffled := *res
	shuffled.Articles = append([]corpus.Article(nil), res.Articles...)
	r.Shuffle(len(shuffled.Articles), func(i, j int) {
		shuffled.Articles[i], shuffled.Articles[j] = shuffled.Articles[j], shuffled.Articles[i]
	})
	fr := *res.Framing
	fr.Hits = append([]framing.Hit(nil), fr.Hits...)
	r.Shuffle(len(fr.Hits), func(i, j int) { fr.Hits[i], fr.Hits[j] = fr.Hits[j], fr.Hits[i] })
	shuffled.Framing = &fr
	for _, c := range []struct {
		name string
		opts html.Options
	}{{"small", html.Options{}}, {"large", html.Options{InlineHits: -1}}} {
		t.Run(c.name, func(t *testing.T) {
			first := write(t, res, c.opts)
			if !bytes.Equal(first, write(t, res, c.opts)) {
				t.Fatal("two writes of one Result differ")
			}
			if !bytes.Equal(first, write(t, &shuffled, c.opts)) {
				t.Error("shuffling articles and hits changes the page")
			}
		})
	}
}

func TestWriteBlind(t *testing.T) {
	res := fixtureResult(t)
	doc := parse(t, write(t, res, html.Options{Blind: true}))
	body := find(doc, byTag(atom.Body))[0]
	if !hasClass(body, "blind") {
		t.Fatal("body is not in blind mode")
	}
	labels := map[string]bool{}
	for _, e := range find(doc, func(n *xhtml.Node) bool { return hasClass(n, "o-blind") }) {
		labels[text(e)] = true
	}
	// outlets are lettered by their first article's date
	if !labels["Source A"] || !labels["Source B"] || len(labels) != 2 {
		t.Errorf("blind labels %v, want Source A and Source B", labels)
	}
	// what names an outlet is marked so that blind mode hides it
	for _, e := range find(doc, func(n *xhtml.Node) bool { return strings.Contains(ownText(n), "alpha.example") }) {
		hidden := false
		for p := e; p != nil; p = p.Parent {
			hidden = hidden || hasClass(p, "o-meta") || hasClass(p, "o-name")
		}
		if !hidden {
			t.Errorf("<%s> %q shows the outlet's address in blind mode", e.Data, text(e))
		}
	}
}

func TestWriteRightToLeft(t *testing.T) {
	res := fixtureResult(t)
	ar := fixtureArticle{id: "c1", outlet: "قناة العالم", title: "قصف المدينة", date: "2020-01-03", paras: [][]string{{"قصف النظام المدينة.", "صمد المتمردون."}}}.article(t)
	res.Articles = append(res.Articles, ar)
	doc := parse(t, write(t, res, html.Options{}))
	ps := find(doc, func(n *xhtml.Node) bool {
		return n.DataAtom == atom.P && strings.Contains(text(n), "قصف النظام المدينة.")
	})
	if len(ps) != 1 {
		t.Fatalf("Arabic paragraph found %d times", len(ps))
	}
	if d, _ := attr(ps[0], "dir"); d != "auto" {
		t.Errorf("Arabic paragraph has dir=%q", d)
	}
	h := find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.H4 && text(n) == "قصف المدينة" })
	if len(h) != 1 {
		t.Fatalf("Arabic title found %d times", len(h))
	}
	if d, _ := attr(h[0], "dir"); d != "auto" {
		t.Errorf("Arabic title has dir=%q", d)
	}
}

// TestWriteSparse writes Results with parts missing or offsets wrong.
func TestWriteSparse(t *testing.T) {
	bad := fixtureResult(t)
	bad.Framing.Hits = append(bad.Framing.Hits,
		framing.Hit{Article: "a1", Axis: "state", Pole: "regime", Term: "regime", Start: 5, End: 1 << 20},
		framing.Hit{Article: "zz", Axis: "state", Pole: "regime", Term: "regime", Start: 0, End: 3},
		framing.Hit{Article: "a1", Axis: "new-axis", Pole: "new-pole", Term: "shelled", Start: 4, End: 5, Sentence: 99},
	)
	bad.Articles[0].Sentences = []corpus.Span{{Start: 10, End: 5}}
	bad.Articles[1].Paragraphs = nil
	cases := map[string]*compare.Result{
		"empty":       {},
		"no lexicon":  func() *compare.Result { r := fixtureResult(t); r.Lex = nil; return r }(),
		"no framing":  func() *compare.Result { r := fixtureResult(t); r.Framing = nil; return r }(),
		"bad offsets": bad,
	}
	for name, res := range cases {
		t.Run(name, func(t *testing.T) {
			doc := parse(t, write(t, res, html.Options{}))
			checkSafe(t, doc)
		})
	}
}

func TestWriteErrors(t *testing.T) {
	if err := html.Write(context.Background(), &bytes.Buffer{}, nil, html.Options{}); err == nil {
		t.Error("nil Result: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := html.Write(ctx, &bytes.Buffer{}, fixtureResult(t), html.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
	if err := html.Write(context.Background(), failWriter{}, fixtureResult(t), html.Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("failing writer: got %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// largeData is a large report's data as the page's script reads it.
type largeData struct {
	Index struct {
		Outlets      [][2]string `json:"o"`
		Rows         []string    `json:"r"`
		Marked       [][2]int    `json:"n"`
		RowHits      [][]int     `json:"rh"`
		ArticleEvent []int       `json:"ae"`
		ArticleChunk []int       `json:"ac"`
		EventChunk   []int       `json:"ec"`
		Events       [][4]any    `json:"ev"`
		Chunks       int         `json:"c"`
	}
	Articles map[int]largeArticle
	Sections map[int]string
}

type largeArticle struct {
	Outlet    int     `json:"o"`
	Title     string  `json:"t"`
	Text      string  `json:"x"`
	Paras     [][]int `json:"b"`
	Sentences []int   `json:"s"`
	Hits      []int   `json:"h"`
}

// readLarge unpacks a large report's index and chunks as the page's
// script does: each chunk is gzipped JSON in unpadded URL base64.
func readLarge(t *testing.T, doc *xhtml.Node) *largeData {
	t.Helper()
	d := &largeData{Articles: map[int]largeArticle{}, Sections: map[int]string{}}
	index := byID(doc, "index")
	if index == nil {
		t.Fatal("no index")
	}
	if err := json.Unmarshal([]byte(text(index)), &d.Index); err != nil {
		t.Fatalf("index: %v", err)
	}
	n := 0
	for _, s := range find(doc, byTag(atom.Script)) {
		c, ok := attr(s, "data-c")
		if !ok {
			continue
		}
		if c != strconv.Itoa(n) {
			t.Fatalf("chunk %s where %d should be", c, n)
		}
		n++
		raw, err := base64.RawURLEncoding.DecodeString(text(s))
		if err != nil {
			t.Fatalf("chunk %s: %v", c, err)
		}
		z, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("chunk %s: %v", c, err)
		}
		var chunk struct {
			Articles []int          `json:"i"`
			Data     []largeArticle `json:"a"`
			Events   []int          `json:"e"`
			Sections []string       `json:"m"`
		}
		if err := json.NewDecoder(z).Decode(&chunk); err != nil {
			t.Fatalf("chunk %s: %v", c, err)
		}
		for i, a := range chunk.Articles {
			if _, dup := d.Articles[a]; dup {
				t.Errorf("article %d in two chunks", a)
			}
			if d.Index.ArticleChunk[a] != n-1 {
				t.Errorf("article %d: index says chunk %d, found in %d", a, d.Index.ArticleChunk[a], n-1)
			}
			d.Articles[a] = chunk.Data[i]
		}
		for i, e := range chunk.Events {
			d.Sections[e] = chunk.Sections[i]
		}
	}
	if n != d.Index.Chunks {
		t.Errorf("%d chunks, index says %d", n, d.Index.Chunks)
	}
	return d
}

// utf16Slice cuts s between UTF-16 offsets, as the page's script does.
func utf16Slice(s string, from, to int) string {
	u := utf16.Encode([]rune(s))
	if from < 0 || to > len(u) || from > to {
		return "\x00out of range"
	}
	return string(utf16.Decode(u[from:to]))
}

// TestWriteLarge checks a report that leaves its articles to the script:
// no article is written as markup; every article is in the data once,
// with its text, and every hit's offsets cut the hit's words out of it;
// every count leads to a list the script builds, with exactly that many
// hits of the term by the outlet in the data; every event has its section.
func TestWriteLarge(t *testing.T) {
	res := reporttest.Seeds(t)
	page := write(t, res, html.Options{InlineHits: -1})
	doc := parse(t, page)
	if n := len(find(doc, byTag(atom.Article))); n != 0 {
		t.Errorf("%d articles written as markup", n)
	}
	d := readLarge(t, doc)
	if len(d.Articles) != len(res.Articles) {
		t.Fatalf("%d articles in the data, want %d", len(d.Articles), len(res.Articles))
	}
	byTitle := map[string]corpus.Article{}
	for _, a := range res.Articles {
		byTitle[a.Title] = a
	}
	hitsOf := map[string][]framing.Hit{}
	for _, h := range res.Framing.Hits {
		hitsOf[h.Article] = append(hitsOf[h.Article], h)
	}
	for i, a := range d.Articles {
		want, ok := byTitle[a.Title]
		if !ok || a.Text != want.Text {
			t.Errorf("article %d %q: text differs from the Result's", i, a.Title)
			continue
		}
		if len(a.Hits) != 7*len(hitsOf[want.ID]) {
			t.Errorf("article %d: %d hits, want %d", i, len(a.Hits)/7, len(hitsOf[want.ID]))
		}
		surfaces := map[string]int{}
		for _, h := range hitsOf[want.ID] {
			surfaces[want.Text[h.Start:h.End]]++
		}
		for k := 0; k+7 <= len(a.Hits); k += 7 {
			if a.Hits[k+5] > a.Hits[k] || a.Hits[k+6] < a.Hits[k+1] {
				t.Errorf("article %d: context %d:%d does not hold the hit at %d:%d", i, a.Hits[k+5], a.Hits[k+6], a.Hits[k], a.Hits[k+1])
			}
			s := utf16Slice(a.Text, a.Hits[k], a.Hits[k+1])
			if surfaces[s] == 0 {
				t.Errorf("article %d: hit at %d:%d cuts %q, no hit of the Result", i, a.Hits[k], a.Hits[k+1], s)
			}
			surfaces[s]--
		}
		// the paragraphs' segments cover the text in order
		last := 0
		for _, p := range a.Paras {
			for j := 0; j+3 <= len(p); j += 3 {
				if p[j] < last || p[j+1] <= p[j] {
					t.Errorf("article %d: segment %d:%d after %d", i, p[j], p[j+1], last)
				}
				last = p[j+1]
			}
		}
	}
	want, hrefs := termCells(t, doc)
	if len(hrefs) == 0 {
		t.Fatal("no counts")
	}
	for key, href := range hrefs {
		outlet, term, _ := strings.Cut(key, "\x00")
		// the script builds the box #tNoM inside the term's section #tN
		var row, o int
		if _, err := fmt.Sscanf(href, "#t%do%d", &row, &o); err != nil {
			t.Fatalf("%s: %v", href, err)
		}
		if byID(doc, "t"+strconv.Itoa(row)) == nil {
			t.Errorf("%s: no section for the term", href)
		}
		if d.Index.Outlets[o][0] != outlet {
			t.Errorf("%s: list of outlet %d, %q, under %q", href, o, d.Index.Outlets[o][0], outlet)
		}
		listed := -1
		for k := 0; row < len(d.Index.RowHits) && k+2 <= len(d.Index.RowHits[row]); k += 2 {
			if d.Index.RowHits[row][k] == o {
				listed = d.Index.RowHits[row][k+1]
			}
		}
		if w := want[outlet][term]; listed != w[0] {
			t.Errorf("%s %s: index gives %d hits for the list's heading, table says %d", outlet, term, listed, w[0])
		}
		n, quoted := 0, 0
		for _, a := range d.Articles {
			for k := 0; a.Outlet == o && k+7 <= len(a.Hits); k += 7 {
				if a.Hits[k+2] == row {
					n++
					quoted += a.Hits[k+3] & 1
				}
			}
		}
		if w := want[outlet][term]; n != w[0] || quoted != w[1] {
			t.Errorf("%s %s: %d hits (%d quoted) in the data, table says %d (%d)", outlet, term, n, quoted, w[0], w[1])
		}
	}
	if len(d.Sections) != len(res.Events) || len(d.Index.Events) != len(res.Events) {
		t.Errorf("%d sections, %d listed, for %d events", len(d.Sections), len(d.Index.Events), len(res.Events))
	}
	for e, sec := range d.Sections {
		s := parse(t, []byte(sec))
		if byID(s, "e"+strconv.Itoa(e)) == nil || len(find(s, func(n *xhtml.Node) bool { return hasClass(n, "side") })) != 1 {
			t.Errorf("event %d: section without its anchor or a place for its articles", e)
		}
		checkMarkup(t, s)
	}
}
