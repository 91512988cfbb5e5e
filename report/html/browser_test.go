package html_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/report/html"
)

// chromium finds a headless browser: $FRAMEDIFF_CHROMIUM, else chromium
// on the path. Tests that need one skip without it.
func chromium(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are slow")
	}
	if p := os.Getenv("FRAMEDIFF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on the path (Debian package chromium)")
	return ""
}

func browserArgs(t testing.TB, extra ...string) []string {
	return append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}, extra...)
}

// dumpDOM loads url in the browser and returns the DOM once the page's
// scripts have run.
func dumpDOM(t testing.TB, bin, url string) *xhtml.Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, browserArgs(t, "--dump-dom", url)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || len(out) == 0 {
		t.Fatalf("chromium --dump-dom %s: %v\n%s", url, err, stderr.String())
	}
	doc, err := xhtml.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func saveReport(t testing.TB, res *compare.Result, opts html.Options) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, write(t, res, opts), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + file
}

func classOf(n *xhtml.Node) string { v, _ := attr(n, "class"); return v }

// TestBrowserFilters loads the seeds' report in Chromium with each filter
// set through the query string and checks what the script hid.
func TestBrowserFilters(t *testing.T) {
	bin := chromium(t)
	url := saveReport(t, seedResult(t), html.Options{})
	cases := []struct {
		name, query string
		check       func(t *testing.T, doc *xhtml.Node)
	}{
		{"none", "", func(t *testing.T, doc *xhtml.Node) {
			body := find(doc, byTag(atom.Body))[0]
			if !hasClass(body, "js") {
				t.Fatal("the page's script did not run")
			}
			if s := text(byID(doc, "f-status")); !strings.Contains(s, "highlighted terms shown") {
				t.Errorf("status %q", s)
			}
			for _, c := range []string{"off-o", "off-a", "off-v", "off-q", "mute"} {
				if n := len(find(doc, func(n *xhtml.Node) bool { return hasClass(n, c) })); n > 0 {
					t.Errorf("%d elements %s with no filter set", n, c)
				}
			}
			if len(find(doc, byTag(atom.Mark))) == 0 || len(find(doc, byTag(atom.Article))) != 5 {
				t.Error("highlights or articles missing")
			}
		}},
		{"outlet", "?hide=0,2", func(t *testing.T, doc *xhtml.Node) {
			n := 0
			walk(doc, func(e *xhtml.Node) {
				of, ok := attr(e, "data-of")
				if !ok {
					return
				}
				want := false
				for _, o := range strings.Fields(of) {
					want = want || o == "0" || o == "2"
				}
				if hasClass(e, "off-o") != want {
					t.Errorf("<%s data-of=%q> class %q", e.Data, of, classOf(e))
				}
				if want {
					n++
				}
			})
			if n == 0 {
				t.Error("nothing hidden")
			}
		}},
		{"axis and voice", "?axis=1&voice=quoted", func(t *testing.T, doc *xhtml.Node) {
			muted, on := 0, 0
			for _, m := range find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Mark && hasClass(n, "h") }) {
				c := classOf(m)
				want := !(strings.Contains(c, "a1p") && hasClass(m, "vq"))
				if hasClass(m, "mute") != want {
					t.Errorf("mark %q class %q", text(m), c)
				}
				if want {
					muted++
				} else {
					on++
				}
			}
			if muted == 0 || on == 0 {
				t.Errorf("%d marks muted, %d shown: the filter did not split them", muted, on)
			}
			walk(doc, func(e *xhtml.Node) {
				if af, ok := attr(e, "data-af"); ok && hasClass(e, "off-a") != (af != "1") {
					t.Errorf("<%s data-af=%q> class %q", e.Data, af, classOf(e))
				}
				if vf, ok := attr(e, "data-vf"); ok && hasClass(e, "off-v") != (vf != "quoted") {
					t.Errorf("<%s data-vf=%q> class %q", e.Data, vf, classOf(e))
				}
			})
			if s := text(byID(doc, "f-status")); !strings.HasPrefix(s, itoa(on)+" highlighted") {
				t.Errorf("status %q, want %d shown", s, on)
			}
		}},
		{"search", "?q=Astana", func(t *testing.T, doc *xhtml.Node) {
			hit, miss := 0, 0
			for _, e := range find(doc, func(n *xhtml.Node) bool { return hasClass(n, "q") }) {
				has := strings.Contains(strings.ToLower(text(e)), "astana")
				if hasClass(e, "off-q") == has {
					t.Errorf("<%s> %.60q: class %q", e.Data, text(e), classOf(e))
				}
				if has {
					hit++
				} else {
					miss++
				}
			}
			if hit == 0 || miss == 0 {
				t.Errorf("search split %d/%d", hit, miss)
			}
			if s := text(byID(doc, "f-status")); !strings.Contains(s, itoa(hit)+" passages match") {
				t.Errorf("status %q, want %d matches", s, hit)
			}
		}},
		{"blind", "?blind=1", func(t *testing.T, doc *xhtml.Node) {
			if !hasClass(find(doc, byTag(atom.Body))[0], "blind") {
				t.Error("body not blind")
			}
			b := byID(doc, "f-blind")
			if p, _ := attr(b, "aria-pressed"); p != "true" || text(b) != "Reveal outlets" {
				t.Errorf("blind button %q pressed=%q", text(b), p)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.check(t, dumpDOM(t, bin, url+c.query))
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBrowserHostileInput loads a report made of hostile strings that
// point at a local server: no script may run from them and no request may
// reach the server.
func TestBrowserHostileInput(t *testing.T) {
	bin := chromium(t)
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		t.Logf("request: %s %s", r.Method, r.URL)
	}))
	defer srv.Close()
	res := hostile(t)
	u := srv.URL
	res.Articles[0].Title = `"><img src="` + u + `/title.png"><script src="` + u + `/title.js"></script>`
	res.Articles[0].URL = `javascript:fetch("` + u + `/url")`
	res.Outlets[0].Owner = `<link rel="stylesheet" href="` + u + `/owner.css"><iframe src="` + u + `/owner"></iframe>`
	res.Lex.Axes[0].Poles[1].Color = `#fff;background:url(` + u + `/pole.png)`
	res.Lex.Axes[0].Name = `</style><style>body{background:url(` + u + `/axis.png)}</style><script>fetch("` + u + `/axis")</script>`
	res.Warnings = []string{`<img src=x onerror="fetch('` + u + `/warning')">`}
	res.Articles[1].Title = `<meta http-equiv="refresh" content="0;url=` + u + `/refresh">`
	doc := dumpDOM(t, bin, saveReport(t, res, html.Options{Title: `<script>fetch("` + u + `/title")</script>`}))
	if !hasClass(find(doc, byTag(atom.Body))[0], "js") {
		t.Fatal("the page's own script did not run")
	}
	checkSafe(t, doc)
	if n := requests.Load(); n > 0 {
		t.Errorf("the page made %d requests", n)
	}
}

// TestBrowserLazyHits opens a count's list in a report that leaves the
// lists to the script, and checks the list it made.
func TestBrowserLazyHits(t *testing.T) {
	bin := chromium(t)
	res := seedResult(t)
	url := saveReport(t, res, html.Options{InlineHits: -1})
	static := parse(t, write(t, res, html.Options{}))
	want, hrefs := termCells(t, static)
	// the outlet and term with the most hits
	var key, href string
	n := 0
	for k, h := range hrefs {
		o, term, _ := strings.Cut(k, "\x00")
		if c := want[o][term][0]; c > n || c == n && k < key {
			key, href, n = k, h, c
		}
	}
	doc := dumpDOM(t, bin, url+href)
	box := byID(doc, strings.TrimPrefix(href, "#"))
	items := find(box, byTag(atom.Li))
	if len(items) != n {
		t.Fatalf("%s: script listed %d hits, want %d", key, len(items), n)
	}
	wantList := find(byID(static, strings.TrimPrefix(href, "#")), byTag(atom.Li))
	for i, li := range items {
		k := find(li, func(e *xhtml.Node) bool { return e.DataAtom == atom.Mark && hasClass(e, "k") })
		as := find(li, byTag(atom.A))
		if len(k) != 1 || len(as) != 1 {
			t.Fatalf("hit %d: %d marks, %d links", i, len(k), len(as))
		}
		to, _ := attr(as[0], "href")
		if sent := byID(doc, strings.TrimPrefix(to, "#")); sent == nil || !hasClass(sent, "s") {
			t.Errorf("hit %d links to %q, not a sentence", i, to)
		}
		// the same hits, in the same order, as the page that writes them out
		wk := find(wantList[i], byTag(atom.Mark))
		wa := find(wantList[i], byTag(atom.A))
		if text(k[0]) != text(wk[0]) || text(as[0]) != text(wa[0]) {
			t.Errorf("hit %d: %q %q, static page %q %q", i, text(k[0]), text(as[0]), text(wk[0]), text(wa[0]))
		}
	}
}
