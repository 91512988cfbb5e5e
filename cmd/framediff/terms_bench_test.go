package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/framediff/framediff/internal/synth"
)

// BenchmarkTerms runs the terms command, as a user runs it, on 840
// generated articles, on PolNeAR's 840 real ones (skipped when
// ../shared/data is absent) and on the JSONL corpus FRAMEDIFF_BENCH_JSONL
// names, if any, such as the real corpora of BENCHMARKS.md: reading the
// file, matching, sense checks and voice, and the table. Start-up before
// main is not in it; BENCHMARKS.md times that with /usr/bin/time.
func BenchmarkTerms(b *testing.B) {
	type corpusFile struct{ name, path string }
	gen := filepath.Join(b.TempDir(), "generated.jsonl")
	if err := os.WriteFile(gen, synth.JSONL(synth.Generate(840, 1)), 0o644); err != nil {
		b.Fatal(err)
	}
	corpora := []corpusFile{{"generated", gen}}
	if p := filepath.Join("..", "..", "..", "shared", "data", "quotes-polnear-train.jsonl"); fileExists(p) {
		corpora = append(corpora, corpusFile{"polnear", p})
	}
	if p := os.Getenv("FRAMEDIFF_BENCH_JSONL"); p != "" {
		corpora = append(corpora, corpusFile{strings.TrimSuffix(filepath.Base(p), ".jsonl"), p})
	}
	for _, c := range corpora {
		b.Run("corpus="+c.name, func(b *testing.B) { benchTerms(b, c.path) })
	}
}

func benchTerms(b *testing.B, path string) {
	b.ReportAllocs()
	for b.Loop() {
		app := &App{
			Stdin:  strings.NewReader(""),
			Stdout: io.Discard,
			Stderr: io.Discard,
			Now:    func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
		}
		if err := app.Run(context.Background(), []string{"terms", path}); err != nil {
			b.Fatal(err)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
