package compare

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/seedtest"
	"golang.org/x/tools/txtar"
)

// fuzzSeeds returns texts from the seeds and the testdata corpora.
func fuzzSeeds(f *testing.F) []string {
	var out []string
	for _, a := range seedtest.Read(f) {
		out = append(out, a.Text)
	}
	files, _ := filepath.Glob("testdata/corpora/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, fl := range txtar.Parse(data).Files {
			out = append(out, string(fl.Data))
		}
	}
	return append(out, `"A," he said, "B and C."`, "«Nous verrons», a dit le ministre.", "“Open and never closed", `""`, "'", "“”")
}

// FuzzQuotes checks the quotation extractor never panics and returns
// quotations that lie inside the text, with valid sentence indexes.
func FuzzQuotes(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	r := corpus.NewReader()
	f.Fuzz(func(t *testing.T, text string) {
		arts, _ := r.Read("fuzz.txt", []byte(text))
		for i := range arts {
			a := &arts[i]
			ws := words(a.Text)
			ms := DefaultEntities().mentions(a.Text, ws)
			for _, q := range extractQuotes(DefaultEntities(), a, ws, ms) {
				if q.Start < 0 || q.End > len(a.Text) || q.Start >= q.End {
					t.Fatalf("quote span [%d,%d) outside text of %d bytes", q.Start, q.End, len(a.Text))
				}
				if len(a.Sentences) > 0 && (q.Sentence < 0 || q.Sentence >= len(a.Sentences)) {
					t.Fatalf("sentence %d of %d", q.Sentence, len(a.Sentences))
				}
				qw := q.wordsIn(ws)
				if len(qw) == 0 || q.Text == "" {
					t.Fatalf("empty quotation %+v", q.Quote)
				}
				for _, w := range qw {
					if quoteIn([]quote{q}, w.Start, w.End) == nil {
						t.Fatalf("word %q at %d is outside its quotation", w.Text, w.Start)
					}
				}
			}
		}
	})
}

// FuzzWordDiff checks that a word diff's runs cover both sides in order
// and that equal runs hold equal words.
func FuzzWordDiff(f *testing.F) {
	seeds := fuzzSeeds(f)
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)])
	}
	f.Add("Russian air raids pounded rebel positions", "Russian airplanes pounded rebel positions")
	f.Fuzz(func(t *testing.T, x, y string) {
		a, b := words(x), words(y)
		runs := wordDiffRuns(a, b)
		i, j := 0, 0
		for _, r := range runs {
			if r.A0 != i || r.B0 != j || r.A1 < r.A0 || r.B1 < r.B0 {
				t.Fatalf("run %+v does not continue at %d/%d", r, i, j)
			}
			switch r.Op {
			case "equal":
				if r.A1-r.A0 != r.B1-r.B0 {
					t.Fatalf("equal run of unequal lengths %+v", r)
				}
				for k := 0; k < r.A1-r.A0; k++ {
					if a[r.A0+k].Lower != b[r.B0+k].Lower {
						t.Fatalf("equal run pairs %q with %q", a[r.A0+k].Lower, b[r.B0+k].Lower)
					}
				}
			case "delete":
				if r.B1 != r.B0 {
					t.Fatalf("delete run moves b: %+v", r)
				}
			case "insert":
				if r.A1 != r.A0 {
					t.Fatalf("insert run moves a: %+v", r)
				}
			default:
				t.Fatalf("unknown op %q", r.Op)
			}
			i, j = r.A1, r.B1
		}
		if i != len(a) || j != len(b) {
			t.Fatalf("runs end at %d/%d, want %d/%d", i, j, len(a), len(b))
		}
		ops, _ := wordDiff(x, a, y, b)
		if len(ops) != len(runs) {
			t.Fatalf("%d ops for %d runs", len(ops), len(runs))
		}
	})
}
