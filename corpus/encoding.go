package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// errNotText is the reason a file is refused as binary.
var errNotText = errors.New("not a text file")

var magics = []struct {
	prefix, what string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or an office document)"},
	{"\x1f\x8b", "a gzip archive"},
	{"RIFF", "a RIFF media file"},
	{"\x7fELF", "an executable"},
	{"\xd0\xcf\x11\xe0", "an old office document"},
}

// decodeText turns a file's bytes into NFC UTF-8 text. It recognises a
// UTF-8 or UTF-16 byte-order mark, reads invalid UTF-8 as Windows-1252 or
// (when Turkish letters show) ISO-8859-9, repairs mojibake, and refuses
// binary data. notes says what was converted or repaired.
func decodeText(data []byte) (text string, notes []string, err error) {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", nil, fmt.Errorf("%w: it is %s", errNotText, m.what)
		}
	}
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		s, err = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
		notes = append(notes, "converted from UTF-16 LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		notes = append(notes, "converted from UTF-16 BE")
	}
	if err != nil {
		return "", nil, fmt.Errorf("decode UTF-16: %w", err)
	}
	if s == "" && len(notes) == 0 {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", nil, fmt.Errorf("%w: NUL byte at offset %d (binary data)", errNotText, i)
		}
		if utf8.Valid(data) {
			s = string(data)
		} else {
			var note string
			s, note = decodeLegacy(data)
			notes = append(notes, note)
		}
	} else if strings.IndexByte(s, 0) >= 0 {
		return "", nil, fmt.Errorf("%w: NUL character in UTF-16 text", errNotText)
	}
	if controlRatioHigh(s) {
		return "", nil, fmt.Errorf("%w: mostly control characters", errNotText)
	}
	if fixed, n := repairMojibake(s); n > 0 {
		s = fixed
		notes = append(notes, fmt.Sprintf("repaired %d mojibake sequence(s) (UTF-8 read as a single-byte encoding)", n))
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s, notes, nil
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	b, err := enc.NewDecoder().Bytes(data)
	return string(b), err
}

// decodeLegacy reads bytes that are not valid UTF-8. Mostly-UTF-8 text with
// a few bad bytes keeps its UTF-8 and gets U+FFFD for them; otherwise the
// text is single-byte: ISO-8859-9 when Turkish letters (ğ ş ı İ Ş Ğ) show
// between letters, else Windows-1252.
func decodeLegacy(data []byte) (string, string) {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	if valid > invalid {
		return strings.ToValidUTF8(string(data), "\uFFFD"), fmt.Sprintf("replaced %d invalid UTF-8 byte(s)", invalid)
	}
	turkish := 0
	for i := 1; i+1 < len(data); i++ {
		switch data[i] {
		case 0xF0, 0xFD, 0xFE, 0xD0, 0xDD, 0xDE:
			if isASCIILetter(data[i-1]) || isASCIILetter(data[i+1]) {
				turkish++
			}
		}
	}
	if turkish > 0 {
		s, _ := decodeWith(charmap.ISO8859_9, data)
		return s, "converted from ISO-8859-9"
	}
	s, _ := decodeWith(charmap.Windows1252, data)
	return s, "converted from Windows-1252"
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// controlRatioHigh reports text where more than one character in ten is a
// C0 control other than tab, newline, carriage return and form feed.
func controlRatioHigh(s string) bool {
	n, i := 0, 0
	// Eight bytes at a time; only blocks holding a byte below 0x20 are
	// counted byte by byte.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if (x-0x20*ones)&^x&highs == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if isControl(s[j]) {
				n++
			}
		}
	}
	for ; i < len(s); i++ {
		if isControl(s[i]) {
			n++
		}
	}
	return n > 0 && n*10 > len(s)
}

// isControl reports a C0 control other than tab, newline, carriage return
// and form feed.
func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
}

// mojibakeBytes maps the characters that UTF-8 bytes 0x80–0xFF become when
// read as Windows-1252 (or, for lead bytes, Windows-874 Thai) back to the
// bytes.
var mojibakeBytes = func() map[rune]byte {
	m := map[rune]byte{}
	for b := 0x80; b <= 0xFF; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r != utf8.RuneError {
			m[r] = byte(b)
		}
		// Undefined Windows-1252 bytes often survive as C1 controls.
		if b < 0xA0 {
			if _, ok := m[rune(b)]; !ok {
				m[rune(b)] = byte(b)
			}
		}
	}
	return m
}()

// thaiLead maps Windows-874 Thai letters standing for UTF-8 lead bytes.
func thaiLead(r rune) (byte, bool) {
	if r >= 0x0E01 && r <= 0x0E5B {
		b := byte(r - 0x0E00 + 0xA0)
		if b >= 0xC2 && b <= 0xF4 {
			return b, true
		}
	}
	return 0, false
}

// repairMojibake replaces sequences such as "â€™" (’ whose UTF-8 bytes were
// read as Windows-1252) and "โ€™" (the same through Windows-874) by the
// character they stand for. It repairs a sequence only when its bytes form
// exactly one valid UTF-8 character of Latin-1, Latin Extended, general
// punctuation or currency, which ordinary text in those encodings does not
// produce by chance.
func repairMojibake(s string) (string, int) {
	var b strings.Builder
	n := 0
	last := 0
	leads := leadFinder{s: s}
	for i := 0; i < len(s); {
		// Every lead character repaired here is encoded starting with byte
		// 0xC3 (Â–É, â) or 0xE0 (Thai); skip to the next such byte.
		j := leads.next(i)
		if j < 0 {
			break
		}
		i = j
		r, size := utf8.DecodeRuneInString(s[i:])
		lead, ok := mojibakeBytes[r]
		thai := false
		if !ok {
			lead, ok = thaiLead(r)
			thai = ok
		}
		if !ok || lead < 0xC2 || lead > 0xF4 {
			i += size
			continue
		}
		need := 1
		if lead >= 0xE0 {
			need = 2
		}
		if lead >= 0xF0 {
			need = 3
		}
		buf := []byte{lead}
		j = i + size
		for k := 0; k < need && j < len(s); k++ {
			cr, csize := utf8.DecodeRuneInString(s[j:])
			cb, ok := mojibakeBytes[cr]
			if !ok || cb < 0x80 || cb > 0xBF {
				break
			}
			buf = append(buf, cb)
			j += csize
		}
		if len(buf) != need+1 {
			i += size
			continue
		}
		fixed, fsize := utf8.DecodeRune(buf)
		if fixed == utf8.RuneError || fsize != len(buf) || !plausibleRepair(fixed) || (thai && fixed < 0x2000) {
			i += size
			continue
		}
		b.WriteString(s[last:i])
		b.WriteRune(fixed)
		n++
		i = j
		last = j
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// leadFinder finds the next byte 0xC3 or 0xE0, remembering where each
// was last seen so that the text is scanned once.
type leadFinder struct {
	s          string
	c3, e0     int // next known positions; -1 none left
	c3ok, e0ok bool
}

func (f *leadFinder) find(b byte, from int, pos *int, ok *bool) int {
	if !*ok || *pos >= 0 && *pos < from {
		*ok = true
		*pos = strings.IndexByte(f.s[from:], b)
		if *pos >= 0 {
			*pos += from
		}
	}
	return *pos
}

// next returns the position of the next lead byte at or after i, or -1.
func (f *leadFinder) next(i int) int {
	a := f.find(0xC3, i, &f.c3, &f.c3ok)
	b := f.find(0xE0, i, &f.e0, &f.e0ok)
	switch {
	case a < 0:
		return b
	case b < 0 || a < b:
		return a
	}
	return b
}

func plausibleRepair(r rune) bool {
	return r >= 0xA0 && r <= 0x24F || r >= 0x2000 && r <= 0x206F || r >= 0x20A0 && r <= 0x20CF || r == 0x2122
}
