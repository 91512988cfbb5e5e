package corpus_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/golden"
)

// messages returns every warning about file: file-level warnings naming it
// and the warnings of articles read from it, each prefixed by the source.
func messages(file string, arts []corpus.Article, ws []corpus.Warning) []string {
	var out []string
	for _, w := range ws {
		if w.File == file {
			out = append(out, w.String())
		}
	}
	for _, a := range arts {
		if a.Source == file || strings.HasPrefix(a.Source, file+":") {
			for _, w := range a.Warnings {
				out = append(out, a.Source+": "+w)
			}
		}
	}
	return out
}

// The whole of testdata/bad read as one directory: the good articles load
// whatever their neighbours hold.
func TestBadInputDirGolden(t *testing.T) {
	arts, ws := testReader().ReadFS(os.DirFS(filepath.Join("testdata", "bad")), "bad")
	golden.Check(t, filepath.Join("testdata", "bad.golden"), []byte(summarize(arts, ws)), *update)
}

// Each bad file draws a warning that names it (and the line where there is
// one) and says why.
func TestBadInputReasons(t *testing.T) {
	arts, ws := testReader().ReadFS(os.DirFS(filepath.Join("testdata", "bad")), "bad")
	tests := []struct {
		file     string
		reason   string
		articles int // articles the file still yields
	}{
		{"bad/empty.txt", "bad/empty.txt: empty file", 0},
		{"bad/whitespace.txt", "bad/whitespace.txt: no text (empty or only white space)", 0},
		{"bad/photo-renamed.txt", "bad/photo-renamed.txt: not a text file: it is a PNG image", 0},
		{"bad/nul-bytes.txt", "bad/nul-bytes.txt: not a text file: NUL byte at offset 21", 0},
		{"bad/invalid-utf8.txt", "replaced 2 invalid UTF-8 byte(s)", 1},
		{"bad/windows-1252.txt", "converted from Windows-1252", 1},
		{"bad/iso-8859-9.txt", "converted from ISO-8859-9", 1},
		{"bad/utf16le-bom.txt", "converted from UTF-16 LE", 1},
		{"bad/utf16be-bom.txt", "converted from UTF-16 BE", 1},
		{"bad/mojibake-1252.txt", "repaired 5 mojibake sequence(s)", 1},
		{"bad/mojibake-874.txt", "repaired 2 mojibake sequence(s)", 1},
		{"bad/scripts-only.html", "bad/scripts-only.html: no article text found in the page", 0},
		{"bad/malformed.jsonl", "bad/malformed.jsonl:2: not a JSON object", 2},
		{"bad/wrong-types.json", `field "outlet" is a number, want a string`, 1},
		{"bad/wrong-types.json", `bad/wrong-types.json:1: field "text" is an array, want a string`, 1},
		{"bad/wrong-types.json", "bad/wrong-types.json:1: record is a JSON string, want an object", 1},
		{"bad/unknown-outlet.txt", `outlet "The Daily Planet" is not in the registry`, 1},
		{"bad/bad-date.txt", `published "the day after tomorrow" is not a date`, 1},
		{"bad/future-date.txt", "published 2099-01-01T00:00:00Z lies in the future; ignored", 1},
		{"bad/unterminated.md", "bad/unterminated.md:1: front matter opened with \"---\" is never closed", 1},
		{"bad/formula.txt", `title "=HYPERLINK(\"http://evil.example\",\"click\"…" begins like a spreadsheet formula`, 1},
		{"bad/formula.txt", `outlet "+cmd|' /C calc'!A0" begins like a spreadsheet formula`, 1},
		{"bad/dup/two/story.txt", `id "story" is also used by bad/dup/one/story.txt; renamed "story#2"`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			msgs := messages(tc.file, arts, ws)
			found := false
			for _, m := range msgs {
				if !strings.HasPrefix(m, tc.file) {
					t.Errorf("warning %q does not name %s", m, tc.file)
				}
				if strings.Contains(m, tc.reason) {
					found = true
				}
			}
			if !found {
				t.Errorf("no warning containing %q; got %q", tc.reason, msgs)
			}
			n := 0
			for _, a := range arts {
				if a.Source == tc.file || strings.HasPrefix(a.Source, tc.file+":") {
					n++
				}
			}
			if n != tc.articles {
				t.Errorf("%d articles, want %d", n, tc.articles)
			}
		})
	}
}

// Decoded text comes out as the writer meant it.
func TestBadInputDecoded(t *testing.T) {
	arts, _ := testReader().ReadFS(os.DirFS(filepath.Join("testdata", "bad")), "bad")
	want := map[string]string{
		"windows-1252":  "Turkey’s president called for a “ceasefire” in Idlib – the last rebel bastion.",
		"utf16le-bom":   "Turkey’s president called for a “ceasefire” in Idlib.",
		"utf16be-bom":   "Turkey’s president called for a “ceasefire” in Idlib.",
		"utf8-bom":      "Turkey’s president called for a “ceasefire” in Idlib.",
		"mojibake-1252": "Turkey’s president called for a “ceasefire” in Idlib – the last rebel bastion.",
		"mojibake-874":  "Turkey’s president called for a ceasefire in Idlib.",
		"iso-8859-9":    "Türkiye Cumhurbaşkanı Erdoğan, Tahran'daki zirvede ateşkes çağrısı yaptı. Rusya Devlet Başkanı Putin buna karşı çıktı.",
		"invalid-utf8":  "The café \uFFFD was closed for a week. The café reopened on Saturday.",
		"unicode":       "The summit 🤝 ended. The word zerowidth is joined. Arabic: قال الرئيس إن الهدنة ممكنة. Hebrew: הוא אמר שלום.\u200f",
	}
	got := map[string]string{}
	for _, a := range arts {
		if _, ok := want[a.ID]; ok {
			got[a.ID] = a.Text
		}
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: text %q, want %q", id, got[id], w)
		}
	}
}

// Inputs too large to keep in testdata are generated.
func TestBadInputLarge(t *testing.T) {
	para := "The presidents of Iran, Russia and Turkey met in Tehran on Friday to discuss Idlib. "
	tests := []struct {
		name   string
		data   func() []byte
		reason string
		setup  func(r *corpus.Reader)
	}{
		{"big-article.txt", func() []byte {
			var b strings.Builder
			b.WriteString("A fifty megabyte article\n\n")
			for b.Len() < 50<<20 {
				b.WriteString(para + para + "\n\n")
			}
			return []byte(b.String())
		}, "over the limit of 8388608; the rest was dropped", nil},
		{"long-line.txt", func() []byte {
			return []byte("One long line\n\n" + strings.Repeat(para, (10<<20)/len(para)))
		}, "over the limit of 8388608; the rest was dropped", nil},
		{"long-line.jsonl", func() []byte {
			return []byte(`{"id":"x","outlet":"RT","text":"` + strings.Repeat(para, (20<<20)/len(para)) + "\"}\n" + `{"id":"y","outlet":"RT","text":"short"}` + "\n")
		}, "long-line.jsonl:1: line is over", nil},
		{"long-word.txt", func() []byte {
			return []byte("Title\n\nA word of ten thousand letters: " + strings.Repeat("a", 10000) + ".\n")
		}, "text holds a 10000-byte word", nil},
		{"nested.html", func() []byte {
			return []byte("<html><body>" + strings.Repeat("<div>", 10000) + "<p>Deep inside the page the article says the summit ended without a truce.</p>" + strings.Repeat("</div>", 10000) + "</body></html>")
		}, "HTML nested", nil},
		{"over-limit.txt", func() []byte {
			return []byte(strings.Repeat("x", 2<<20))
		}, "over-limit.txt: file is 2097152 bytes, over the limit of 1048576", func(r *corpus.Reader) { r.MaxFileBytes = 1 << 20 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := testReader()
			if tc.setup != nil {
				tc.setup(r)
			}
			arts, ws := r.Read(tc.name, tc.data())
			msgs := messages(tc.name, arts, ws)
			for _, a := range arts {
				if len(a.Text) > corpus.MaxArticleBytes {
					t.Errorf("article %s keeps %d bytes, over the limit", a.ID, len(a.Text))
				}
				checkSpans(t, a)
			}
			for _, m := range msgs {
				if strings.Contains(m, tc.reason) {
					return
				}
			}
			t.Errorf("no warning containing %q; got %q", tc.reason, msgs)
		})
	}
}

// Ten thousand small files load, in order, with unique ids.
func TestManySmallFiles(t *testing.T) {
	mfs := fstest.MapFS{}
	for i := range 10000 {
		mfs[fmt.Sprintf("d%02d/%05d.txt", i%50, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\noutlet: RT\n---\nArticle number %d.\n", i))}
	}
	arts, ws := testReader().ReadFS(mfs)
	if len(ws) != 0 || len(arts) != 10000 {
		t.Fatalf("%d articles, %d warnings (%v)", len(arts), len(ws), ws[:min(3, len(ws))])
	}
	if arts[0].Source != "d00/00000.txt" || arts[1].Source != "d00/00050.txt" {
		t.Errorf("order: %s, %s", arts[0].Source, arts[1].Source)
	}
}

// A real directory with a symbolic link loop, a link to a directory, a
// dangling link and names with spaces and non-ASCII letters.
func TestReadFSLinksAndNames(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("with space/Erdoğan ve Putin.txt", "---\noutlet: TRT World\n---\nErdoğan and Putin met in Sochi.\n")
	write("sub/inner.txt", "---\noutlet: RT\n---\nInner text.\n")
	for _, l := range []struct{ target, name string }{
		{"loop", "loop"}, {"sub", "link-to-dir"}, {"missing.txt", "dangling.txt"},
	} {
		if err := os.Symlink(l.target, filepath.Join(dir, l.name)); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	arts, ws := testReader().ReadFS(os.DirFS(dir), "in")
	var got []string
	for _, a := range arts {
		got = append(got, a.Source+" "+a.ID)
	}
	want := []string{"in/sub/inner.txt inner", "in/with space/Erdoğan ve Putin.txt Erdoğan ve Putin"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("articles %q, want %q", got, want)
	}
	reasons := map[string]string{}
	for _, w := range ws {
		reasons[w.File] = w.Reason
	}
	for file, reason := range map[string]string{
		"in/loop":         "too many levels of symbolic links",
		"in/link-to-dir":  "symbolic link to a directory; not followed",
		"in/dangling.txt": "no such file or directory",
	} {
		if !strings.Contains(reasons[file], reason) {
			t.Errorf("%s: warning %q, want %q (all: %v)", file, reasons[file], reason, ws)
		}
	}
}

// ReadFS gives the same articles and warnings in the same order whatever
// the number of workers.
func TestReadFSWorkersDeterministic(t *testing.T) {
	read := func(workers int) string {
		r := testReader()
		r.Workers = workers
		return summarize(r.ReadFS(os.DirFS(filepath.Join("testdata", "bad")), "bad"))
	}
	one := read(1)
	for _, n := range []int{2, 8} {
		if got := read(n); got != one {
			t.Errorf("%d workers differ from one", n)
		}
	}
}

// ReadJSONL gives the same result whatever the number of workers, across
// batch boundaries.
func TestReadJSONLWorkersDeterministic(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		if i%97 == 0 {
			b.WriteString("{broken\n")
			continue
		}
		fmt.Fprintf(&b, `{"id":"r%d","outlet":"RT","text":"Record %d says the talks in Tehran ended. %s"}`+"\n", i%1000, i, strings.Repeat("More words follow here. ", 80))
	}
	data := b.String()
	read := func(workers int) string {
		r := testReader()
		r.Workers = workers
		return summarize(r.ReadJSONL("w.jsonl", strings.NewReader(data)))
	}
	one := read(1)
	if !strings.Contains(one, "w.jsonl:98: not a JSON object") || !strings.Contains(one, "r5#2") {
		t.Fatalf("unexpected read:\n%.2000s", one)
	}
	if read(4) != one {
		t.Error("4 workers differ from one")
	}
}

// TestReadFSSkipsOtherFormats checks that a directory walk reads article
// formats and extensionless files, and passes over source code, images and
// the like without a warning.
func TestReadFSSkipsOtherFormats(t *testing.T) {
	mfs := fstest.MapFS{
		"a.txt":         {Data: []byte("First headline\n\nPutin met Erdogan in Tehran on Friday.\n")},
		"b.md":          {Data: []byte("# Second headline\n\nRouhani spoke in Tehran.\n")},
		"NOTES":         {Data: []byte("Third headline\n\nErdogan called for a ceasefire.\n")},
		"seeds.go":      {Data: []byte("package seeds\n")},
		"photo.jpg":     {Data: []byte("\xff\xd8\xff\xe0")},
		"sub/c.jsonl":   {Data: []byte(`{"id":"c","outlet":"TASS","title":"T","text":"Putin spoke."}` + "\n")},
		"sub/style.css": {Data: []byte("body{}")},
	}
	arts, ws := corpus.NewReader().ReadFS(mfs)
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if want := []string{"NOTES", "a", "b", "c"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %v, want %v", ids, want)
	}
	if len(ws) != 0 {
		t.Errorf("warnings: %v", ws)
	}
}
