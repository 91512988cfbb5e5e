package text

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/seeds"
)

// TestKWICReadsStoredContext checks that terms --kwic shows each hit's
// context as the Result stores it at the default width, and cuts another
// width by the same rule: with every stored context narrowed to the hit
// alone, the default shows nothing but "…" either side.
func TestKWICReadsStoredContext(t *testing.T) {
	arts, _ := corpus.NewReader().ReadFS(seeds.FS)
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wide bytes.Buffer
	if err := WriteKWIC(&wide, res, "rebels", 30); err != nil {
		t.Fatal(err)
	}
	hits := res.Framing.Hits
	for i := range hits {
		hits[i].ContextStart, hits[i].ContextEnd = hits[i].Start, hits[i].End
	}
	var b bytes.Buffer
	if err := WriteKWIC(&b, res, "rebels", framing.DefaultContextChars); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	for _, line := range lines {
		before, rest, _ := strings.Cut(line, "[")
		_, after, _ := strings.Cut(rest, "]")
		after, _, _ = strings.Cut(after, "(")
		if ctx := strings.TrimSpace(before[14:]) + strings.TrimSpace(after); strings.Trim(ctx, "…") != "" {
			t.Errorf("context beyond the stored one: %q", line)
		}
	}
	// Another width is cut afresh, whatever is stored.
	var again bytes.Buffer
	if err := WriteKWIC(&again, res, "rebels", 30); err != nil {
		t.Fatal(err)
	}
	if again.String() != wide.String() {
		t.Errorf("width 30 depends on the stored context:\n%s\nwant\n%s", again.String(), wide.String())
	}
	if len(lines) < 3 {
		t.Errorf("%d lines for rebels, want the seeds' hits", len(lines))
	}
}
