package framing

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata files and golden files")

// describeLexicon renders a parsed lexicon compactly for golden files.
func describeLexicon(lex *Lexicon) string {
	var b strings.Builder
	fmt.Fprintf(&b, "name %s\n", lex.Name)
	for _, ax := range lex.Axes {
		fmt.Fprintf(&b, "axis %s %q\n", ax.ID, ax.Name)
		if len(ax.Subject) > 0 {
			fmt.Fprintf(&b, "  subject %q\n", ax.Subject)
		}
		for _, p := range ax.Poles {
			fmt.Fprintf(&b, "  pole %s %q %s\n", p.ID, p.Name, p.Color)
			for _, t := range p.Terms {
				mode := "stem"
				if t.CaseSensitive {
					mode = "case"
				} else if t.Exact {
					mode = "exact"
				}
				fmt.Fprintf(&b, "    term %q %s line %d note %q\n", t.Text, mode, t.Line, t.Note)
				if !t.Sense.IsZero() {
					js, _ := json.Marshal(t.Sense)
					fmt.Fprintf(&b, "      sense %s\n", js)
				}
			}
		}
	}
	fmt.Fprintf(&b, "distancing %q\n", lex.Markers.Distancing)
	return b.String()
}

// TestLexiconFiles parses each testdata/lexicon/*.txt (txtar: lexicon.yaml,
// want) and compares the errors, or the parsed lexicon, with want.
func TestLexiconFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/lexicon/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no lexicon test files: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input []byte
			wantAt := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "lexicon.yaml":
					input = f.Data
				case "want":
					wantAt = i
				}
			}
			if input == nil || wantAt < 0 {
				t.Fatalf("%s needs lexicon.yaml and want sections", file)
			}
			var got string
			lex, err := ParseLexicon("lexicon.yaml", input)
			if err != nil {
				got = err.Error() + "\n"
			} else {
				got = describeLexicon(lex)
			}
			if *update {
				ar.Files[wantAt].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(ar.Files[wantAt].Data), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", file, diff)
			}
		})
	}
}
