package corpus

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// pageMeta is what a saved web page says about itself: the candidates for
// each field, best first, as readPageMeta found them.
type pageMeta struct {
	title, author, site, url string
	// body is the text of the element marked itemprop="articleBody".
	body string
	// dates are the publication date candidates, best first.
	dates []string
}

// metaTag is one line of data/htmlmeta.txt.
type metaTag struct{ field, key string }

// metaTags reads data/htmlmeta.txt once, on the first HTML page, so that
// nothing of it is paid at start-up.
var metaTags = sync.OnceValue(func() []metaTag {
	data, err := dataFS.ReadFile("data/htmlmeta.txt")
	if err != nil {
		panic("corpus: embedded htmlmeta.txt: " + err.Error())
	}
	var tags []metaTag
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			panic(fmt.Sprintf("corpus: htmlmeta.txt:%d: want \"FIELD TAG\"", n+1))
		}
		tags = append(tags, metaTag{f[0], f[1]})
	}
	return tags
})

// readPageMeta reads title, author, site name, canonical URL and the
// publication date candidates of doc from JSON-LD, meta tags, the
// canonical link and <time> elements, walking without recursion. It does
// not change doc.
func readPageMeta(doc *html.Node) pageMeta {
	metas := map[string]string{} // first content per lower-cased key
	var ld ldMeta
	var canonical, titleText, timePub, timeAny, h1 string
	var classDates []string
	var body *html.Node
	h1s := 0
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			if body == nil && n.Data != "meta" && hasWord(attr(n, "itemprop"), "articleBody") {
				body = n
			}
			switch n.Data {
			case "meta":
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				for _, a := range []string{"property", "name", "itemprop"} {
					// A property may hold several space-separated names.
					for _, k := range strings.Fields(strings.ToLower(attr(n, a))) {
						if _, seen := metas[k]; !seen {
							metas[k] = content
						}
					}
				}
			case "link":
				if canonical == "" && hasWord(attr(n, "rel"), "canonical") {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "title":
				if titleText == "" && n.FirstChild != nil {
					titleText = collapseSpace(n.FirstChild.Data)
				}
			case "h1":
				h1s++
				if h1 == "" {
					h1 = collapseSpace(htmlText(n))
				}
			case "time":
				dt := strings.TrimSpace(attr(n, "datetime"))
				if dt == "" {
					break
				}
				if timePub == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					timePub = dt
				}
				if timeAny == "" {
					timeAny = dt
				}
			case "script":
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					ld.add(n.FirstChild.Data)
				}
				continue
			case "style", "template":
				continue
			}
			if len(classDates) == 0 && isDateClass(attr(n, "class")+" "+attr(n, "id")) {
				for _, k := range []string{"datetime", "content", "title"} {
					if v := strings.TrimSpace(attr(n, k)); v != "" {
						classDates = append(classDates, v)
					}
				}
				if t := collapseSpace(htmlText(n)); t != "" && len(t) <= 64 {
					t = stripDatePrefix(t)
					classDates = append(classDates, t)
					// "12.10.2015, 19:16 Uhr", "April 21, 2015, at 11:29 a.m."
					f := strings.Fields(t)
					for _, k := range []int{1, 3} {
						if len(f) > k {
							classDates = append(classDates, strings.TrimRight(strings.Join(f[:k], " "), ",."))
						}
					}
				}
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}

	m := pageMeta{author: ld.author}
	if body != nil {
		m.body = htmlText(body)
	}
	// A headline cut short ("…") is the page's summary, not its title.
	if h := ld.headline; !strings.HasSuffix(h, "...") && !strings.HasSuffix(h, "…") {
		m.title = h
	}
	if ld.published != "" {
		m.dates = append(m.dates, ld.published)
	}
	for _, t := range metaTags() {
		v, ok := metas[t.key]
		if !ok {
			continue
		}
		switch t.field {
		case "title":
			if m.title == "" {
				m.title = collapseSpace(v)
			}
		case "date":
			m.dates = append(m.dates, v)
		case "author":
			// article:author is often the author's page, not a name.
			if m.author == "" && !strings.Contains(v, "://") {
				m.author = collapseSpace(v)
			}
		case "site":
			if m.site == "" {
				m.site = strings.TrimPrefix(collapseSpace(v), "@")
			}
		case "url":
			if m.url == "" {
				m.url = v
			}
		}
	}
	// The longer of the page's site name and its JSON-LD publisher is
	// taken for the fuller ("FAZ.NET", "Frankfurter Allgemeine Zeitung").
	switch app := metas["application-name"]; {
	case m.site != "":
		if len(ld.publisher) > len(m.site) {
			m.site = ld.publisher
		}
	case app != "":
		m.site = cutTagline(collapseSpace(app))
	default:
		m.site = ld.publisher
	}
	if m.url == "" {
		m.url = canonical
	}
	if m.url == "" {
		m.url = ld.url
	}
	if u, err := url.Parse(m.url); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		m.url = ""
	}
	if timePub != "" {
		m.dates = append(m.dates, timePub)
	}
	if ld.created != "" {
		m.dates = append(m.dates, ld.created)
	}
	if d := urlDate(m.url); d != "" {
		m.dates = append(m.dates, d)
	}
	m.dates = append(m.dates, classDates...)
	if timeAny != "" {
		m.dates = append(m.dates, timeAny)
	}
	if m.title == "" {
		// A page's <title> often adds the site's name to the headline
		// its one <h1> gives.
		m.title = titleText
		if h1s == 1 && h1 != "" && strings.HasPrefix(titleText, h1) {
			m.title = h1
		}
	}
	m.title = trimSiteName(m.title, m.site)
	m.author = cleanByline(m.author)
	m.site = capitalizeName(m.site)
	return m
}

// trimSiteName drops a trailing " | Site" (or " - Site", " – Site",
// " — Site") from a title when Site is the page's site name.
func trimSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), site) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// cutTagline drops what follows " - " or " | " in a site name ("Yahoo
// News - Latest News & Headlines").
func cutTagline(s string) string {
	for _, sep := range []string{" - ", " | ", " – ", " — "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// cleanByline drops a leading "By" from a byline and repeats of a name
// that differ only in case.
func cleanByline(s string) string {
	var names []string
	seen := map[string]bool{}
	for _, n := range strings.Split(s, ";") {
		n = strings.TrimSpace(n)
		if len(n) > 3 && strings.EqualFold(n[:3], "by ") {
			n = strings.TrimSpace(n[3:])
		}
		if k := strings.ToLower(n); n != "" && !seen[k] {
			seen[k] = true
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

// capitalizeName upper-cases the first letter of a site name of several
// words written from a lower-case letter ("the Guardian"); a domain such
// as "salon.com" stays as it is.
func capitalizeName(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// isDateClass reports whether an element's class and id name it as the
// publication date ("date", "published", "pubdate") and not as an
// update.
func isDateClass(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
		switch w {
		case "date", "datetime", "pubdate", "published", "publishdate", "publication", "dateline":
			return true
		}
	}
	return false
}

// urlDate is the day a page's URL names ("/2019/05/20/", "/2019-05-20",
// "-20190520/"), as "2006-01-02", or "".
func urlDate(u string) string {
	if u == "" {
		return ""
	}
	if p, err := url.Parse(u); err == nil {
		u = p.Path
	}
	digits := func(s string) bool {
		for _, c := range []byte(s) {
			if c < '0' || c > '9' {
				return false
			}
		}
		return s != ""
	}
	valid := func(y, m, d string) string {
		s := y + "-" + m + "-" + d
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return ""
		}
		return s
	}
	for i := 0; i+10 <= len(u); i++ {
		if u[i] != '/' && u[i] != '-' && u[i] != '_' {
			continue
		}
		s := u[i+1:]
		// 2019/05/20 or 2019-05-20
		if len(s) >= 10 && digits(s[:4]) && (s[4] == '/' || s[4] == '-') && digits(s[5:7]) && s[7] == s[4] && digits(s[8:10]) && (len(s) == 10 || !isDigit(s[10])) {
			if d := valid(s[:4], s[5:7], s[8:10]); d != "" {
				return d
			}
		}
		// 20190520 standing alone
		if len(s) >= 8 && digits(s[:8]) && (len(s) == 8 || !isDigit(s[8])) && (s[:2] == "19" || s[:2] == "20") {
			if d := valid(s[:4], s[4:6], s[6:8]); d != "" {
				return d
			}
		}
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// fillFrom takes from the main-text extractor's result what the page's
// own tags did not give: its title (found in the headings when no tag
// names one), byline, site name and date.
func (m *pageMeta) fillFrom(a readability.Article) {
	if m.title == "" {
		m.title = collapseSpace(a.Title())
	}
	if m.author == "" {
		m.author = cleanByline(collapseSpace(a.Byline()))
	}
	if m.site == "" {
		m.site = capitalizeName(collapseSpace(a.SiteName()))
	}
	if t, err := a.PublishedTime(); err == nil {
		m.dates = append(m.dates, t.UTC().Format(time.RFC3339))
	}
}

// pageURL is the page's own URL, for resolving its relative links; never
// nil.
func (m *pageMeta) pageURL() *url.URL {
	if u, err := url.Parse(m.url); err == nil && m.url != "" {
		return u
	}
	return &url.URL{}
}

// host is the host name of the page's URL without "www.", or "".
func (m *pageMeta) host() string {
	u, err := url.Parse(m.url)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// pageDate is the first of dates ParseDate reads that lies between 1995
// and a day after r.Now (2100 when Now is unset), as a published field:
// "2006-01-02" for a day, RFC 3339 in UTC for an instant; "" when none
// does. A date that is a time at midnight UTC is taken for a day, since
// pages often write a bare day that way.
func (r *Reader) pageDate(dates []string) string {
	lo := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	if !r.Now.IsZero() {
		hi = r.Now.Add(24 * time.Hour)
	}
	for _, s := range dates {
		d, err := ParseDate(s)
		if err != nil || d.Time.Before(lo) || d.Time.After(hi) {
			continue
		}
		t := d.Time.UTC()
		if d.Precision == Day || (t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0) {
			return t.Format("2006-01-02")
		}
		return t.Format(time.RFC3339)
	}
	return ""
}

// ldMeta gathers what the JSON-LD blocks of a page say about its article.
type ldMeta struct {
	headline, author, publisher, published, created, url string
	site                                                 string // a WebSite's or Organization's name
}

// add reads one JSON-LD block; a block that is not valid JSON is skipped,
// as browsers skip it.
func (m *ldMeta) add(block string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(block)), &v) != nil {
		return
	}
	stack := []any{v}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := x.(type) {
		case []any:
			for i := len(x) - 1; i >= 0; i-- {
				stack = append(stack, x[i])
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				stack = append(stack, g)
			}
			m.addObject(x)
		}
	}
}

// addObject takes the fields of one JSON-LD object when it is an article,
// or its name when it is the site or its publisher; earlier objects win.
func (m *ldMeta) addObject(o map[string]any) {
	kinds := ldTypes(o["@type"])
	switch {
	case anyKind(kinds, isArticleType):
		if m.headline == "" {
			m.headline = collapseSpace(ldString(o["headline"]))
			if m.headline == "" {
				m.headline = collapseSpace(ldString(o["name"]))
			}
		}
		if m.published == "" {
			m.published = ldString(o["datePublished"])
		}
		if m.created == "" {
			m.created = ldString(o["dateCreated"])
		}
		if m.author == "" {
			m.author = ldNames(o["author"])
		}
		if m.publisher == "" {
			m.publisher = ldNames(o["publisher"])
		}
		if m.url == "" {
			m.url = ldString(o["url"])
		}
	case anyKind(kinds, func(k string) bool {
		return k == "WebSite" || k == "Organization" || k == "NewsMediaOrganization"
	}):
		if m.site == "" {
			m.site = collapseSpace(ldString(o["name"]))
		}
	}
	if m.publisher == "" && m.site != "" {
		m.publisher = m.site
	}
}

// isArticleType reports whether a schema.org type is a kind of article
// (Article, NewsArticle, ReportageNewsArticle, BlogPosting…).
func isArticleType(k string) bool {
	return strings.HasSuffix(k, "Article") || strings.HasSuffix(k, "Posting")
}

func anyKind(kinds []string, f func(string) bool) bool {
	for _, k := range kinds {
		if f(strings.TrimPrefix(strings.TrimPrefix(k, "http://schema.org/"), "https://schema.org/")) {
			return true
		}
	}
	return false
}

// ldTypes is an @type value as a list.
func ldTypes(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString is a JSON-LD value that is a string, or the first string of a
// list; "" otherwise.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(v))
	case []any:
		for _, x := range v {
			if s := ldString(x); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldNames is the names of a JSON-LD person or organisation value (a name,
// an object with a name, or a list of either), joined with "; ".
func ldNames(v any) string {
	var names []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if s := collapseSpace(html.UnescapeString(v)); s != "" && !strings.Contains(s, "://") {
				names = append(names, s)
			}
		case map[string]any:
			walk(v["name"])
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return strings.Join(names, "; ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasWord reports whether the space-separated list s holds w, ignoring case.
func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageBody is the page's <main> element when it has one, else its
// <article> element with the most text, else nil: where the text is when
// the main-text extractor finds no block of text worth the name.
func pageBody(doc *html.Node) *html.Node {
	var best *html.Node
	bestLen := 0
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.Data {
			case "main":
				return n
			case "article":
				if l := len(strings.TrimSpace(htmlText(n))); l > bestLen {
					best, bestLen = n, l
				}
			case "script", "style", "template", "noscript", "head", "nav", "footer":
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return best
}

// dropAsides removes from the extracted main text what sits beside the
// article rather than in it: figures and their captions, galleries and
// slideshows, asides.
func dropAsides(root *html.Node) {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && isAside(c) {
				n.RemoveChild(c)
			} else {
				stack = append(stack, c)
			}
			c = next
		}
	}
}

func isAside(n *html.Node) bool {
	switch n.Data {
	case "figure", "figcaption", "aside":
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool { return r < 'a' || r > 'z' }) {
		switch w {
		case "caption", "gallery", "slideshow", "slider":
			return true
		}
	}
	return false
}
