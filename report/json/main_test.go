package jsonreport

import (
	"context"
	"fmt"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

// seedPipeline runs the real pipeline over the embedded seed corpus.
func seedPipeline(t *testing.T) *compare.Result {
	t.Helper()
	arts, warns := corpus.NewReader().ReadFS(seeds.FS)
	if len(arts) != 5 {
		t.Fatalf("read %d seed articles, want 5 (warnings: %v)", len(arts), warns)
	}
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, fmt.Errorf("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}
