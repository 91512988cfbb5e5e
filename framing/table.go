package framing

import (
	"math"
	"slices"
	"unicode/utf8"
)

// Table holds the words of one text, as Tokenize finds them, in compact
// form: two bytes a word in most text (the gap since the last word ends and
// the word's length), plus the match keys that differ from the words as
// written, gathered in one string. A []Token costs 48 bytes a word; a
// Table lets the stages that read an article's words share one
// tokenisation without holding a corpus's tokens as strings. Words are
// read in order. The text is not kept: methods take it again.
type Table struct {
	n int // words
	// codes holds two bytes a word: the gap from the end of the word
	// before (gapLong: the gap is the next entry of long), then the
	// length (lenLong: the next entry of long), with keyDiffers set when
	// the word's key is in keys.
	codes   []byte
	long    []uint32
	keys    string   // the keys that differ from their words, in word order
	keyEnds []uint32 // where each of those keys ends in keys
	big     []Token  // a text too long for 32-bit offsets keeps its tokens
}

const (
	gapLong    = 0xFF
	lenLong    = 0x7F
	keyDiffers = 0x80
)

// NewTable tokenises text once (see Tokenize).
func NewTable(text string) *Table {
	t := &Table{}
	if len(text) > math.MaxUint32 {
		t.big = Tokenize(text)
		t.n = len(t.big)
		return t
	}
	t.codes = make([]byte, 0, len(text)/3+2)
	var arena []byte
	last := 0
	scanWords(text, func(start, end int) {
		w := text[start:end]
		var flag byte
		if !isPlainLower(w) {
			a := len(arena)
			arena = appendKey(arena, w)
			if string(arena[a:]) == w {
				arena = arena[:a]
			} else {
				flag = keyDiffers
				t.keyEnds = append(t.keyEnds, uint32(len(arena)))
			}
		}
		if gap := start - last; gap < gapLong {
			t.codes = append(t.codes, byte(gap))
		} else {
			t.codes = append(t.codes, gapLong)
			t.long = append(t.long, uint32(gap))
		}
		if n := end - start; n < lenLong {
			t.codes = append(t.codes, byte(n)|flag)
		} else {
			t.codes = append(t.codes, lenLong|flag)
			t.long = append(t.long, uint32(n))
		}
		last = end
		t.n++
	})
	t.keys = string(arena)
	return t
}

// Len returns the number of words.
func (t *Table) Len() int { return t.n }

// tableReader reads a Table's words in order.
type tableReader struct {
	t          *Table
	c, l, k    int
	last, from uint32
}

// next returns the next word's offsets and key, and whether the key
// differs from text[start:end].
func (r *tableReader) next(text string) (start, end int, key string, differs bool) {
	t := r.t
	gap := uint32(t.codes[r.c])
	if gap == gapLong {
		gap = t.long[r.l]
		r.l++
	}
	code := t.codes[r.c+1]
	r.c += 2
	n := uint32(code &^ keyDiffers)
	if n == lenLong {
		n = t.long[r.l]
		r.l++
	}
	s := r.last + gap
	r.last = s + n
	start, end = int(s), int(r.last)
	if code&keyDiffers == 0 {
		return start, end, text[start:end], false
	}
	to := t.keyEnds[r.k]
	key = t.keys[r.from:to]
	r.k, r.from = r.k+1, to
	return start, end, key, true
}

// each calls fn with every word's offsets and key; differs reports whether
// the key differs from text[start:end].
func (t *Table) each(text string, fn func(start, end int, key string, differs bool)) {
	if t.big != nil {
		for _, tok := range t.big {
			fn(tok.Start, tok.End, tok.Lower, tok.Lower != tok.Text)
		}
		return
	}
	r := tableReader{t: t}
	for range t.n {
		fn(r.next(text))
	}
}

// Tokens returns Tokenize(text), text being the one the table was made of.
func (t *Table) Tokens(text string) []Token {
	return t.AppendTokens(make([]Token, 0, t.Len()), text, 0)
}

// AppendTokens appends Tokenize(text) to dst, each offset moved on by off:
// the words of text as they stand in a longer text that holds it at off.
func (t *Table) AppendTokens(dst []Token, text string, off int) []Token {
	if t.big != nil {
		for _, tok := range t.big {
			tok.Start += off
			tok.End += off
			dst = append(dst, tok)
		}
		return dst
	}
	dst = slices.Grow(dst, t.n)
	r := tableReader{t: t}
	for range t.n {
		start, end, key, _ := r.next(text)
		dst = append(dst, Token{Start: start + off, End: end + off, Text: text[start:end], Lower: key})
	}
	return dst
}

// JoinedTokens returns Tokenize(head + sep + text), sep being ASCII white
// space, text the table's, tokenising only head: a word never runs across
// white space. ok is false when head is not valid UTF-8 (an invalid byte
// can join the white space after it), or the offsets would not fit.
func (t *Table) JoinedTokens(head, sep, text string) (toks []Token, ok bool) {
	return t.AppendJoinedTokens(nil, head, sep, text)
}

// AppendJoinedTokens is JoinedTokens appending to dst: when ok is false,
// dst is returned as it was.
func (t *Table) AppendJoinedTokens(dst []Token, head, sep, text string) (toks []Token, ok bool) {
	if !utf8.ValidString(head) || len(head)+len(sep)+len(text) > math.MaxInt32 {
		return dst, false
	}
	for i := 0; i < len(sep); i++ {
		if !asciiSpace[sep[i]] {
			return dst, false
		}
	}
	dst = append(dst, Tokenize(head)...)
	return t.AppendTokens(dst, text, len(head)+len(sep)), true
}
