package pdf

import (
	"context"
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

// TestWritePDFPipelineSeeds renders the handout from the real pipeline's
// Result for the embedded seeds, and reads it back.
func TestWritePDFPipelineSeeds(t *testing.T) {
	arts, _ := corpus.NewReader().ReadFS(seeds.FS)
	if len(arts) != 5 {
		t.Fatalf("read %d seed articles, want 5", len(arts))
	}
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	for _, opts := range []Options{{Settings: "framediff report (seeds)"}, {Blind: true}} {
		b := pdfWrite(t, res, opts)
		name := "pipeline.pdf"
		if opts.Blind {
			name = "pipeline-blind.pdf"
		}
		file := pdfSave(t, name, b)
		pdfQPDFCheck(t, file)
		pdfCheckInsidePages(t, file)
		text := pdfFlat(pdfToText(t, file, 0, 0))
		if opts.Blind {
			pdfCheckBlind(t, file, res)
			continue
		}
		for _, a := range arts {
			if a.Outlet != "" && !strings.Contains(text, a.Outlet) {
				t.Errorf("text lacks outlet %q", a.Outlet)
			}
		}
	}
}
