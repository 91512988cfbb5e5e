package text

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

func TestArticlesFitTheTerminal(t *testing.T) {
	arts := []corpus.Article{
		{ID: "a1", Outlet: "The Globe Post", Title: strings.Repeat("A long headline about Idlib ", 5), Words: 490, Warnings: []string{strings.Repeat("no date found; ", 6)}},
		{ID: "a2", Outlet: "CGTN", Title: "Short", Words: 12},
	}
	for _, width := range []int{80, 100} {
		var b bytes.Buffer
		WriteArticles(&b, arts, width)
		for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Errorf("width %d: a %d-column line: %q", width, n, line)
			}
		}
		if !strings.Contains(b.String(), "…") {
			t.Errorf("width %d: nothing was cut:\n%s", width, b.String())
		}
	}
}

// TestWriteKWICNoHit checks that a term without hits in the seeds writes
// nothing and returns ErrNoHit, as text and as JSON, while a term with hits
// writes one line per hit.
func TestWriteKWICNoHit(t *testing.T) {
	arts, _ := corpus.NewReader().ReadFS(seeds.FS)
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteKWIC(&b, res, "regime", 40); err != nil || b.Len() == 0 {
		t.Fatalf("regime: %v, %d bytes", err, b.Len())
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text": func(b *bytes.Buffer) error { return WriteKWIC(b, res, "no-such-term", 40) },
		"json": func(b *bytes.Buffer) error { return WriteKWICJSON(b, res, "no-such-term", 40) },
	} {
		var b bytes.Buffer
		if err := write(&b); !errors.Is(err, ErrNoHit) || b.Len() != 0 {
			t.Errorf("%s: %v, %q written", name, err, b.String())
		}
	}
}
