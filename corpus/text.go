package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/framediff/framediff/internal/yamlkeys"
)

// parseFields reads a YAML mapping of article fields. lineBase is added to
// node lines so that warnings give the line in the file.
func parseFields(data []byte, lineBase int) (fields, []lineWarning) {
	if f, ws, ok := parseSimpleFields(string(data), lineBase); ok {
		return f, ws
	}
	return parseFieldsYAML(data, lineBase)
}

// parseFieldsYAML is parseFields through the YAML parser.
func parseFieldsYAML(data []byte, lineBase int) (fields, []lineWarning) {
	var f fields
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return f, []lineWarning{{lineBase + 1, fmt.Sprintf("front matter is not valid YAML: %v", err)}}
	}
	if len(doc.Content) == 0 {
		return f, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return f, []lineWarning{{lineBase + m.Line, "front matter is not a mapping of fields"}}
	}
	return fieldsFromNode(m, lineBase)
}

// parseSimpleFields reads front matter made only of "key: value" lines
// whose values are plain or simply quoted scalars, as YAML would, without
// the cost of a YAML parser. ok is false when anything else appears; the
// caller then parses the YAML properly.
func parseSimpleFields(data string, lineBase int) (f fields, ws []lineWarning, ok bool) {
	var s fieldSetter
	line := lineBase
	for data != "" {
		var l string
		l, data, _ = strings.Cut(data, "\n")
		line++
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			continue
		}
		key, value, found := strings.Cut(l, ": ")
		if !found {
			key, found = strings.CutSuffix(l, ":")
			if !found {
				return f, nil, false
			}
		}
		for i := 0; i < len(key); i++ {
			if c := key[i]; !('a' <= c && c <= 'z' || c == '_') {
				return f, nil, false
			}
		}
		value = strings.TrimSpace(value)
		if value == "" {
			return f, nil, false // a nested mapping or list may follow
		}
		switch value[0] {
		case '"':
			if len(value) < 2 || value[len(value)-1] != '"' || strings.ContainsAny(value[1:len(value)-1], "\\\"") {
				return f, nil, false
			}
			value = value[1 : len(value)-1]
		case '\'':
			if len(value) < 2 || value[len(value)-1] != '\'' {
				return f, nil, false
			}
			inner := value[1 : len(value)-1]
			if strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
				return f, nil, false
			}
			value = strings.ReplaceAll(inner, "''", "'")
		case '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', '#', '-', '?', ',':
			return f, nil, false
		default:
			if strings.Contains(value, " #") || strings.Contains(value, ": ") {
				return f, nil, false
			}
		}
		if !s.set(key, value) {
			ws = append(ws, lineWarning{line, unknownField(key)})
		}
	}
	return s.fields(), ws, true
}

// unknownField is the warning for a front-matter or manifest key that is
// no article field: a warning, not an error, because people keep notes of
// their own (tags, an author) beside the fields, and the article still
// reads. A likely misspelling of a field is named.
func unknownField(key string) string {
	if s := yamlkeys.Closest(key, fieldKeys()); s != "" {
		return fmt.Sprintf("unknown field %q ignored (did you mean %q?)", key, s)
	}
	return fmt.Sprintf("unknown field %q ignored", key)
}

type lineWarning struct {
	line   int
	reason string
}

// fieldsFromNode reads the article fields of a YAML mapping.
func fieldsFromNode(m *yaml.Node, lineBase int) (fields, []lineWarning) {
	var s fieldSetter
	var ws []lineWarning
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			ws = append(ws, lineWarning{lineBase + k.Line, fmt.Sprintf("field %q is not a single value; ignored", k.Value)})
			continue
		}
		if !s.set(k.Value, strings.TrimSpace(v.Value)) {
			ws = append(ws, lineWarning{lineBase + k.Line, unknownField(k.Value)})
		}
	}
	return s.fields(), ws
}

// splitFrontMatter separates a leading "---" YAML block from the body. It
// returns the YAML, the body, the body's first line number and whether
// front matter was found; ok with unterminated means the block never
// closes.
func splitFrontMatter(text string) (yml, body string, bodyLine int, found, unterminated bool) {
	if !strings.HasPrefix(text, "---") {
		return "", text, 1, false, false
	}
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t\r") != "---" {
		return "", text, 1, false, false
	}
	line := 2
	off := 0
	for off <= len(rest) {
		end := strings.IndexByte(rest[off:], '\n')
		var l string
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		t := strings.TrimRight(l, " \t\r")
		if t == "---" || t == "..." {
			body := ""
			if end >= 0 {
				body = rest[off+end+1:]
			}
			return rest[:off], body, line + 1, true, false
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return "", rest, 2, true, true
}

// readText reads a plain-text or Markdown article.
func (r *Reader) readText(name, source, text string, markdown bool, over *fields) (*Article, []Warning) {
	var ws []Warning
	var f fields
	if strings.IndexByte(text, '\r') >= 0 {
		// Windows (CR LF) and old Mac (CR) line ends.
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	yml, body, _, found, unterminated := splitFrontMatter(text)
	var notes []string
	switch {
	case unterminated:
		ws = append(ws, Warning{File: source, Line: 1, Reason: "front matter opened with \"---\" is never closed; read as text"})
	case found:
		var lws []lineWarning
		f, lws = parseFields([]byte(yml), 1)
		for _, lw := range lws {
			notes = append(notes, fmt.Sprintf("line %d: %s", lw.line, lw.reason))
		}
	}
	if markdown {
		f.Title = stripMarkdown(f.Title)
	}
	f = f.overlay(over)
	if f.ID == "" {
		f.ID = defaultID(name)
	}
	d := &draft{r: r, f: f, source: source, warnings: notes}
	body, cut := truncateText(body, r.maxArticle())
	if cut > 0 {
		d.warn("article is %d bytes, over the limit of %d; the rest was dropped", cut, r.maxArticle())
	}
	lines := strings.Split(body, "\n")
	if markdown {
		for i, l := range lines {
			lines[i] = stripMarkdown(l)
		}
	}
	d.build(lines, modeText)
	if len(d.paras) == 0 && d.title == "" && f.Title == "" {
		reason := "no text"
		if strings.TrimSpace(body) == "" {
			reason = "no text (empty or only white space)"
		}
		ws = append(ws, Warning{File: source, Reason: reason})
		return nil, ws
	}
	a := d.finish()
	return &a, ws
}

// truncateText cuts s to at most max bytes at the last line break (or rune
// boundary) before the limit; cut is len(s) when it cut, else 0.
func truncateText(s string, max int) (string, int) {
	if len(s) <= max {
		return s, 0
	}
	n := len(s)
	t := s[:max]
	if i := strings.LastIndexByte(t, '\n'); i > max/2 {
		t = t[:i]
	} else {
		for len(t) > 0 && !utf8.RuneStart(s[len(t)]) {
			t = t[:len(t)-1]
		}
	}
	return t, n
}

var (
	mdHeading  = regexp.MustCompile(`^\s{0,3}#{1,6}\s+`)
	mdBullet   = regexp.MustCompile(`^\s{0,3}(?:[*+-]|\d{1,3}[.)])\s+`)
	mdQuote    = regexp.MustCompile(`^\s{0,3}>\s?`)
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__)(\S(?:[^*_]*\S)?)(\*\*|__)`)
	mdItalic   = regexp.MustCompile(`\*(\S(?:[^*]*\S)?)\*`)
)

// stripMarkdown removes Markdown syntax from one line, keeping its words.
func stripMarkdown(l string) string {
	if !strings.ContainsAny(l, "#*+->[]!_0123456789") {
		return l
	}
	l = mdHeading.ReplaceAllString(l, "")
	l = mdQuote.ReplaceAllString(l, "")
	l = mdBullet.ReplaceAllString(l, "")
	l = mdImage.ReplaceAllString(l, "")
	l = mdLink.ReplaceAllString(l, "$1")
	l = mdEmphasis.ReplaceAllString(l, "$2")
	l = mdItalic.ReplaceAllString(l, "$1")
	if strings.Trim(l, "-*_ \t") == "" && len(strings.TrimSpace(l)) >= 3 {
		return "" // a thematic break
	}
	return l
}

// normLine trims a line, turns every run of white space (including
// no-break and other Unicode spaces) into one space, and deletes control,
// zero-width and soft-hyphen characters. Zero-width joiners stay: Persian
// and emoji need them.
func normLine(s string) string {
	if normalLine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			pending = b.Len() > 0
			continue
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			continue
		case r == utf8.RuneError:
			// Keep U+FFFD: it marks bytes that could not be decoded.
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normalLine reports whether normLine would return s unchanged: no
// leading, trailing or doubled space, no control, zero-width or special
// space character. Only bytes that can begin such a character are decoded.
func normalLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	i := 0
	// Eight bytes at a time: only blocks holding a control byte, DEL or a
	// non-ASCII byte are looked at one byte at a time; a space in the top
	// byte of one block and the bottom byte of the next is a double space.
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	lastSpace := false
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// The high bit of each byte that is a space, exactly.
		y := x ^ 0x20*ones
		spaces := ^((y&lows + lows) | y | lows)
		if spaces&(spaces>>8) != 0 || lastSpace && spaces&0x80 != 0 {
			return false
		}
		lastSpace = spaces>>63 != 0
		// A byte below 0x20, at or above 0x7f.
		if ((x-0x20*ones)&^x|x|(x+ones))&highs == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if !normalByte(s, j) {
				return false
			}
		}
	}
	if lastSpace && i < len(s) && s[i] == ' ' {
		return false
	}
	for ; i < len(s); i++ {
		if !normalByte(s, i) || s[i] == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// normalByte reports whether s[i] is neither a control byte nor the start
// of a character normLine changes.
func normalByte(s string, i int) bool {
	c := s[i]
	switch {
	case c >= ' ' && c < 0x7f:
		return true
	case c < 0x20 || c == 0x7f:
		return false
	case c >= 0xC2 && i+1 < len(s):
		return !specialAt(s, i)
	}
	return true
}

// specialAt reports whether the character at s[i] (a non-ASCII lead
// byte) is one normLine changes: a C1 control, a no-break or other Unicode
// space, a line or paragraph separator, a zero-width space or joiner-less
// mark, a soft hyphen or a byte-order mark. It works on the bytes.
func specialAt(s string, i int) bool {
	b1 := s[i+1]
	var b2 byte
	if i+2 < len(s) {
		b2 = s[i+2]
	}
	switch s[i] {
	case 0xC2:
		return b1 <= 0xA0 || b1 == 0xAD
	case 0xE1:
		return b1 == 0x9A && b2 == 0x80 || b1 == 0xA0 && b2 == 0x8E
	case 0xE2:
		return b1 == 0x80 && (b2 <= 0x8B || b2 >= 0xA8 && b2 <= 0xAF) || b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0)
	case 0xE3:
		return b1 == 0x80 && b2 == 0x80
	case 0xEF:
		return b1 == 0xBB && b2 == 0xBF || b1 == 0xBF && b2 >= 0xBD // U+FFFD and noncharacters
	}
	return false
}
