package compare

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/seedtest"
)

// readArticle reads text as the one article of a file called name.
func readArticle(t *testing.T, name, text string) *corpus.Article {
	t.Helper()
	as, warns := corpus.NewReader().Read(filepath.Join("t", name+".txt"), []byte(text))
	if len(as) != 1 {
		t.Fatalf("%s: %d articles, %v", name, len(as), warns)
	}
	return &as[0]
}

// TestAlignmentAfterSkippedSentence checks that a sentence too long to
// align does not shift the sentence numbers and spans of the alignments
// after it: they name the article's own sentences.
func TestAlignmentAfterSkippedSentence(t *testing.T) {
	long := "Delegates listed " + strings.Repeat("item and ", MaxAlignWords) + "more."
	shared := "The foreign ministers agreed on Tuesday to a ceasefire across the northern province of Idlib."
	other := "Aid groups warned of a new displacement crisis along the border."
	read := func(name, text string) *corpus.Article { return readArticle(t, name, text) }
	a := read("a", long+"\n\n"+other+" "+shared)
	b := read("b", shared+" "+other)
	if len(a.Sentences) != 3 || len(strings.Fields(a.Text[a.Sentences[0].Start:a.Sentences[0].End])) <= MaxAlignWords {
		t.Fatalf("article a should open with one sentence of more than %d words, then two: %v", MaxAlignWords, a.Sentences)
	}
	als, _ := alignEvent(context.Background(), "e", []*corpus.Article{a, b}, nil, nil)
	found := 0
	for _, al := range als {
		for _, ref := range []struct {
			art *corpus.Article
			r   SentenceRef
		}{{a, al.A}, {b, al.B}} {
			sp := ref.art.Sentences[ref.r.Sentence]
			if ref.r.Start < sp.Start || ref.r.End > sp.End {
				t.Errorf("%s: passage [%d,%d) %q lies outside its sentence %d [%d,%d)", ref.art.ID, ref.r.Start, ref.r.End, ref.r.Text, ref.r.Sentence, sp.Start, sp.End)
			}
		}
		if al.A.Text == shared {
			found++
			if al.A.Sentence != 2 {
				t.Errorf("shared sentence of a numbered %d, want 2", al.A.Sentence)
			}
		}
	}
	if found != 1 {
		t.Errorf("the shared sentence was aligned %d times, want once: %+v", found, als)
	}
}

// TestSplitNotAcrossSkippedSentence checks that one sentence is not
// aligned with two sentences of the other article that a sentence too long
// to align separates: they are not adjacent, and the passage would take in
// the long one.
func TestSplitNotAcrossSkippedSentence(t *testing.T) {
	long := "Delegates listed " + strings.Repeat("item and ", MaxAlignWords) + "more."
	whole := "The foreign ministers agreed on Tuesday to a ceasefire across the northern province of Idlib, and aid convoys will resume crossings from Turkey next week."
	first := "The foreign ministers agreed on Tuesday to a ceasefire across the northern province of Idlib."
	second := "Aid convoys will resume crossings from Turkey next week."
	read := func(name, text string) *corpus.Article { return readArticle(t, name, text) }
	adjacent := read("a", first+" "+second)
	apart := read("b", first+"\n\n"+long+"\n\n"+second)
	one := read("c", whole)
	if len(apart.Sentences) != 3 {
		t.Fatalf("article b: %d sentences, want 3", len(apart.Sentences))
	}
	split := func(a *corpus.Article) *Alignment {
		als, _ := alignEvent(context.Background(), "e", []*corpus.Article{one, a}, nil, nil)
		for k := range als {
			if len(als[k].B.Sentences) == 2 {
				return &als[k]
			}
		}
		return nil
	}
	if split(adjacent) == nil {
		t.Fatal("one sentence was not aligned with two adjacent ones: the test does not exercise splits")
	}
	if al := split(apart); al != nil {
		t.Errorf("one sentence aligned with sentences %v across a skipped one: %q", al.B.Sentences, al.B.Text)
	}
}

// TestCannotAlignOnlySkipsFailures checks that the test run before
// aligning two sentences' words skips only pairs the alignment would
// reject: on pairs of sentences from consecutive articles of the seeds,
// the generated corpus and, when present, the labelled real news.
func TestCannotAlignOnlySkipsFailures(t *testing.T) {
	arts := seedtest.Read(t)
	arts = append(arts, readSynth(t, 120).arts...)
	r := corpus.NewReader()
	for _, name := range []string{"events-pac-dev.jsonl", "events-newswcl50.jsonl"} {
		path := filepath.Join(labelledDir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		as, _ := r.Read(path, data)
		arts = append(arts, as[:min(len(as), 120)]...)
	}
	skipped, aligned := 0, 0
	for k := 0; k+1 < len(arts); k++ {
		v := newVocab(0)
		x := prepareSentences(&arts[k], nil, v)
		y := prepareSentences(&arts[k+1], nil, v)
		for i := range x {
			for j := range y {
				cos := stemCosine(x[i].stems, y[j].stems)
				_, ok := alignSentences(&x[i], &y[j], cos)
				if ok {
					aligned++
				}
				if cannotAlign(&x[i], &y[j], cos) {
					skipped++
					if ok {
						t.Fatalf("%s sentence %d and %s sentence %d align, but were skipped", arts[k].ID, x[i].index, arts[k+1].ID, y[j].index)
					}
				}
			}
		}
		v.release()
	}
	t.Logf("%d pairs skipped, %d aligned", skipped, aligned)
	if skipped == 0 || aligned == 0 {
		t.Fatalf("%d pairs skipped, %d aligned: the test does not exercise both", skipped, aligned)
	}
}
