package framing

import (
	"math"
	"slices"
	"unicode/utf8"
)

// Table holds the words of one text, as Tokenize finds them, in compact
// form: eight bytes a word for its offsets, plus the match keys that differ
// from the words as written, gathered in one string. A []Token costs 48
// bytes a word; a Table lets the stages that read an article's words
// share one tokenisation without holding a corpus's tokens as strings.
// The text is not kept: methods take it again.
type Table struct {
	spans   []tableSpan
	keys    string   // the keys that differ from their words, in word order
	keyEnds []uint32 // where each of those keys ends in keys
	big     []Token  // a text too long for 31-bit offsets keeps its tokens
}

// tableSpan is one word's byte offsets; keyDiffers in end marks a word
// whose key is in Table.keys.
type tableSpan struct{ start, end uint32 }

const keyDiffers = 1 << 31

// NewTable tokenises text once (see Tokenize).
func NewTable(text string) *Table {
	t := &Table{}
	if len(text) >= keyDiffers {
		t.big = Tokenize(text)
		return t
	}
	t.spans = make([]tableSpan, 0, len(text)/5+1)
	var arena []byte
	scanWords(text, func(start, end int) {
		w := text[start:end]
		sp := tableSpan{uint32(start), uint32(end)}
		if !isPlainLower(w) {
			a := len(arena)
			arena = appendKey(arena, w)
			if string(arena[a:]) == w {
				arena = arena[:a]
			} else {
				sp.end |= keyDiffers
				t.keyEnds = append(t.keyEnds, uint32(len(arena)))
			}
		}
		t.spans = append(t.spans, sp)
	})
	t.keys = string(arena)
	return t
}

// Len returns the number of words.
func (t *Table) Len() int {
	if t.big != nil {
		return len(t.big)
	}
	return len(t.spans)
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
	k, from := 0, uint32(0)
	for _, sp := range t.spans {
		start, end := int(sp.start), int(sp.end&^keyDiffers)
		if sp.end&keyDiffers == 0 {
			fn(start, end, text[start:end], false)
			continue
		}
		to := t.keyEnds[k]
		fn(start, end, t.keys[from:to], true)
		k, from = k+1, to
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
	dst = slices.Grow(dst, len(t.spans))
	k, from := 0, uint32(0)
	for _, sp := range t.spans {
		start, end := int(sp.start), int(sp.end&^keyDiffers)
		w := text[start:end]
		key := w
		if sp.end&keyDiffers != 0 {
			to := t.keyEnds[k]
			key = t.keys[from:to]
			k, from = k+1, to
		}
		dst = append(dst, Token{Start: start + off, End: end + off, Text: w, Lower: key})
	}
	return dst
}

// JoinedTokens returns Tokenize(head + sep + text), sep being ASCII white
// space, text the table's, tokenising only head: a word never runs across
// white space. ok is false when head is not valid UTF-8 (an invalid byte
// can join the white space after it), or the offsets would not fit.
func (t *Table) JoinedTokens(head, sep, text string) (toks []Token, ok bool) {
	if !utf8.ValidString(head) || len(head)+len(sep)+len(text) > math.MaxInt32 {
		return nil, false
	}
	for i := 0; i < len(sep); i++ {
		if !asciiSpace[sep[i]] {
			return nil, false
		}
	}
	toks = Tokenize(head)
	toks = append(make([]Token, 0, len(toks)+t.Len()), toks...)
	return t.AppendTokens(toks, text, len(head)+len(sep)), true
}
