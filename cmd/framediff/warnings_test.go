package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
)

func TestWarningsSummarisedPerKind(t *testing.T) {
	var arts []corpus.Article
	for i := 0; i < 40; i++ {
		arts = append(arts, corpus.Article{Source: fmt.Sprintf("news/%02d.txt", i), Warnings: []string{fmt.Sprintf("outlet %q is not in the registry", fmt.Sprint("Outlet ", i%7))}})
	}
	arts[5].Warnings = append(arts[5].Warnings, "no date found")
	warns := []corpus.Warning{
		{File: "news/bad1.html", Reason: "file is 9000000 bytes, over the 8388608-byte limit"},
		{File: "news/bad2.html", Reason: "file is 9100000 bytes, over the 8388608-byte limit"},
	}
	var b bytes.Buffer
	n := writeWarnings(&b, problems(warns, arts), false)
	got := b.String()
	want := `warning: news/bad1.html: file is 9000000 bytes, over the 8388608-byte limit
warning: news/bad2.html: file is 9100000 bytes, over the 8388608-byte limit
warning: news/05.txt: no date found
note: 40 inputs: outlet "…" is not in the registry: news/00.txt, news/01.txt, news/02.txt and 37 more (--verbose lists all)
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n != 3 {
		t.Errorf("%d warnings counted, want 3 (notes do not count)", n)
	}
	b.Reset()
	writeWarnings(&b, problems(warns, arts), true)
	if lines := strings.Count(b.String(), "\n"); lines != 43 {
		t.Errorf("--verbose printed %d lines, want 43", lines)
	}
}
