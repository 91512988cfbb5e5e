package corpus

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// scanFlatRecord decodes the common JSON article record quickly: one
// object whose values are all strings. ok is false for anything else
// (numbers, nested values, odd keys, invalid JSON or UTF-8), and the caller
// falls back to encoding/json, which also gives the precise error.
func scanFlatRecord(raw []byte) (rec jsonRecord, ok bool) {
	if !utf8.Valid(raw) {
		return rec, false
	}
	s := raw
	i := skipWS(s, 0)
	if i >= len(s) || s[i] != '{' {
		return rec, false
	}
	i = skipWS(s, i+1)
	if i < len(s) && s[i] == '}' {
		return rec, skipWS(s, i+1) == len(s)
	}
	for {
		if i >= len(s) || s[i] != '"' {
			return rec, false
		}
		key, next, ok := scanString(s, i+1)
		if !ok {
			return rec, false
		}
		i = skipWS(s, next)
		if i >= len(s) || s[i] != ':' {
			return rec, false
		}
		i = skipWS(s, i+1)
		if i >= len(s) || s[i] != '"' {
			return rec, false
		}
		value, next, ok := scanString(s, i+1)
		if !ok {
			return rec, false
		}
		if !rec.set(key, jsonValue{s: value}) && foldedRecordName(key) {
			// encoding/json would match it to a field.
			return rec, false
		}
		i = skipWS(s, next)
		if i >= len(s) {
			return rec, false
		}
		switch s[i] {
		case ',':
			i = skipWS(s, i+1)
		case '}':
			return rec, skipWS(s, i+1) == len(s)
		default:
			return rec, false
		}
	}
}

func skipWS(s []byte, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// scanString reads a JSON string body starting after its opening quote,
// returning the decoded value and the index after the closing quote.
func scanString(s []byte, i int) (string, int, bool) {
	start := i
	for i < len(s) {
		c := s[i]
		if c == '"' {
			return string(s[start:i]), i + 1, true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", 0, false
		}
		i++
	}
	if i >= len(s) {
		return "", 0, false
	}
	var b strings.Builder
	b.Grow(len(s) - start)
	b.Write(s[start:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			return b.String(), i + 1, true
		case c < 0x20:
			return "", 0, false
		case c != '\\':
			j := i + 1
			for j < len(s) && s[j] != '"' && s[j] != '\\' && s[j] >= 0x20 {
				j++
			}
			b.Write(s[i:j])
			i = j
			continue
		}
		if i+1 >= len(s) {
			return "", 0, false
		}
		switch s[i+1] {
		case '"', '\\', '/':
			b.WriteByte(s[i+1])
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(s, i+2)
			if !ok {
				return "", 0, false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(-1), false
				if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2, ok = hex4(s, i+2)
				}
				if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
					i += 6
					r = dec
				} else {
					r = utf8.RuneError
				}
			}
			b.WriteRune(r)
			continue
		default:
			return "", 0, false
		}
		i += 2
	}
	return "", 0, false
}

func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range s[i : i+4] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
