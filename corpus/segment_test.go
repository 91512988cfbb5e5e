package corpus

import (
	"strconv"
	"strings"
	"testing"
)

// Every line of the embedded Chinese word list is a comment or "word
// count" with a positive count, and no word is listed twice.
func TestChineseWordList(t *testing.T) {
	seen := map[string]int{}
	for i, line := range strings.Split(zhWordsText, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, c, ok := strings.Cut(line, " ")
		n, err := strconv.Atoi(c)
		if !ok || err != nil || n <= 0 || w == "" {
			t.Errorf("zh_words.txt:%d: %q is not \"word count\"", i+1, line)
			continue
		}
		if prev, dup := seen[w]; dup {
			t.Errorf("zh_words.txt:%d: %q repeats line %d", i+1, w, prev)
		}
		seen[w] = i + 1
	}
	if len(seen) < 50000 {
		t.Errorf("%d words, want at least 50,000", len(seen))
	}
}
