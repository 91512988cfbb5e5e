package html_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/internal/reporttest"
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
	// the virtual time budget lets a large report's script unpack its
	// data before the DOM is taken
	cmd := exec.CommandContext(ctx, bin, browserArgs(t, "--virtual-time-budget=30000", "--dump-dom", url)...)
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
	url := saveReport(t, reporttest.Seeds(t), html.Options{})
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

// canonJS gives, for each article and each list of hits in context, its
// DOM in a canonical form: tags, sorted attributes and whole texts, without the
// white space between elements and without the classes the filters and
// links add.
const canonJS = `(function () {
	function canon(n) {
		if (n.nodeType === 3) return /^\s*$/.test(n.data) ? "" : JSON.stringify(n.data);
		if (n.nodeType !== 1) return "";
		var attrs = Array.prototype.map.call(n.attributes, function (a) {
			var v = a.value;
			if (a.name === "class") v = v.split(" ").filter(function (c) { return c && c !== "target" && c !== "lazy"; }).join(" ");
			return a.name === "data-done" || a.name === "data-t" || a.name === "data-o" || (a.name === "class" && v === "") ? "" : a.name + "=" + JSON.stringify(v);
		}).filter(Boolean).sort();
		return "<" + n.tagName.toLowerCase() + " " + attrs.join(" ") + ">" + Array.prototype.map.call(n.childNodes, canon).join("") + "</>";
	}
	var out = {};
	function whole(n) { n = n.cloneNode(true); n.normalize(); return canon(n); }
	document.querySelectorAll("article").forEach(function (a) { out[a.id] = whole(a); });
	document.querySelectorAll(".kwo").forEach(function (k) { out[k.id] = whole(k); });
	out.status = document.getElementById("f-status").textContent;
	return out;
})()`

// TestBrowserLargeMatchesSmall builds, in Chromium, every event and every
// list of hits in context of the seeds' report written as a large one, and
// checks that the script made the same articles, marks, anchors and lists
// as the small report writes out.
func TestBrowserLargeMatchesSmall(t *testing.T) {
	bin := chromium(t)
	// the fixture with an article of no event whose text has characters
	// outside the Basic Multilingual Plane before its hits, which the
	// script's UTF-16 offsets must count twice, and right-to-left text
	odd := fixtureResult(t)
	c := fixtureArticle{id: "c1", outlet: "Gamma 🛰 Wire", title: "قصف 🙂 البلدة", date: "2020-01-03", paras: [][]string{
		{"🙂🛰 The regime shelled the town 🙂.", "قصف النظام المدينة، the rebels said."},
		{"Terrorists? 𝒯he regime 🙂 denied it."},
	}}.article(t)
	odd.Articles = append(odd.Articles, c)
	hits := []framing.Hit{
		hitAt(t, &c, "state", "regime", "regime", "regime", 0, framing.Narrator),
		hitAt(t, &c, "armed", "rebels", "rebels", "rebels", 0, framing.Quoted),
		hitAt(t, &c, "armed", "terrorists", "terrorists", "Terrorists", 0, framing.Narrator),
		hitAt(t, &c, "state", "regime", "regime", "regime", 1, framing.Narrator),
	}
	odd.Framing.Hits = append(odd.Framing.Hits, hits...)
	// The article's outlet is new: its counts are its own.
	odd.Framing.Counts = append(odd.Framing.Counts, framing.CountHits([]corpus.Article{c}, hits, nil)...)
	for name, res := range map[string]*compare.Result{"seeds": reporttest.Seeds(t), "unplaced and astral": odd} {
		t.Run(name, func(t *testing.T) { largeMatchesSmall(t, bin, res) })
	}
}

func largeMatchesSmall(t *testing.T, bin string, res *compare.Result) {
	dt := startDevtools(t, bin, 1280, 900)
	dt.open(saveReport(t, res, html.Options{}))
	var want map[string]string
	json.Unmarshal(dt.eval(canonJS), &want)
	load := dt.open(saveReport(t, res, html.Options{InlineHits: -1}))
	if len(load.Requests) > 0 {
		t.Errorf("the page asked for %q", load.Requests)
	}
	if n := string(dt.eval(`document.querySelectorAll("article").length`)); n != "0" {
		t.Fatalf("%s articles before any was asked for", n)
	}
	// follow a link to each event, open the articles of no event, and
	// follow each count in the terms table to its list
	dt.eval(`(async function () {
		function until(ok) {
			return new Promise(function (done) { (function wait() { if (ok()) done(); else setTimeout(wait, 5); })(); });
		}
		var events = document.querySelectorAll("ol.events a");
		for (var i = 0; i < events.length; i++) {
			var id = events[i].getAttribute("href").slice(1);
			location.hash = "#" + id;
			await until(function () { return document.getElementById(id) && document.getElementById(id).querySelector("article"); });
		}
		var fold = document.querySelector("details[data-u]");
		if (fold) { fold.open = true; await until(function () { return fold.querySelector("article"); }); }
		var counts = document.querySelectorAll("table.terms td a");
		for (var i = 0; i < counts.length; i++) {
			var id = counts[i].getAttribute("href").slice(1);
			location.hash = "#" + id;
			await until(function () { var b = document.getElementById(id); return b && b.querySelector("li"); });
		}
		return true;
	})()`)
	var got map[string]string
	json.Unmarshal(dt.eval(canonJS), &got)
	if len(want) < 6 {
		t.Fatalf("the small report gave only %d articles and lists", len(want))
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s:\nsmall %.600s\nlarge %.600s", id, w, got[id])
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("%s only in the large report", id)
		}
	}
}

// TestBrowserLargeSearch searches the text of a large report, whose
// articles are not built: the script unpacks them all, lists only the
// events with an article that holds the words, and counts those articles.
func TestBrowserLargeSearch(t *testing.T) {
	bin := chromium(t)
	res := reporttest.Seeds(t)
	word := "hmeimim"
	want := map[string]bool{}
	articles := 0
	for _, a := range res.Articles {
		if strings.Contains(strings.ToLower(a.Text), word) {
			articles++
			for _, e := range res.Events {
				if slices.Contains(e.Articles, a.ID) {
					want[e.Name()] = true
				}
			}
		}
	}
	if len(want) == 0 || len(want) == len(res.Events) {
		t.Fatalf("%q is in the articles of %d events of %d: no test", word, len(want), len(res.Events))
	}
	dt := startDevtools(t, bin, 1280, 900)
	dt.open(saveReport(t, res, html.Options{InlineHits: -1}) + "?q=" + word)
	var got struct {
		Status string
		Events []string
	}
	json.Unmarshal(dt.eval(`new Promise(function (done) {
		(function wait() {
			var s = document.getElementById("f-status").textContent;
			if (/Unpacking/.test(s)) return setTimeout(wait, 10);
			done({Status: s, Events: Array.prototype.map.call(document.querySelectorAll("ol.events a"), function (a) { return a.textContent; })});
		})();
	})`), &got)
	if len(got.Events) != len(want) {
		t.Errorf("listed %q, want the %d events %v", got.Events, len(want), want)
	}
	for _, e := range got.Events {
		if !want[e] {
			t.Errorf("listed %q, which has no article with %q", e, word)
		}
	}
	if !strings.Contains(got.Status, itoa(articles)+" passages match") {
		t.Errorf("status %q, want %d articles matching", got.Status, articles)
	}
}
