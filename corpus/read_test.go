package corpus_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/framediff/framediff/corpus"
)

// testNow is the clock the tests' Readers use for future-date checks.
var testNow = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func testReader() *corpus.Reader {
	r := corpus.NewReader()
	r.Now = testNow
	return r
}

// summarize renders what a read produced, for golden comparison.
func summarize(arts []corpus.Article, ws []corpus.Warning) string {
	var b strings.Builder
	for _, a := range arts {
		fmt.Fprintf(&b, "article %s (%s)\n", a.ID, a.Source)
		for _, kv := range [][2]string{{"outlet", a.Outlet}, {"title", a.Title}, {"author", a.Author}, {"published", a.Published.String()}, {"url", a.URL}, {"event", a.Event}, {"kind", a.Kind.String()}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "  %s: %s\n", kv[0], kv[1])
			}
		}
		fmt.Fprintf(&b, "  words: %d, paragraphs: %d, sentences: %d\n", a.Words, len(a.Paragraphs), len(a.Sentences))
		for _, w := range a.Warnings {
			fmt.Fprintf(&b, "  warning: %s\n", w)
		}
		for i := range a.Sentences {
			fmt.Fprintf(&b, "  | %s\n", clipTest(a.Sentence(i)))
		}
	}
	for _, w := range ws {
		fmt.Fprintf(&b, "warning %s\n", w)
	}
	return b.String()
}

func clipTest(s string) string {
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + fmt.Sprintf("… (%d characters)", len(r))
	}
	return s
}

// Each testdata/read/*.txtar holds input files and a "want" file with the
// summary of ReadFS over them.
func TestReadTxtar(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "read", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test archives: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			mfs := fstest.MapFS{}
			wantIdx := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					wantIdx = i
					continue
				}
				mfs[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			got := summarize(testReader().ReadFS(mfs, "in"))
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatal("no want file (run go test -update)")
			}
			if diff := cmp.Diff(string(ar.Files[wantIdx].Data), got); diff != "" {
				t.Errorf("ReadFS (-want +got):\n%s", diff)
			}
		})
	}
}

// A zero Reader (no registry, no rules) still reads, without cleaning.
func TestZeroReader(t *testing.T) {
	var r corpus.Reader
	arts, ws := r.Read("a.txt", []byte("Title\n\nBody text. More.\n"))
	if len(arts) != 1 || arts[0].Title != "Title" || len(arts[0].Sentences) != 2 {
		t.Errorf("got %+v, %v", arts, ws)
	}
}
