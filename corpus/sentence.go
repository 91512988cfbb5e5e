package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The sentence splitter is rule-based: neurosnap/sentences (the Punkt
// algorithm) ran at about 1 MB/s on the seeds and kept "U.S. on Jan. 5. He"
// together while splitting quotations at every full stop inside them. This
// one reads its abbreviations from data/abbreviations.txt, never splits
// inside a quotation that closes in the same paragraph, and keeps a closing
// quote or bracket with the sentence it ends.

type abbrevKind int

const (
	abbrevTitle abbrevKind = iota + 1
	abbrevMonth
	abbrevNumber
	abbrevOther
)

type abbrevTable struct {
	kinds    map[string]abbrevKind
	starters map[string]bool
}

var (
	abbrevOnce sync.Once
	abbrevs    *abbrevTable
)

func defaultAbbrevs() *abbrevTable {
	abbrevOnce.Do(func() {
		data, err := dataFS.ReadFile("data/abbreviations.txt")
		if err == nil {
			abbrevs, err = parseAbbrevs(data)
		}
		if err != nil {
			panic("corpus: embedded abbreviations: " + err.Error())
		}
	})
	return abbrevs
}

func parseAbbrevs(data []byte) (*abbrevTable, error) {
	t := &abbrevTable{kinds: map[string]abbrevKind{}, starters: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("abbreviations.txt:%d: want \"WORD KIND\"", n)
		}
		if f[0] == "starter" {
			t.starters[f[1]] = true
			continue
		}
		k := map[string]abbrevKind{"title": abbrevTitle, "month": abbrevMonth, "number": abbrevNumber, "other": abbrevOther}[f[1]]
		if k == 0 {
			return nil, fmt.Errorf("abbreviations.txt:%d: unknown kind %q", n, f[1])
		}
		t.kinds[f[0]] = k
	}
	return t, sc.Err()
}

// SplitSentences returns the spans of the sentences in one paragraph (a
// text without line breaks), offsets relative to its start, trimmed of
// surrounding space.
func SplitSentences(p string) []Span {
	return appendSentences(nil, p, 0)
}

func appendSentences(dst []Span, p string, base int) []Span {
	t := defaultAbbrevs()
	quotes := quoteRanges(p)
	qi, maxClose := 0, -1
	start := 0
	for i := 0; i < len(p); {
		i = nextTerminator(p, i)
		if i >= len(p) {
			break
		}
		c := p[i]
		var tlen int
		switch {
		case c == '.' || c == '!' || c == '?':
			tlen = 1
		case strings.HasPrefix(p[i:], "…"):
			tlen = len("…")
		default:
			i++
			continue
		}
		termStart := i
		j := i + tlen
		// The run of terminators and closing quotes or brackets.
		for j < len(p) {
			r, size := utf8.DecodeRuneInString(p[j:])
			if r == '.' || r == '!' || r == '?' || r == '…' || isCloser(r) {
				j += size
				continue
			}
			break
		}
		i = j
		if j >= len(p) {
			break
		}
		if p[j] != ' ' {
			continue
		}
		k := j
		for k < len(p) && p[k] == ' ' {
			k++
		}
		if k >= len(p) {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[k:])
		if unicode.IsLower(next) || strings.ContainsRune(",;:)]}", next) {
			continue
		}
		// Quotations opening before the terminator: if one closes after
		// the terminator's run, the terminator is inside it.
		for qi < len(quotes) && quotes[qi][0] < termStart {
			maxClose = max(maxClose, quotes[qi][1])
			qi++
		}
		if maxClose >= j {
			continue
		}
		if c == '.' && (termStart+1 >= len(p) || p[termStart+1] != '.') && !breakAfterPeriod(t, p[start:termStart], p[k:]) {
			continue
		}
		dst = append(dst, trimSpan(p, start, j, base))
		start = k
	}
	if s := trimSpan(p, start, len(p), base); s.End > s.Start {
		dst = append(dst, s)
	}
	return dst
}

// nextTerminator returns the offset of the first byte at or after i that
// can begin a sentence terminator, or len(p). It skips eight bytes at a
// time while none of them can.
func nextTerminator(p string, i int) int {
	const ones, lows = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	// zero has the high bit of each zero byte of y set, exactly.
	zero := func(y uint64) uint64 { return ^((y&lows + lows) | y | lows) }
	for {
		for ; i+8 <= len(p); i += 8 {
			x := uint64(p[i]) | uint64(p[i+1])<<8 | uint64(p[i+2])<<16 | uint64(p[i+3])<<24 |
				uint64(p[i+4])<<32 | uint64(p[i+5])<<40 | uint64(p[i+6])<<48 | uint64(p[i+7])<<56
			if zero(x^'.'*ones)|zero(x^'!'*ones)|zero(x^'?'*ones)|zero(x^0xE2*ones) != 0 {
				break
			}
		}
		for end := min(i+8, len(p)); i < end; i++ {
			if terminatorStart[p[i]] {
				return i
			}
		}
		if i >= len(p) {
			return len(p)
		}
	}
}

// terminatorStart marks the bytes that can begin a sentence terminator:
// . ! ? and the first byte of "…".
var terminatorStart = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

func trimSpan(p string, start, end, base int) Span {
	for start < end && p[start] == ' ' {
		start++
	}
	for end > start && p[end-1] == ' ' {
		end--
	}
	return Span{base + start, base + end}
}

func isCloser(r rune) bool {
	switch r {
	case '"', '”', '’', '\'', ')', ']', '»', '›':
		return true
	}
	return false
}

// breakAfterPeriod decides whether a full stop after the last word of
// before ends the sentence, given the text after it.
func breakAfterPeriod(t *abbrevTable, before, after string) bool {
	w := before
	if i := strings.LastIndexAny(w, " (“\"‘'["); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		w = before[i+size:]
	}
	if w == "" {
		return true
	}
	nextRune, _ := utf8.DecodeRuneInString(after)
	nextIsDigit := nextRune >= '0' && nextRune <= '9'
	var buf [32]byte
	switch t.kinds[string(appendLower(buf[:0], w))] {
	case abbrevTitle:
		return false
	case abbrevMonth, abbrevNumber:
		if nextIsDigit {
			return false
		}
	case abbrevOther:
		return startsWithStarter(t, after)
	}
	// A single capital: an initial ("George W. Bush").
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return false
	}
	// An initialism ("U.S", "p.m"): only before a common sentence starter.
	if strings.Contains(w, ".") && isInitialism(w) {
		return startsWithStarter(t, after)
	}
	return true
}

func isInitialism(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) > 2 {
			return false
		}
	}
	return true
}

func startsWithStarter(t *abbrevTable, after string) bool {
	end := strings.IndexAny(after, " ,;:")
	if end < 0 {
		end = len(after)
	}
	var buf [32]byte
	return t.starters[string(appendLower(buf[:0], after[:end]))]
}

// appendLower appends strings.ToLower(s) to dst, without allocating when s
// is short ASCII.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// quoteRanges returns the [open, close] byte offsets of double quotations
// that open and close within p, ordered by opening: curly quotes nest,
// straight quotes pair in order (and are ignored when their number is odd).
func quoteRanges(p string) [][2]int {
	nStraight := strings.Count(p, "\"")
	if nStraight == 0 && !strings.Contains(p, "“") {
		return nil
	}
	var out [][2]int
	// Straight quotes pair in order; curly ones nest. The two never
	// interact, so each is found with its own scan.
	if nStraight > 0 && nStraight%2 == 0 {
		open := -1
		for i := 0; ; i++ {
			j := strings.IndexByte(p[i:], '"')
			if j < 0 {
				break
			}
			i += j
			if open < 0 {
				open = i
			} else {
				out = append(out, [2]int{open, i})
				open = -1
			}
		}
	}
	var stack []int
	for i := 0; ; i++ {
		j := strings.IndexByte(p[i:], 0xE2)
		if j < 0 {
			break
		}
		i += j
		switch {
		case strings.HasPrefix(p[i:], "“"):
			stack = append(stack, i)
		case strings.HasPrefix(p[i:], "”"):
			if len(stack) > 0 {
				out = append(out, [2]int{stack[len(stack)-1], i})
				stack = stack[:len(stack)-1]
			}
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}
