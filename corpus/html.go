package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// MaxHTMLDepth is the deepest element nesting handed to the extraction
// library; deeper pages are read by a simple walk over their text instead.
const MaxHTMLDepth = 512

// readHTML reads a saved web page: its main text through go-readability,
// its title, author, date and site name from its meta tags and JSON-LD
// (readPageMeta). Nothing the page references is fetched and
// no script runs: the page is only parsed.
func (r *Reader) readHTML(name, source string, data []byte, over *fields) ([]Article, []Warning) {
	page, notes, err := decodeHTML(data)
	if err != nil {
		return nil, []Warning{{File: source, Reason: err.Error()}}
	}
	page, cut := truncateText(page, r.maxArticle()*2)
	f := fields{ID: defaultID(name)}
	d := &draft{r: r, source: source, warnings: notes}
	if cut > 0 {
		d.warn("page is %d bytes, over the limit of %d; the rest was dropped", cut, r.maxArticle()*2)
	}
	doc, err := html.Parse(strings.NewReader(page))
	var text string
	switch {
	case err != nil:
		// x/net/html refuses pages nested deeper than 512 elements.
		d.warn("HTML nested too deep to parse (%v); read as plain text without extraction", err)
		text = htmlTokenText(page)
	case htmlDepth(doc) > MaxHTMLDepth:
		d.warn("HTML nested %d elements deep (limit %d); read as plain text without extraction", htmlDepth(doc), MaxHTMLDepth)
		text = htmlText(doc)
	default:
		meta := readPageMeta(doc)
		dropAsides(doc)
		parser := readability.NewParser()
		res, err := parser.ParseAndMutate(doc, meta.pageURL())
		if err == nil && res.Node != nil {
			text = htmlText(res.Node)
			meta.fillFrom(res)
		} else if doc, err := html.Parse(strings.NewReader(page)); err == nil {
			// The extractor found no block of text worth the name (its
			// tree is changed by now, so the page is parsed again).
			text = htmlText(pageBody(doc))
		}
		// A page that marks its article body is believed when the
		// extractor found much less.
		if bw := len(strings.Fields(meta.body)); bw > 2*len(strings.Fields(text)) {
			text = meta.body
		}
		if strings.TrimSpace(text) == "" {
			return nil, []Warning{{File: source, Reason: "no article text found in the page"}}
		}
		f.Title = meta.title
		f.URL = meta.url
		f.Published = r.pageDate(meta.dates)
		d.author = meta.author
		f.Outlet = r.htmlOutlet(meta.site, meta.url, meta.host())
	}
	if fixed, n := repairMojibake(text); n > 0 {
		text = fixed
		d.warn("repaired %d mojibake sequence(s) (UTF-8 read as a single-byte encoding)", n)
	}
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	d.f = f.overlay(over)
	d.build(strings.Split(text, "\n"), modeLines)
	if len(d.paras) == 0 {
		return nil, []Warning{{File: source, Reason: "no article text found in the page"}}
	}
	return []Article{d.finish()}, nil
}

// htmlOutlet picks the outlet a page names: its site name when the
// registry knows it, else the outlet of its canonical URL's domain, else
// the site name as given (or the host name).
func (r *Reader) htmlOutlet(site, pageURL, host string) string {
	if site != "" {
		if o, ok := r.Registry.Lookup(site); ok {
			return o.Name
		}
	}
	for _, k := range []string{pageURL, host} {
		if k == "" {
			continue
		}
		if o, ok := r.Registry.Lookup(k); ok {
			return o.Name
		}
	}
	if site != "" {
		return site
	}
	return host
}

// decodeHTML turns a page's bytes into UTF-8: a byte-order mark decides,
// else valid UTF-8 stays, else the page's declared charset, else the
// single-byte guess decodeText makes.
func decodeHTML(data []byte) (string, []string, error) {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", nil, fmt.Errorf("%w: it is %s", errNotText, m.what)
		}
	}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return decodeText(data)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", nil, fmt.Errorf("%w: NUL byte at offset %d (binary data)", errNotText, i)
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	if e, name, _ := charset.DetermineEncoding(data, "text/html"); e != nil && name != "utf-8" {
		if b, err := e.NewDecoder().Bytes(data); err == nil {
			return string(b), []string{"converted from " + name}, nil
		}
	}
	return decodeText(data)
}

// htmlDepth returns the deepest element nesting in doc, walking without
// recursion.
func htmlDepth(doc *html.Node) int {
	deepest := 0
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{doc, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		deepest = max(deepest, it.depth)
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return deepest
}

// htmlText is the text of doc outside scripts, styles and templates, a
// line per block element, walking without recursion.
func htmlText(doc *html.Node) string {
	if doc == nil {
		return ""
	}
	var b strings.Builder
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			continue
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "template", "noscript", "head", "nav", "footer":
				continue
			}
			if htmlBlock[n.Data] {
				b.WriteByte('\n')
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

// htmlTokenText is the text of a page outside scripts, styles and
// templates, a line per block element, read token by token without
// building a tree.
func htmlTokenText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "script", "style", "template", "noscript", "head", "nav", "footer":
				if z.Token().Type == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if htmlBlock[tag] {
				b.WriteByte('\n')
			}
		}
	}
}

// htmlBlock lists the elements that start a new line of text.
var htmlBlock = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields("p div br li h1 h2 h3 h4 h5 h6 section article tr blockquote figure figcaption ul ol dl dt dd table pre hr main aside header body") {
		m[t] = true
	}
	return m
}()
