package synth

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/framediff/framediff/corpus"
)

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(200, 7), Generate(200, 7)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("same seed, different docs (-first +second):\n%s", diff)
	}
	if cmp.Equal(a, Generate(200, 8)) {
		t.Error("different seeds, same docs")
	}
	if got := len(Generate(1234, 1)); got != 1234 {
		t.Errorf("Generate(1234) gave %d docs", got)
	}
}

func TestGenerateStructure(t *testing.T) {
	docs := Generate(2000, 1)
	byEvent := map[string][]Doc{}
	var order []string
	ids := map[string]bool{}
	reg := corpus.DefaultRegistry()
	words := 0
	for _, d := range docs {
		if ids[d.ID] {
			t.Fatalf("id %s repeated", d.ID)
		}
		ids[d.ID] = true
		if _, ok := reg.Lookup(d.Outlet); !ok {
			t.Errorf("%s: outlet %q not in the registry", d.ID, d.Outlet)
		}
		if _, ok := byEvent[d.Event]; !ok {
			order = append(order, d.Event)
		}
		byEvent[d.Event] = append(byEvent[d.Event], d)
		words += len(strings.Fields(d.Text))
	}
	repeated, sentences := 0, 0
	for _, d := range docs {
		seen := map[string]bool{}
		for _, s := range strings.SplitAfter(strings.ReplaceAll(d.Text, "\n\n", " "), ". ") {
			sentences++
			if seen[s] {
				repeated++
			}
			seen[s] = true
		}
	}
	if repeated*20 > sentences {
		t.Errorf("%d of %d sentences repeat within their article", repeated, sentences)
	}
	if avg := words / len(docs); avg < 400 || avg > 700 {
		t.Errorf("average %d words per article, want about 500", avg)
	}
	shared, reposts, contrasts := 0, 0, 0
	for _, ev := range order[:len(order)-1] { // the last event may be cut short
		ds := byEvent[ev]
		if len(ds) < 3 || len(ds) > 8 {
			t.Errorf("%s: %d articles, want 3 to 8", ev, len(ds))
		}
		outlets := map[string]bool{}
		for _, d := range ds {
			if outlets[d.Outlet] {
				t.Errorf("%s: outlet %s twice", ev, d.Outlet)
			}
			outlets[d.Outlet] = true
			for _, w := range ds {
				if w.Outlet != d.Outlet && strings.Contains(d.Text, "\n\n("+w.Outlet+")") {
					reposts++
				}
			}
		}
		// A quotation in the first article found verbatim in another.
		if q := firstQuote(ds[0].Text); q != "" {
			for _, d := range ds[1:] {
				if strings.Contains(d.Text, q) {
					shared++
					break
				}
			}
		}
		regime, government := false, false
		for _, d := range ds {
			regime = regime || strings.Contains(d.Text, " regime")
			government = government || strings.Contains(d.Text, " government")
		}
		if regime && government {
			contrasts++
		}
	}
	n := len(order) - 1
	if shared*2 < n {
		t.Errorf("only %d of %d events share a quotation", shared, n)
	}
	if reposts == 0 {
		t.Error("no wire copy reposted")
	}
	if contrasts*3 < n {
		t.Errorf("only %d of %d events show regime/government framing both ways", contrasts, n)
	}
}

func firstQuote(text string) string {
	i := strings.Index(text, "“")
	if i < 0 {
		return ""
	}
	rest := text[i+len("“"):]
	j := strings.IndexAny(rest, ",.”")
	if j < 20 {
		return ""
	}
	return rest[:j]
}

func TestFormatsKeepEventOut(t *testing.T) {
	docs := Generate(20, 3)
	for _, d := range docs {
		for name, b := range map[string][]byte{"text": Text(d), "html": HTML(d)} {
			if bytes.Contains(b, []byte(d.Event)) {
				t.Errorf("%s: %s output holds the event id", d.ID, name)
			}
		}
	}
	lines := bytes.Split(bytes.TrimSpace(JSONL(docs)), []byte("\n"))
	if len(lines) != len(docs) {
		t.Fatalf("JSONL has %d lines for %d docs", len(lines), len(docs))
	}
	for i, l := range lines {
		var m map[string]string
		if err := json.Unmarshal(l, &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if _, ok := m["event"]; ok || m["id"] != docs[i].ID || m["text"] != docs[i].Text {
			t.Errorf("line %d does not carry doc %s as written", i+1, docs[i].ID)
		}
	}
}

// The corpus reader gets back what synth wrote, in every format.
func TestRoundTrip(t *testing.T) {
	r := corpus.NewReader()
	for _, d := range Generate(30, 5) {
		for name, data := range map[string][]byte{d.ID + ".txt": Text(d), d.ID + ".html": HTML(d), d.ID + ".jsonl": JSONL([]Doc{d})} {
			arts, ws := r.Read(name, data)
			if len(arts) != 1 || len(ws) > 0 {
				t.Fatalf("%s: %d articles, warnings %v", name, len(arts), ws)
			}
			a := arts[0]
			pub, want := a.Published.String(), d.Published
			if strings.HasSuffix(name, ".html") && len(pub) >= 10 {
				// A page date at midnight is read as a day; compare the day.
				pub, want = pub[:10], want[:10]
			}
			if a.Outlet != d.Outlet || a.Title != d.Title || pub != want {
				t.Errorf("%s: got %q %q %q, want %q %q %q", name, a.Outlet, a.Title, pub, d.Outlet, d.Title, want)
			}
			if len(a.Warnings) > 0 {
				t.Errorf("%s: warnings %v", name, a.Warnings)
			}
			if strings.Contains(a.Text, "Follow us on Twitter") || strings.Contains(a.Text, "Read More:") || strings.Contains(a.Text, "Comments are closed.") {
				t.Errorf("%s: boilerplate left in text", name)
			}
		}
	}
}
