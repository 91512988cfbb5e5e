package framing

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/kljensen/snowball/english"
)

// Token is one word of a text.
type Token struct {
	// Start and End are byte offsets of the word in the text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the word as written: text[Start:End].
	Text string `json:"text"`
	// Lower is the word's match key: lower-cased, with typographic
	// apostrophes (’ ‘ ʼ) made straight, invisible format characters (soft
	// hyphens, zero-width joiners, direction marks) left out and a final
	// possessive "'s" removed, so "Assad's", "Assad’s" and "Assad" share the
	// key "assad".
	Lower string `json:"lower"`
}

// Tokenize splits text into words by the Unicode word-boundary rules of
// UAX #29 and returns them in order. Spaces and punctuation are not tokens.
//
// Apostrophes inside a word keep it whole ("don’t", "Assad’s"); a final
// possessive is dropped from Lower only. Hyphens of either kind (- and ‑)
// separate words, so "rebel-held" is the two tokens "rebel" and "held" and
// the lexicon term "rebel" matches it; a hyphenated lexicon term such as
// "so-called" is matched as the token sequence "so", "called".
//
// Text should be valid UTF-8 (the corpus reader guarantees it); invalid
// bytes are segmented as the uax29 iterator does, without failing.
func Tokenize(text string) []Token {
	// News text has about six bytes per word; room for one per five
	// bytes is rarely outgrown, and growing would copy every token.
	toks := make([]Token, 0, len(text)/5+1)
	var arena []byte
	var spans [][2]int // arena span of each key that differs from the word
	scanWords(text, func(start, end int) {
		w := text[start:end]
		if isPlainLower(w) {
			toks = append(toks, Token{Start: start, End: end, Text: w, Lower: w})
			return
		}
		a := len(arena)
		arena = appendKey(arena, w)
		if string(arena[a:]) == w {
			arena = arena[:a]
			toks = append(toks, Token{Start: start, End: end, Text: w, Lower: w})
			return
		}
		toks = append(toks, Token{Start: start, End: end, Text: w})
		spans = append(spans, [2]int{len(toks) - 1, a})
	})
	// One string for all changed keys; each key is a slice of it.
	keys := string(arena)
	for k, sp := range spans {
		end := len(keys)
		if k+1 < len(spans) {
			end = spans[k+1][1]
		}
		toks[sp[0]].Lower = keys[sp[1]:end]
	}
	return toks
}

// CountWords returns len(Tokenize(text)) without making the tokens.
func CountWords(text string) int {
	n := 0
	scanWords(text, func(int, int) { n++ })
	return n
}

// scanWords calls fn with the byte span of every word of text: every UAX #29
// segment holding a letter or a digit.
//
// Breaks always fall on both sides of ASCII white space, so the text is
// cut there into chunks: all-ASCII chunks go through asciiWords, which
// applies the UAX #29 rules for ASCII, and the others through the uax29
// iterator, with the white space byte before them for context.
func scanWords(text string, fn func(start, end int)) {
	n := len(text)
	for i := 0; i < n; {
		for i < n && asciiSpace[text[i]] {
			i++
		}
		start, high := i, byte(0)
		for i < n && !asciiSpace[text[i]] {
			high |= text[i]
			i++
		}
		ascii := high < utf8.RuneSelf
		if start == i {
			break
		}
		if ascii {
			asciiWords(text, start, i, fn)
		} else {
			// A segment may run past the chunk (an invalid byte can
			// swallow the space after it): resume after it.
			i = max(i, unicodeWords(text, start, i, fn))
		}
	}
}

// unicodeWords segments text[start:end] with the uax29 iterator and
// returns where its last segment ends.
func unicodeWords(text string, start, end int, fn func(start, end int)) int {
	// The white space byte before goes along as context (a mark after a
	// space attaches to it), and the iterator runs on to the end of the
	// text so that it reads the chunk's last bytes as it would in the whole
	// text; it is stopped once past the chunk.
	from := start
	if from > 0 {
		from--
	}
	reached := end
	it := words.FromString(text[from:])
	for it.Next() {
		s, e := from+it.Start(), from+it.End()
		if s >= end {
			break
		}
		if isWord(text[s:e]) {
			fn(s, e)
		}
		reached = e
	}
	return reached
}

// ASCII word-break classes.
const (
	wbOther byte = iota
	wbLetter
	wbDigit
	wbUnderscore // ExtendNumLet
	wbMidLetter  // :
	wbMidNumLet  // . and '
	wbMidNum     // , and ;
	wbSpace      // ASCII white space
	wbHigh       // a byte of a multi-byte UTF-8 sequence
)

var asciiClass = func() (t [256]byte) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = wbHigh
	}
	for _, c := range " \n\t\r\v\f" {
		t[c] = wbSpace
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wbLetter, wbLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wbDigit
	}
	t['_'], t[':'], t['.'], t['\''], t[','], t[';'] = wbUnderscore, wbMidLetter, wbMidNumLet, wbMidNumLet, wbMidNum, wbMidNum
	return t
}()

// asciiWords segments the all-ASCII, space-free text[start:end] by the
// UAX #29 rules that apply to ASCII: letters, digits and underscores join
// (WB5, WB8–WB10, WB13a/b); a letter, then ':', '.' or an apostrophe, then
// a letter join (WB6/7); a digit, then ',', ';', '.' or an apostrophe,
// then a digit join (WB11/12). Every other character stands alone.
func asciiWords(text string, start, end int, fn func(start, end int)) {
	for i := start; i < end; {
		c := asciiClass[text[i]]
		if c != wbLetter && c != wbDigit && c != wbUnderscore {
			i++
			continue
		}
		j := i + 1
		hasAlnum := c != wbUnderscore
		for j < end {
			k := asciiClass[text[j]]
			if k == wbLetter || k == wbDigit || k == wbUnderscore {
				hasAlnum = hasAlnum || k != wbUnderscore
				j++
				continue
			}
			if j+1 < end {
				prev, next := asciiClass[text[j-1]], asciiClass[text[j+1]]
				if prev == wbLetter && next == wbLetter && (k == wbMidLetter || k == wbMidNumLet) ||
					prev == wbDigit && next == wbDigit && (k == wbMidNum || k == wbMidNumLet) {
					j += 2
					continue
				}
			}
			break
		}
		if hasAlnum {
			fn(i, j)
		}
		i = j
	}
}

var asciiSpace = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\v': true, '\f': true}

func isWord(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) {
			return true
		}
		i += n
	}
	return false
}

// appendKey appends the match key of word w (see Token.Lower) to dst.
func appendKey(dst []byte, w string) []byte {
	start := len(dst)
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		switch {
		case isApostrophe(r):
			dst = append(dst, '\'')
		case unicode.Is(unicode.Cf, r):
			// invisible format characters (soft hyphen, zero-width joiner,
			// word joiner, direction marks) do not change the word
		case r == utf8.RuneError && n == 1:
			dst = utf8.AppendRune(dst, r)
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	if k := dst[start:]; len(k) > 2 && k[len(k)-1] == 's' && k[len(k)-2] == '\'' {
		dst = dst[:len(dst)-2]
	}
	return dst
}

// isApostrophe reports whether r is used as an apostrophe inside words.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02BC', '\uFF07':
		return true
	}
	return false
}

// stemCacheLimit bounds the stem cache so memory stays flat however many
// distinct words a corpus holds.
const stemCacheLimit = 1 << 16

// stemCache memoises Stem in shards, each under its own lock.
var stemCache [64]struct {
	sync.RWMutex
	m map[string]string
}

var stemCacheSize atomic.Int64

// stemShard picks a shard by FNV-1a of the word (stable across runs).
func stemShard(w string) int {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return int(h % uint32(len(stemCache)))
}

// Stem returns the Snowball (Porter2) English stem of word, lower-cased:
// "liberated", "liberating" and "liberation" all give "liber". Stop words
// and words of two letters or fewer are returned lower-cased, unstemmed.
func Stem(word string) string {
	sh := &stemCache[stemShard(word)]
	sh.RLock()
	s, ok := sh.m[word]
	sh.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(strings.ToLower(word), false)
	if stemCacheSize.Load() < stemCacheLimit {
		sh.Lock()
		if sh.m == nil {
			sh.m = map[string]string{}
		}
		if _, ok := sh.m[word]; !ok {
			sh.m[strings.Clone(word)] = s
			stemCacheSize.Add(1)
		}
		sh.Unlock()
	}
	return s
}
