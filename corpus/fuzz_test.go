package corpus_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

// Run each target for a set time with, for example:
//
//	go test ./corpus -run '^$' -fuzz '^FuzzReadText$' -fuzztime 30s
//
// Crashers land in testdata/fuzz/NAME and stay as regression seeds.

// addSeeds adds every testdata input whose name ends in one of exts.
func addSeeds(f *testing.F, exts ...string) {
	match := func(name string) bool {
		for _, e := range exts {
			if strings.HasSuffix(name, e) {
				return true
			}
		}
		return false
	}
	_ = filepath.WalkDir(filepath.Join("testdata", "bad"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && match(p) {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
		return nil
	})
	archives, _ := filepath.Glob(filepath.Join("testdata", "read", "*.txtar"))
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			continue
		}
		for _, file := range ar.Files {
			if match(file.Name) {
				f.Add(file.Data)
			}
		}
	}
	if match(".txt") {
		names, _ := fs.Glob(seeds.FS, "*.txt")
		for _, n := range names {
			if data, err := fs.ReadFile(seeds.FS, n); err == nil {
				f.Add(data)
			}
		}
	}
}

// checkRead holds for any input: no panic (the fuzzer catches those),
// articles well formed, and a file that yields nothing says why.
func checkRead(t *testing.T, name string, arts []corpus.Article, ws []corpus.Warning) {
	t.Helper()
	if len(arts) == 0 && len(ws) == 0 {
		t.Fatal("no article and no warning")
	}
	for _, w := range ws {
		if w.File == "" || w.Reason == "" {
			t.Fatalf("warning without file or reason: %+v", w)
		}
	}
	for _, a := range arts {
		if a.ID == "" {
			t.Fatal("article without id")
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.Outlet) {
			t.Fatalf("invalid UTF-8 in article %q", a.ID)
		}
		if len(a.Text) > corpus.MaxArticleBytes {
			t.Fatalf("text of %d bytes", len(a.Text))
		}
		last := 0
		for _, p := range a.Paragraphs {
			if p.Start < last || p.End < p.Start || p.End > len(a.Text) {
				t.Fatalf("paragraph span %v out of order in %d bytes", p, len(a.Text))
			}
			last = p.End
		}
		last = 0
		for _, s := range a.Sentences {
			if s.Start < last || s.End <= s.Start || s.End > len(a.Text) {
				t.Fatalf("sentence span %v out of order in %d bytes", s, len(a.Text))
			}
			last = s.End
		}
		if a.Text != "" && len(a.Sentences) == 0 {
			t.Fatal("text without sentences")
		}
	}
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, ".txt", ".md")
	f.Add([]byte("---\nid: x\noutlet: RT\ntitle: \"T\"\npublished: 2018-09-07\n---\nBody. More body.\n"))
	f.Add([]byte("---\n---\n"))
	r := testReader()
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, ws := r.Read("fuzz.txt", data)
		checkRead(t, "fuzz.txt", arts, ws)
	})
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, ".jsonl", ".json")
	f.Add([]byte(`{"id":"a","outlet":"RT","text":"x"}` + "\n" + `{"id":5}`))
	r := testReader()
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, ws := r.Read("fuzz.jsonl", data)
		checkRead(t, "fuzz.jsonl", arts, ws)
	})
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f, ".html", ".htm")
	f.Add([]byte("<html><body><p>Hello there. This is a page.</p></body></html>"))
	r := testReader()
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, ws := r.Read("fuzz.html", data)
		checkRead(t, "fuzz.html", arts, ws)
	})
}
