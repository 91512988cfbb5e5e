package corpus

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// zhWordsText is the Chinese word list: "word count" lines.
//
//go:embed data/zh_words.txt
var zhWordsText string

// hanDict holds the log-probability of each dictionary word.
type hanDict struct {
	logp    map[string]float64
	maxLen  int     // longest word, in runes
	unknown float64 // log-probability of a character not in the list
}

var (
	hanOnce sync.Once
	hanWord *hanDict
)

// hanDictionary parses the embedded word list once.
func hanDictionary() *hanDict {
	hanOnce.Do(func() {
		d := &hanDict{logp: make(map[string]float64, 56000)}
		total := 0.0
		counts := map[string]float64{}
		for line := range strings.SplitSeq(zhWordsText, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			w, c, ok := strings.Cut(line, " ")
			n, err := strconv.ParseFloat(c, 64)
			if !ok || err != nil || n <= 0 {
				continue // the embedded list is checked by the package's tests
			}
			counts[w] += n
			total += n
			d.maxLen = max(d.maxLen, utf8.RuneCountInString(w))
		}
		for w, n := range counts {
			d.logp[w] = math.Log(n / total)
		}
		d.unknown = math.Log(0.5 / total)
		hanWord = d
	})
	return hanWord
}

// IsHan reports whether r is a Han ideograph (Chinese characters, also used
// in Japanese and Korean).
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// HanWords calls fn with the byte span of each word of s, a run of Han
// ideographs, in order. The words are the most probable split of the run by
// the embedded word list (a unigram model, as jieba's dictionary mode): a
// run the list does not know falls apart into single characters.
func HanWords(s string, fn func(start, end int)) {
	d := hanDictionary()
	// Byte offset of each rune boundary.
	offs := make([]int, 0, len(s)/3+1)
	for i := range s {
		offs = append(offs, i)
	}
	offs = append(offs, len(s))
	n := len(offs) - 1
	// best[i]: best score of a split of the first i runes; from[i]: where
	// its last word starts. Ties keep the longer last word.
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = math.Inf(-1)
		for j := max(0, i-d.maxLen); j < i; j++ {
			p, ok := d.logp[s[offs[j]:offs[i]]]
			if !ok {
				if i-j > 1 {
					continue
				}
				p = d.unknown
			}
			if v := best[j] + p; v > best[i] {
				best[i], from[i] = v, j
			}
		}
	}
	var cuts []int
	for i := n; i > 0; i = from[i] {
		cuts = append(cuts, i)
	}
	prev := 0
	for k := len(cuts) - 1; k >= 0; k-- {
		fn(offs[prev], offs[cuts[k]])
		prev = cuts[k]
	}
}

// hasHan reports whether s holds a Han ideograph.
func hasHan(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE2 { // Han ideographs are three or four bytes long
			r, _ := utf8.DecodeRuneInString(s[i:])
			if IsHan(r) {
				return true
			}
		}
	}
	return false
}

// ScriptWords calls fn with the byte span of every word of s by the
// Unicode word rules (UAX #29), with each run of Han ideographs (which the
// rules cut into single characters) split into words by HanWords, so that
// a Chinese text counts words as its translation into English would.
// Segments without a letter or digit are skipped.
func ScriptWords(s string, fn func(start, end int)) {
	hanStart, hanEnd := -1, -1
	flush := func() {
		if hanStart >= 0 {
			HanWords(s[hanStart:hanEnd], func(a, b int) { fn(hanStart+a, hanStart+b) })
			hanStart = -1
		}
	}
	it := words.FromString(s)
	for it.Next() {
		seg := it.Value()
		r, size := utf8.DecodeRuneInString(seg)
		if size == len(seg) && IsHan(r) {
			if hanStart < 0 || hanEnd != it.Start() {
				flush()
				hanStart = it.Start()
			}
			hanEnd = it.End()
			continue
		}
		flush()
		if hasLetterOrDigit(seg) {
			fn(it.Start(), it.End())
		}
	}
	flush()
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// countScriptWords is the number of words ScriptWords finds in s.
func countScriptWords(s string) int {
	n := 0
	ScriptWords(s, func(int, int) { n++ })
	return n
}
