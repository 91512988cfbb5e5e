package compare

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/seedtest"
)

// checkSentenceWords fails t when sentenceWords, taking a sentence's words
// from its article's, gives other words than tokenising the sentence alone.
// It returns how many sentences took the article's words.
func checkSentenceWords(t *testing.T, a *corpus.Article) int {
	t.Helper()
	all := words(a.Text)
	taken := 0
	for k, sp := range a.Sentences {
		got, ok := sentenceWords(a.Text, sp, all)
		if !ok {
			continue
		}
		taken++
		want := words(a.Text[sp.Start:sp.End])
		for i := range want {
			want[i].Start += sp.Start
			want[i].End += sp.Start
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s sentence %d %q:\n got %v\nwant %v", a.ID, k, a.Text[sp.Start:sp.End], got, want)
		}
	}
	return taken
}

func TestSentenceWords(t *testing.T) {
	// Sentences cut where word boundaries depend on what is around them:
	// a combining mark or a joiner right after the space before, no space
	// at the cut, an apostrophe or a decimal point across it.
	texts := []string{
		"One sentence. \u0301Accented start here. Then more.",
		"First one.\u200dJoined start. Last one.",
		"No space.Between these. Or these.",
		"He said it's 3.5 percent. It's 4.5 now.",
		"A quote: “Yes,” she said. “No.” Done.",
		"Ελληνικά κείμενα εδώ. Δεύτερη πρόταση. Τρίτη.",
		"Emoji start 👍🏽 here. 🇫🇷 flags. Done ok.",
		"ﾊﾟﾝ start. ﾞmark start. Next.",
	}
	r := corpus.NewReader()
	for i, text := range texts {
		as, warns := r.Read(filepath.Join("t", string(rune('a'+i))+".txt"), []byte(text))
		if len(as) != 1 {
			t.Fatalf("%q: %d articles, %v", text, len(as), warns)
		}
		checkSentenceWords(t, &as[0])
		// Cut at every byte as well, not only where the splitter cuts.
		a := as[0]
		for s := 0; s < len(a.Text); s++ {
			for _, e := range []int{s + 1, len(a.Text)} {
				a.Sentences = []corpus.Span{{Start: s, End: e}}
				if s < e && validCut(a.Text, s, e) {
					checkSentenceWords(t, &a)
				}
			}
		}
	}
	arts := seedtest.Read(t)
	arts = append(arts, readSynth(t, 300).arts...)
	for _, name := range []string{"quotes-polnear-train.jsonl", "events-newswcl50.jsonl", "events-pac-dev.jsonl", "loaded-ptc-train.jsonl"} {
		path := filepath.Join(labelledDir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		as, _ := r.Read(path, data)
		arts = append(arts, as...)
	}
	taken, all := 0, 0
	for i := range arts {
		taken += checkSentenceWords(t, &arts[i])
		all += len(arts[i].Sentences)
	}
	t.Logf("%d of %d sentences took their article's words", taken, all)
	if taken < all/2 {
		t.Errorf("only %d of %d sentences took their article's words", taken, all)
	}
}

// validCut reports whether text[s:e] is cut between characters.
func validCut(text string, s, e int) bool {
	isStart := func(i int) bool { return i == len(text) || text[i]&0xC0 != 0x80 }
	return isStart(s) && isStart(e)
}

func TestTailWords(t *testing.T) {
	for _, c := range []struct{ title, text string }{
		{"A title", "Some text. More text here."},
		{"A title", "\u0301Accented start of the text."},
		{"Title", "Text."},
		{"Title:", "“Quoted” start."},
	} {
		text := c.title + "\n\n" + c.text
		got := tailWords(text, c.text, words(text))
		if want := words(c.text); !slices.Equal(got, want) {
			t.Errorf("%q + %q:\n got %v\nwant %v", c.title, c.text, got, want)
		}
	}
}
