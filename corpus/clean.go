package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// draft is an article being built from its lines.
type draft struct {
	r        *Reader
	f        fields
	source   string
	warnings []string

	title      string // recovered from the text
	published  Date   // recovered from the text
	author     string // from page metadata
	cueOutlet  string // named by a registry cue
	lineOutlet string // named on a line of its own
	paras      []string
}

func (d *draft) warn(format string, args ...any) {
	d.warnings = append(d.warnings, fmt.Sprintf(format, args...))
}

// headerLines is how many non-empty lines at the top of a text may carry
// the title, the date and the outlet's name.
const headerLines = 10

// paraMode says how build finds paragraphs and metadata in lines.
type paraMode int

const (
	// modeText is plain text: the title, an outlet named on its own line and
	// a date line are recovered from the top; each line is a paragraph
	// unless a block of lines looks hard-wrapped.
	modeText paraMode = iota
	// modeBlank is JSON text: blank lines alone separate paragraphs.
	modeBlank
	// modeLines is extracted HTML text: each line is a paragraph.
	modeLines
)

// build cleans lines into paragraphs as mode says. In every mode a first
// line repeating the given title is dropped.
func (d *draft) build(lines []string, mode paraMode) {
	header := mode == modeText
	reg, rules := d.r.Registry, d.r.Rules
	headerLeft := 0
	if header {
		headerLeft = headerLines
	}
	titleDone := false
	inBlock := false
	var cur []string
	var scratch []byte // the lower-cased line, for registry cues
	flush := func() {
		if len(cur) > 0 {
			d.paras = appendBlock(d.paras, cur, mode)
			cur = cur[:0]
		}
	}
	for _, raw := range lines {
		line := normLine(raw)
		if line == "" {
			flush()
			continue
		}
		set := byteSetOf(line)
		if reg != nil && len(reg.cues) > 0 {
			if o, kind, n, ok := reg.matchCue(line, &set, &scratch); ok {
				if d.cueOutlet == "" {
					d.cueOutlet = reg.Outlets[o].Name
				}
				switch kind {
				case cueLine:
					continue
				case cuePrefix:
					line = strings.TrimLeft(line[n:], " -–—:")
					if line == "" {
						continue
					}
					set = byteSetOf(line)
				}
			}
		}
		if inBlock {
			if isTeaser(line) {
				continue
			}
			inBlock = false
		}
		verdict, rest, _ := rules.applySet(line, set)
		switch verdict {
		case dropLine:
			continue
		case dropBlock:
			flush()
			inBlock = true
			continue
		}
		line = rest
		if !header && !titleDone {
			titleDone = true
			if d.f.Title != "" && sameTitle(line, d.f.Title) {
				continue
			}
		}
		if headerLeft > 0 {
			headerLeft--
			if len(line) <= 60 && reg != nil {
				if i, ok := reg.byName[normKey(line)]; ok {
					if d.lineOutlet == "" {
						d.lineOutlet = reg.Outlets[i].Name
					}
					continue
				}
			}
			if looksLikeDateLine(line) {
				if dt, err := ParseDate(stripDatePrefix(line)); err == nil {
					if d.published.IsZero() {
						d.published = dt
					}
					continue
				}
			}
			if m := bylineRE.FindStringSubmatch(line); m != nil {
				if d.author == "" {
					d.author = m[1]
				}
				continue
			}
			switch {
			case !titleDone:
				titleDone = true
				if d.f.Title != "" {
					if sameTitle(line, d.f.Title) {
						continue
					}
				} else if looksLikeTitle(line) {
					d.title = line
					continue
				}
			case d.title != "" && sameTitle(line, d.title):
				continue
			}
			if len(line) >= 200 {
				headerLeft = 0
			}
		}
		cur = append(cur, line)
	}
	flush()
	if len(d.paras) == 0 && d.title != "" {
		// A text of one line: it is the text, and serves as title too.
		d.paras = append(d.paras, d.title)
	}
}

// bylineRE matches a byline: "By" and one or two capitalised names.
var bylineRE = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s+(?:and|&)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})?)$`)

// stripDatePrefix removes a leading "Published", "Updated" or "Posted"
// (with "on" or a colon) from a date line.
func stripDatePrefix(line string) string {
	for _, p := range []string{"published", "updated", "posted", "last updated"} {
		if len(line) > len(p) && strings.EqualFold(line[:len(p)], p) {
			rest := strings.TrimLeft(line[len(p):], " :")
			if len(rest) > 3 && strings.EqualFold(rest[:3], "on ") {
				rest = rest[3:]
			}
			return strings.TrimSpace(rest)
		}
	}
	return line
}

// looksLikeTitle reports whether the first line of a text can be its
// title: at most 300 characters, and not a long sentence ending in a full
// stop.
func looksLikeTitle(line string) bool {
	if utf8.RuneCountInString(line) > 300 {
		return false
	}
	if strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "...") && strings.Count(line, " ") >= 11 {
		return false
	}
	return true
}

func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), normLine(b))
}

// appendBlock adds the paragraphs of a block of consecutive non-empty
// lines: one per line, or one for the whole block in modeBlank or when a
// plain-text block looks hard-wrapped.
func appendBlock(paras, lines []string, mode paraMode) []string {
	if len(lines) == 1 || mode == modeLines || mode == modeText && !hardWrapped(lines) {
		return append(paras, lines...)
	}
	return append(paras, strings.Join(lines, " "))
}

// hardWrapped reports a block whose lines (but the last) are all of
// similar, bounded length and mostly end mid-sentence: text wrapped at a
// fixed width rather than one paragraph per line.
func hardWrapped(lines []string) bool {
	open := 0
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(l)
		if n < 30 || n > 100 {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		if !strings.ContainsRune(".!?:\"”’)", last) {
			open++
		}
	}
	return open*2 >= len(lines)-1
}

// finish turns the draft into an Article: metadata resolved, Text, spans
// and word count filled, warnings attached.
func (d *draft) finish() Article {
	a := d.finishMeta()
	d.setText(&a)
	d.setLanguage(&a)
	a.Warnings = d.warnings
	return a
}

// finishMeta resolves the draft's metadata: outlet through the registry,
// date parsed and checked, title, id and kind checked.
func (d *draft) finishMeta() Article {
	f := d.f
	reg := d.r.Registry
	a := Article{
		ID:     strings.TrimSpace(f.ID),
		Title:  normLine(f.Title),
		URL:    strings.TrimSpace(f.URL),
		Event:  strings.TrimSpace(f.Event),
		Kind:   ArticleKind(strings.TrimSpace(f.Kind)),
		Source: d.source,
	}
	if a.Title == "" {
		a.Title = d.title
	}
	a.Author = normLine(d.author)
	given := normLine(f.Outlet)
	switch {
	case given != "":
	case d.cueOutlet != "":
		given = d.cueOutlet
	case d.lineOutlet != "":
		given = d.lineOutlet
	case a.URL != "":
		if o, ok := reg.Lookup(a.URL); ok {
			given = o.Name
		}
	}
	if given == "" {
		d.warn("no outlet given or recognised")
	} else if o, ok := reg.Lookup(given); ok {
		a.Outlet = o.Name
	} else {
		a.Outlet = given
		d.warn("outlet %q is not in the registry", given)
	}
	if f.Published != "" {
		dt, err := ParseDate(f.Published)
		if err != nil {
			d.warn("published %q is not a date (want RFC 3339, 2006-01-02, epoch seconds or milliseconds, or \"7 September 2018\")", clip(f.Published, 60))
		} else {
			a.Published = dt
		}
	} else {
		a.Published = d.published
	}
	if !d.r.Now.IsZero() && !a.Published.IsZero() && a.Published.Time.After(d.r.Now.Add(24*time.Hour)) {
		d.warn("published %s lies in the future; ignored", a.Published)
		a.Published = Date{}
	}
	if a.Kind != KindReport && a.Kind != KindPrimary {
		d.warn("kind %q is not %q; ignored", clip(string(a.Kind), 40), KindPrimary)
		a.Kind = KindReport
	}
	for _, v := range []struct{ what, s string }{{"title", a.Title}, {"outlet", a.Outlet}, {"id", a.ID}} {
		if isFormula(v.s) {
			d.warn("%s %q begins like a spreadsheet formula", v.what, clip(v.s, 40))
		}
	}
	return a
}

// setText fills Text, Paragraphs, Sentences and Words from the draft's
// paragraphs.
func (d *draft) setText(a *Article) {
	n := 0
	for _, p := range d.paras {
		n += len(p) + 2
	}
	var b strings.Builder
	b.Grow(n)
	a.Paragraphs = make([]Span, 0, len(d.paras))
	a.Sentences = make([]Span, 0, n/120+1)
	for i, p := range d.paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		a.Paragraphs = append(a.Paragraphs, Span{start, b.Len()})
		a.Sentences = appendSentences(a.Sentences, p, start)
	}
	a.Text = b.String()
	words, longest := countWords(a.Text)
	a.Words = words
	if longest > MaxWordBytes {
		d.warn("text holds a %d-byte word (encoded data pasted as text?)", longest)
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// isFormula reports text a spreadsheet would evaluate: it begins with =, +,
// @ or a minus followed by something other than a space.
func isFormula(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '@':
		return len(s) > 1
	case '-':
		return len(s) > 1 && s[1] != ' ' && s[1] != '-'
	}
	return false
}

// countWords counts words in s: runs of letters, digits and marks, joined
// across a single apostrophe, hyphen, full stop or similar between two
// such characters ("al-Assad", "country’s", "U.S", "2,000" each count once).
// It also returns the longest word's length in bytes.
func countWords(s string) (words, longest int) {
	n := len(s)
	for i := 0; i < n; {
		// Skip to the start of a word.
		for i < n && byteClass[s[i]] == classOther {
			i++
		}
		if i >= n {
			break
		}
		if s[i] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
		} else if byteClass[s[i]] != classWord {
			i++
			continue
		}
		words++
		start := i
		for i < n {
			for i < n && byteClass[s[i]] == classWord {
				i++
			}
			if i >= n {
				break
			}
			c := s[i]
			if c < utf8.RuneSelf {
				if byteClass[c] == classJoiner && i+1 < n && nextIsWord(s[i+1:]) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) || isJoiner(r) && i+size < n && nextIsWord(s[i+size:]) {
				i += size
				continue
			}
			break
		}
		longest = max(longest, i-start)
	}
	return words, longest
}

// byteClass is asciiClass extended to every byte: a non-ASCII byte is
// classNonASCII, to be decoded.
var byteClass = func() (t [256]uint8) {
	copy(t[:], asciiClass[:])
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = classNonASCII
	}
	return t
}()

const (
	classOther = iota
	classWord
	classJoiner
	classNonASCII
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = classWord
		case c == '\'' || c == '-' || c == '.' || c == ',' || c == '_':
			t[c] = classJoiner
		}
	}
	return t
}()

func nextIsWord(s string) bool {
	if s[0] < utf8.RuneSelf {
		return asciiClass[s[0]] == classWord
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == classWord
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',', '_', '\u200c', '\u200d':
		return true
	}
	return false
}
