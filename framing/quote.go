package framing

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation is a span of text inside quotation marks.
//
// Quotations nest: ‘truce’ inside a “…” quotation is its own Quotation with
// Depth 1. A quotation that runs over several paragraphs by the convention
// of leaving each paragraph open and reopening the next one is returned as
// one Quotation per paragraph, the later ones with Continued set.
type Quotation struct {
	// Start and End are the byte offsets of the quoted words, marks excluded.
	Start int `json:"start"`
	End   int `json:"end"`
	// Open and Close are the byte offsets of the opening and closing marks.
	// When there is no closing mark (Unterminated, or a piece of a
	// quotation continued in the next paragraph), Close equals End.
	Open  int `json:"open"`
	Close int `json:"close"`
	// Depth is 0 for an outermost quotation, 1 for one inside it, and so on.
	Depth int `json:"depth"`
	// Scare is true for a short quoted term of one to three words used
	// inside a sentence ('terrorism', “ceasefire”), rather than quoted speech.
	Scare bool `json:"scare"`
	// Continued is true when this quotation continues the one left open at
	// the end of the previous paragraph.
	Continued bool `json:"continued,omitempty"`
	// Unterminated is true when the closing mark is missing and the
	// quotation was closed at the end of its paragraph.
	Unterminated bool `json:"unterminated,omitempty"`
	// Headline is true for a "Speaker: words" headline paragraph, the
	// convention of a subheading that quotes or paraphrases its speaker
	// ("Erdogan: We never want Idlib to turn into a bloodbath"). It has no
	// marks: Open is the start of the speaker's name, Close equals End.
	Headline bool `json:"headline,omitempty"`
	// Transcript is true for a transcript line, a paragraph opening with
	// its speaker's name in capitals and a colon ("RAMOS: Secretary
	// Clinton, on the night of the attacks…"). Like a headline it has no
	// marks: Open is the start of the name, Close equals End.
	Transcript bool `json:"transcript,omitempty"`
}

type markKind int

const (
	markNone markKind = iota
	markOpen
	markClose
	markEither // a straight quote: direction from context
)

type quoteMark struct {
	pos, size int
	double    bool
	kind      markKind
	r         rune
}

// FindQuotations returns the quotations of text, ordered by Open.
//
// It recognises straight (" and ') and curly (“ ” ‘ ’) quotes, guillemets
// (« » ‹ ›, as in French and Russian), the German and Russian „…“, the
// corner brackets of Chinese and Japanese (「…」 and, inside them, 『…』)
// and the typewriter “…”. A paragraph that
// opens with its speaker's name in capitals and a colon is a transcript
// line. A single quote between two letters is an
// apostrophe ("Assad’s", "al-Assad‘s"), as is a closing single quote with no
// single quotation open ("countries’"). A double quotation left open at the
// end of a paragraph ends there (Unterminated) unless the next paragraph
// opens with a quotation mark, which continues it; an unclosed single quote
// is not a quotation.
func FindQuotations(text string) []Quotation {
	var qs []Quotation
	paras := paragraphSpans(text)
	carry := false // the previous paragraph left a double quotation open
	for _, p := range paras {
		var open bool
		qs, open = quotesInParagraph(qs, text, p[0], p[1], carry)
		carry = open && startsWithQuote(text[p[1]:])
	}
	if n := headlineQuotes(text, paras); len(n) > 0 {
		qs = append(qs, n...)
	}
	if n := transcriptQuotes(text, paras, qs); len(n) > 0 {
		qs = append(qs, n...)
	}
	sortQuotations(qs)
	return qs
}

// sortQuotations orders quotations by opening mark, outer first.
func sortQuotations(qs []Quotation) {
	sort.SliceStable(qs, func(i, j int) bool {
		if qs[i].Open != qs[j].Open {
			return qs[i].Open < qs[j].Open
		}
		return qs[i].Depth < qs[j].Depth
	})
}

// paragraphSpans splits text at blank lines.
func paragraphSpans(text string) [][2]int {
	var ps [][2]int
	start := 0
	i := 0
	for i < len(text) {
		if text[i] != '\n' {
			i++
			continue
		}
		// a blank line: "\n", optional spaces, "\n"
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			ps = appendPara(ps, text, start, i)
			for j < len(text) && unicode.IsSpace(rune(text[j])) {
				j++
			}
			start = j
			i = j
			continue
		}
		i++
	}
	return appendPara(ps, text, start, len(text))
}

func appendPara(ps [][2]int, text string, start, end int) [][2]int {
	for end > start && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r' || text[end-1] == '\n') {
		end--
	}
	if end > start {
		ps = append(ps, [2]int{start, end})
	}
	return ps
}

// startsWithQuote reports whether the next paragraph after s's leading
// blank lines opens with a double quotation mark.
func startsWithQuote(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '“', '«', '„', '”', '「', '『':
		return true
	}
	return false
}

// maxQuoteDepth bounds the nesting of quotations followed.
const maxQuoteDepth = 8

type openQuote struct {
	mark      quoteMark
	continued bool
}

// quotesInParagraph appends the quotations of text[start:end] to qs. With
// carry, the paragraph's opening mark continues an earlier quotation. It
// reports whether a double quotation was left open at the end.
func quotesInParagraph(qs []Quotation, text string, start, end int, carry bool) ([]Quotation, bool) {
	var stack []openQuote
	marks := findMarks(text, start, end)
	for mi, m := range marks {
		topDouble := -1 // index of the innermost open double quote
		topSingle := -1
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].mark.double && topDouble < 0 {
				topDouble = k
			}
			if !stack[k].mark.double && topSingle < 0 {
				topSingle = k
			}
		}
		closeAt := func(k int) {
			o := stack[k]
			q := Quotation{
				Start: o.mark.pos + o.mark.size, End: m.pos,
				Open: o.mark.pos, Close: m.pos,
				Depth: k, Continued: o.continued,
			}
			q.Scare = isScare(text, start, q, stack[:k])
			qs = append(qs, q)
			stack = stack[:k]
		}
		push := func() {
			if len(stack) >= maxQuoteDepth {
				return // runaway opening marks: ignore, keep linear time
			}
			stack = append(stack, openQuote{mark: m, continued: carry && mi == 0 && len(stack) == 0 && m.pos == start})
		}
		if m.double {
			switch {
			case m.kind == markClose && topDouble >= 0:
				closeAt(topDouble)
			case m.kind == markOpen && topDouble >= 0 && stack[topDouble].mark.r == '„' && m.r == '“':
				closeAt(topDouble)
			case m.kind == markOpen:
				push()
			case m.kind == markEither && topDouble >= 0 && rightFlanking(text, m, end):
				closeAt(topDouble)
			case m.kind == markEither && leftFlanking(text, m, start):
				push()
			case topDouble >= 0:
				closeAt(topDouble)
			case m.kind == markClose && leftFlanking(text, m, start) && !rightFlanking(text, m, end):
				push() // ” used as an opening mark
			}
			continue
		}
		// single marks
		switch {
		case topSingle >= 0 && (topDouble < topSingle) && (m.kind == markClose || m.kind == markEither) && rightFlanking(text, m, end):
			closeAt(topSingle)
		case (m.kind == markOpen || m.kind == markEither) && leftFlanking(text, m, start) && !rightFlanking(text, m, end):
			push()
		}
	}
	// Close what is left at the paragraph end. Single quotes left open were
	// apostrophes or stray marks: drop them.
	leftOpen := false
	for k := len(stack) - 1; k >= 0; k-- {
		o := stack[k]
		if !o.mark.double {
			continue
		}
		q := Quotation{
			Start: o.mark.pos + o.mark.size, End: end,
			Open: o.mark.pos, Close: end,
			Depth: depthOf(stack, k), Continued: o.continued,
		}
		q.Unterminated = k > 0 || !startsWithQuote(text[end:])
		if k == 0 {
			leftOpen = true
		}
		qs = append(qs, q) // never Scare: a scare quote is closed

	}
	return qs, leftOpen
}

// depthOf counts the double quotations below stack[k] (single ones left
// open are dropped, so they do not count).
func depthOf(stack []openQuote, k int) int {
	d := 0
	for i := 0; i < k; i++ {
		if stack[i].mark.double {
			d++
		}
	}
	return d
}

// findMarks lists the quotation marks of text[start:end], apostrophes
// excluded.
func findMarks(text string, start, end int) []quoteMark {
	var ms []quoteMark
	for i := start; i < end; {
		c := text[i]
		if c < utf8.RuneSelf && c != '"' && c != '\'' && c != '`' {
			i++
			continue
		}
		// The typewriter convention: `` opens and '' closes a quotation.
		if i+1 < end && (c == '`' && text[i+1] == '`' || c == '\'' && text[i+1] == '\'') {
			k := markClose
			if c == '`' {
				k = markOpen
			}
			ms = append(ms, quoteMark{pos: i, size: 2, double: true, kind: k, r: '"'})
			i += 2
			continue
		}
		if c == '`' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		m := quoteMark{pos: i, size: n, r: r}
		switch r {
		case '"':
			m.double, m.kind = true, markEither
		case '“', '«', '„', '「', '『':
			m.double, m.kind = true, markOpen
		case '”', '»', '」', '』':
			m.double, m.kind = true, markClose
		case '‘', '‹':
			m.kind = markOpen
		case '’', '›':
			m.kind = markClose
		case '\'':
			m.kind = markEither
		}
		if m.kind != markNone {
			if !m.double && isApostropheAt(text, i, n, start, end) {
				m.kind = markNone
			}
		}
		if m.kind != markNone {
			ms = append(ms, m)
		}
		i += n
	}
	return ms
}

// isApostropheAt reports whether the single mark at text[i:i+n] sits
// between two letters or digits.
func isApostropheAt(text string, i, n, start, end int) bool {
	if i <= start || i+n >= end {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[start:i])
	next, _ := utf8.DecodeRuneInString(text[i+n : end])
	return isAlnum(prev) && isAlnum(next)
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// leftFlanking: the mark can open, being at the start or after a space or
// opening punctuation, and followed by something other than a space.
func leftFlanking(text string, m quoteMark, start int) bool {
	after := m.pos + m.size
	if after >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[after:])
	if unicode.IsSpace(next) {
		return false
	}
	if m.pos <= start {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[start:m.pos])
	return unicode.IsSpace(prev) || unicode.Is(unicode.Ps, prev) || unicode.Is(unicode.Pd, prev) ||
		unicode.Is(unicode.Pi, prev) || prev == '"' || prev == '\'' || prev == '/' || prev == ':'
}

// rightFlanking: the mark can close, following something other than a
// space and followed by the end, a space or punctuation.
func rightFlanking(text string, m quoteMark, end int) bool {
	if m.pos == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:m.pos])
	if unicode.IsSpace(prev) {
		return false
	}
	after := m.pos + m.size
	if after >= end {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[after:end])
	return unicode.IsSpace(next) || unicode.IsPunct(next) || unicode.IsSymbol(next)
}

// maxScareBytes bounds the length of a scare quote's three words.
const maxScareBytes = 120

// maxScareLookBack bounds the search for words before a scare quote.
const maxScareLookBack = 200

// isScare reports whether q, closed inside the paragraph starting at
// pstart, is a short quoted term inside a sentence: one to three words,
// no clause punctuation, and words of the same sentence before it.
func isScare(text string, pstart int, q Quotation, outer []openQuote) bool {
	if q.End-q.Start > maxScareBytes {
		return false
	}
	content := strings.TrimSpace(text[q.Start:q.End])
	if content == "" || strings.ContainsAny(content, ".!?,;:…") {
		return false
	}
	n := 0
	scanWords(content, func(int, int) { n++ })
	if n < 1 || n > 3 {
		return false
	}
	// Words before the mark, back to the sentence start, the paragraph
	// start or the enclosing quotation's opening mark.
	lo := pstart
	if len(outer) > 0 {
		o := outer[len(outer)-1].mark
		lo = o.pos + o.size
	}
	if q.Open-lo > maxScareLookBack {
		lo = q.Open - maxScareLookBack
	}
	for i := q.Open; i > lo; {
		r, size := utf8.DecodeLastRuneInString(text[lo:i])
		i -= size
		switch {
		case r == '.' || r == '!' || r == '?':
			return false
		case isAlnum(r):
			return true
		}
	}
	return false
}

// maxHeadlineBytes bounds a headline paragraph: a speaker and twenty words.
const maxHeadlineBytes = 400

// headlineQuotes finds "Speaker: words" subheading paragraphs: one line, no
// final full stop, no quotation marks, a speaker of one to three
// capitalised words, and at most twenty words after the colon.
func headlineQuotes(text string, paras [][2]int) []Quotation {
	transcript := len(transcriptQuotes(text, paras, nil)) > 0
	var qs []Quotation
	for _, p := range paras {
		s := text[p[0]:p[1]]
		if len(s) > maxHeadlineBytes || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") {
			continue
		}
		colon := strings.Index(s, ": ")
		if colon <= 0 || strings.ContainsAny(s, "\n\"“”«»„「」") {
			continue
		}
		speaker := s[:colon]
		if !isSpeakerName(speaker) || isCapitalsName(speaker) && transcript {
			continue // a name in capitals opens a transcript line
		}
		body := strings.TrimLeft(s[colon+1:], " ")
		if body == "" {
			continue
		}
		n := 0
		scanWords(body, func(int, int) { n++ })
		if n == 0 || n > 20 {
			continue
		}
		bs := p[0] + len(s) - len(body)
		qs = append(qs, Quotation{Start: bs, End: p[1], Open: p[0], Close: p[1], Headline: true})
	}
	return qs
}

func isSpeakerName(s string) bool {
	fields := strings.Fields(s)
	if len(fields) == 0 || len(fields) > 3 {
		return false
	}
	for _, f := range fields {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, r := range f {
			if !unicode.IsLetter(r) && r != '-' && r != '.' && !isApostrophe(r) {
				return false
			}
		}
	}
	return true
}

// maxTranscriptName bounds the speaker's name of a transcript line.
const maxTranscriptName = 40

// transcriptQuotes finds transcript lines: paragraphs opening with one to
// three words in capitals and a colon ("CLINTON:", "MR. TRUMP:"), holding
// no quotation marks and not already headline quotations, at least two of
// them in the text.
func transcriptQuotes(text string, paras [][2]int, found []Quotation) []Quotation {
	headline := map[int]bool{}
	for _, q := range found {
		if q.Headline {
			headline[q.Open] = true
		}
	}
	var qs []Quotation
	for _, p := range paras {
		s := text[p[0]:p[1]]
		colon := strings.Index(s, ": ")
		if colon <= 0 || colon > maxTranscriptName || headline[p[0]] || strings.ContainsAny(s, "\"“”«»„「」") {
			continue
		}
		name := s[:colon]
		if !isSpeakerName(name) || !isCapitalsName(name) {
			continue
		}
		body := strings.TrimLeft(s[colon+1:], " ")
		if body == "" {
			continue
		}
		bs := p[0] + len(s) - len(body)
		qs = append(qs, Quotation{Start: bs, End: p[1], Open: p[0], Close: p[1], Transcript: true})
	}
	if len(qs) < 2 {
		return nil // one line is a headline ("NATO: …"), not a transcript
	}
	return qs
}

// isCapitalsName reports whether a speaker's name is written in capitals
// ("RAMOS", "MR. TRUMP"), as transcripts write them.
func isCapitalsName(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && strings.ToUpper(s) == s
}
