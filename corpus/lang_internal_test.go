package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"
)

// The fast path for English is taken for the English examples, where the
// trigram detector also says English, and never for the other languages'
// articles.
func TestPlainlyEnglishAgrees(t *testing.T) {
	for dir, english := range map[string]bool{"examples": true, "languages": false} {
		arts, _ := NewReader().ReadFS(os.DirFS(filepath.Join("..", "testdata", dir)))
		if len(arts) == 0 {
			t.Fatalf("no articles in %s", dir)
		}
		for _, a := range arts {
			if got := plainlyEnglish(a.Text); got != english {
				t.Errorf("%s: plainlyEnglish = %v, want %v", a.ID, got, english)
			}
			if english {
				if l := whatlanggo.Detect(a.Text).Lang.Iso6391(); l != "en" {
					t.Errorf("%s: the detector says %q", a.ID, l)
				}
			}
		}
	}
	if plainlyEnglish("the of and") {
		t.Error("three words taken as plainly English")
	}
}
