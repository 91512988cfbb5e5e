package framing

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
)

type matchMode uint8

const (
	modeStem matchMode = iota
	modeExact
	modeCase
)

// compiledTerm is a lexicon term ready for matching.
type compiledTerm struct {
	axis, pole, text string
	mode             matchMode
	keys             []string        // one per word
	exclude          map[string]bool // word forms
	excludePhrases   [][]string      // word sequences starting at the hit
	order            int             // position in the lexicon, for ties
	sense            *compiledSense  // nil when the term sets no condition
}

// Matcher finds lexicon terms in articles. It is safe for concurrent use:
// after NewMatcher it is never modified, and each Match call works in its
// own scratch space (pooled, sized by the article), so memory does not grow
// with the corpus.
type Matcher struct {
	lex   *Lexicon
	terms []compiledTerm
	// first-word key → indices into terms, longest term first
	byStem, byExact, byCase map[string][]int
	// caseFirst holds the lower-cased first words of case-sensitive terms,
	// so only words that might match pay for their surface key.
	caseFirst map[string]bool
	// firstPair marks the first two bytes of exact and case-sensitive first
	// keys (pairIndex), sparing map look-ups for most words.
	firstPair []bool
	// stems spares stemming words that cannot stem to any stem key.
	stems      stemFilter
	distancing [][]string
	hasSense   bool
	markers    map[string][]compiledMarker // first word → markers
	// langs matches articles in other languages with their own terms.
	langs *langMatchers
}

// NewMatcher prepares lex for matching.
func NewMatcher(lex *Lexicon) *Matcher {
	m := &Matcher{
		lex:       lex,
		byStem:    map[string][]int{},
		byExact:   map[string][]int{},
		byCase:    map[string][]int{},
		caseFirst: map[string]bool{},
		langs:     &langMatchers{},
	}
	for ai, ax := range lex.Axes {
		for _, p := range ax.Poles {
			for _, t := range p.Terms {
				ct := compiledTerm{axis: ax.ID, pole: p.ID, text: t.Text, keys: termTokenKeys(t), order: len(m.terms)}
				ct.sense = compileSense(t.Sense, ax.Subject, ai)
				m.hasSense = m.hasSense || ct.sense != nil
				switch {
				case t.CaseSensitive:
					ct.mode = modeCase
				case t.Exact:
					ct.mode = modeExact
				}
				if len(ct.keys) == 0 {
					continue
				}
				if len(t.Exclude) > 0 {
					ct.exclude = map[string]bool{}
					for _, e := range t.Exclude {
						toks := Tokenize(e)
						if len(toks) == 1 {
							ct.exclude[toks[0].Lower] = true
							continue
						}
						var seq []string
						for _, tok := range toks {
							seq = append(seq, tok.Lower)
						}
						if len(seq) > 0 {
							ct.excludePhrases = append(ct.excludePhrases, seq)
						}
					}
				}
				m.terms = append(m.terms, ct)
			}
		}
	}
	for i, ct := range m.terms {
		switch ct.mode {
		case modeStem:
			m.byStem[ct.keys[0]] = append(m.byStem[ct.keys[0]], i)
			m.stems.add(ct.keys[0])
		case modeExact:
			m.byExact[ct.keys[0]] = append(m.byExact[ct.keys[0]], i)
		case modeCase:
			m.byCase[ct.keys[0]] = append(m.byCase[ct.keys[0]], i)
			var lk []byte
			m.caseFirst[string(appendKey(lk, ct.keys[0]))] = true
		}
	}
	m.firstPair = make([]bool, 1<<16)
	for k := range m.byExact {
		m.firstPair[pairIndex(k)] = true
	}
	for k := range m.caseFirst {
		m.firstPair[pairIndex(k)] = true
	}
	for _, idx := range []map[string][]int{m.byStem, m.byExact, m.byCase} {
		for k, list := range idx {
			sort.SliceStable(list, func(a, b int) bool {
				return len(m.terms[list[a]].keys) > len(m.terms[list[b]].keys)
			})
			idx[k] = list
		}
	}
	m.markers = compileMarkers(lex.Markers)
	for _, d := range lex.Markers.Distancing {
		var keys []string
		for _, tok := range Tokenize(d) {
			keys = append(keys, tok.Lower)
		}
		if len(keys) > 0 {
			m.distancing = append(m.distancing, keys)
		}
	}
	return m
}

// Lexicon returns the lexicon the matcher was built from.
func (m *Matcher) Lexicon() *Lexicon { return m.lex }

// word is one token of the text being matched.
type word struct {
	start, end int
	lower      string
	stem       string
	stemState  uint8
	ks, ke     int32 // span of lower in the scratch arena, while building
}

// Match returns a's hits in text order. Each word belongs to at most one
// hit: at each position the longest term that matches wins (ties go to the
// term listed first in the lexicon), and matching resumes after it.
//
// Voice is Quoted when the hit lies inside a quotation that is not a scare
// quote (FindQuotations), else Narrator. ScareQuoted is set when the hit is
// the whole of a scare quote, whatever the voice; a scare-quoted term in
// the outlet's own sentence ('terrorism', "bloodbath") stays in the
// narrator's voice, flagged. Distanced is set when a distancing marker
// ("so-called") comes right before the hit, quotation marks between them
// allowed. Speaker is left empty.
//
// A match that fails its term's Sense conditions is not a hit; a shorter
// term that holds may match in its place.
func (m *Matcher) Match(a *corpus.Article) []Hit {
	hits, _ := m.match(a, nil, false)
	setContexts(a, hits)
	return hits
}

// MatchTable returns Match(a), reading a's words from t, a table made of
// a.Text, instead of tokenising it again.
func (m *Matcher) MatchTable(a *corpus.Article, t *Table) []Hit {
	hits, _ := m.match(a, t, false)
	setContexts(a, hits)
	return hits
}

// Candidates returns a's hits, as Match does, and the candidate matches
// its terms' Sense conditions rejected, each with the reason, in text
// order. A rejection is reported where no term matched at all.
func (m *Matcher) Candidates(a *corpus.Article) ([]Hit, []Rejection) {
	hits, rejected := m.match(a, nil, true)
	setContexts(a, hits)
	for i := range rejected {
		setContext(a, &rejected[i].Hit)
	}
	return hits, rejected
}

func (m *Matcher) match(a *corpus.Article, t *Table, wantRejected bool) ([]Hit, []Rejection) {
	if lm := m.forLanguage(a.Language); lm != nil {
		return lm.match(a), nil
	}
	text := a.Text
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	ws := m.words(sc, text, t)
	hits := sc.hits[:0]
	var rejected []Rejection
	var quotes *paraQuotes
	var sx *senseCtx
	if m.hasSense {
		sx = &senseCtx{sentences: a.Sentences}
	}
	for i := 0; i < len(ws); {
		best, n, rej, rn, reason := m.longest(sc, sx, text, ws, i)
		if best < 0 && rej >= 0 && wantRejected {
			h := m.newHit(a, rej, ws, i, rn)
			if quotes == nil {
				quotes = &paraQuotes{text: text, paras: paragraphSpans(text)}
			}
			h.Voice, h.ScareQuoted = quotes.voiceOf(h.Start, h.End)
			h.Distanced = m.distanced(text, ws, i)
			rejected = append(rejected, Rejection{Hit: h, Reason: reason})
		}
		if best < 0 {
			i++
			continue
		}
		h := m.newHit(a, best, ws, i, n)
		if quotes == nil {
			quotes = &paraQuotes{text: text, paras: paragraphSpans(text)}
		}
		h.Voice, h.ScareQuoted = quotes.voiceOf(h.Start, h.End)
		h.Distanced = m.distanced(text, ws, i)
		hits = append(hits, h)
		i += n
	}
	sc.hits = hits[:0]
	if len(hits) == 0 {
		return nil, rejected
	}
	return append([]Hit(nil), hits...), rejected // exact size; the scratch is reused
}

// newHit is the hit of term ti on ws[i:i+n], voice not yet set.
func (m *Matcher) newHit(a *corpus.Article, ti int, ws []word, i, n int) Hit {
	ct := &m.terms[ti]
	h := Hit{
		Article: a.ID,
		Axis:    ct.axis,
		Pole:    ct.pole,
		Term:    ct.text,
		Start:   ws[i].start,
		End:     ws[i+n-1].end,
		Voice:   Narrator,
	}
	h.Match = a.Text[h.Start:h.End]
	h.Sentence = sentenceOf(a.Sentences, h.Start)
	return h
}

// scratch is the per-call working memory of Match, pooled so that
// matching a stream of articles reuses it instead of allocating anew.
type scratch struct {
	hits  []Hit
	ws    []word
	arena []byte
	// stems memoises Stem for this scratch's articles, keys cloned so that
	// no article text stays reachable; cleared when it grows large.
	stems map[string]string
}

// maxScratchStems bounds scratch.stems.
const maxScratchStems = 1 << 13

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// words tokenizes text for matching into sc.ws, or reads its words from
// t when t is not nil. Keys that differ from the surface text are gathered
// in one arena and made one string, so a word costs no allocation of its
// own.
func (m *Matcher) words(sc *scratch, text string, t *Table) []word {
	ws := sc.ws[:0]
	if t != nil && t.big == nil {
		ws = slices.Grow(ws, t.n)
		r := tableReader{t: t}
		for range t.n {
			start, end, key, _ := r.next(text)
			ws = append(ws, word{start: start, end: end, lower: key})
		}
		sc.ws = ws
		return ws
	}
	if t != nil {
		for _, tok := range t.big {
			ws = append(ws, word{start: tok.Start, end: tok.End, lower: tok.Lower})
		}
		sc.ws = ws
		return ws
	}
	arena := sc.arena[:0]
	add := func(start, end int) {
		w := text[start:end]
		if isPlainLower(w) {
			ws = append(ws, word{start: start, end: end, lower: w})
			return
		}
		a := len(arena)
		arena = appendKey(arena, w)
		ws = append(ws, word{start: start, end: end, ks: int32(a), ke: int32(len(arena))})
	}
	// scanWords, with ASCII segmented inline in one pass: most words are
	// plain lower-case ASCII and cost only an append. A chunk (text between
	// ASCII spaces) found to hold other bytes is undone and handed to the
	// uax29 iterator.
	n := len(text)
	for i := 0; i < n; {
		for i < n && asciiSpace[text[i]] {
			i++
		}
		if i >= n {
			break
		}
		start, ws0, arena0 := i, len(ws), len(arena)
		high := false
	chunk:
		for i < n {
			c := asciiClass[text[i]]
			switch c {
			case wbSpace:
				break chunk
			case wbHigh:
				high = true
				break chunk
			case wbLetter, wbDigit, wbUnderscore:
			default:
				i++
				continue
			}
			k := i + 1
			hasAlnum := c != wbUnderscore
			plain := asciiPlain[text[i]]
			for k < n {
				ck := asciiClass[text[k]]
				if ck == wbLetter || ck == wbDigit || ck == wbUnderscore {
					hasAlnum = hasAlnum || ck != wbUnderscore
					plain = plain && asciiPlain[text[k]]
					k++
					continue
				}
				if k+1 < n {
					prev, next := asciiClass[text[k-1]], asciiClass[text[k+1]]
					if prev == wbLetter && next == wbLetter && (ck == wbMidLetter || ck == wbMidNumLet) ||
						prev == wbDigit && next == wbDigit && (ck == wbMidNum || ck == wbMidNumLet) {
						plain = plain && asciiPlain[text[k]] && asciiPlain[text[k+1]]
						k += 2
						continue
					}
				}
				break
			}
			if hasAlnum {
				if plain {
					ws = append(ws, word{start: i, end: k, lower: text[i:k]})
				} else {
					add(i, k)
				}
			}
			i = k
		}
		if high {
			ws, arena = ws[:ws0], arena[:arena0]
			end := i
			for end < n && !asciiSpace[text[end]] {
				end++
			}
			i = max(end, unicodeWords(text, start, end, add))
		}
	}
	if len(arena) > 0 {
		keys := string(arena)
		for i := range ws {
			if ws[i].lower == "" {
				ws[i].lower = keys[ws[i].ks:ws[i].ke]
			}
		}
	}
	sc.ws, sc.arena = ws, arena
	return ws
}

// asciiPlain marks the ASCII bytes a word can hold and still be its own
// key: all but upper-case letters and the apostrophe.
var asciiPlain = func() (t [256]bool) {
	for c := 0; c < 0x80; c++ {
		t[c] = !('A' <= c && c <= 'Z') && c != '\''
	}
	return t
}()

// isPlainLower reports whether w is its own key: lower-case ASCII letters
// and digits without an apostrophe.
func isPlainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || 'A' <= c && c <= 'Z' || c == '\'' {
			return false
		}
	}
	return true
}

// stemOf returns the stem of ws[i], computing it once. With filtered, it
// returns "" for a word that no stem term can start with, without
// stemming it; later words of a phrase are compared unfiltered.
func (m *Matcher) stemOf(sc *scratch, ws []word, i int, filtered bool) string {
	w := &ws[i]
	switch w.stemState {
	case stemDone:
		return w.stem
	case stemSkipped:
		if filtered {
			return ""
		}
	default:
		if filtered && !m.stems.may(w.lower) {
			w.stemState = stemSkipped
			return ""
		}
	}
	l := w.lower
	if s, ok := sc.stems[l]; ok {
		w.stem = s
	} else {
		w.stem = Stem(l)
		if sc.stems == nil || len(sc.stems) >= maxScratchStems {
			sc.stems = make(map[string]string, 256)
		}
		sc.stems[strings.Clone(l)] = w.stem
	}
	w.stemState = stemDone
	return w.stem
}

const (
	stemUnknown uint8 = iota
	stemSkipped       // filtered out as no term's first word
	stemDone
)

// pairIndex maps the first two bytes of a non-empty key to [0, 65536).
func pairIndex(k string) int {
	if len(k) == 1 {
		return int(k[0]) << 8
	}
	return int(k[0])<<8 | int(k[1])
}

// stemFilter tells words that may stem to a stem key from words that
// cannot, by their first letters, y read as i (Snowball turns a final y to
// i). Checked against the 29,414 words of Snowball's English sample
// vocabulary: a stem of five letters or more begins with the first four
// letters of its word, a stem of four with the first three ("bake" from
// "baking"), and a shorter stem ("use" from "using", "ad" from "added")
// with the first two.
type stemFilter struct {
	quad  []bool          // 26⁴: four-letter ASCII prefixes of stems of 5+ letters
	tri   []bool          // 26³: three-letter ASCII prefixes of stems of 4 letters
	short [128 * 129]bool // one- and two-byte ASCII prefixes of shorter stems
	other map[string]bool // any other prefix, marked "4", "3" or "2"
}

func (f *stemFilter) add(key string) {
	if f.tri == nil {
		f.quad, f.tri = make([]bool, 26*26*26*26), make([]bool, 26*26*26)
	}
	switch {
	case len(key) >= 5:
		if i, ok := letterIndex(key, 4); ok {
			f.quad[i] = true
		} else {
			f.addOther("4" + yAsI(key[:4]))
		}
	case len(key) == 4:
		if i, ok := letterIndex(key, 3); ok {
			f.tri[i] = true
		} else {
			f.addOther("3" + yAsI(key[:3]))
		}
	default:
		p := key[:min(2, len(key))]
		if i, ok := shortIndexYI(p); ok {
			f.short[i] = true
		} else {
			f.addOther("2" + yAsI(p))
		}
	}
}

func (f *stemFilter) addOther(p string) {
	if f.other == nil {
		f.other = map[string]bool{}
	}
	f.other[p] = true
}

// may reports whether the word with key l may stem to an added key.
func (f *stemFilter) may(l string) bool {
	if len(l) == 0 || f.tri == nil {
		return false
	}
	// The common case, a word of four or more ASCII letters, in one pass.
	x, n := 0, 0
	for n < 4 && n < len(l) {
		c := l[n]
		if c < 'a' || c > 'z' {
			break
		}
		if c == 'y' {
			c = 'i'
		}
		x = x*26 + int(c-'a')
		n++
		if n == 3 && f.tri[x] {
			return true
		}
	}
	if n == 4 && f.quad[x] {
		return true
	}
	for n := 1; n <= 2 && n <= len(l); n++ {
		if i, ok := shortIndexYI(l[:n]); ok && f.short[i] {
			return true
		}
	}
	if f.other != nil {
		for _, n := range []int{4, 3} {
			if len(l) >= n && f.other[string(rune('0'+n))+yAsI(l[:n])] {
				return true
			}
		}
		if f.other["2"+yAsI(l[:min(2, len(l))])] || f.other["2"+yAsI(l[:1])] {
			return true
		}
	}
	return false
}

func yAsI(s string) string { return strings.ReplaceAll(s, "y", "i") }

// shortIndexYI maps an ASCII string of one or two bytes, y read as i, to
// an index.
func shortIndexYI(s string) (int, bool) {
	yi := func(c byte) int {
		if c == 'y' {
			return 'i'
		}
		return int(c)
	}
	switch {
	case len(s) == 1 && s[0] < 0x80:
		return yi(s[0]), true
	case len(s) == 2 && s[0] < 0x80 && s[1] < 0x80:
		return 128 + yi(s[0])*128 + yi(s[1]), true
	}
	return 0, false
}

// letterIndex maps the first n bytes of s, when they are ASCII lower-case
// letters, to an index in [0, 26ⁿ), reading y as i.
func letterIndex(s string, n int) (int, bool) {
	if len(s) < n {
		return 0, false
	}
	x := 0
	for i := 0; i < n; i++ {
		c := s[i]
		if c < 'a' || c > 'z' {
			return 0, false
		}
		if c == 'y' {
			c = 'i'
		}
		x = x*26 + int(c-'a')
	}
	return x, true
}

// longest returns the index of the longest term matching at ws[i] in its
// sense and its length in words, or -1; and the longest candidate its
// sense conditions rejected (-1 if none), its length and the reason.
func (m *Matcher) longest(sc *scratch, sx *senseCtx, text string, ws []word, i int) (int, int, int, int, string) {
	best, bestLen := -1, 0
	rej, rejLen, reason := -1, 0, ""
	try := func(list []int) {
		for _, ti := range list {
			ct := &m.terms[ti]
			n := len(ct.keys)
			if n < bestLen {
				return // lists are longest first
			}
			if n == bestLen && ct.order > m.terms[best].order {
				continue
			}
			if !m.matchesAt(sc, text, ws, i, ct) {
				continue
			}
			if ct.sense != nil {
				if sx.paras == nil {
					sx.paras = paragraphSpans(text)
				}
				if why := m.senseFails(sc, sx, text, ws, i, n, ct); why != "" {
					if n > rejLen {
						rej, rejLen, reason = ti, n, why
					}
					continue
				}
			}
			best, bestLen = ti, n
		}
	}
	l := ws[i].lower
	maybe := l != "" && m.firstPair[pairIndex(l)]
	if maybe {
		if list := m.byExact[l]; list != nil {
			try(list)
		}
	}
	if maybe && m.caseFirst[l] {
		if list := m.byCase[surfaceKey(text[ws[i].start:ws[i].end])]; list != nil {
			try(list)
		}
	}
	if len(m.byStem) > 0 {
		if s := m.stemOf(sc, ws, i, true); s != "" {
			if list := m.byStem[s]; list != nil {
				try(list)
			}
		}
	}
	return best, bestLen, rej, rejLen, reason
}

// matchesAt reports whether ct matches the words starting at ws[i].
func (m *Matcher) matchesAt(sc *scratch, text string, ws []word, i int, ct *compiledTerm) bool {
	if i+len(ct.keys) > len(ws) {
		return false
	}
	for k, key := range ct.keys {
		w := &ws[i+k]
		if k > 0 && !plainGap(text[ws[i+k-1].end:w.start]) {
			return false
		}
		var got string
		switch ct.mode {
		case modeStem:
			got = m.stemOf(sc, ws, i+k, k == 0)
			if got == "" {
				return false
			}
		case modeExact:
			got = w.lower
		case modeCase:
			got = surfaceKey(text[w.start:w.end])
		}
		if got != key {
			return false
		}
		if ct.exclude != nil && ct.exclude[w.lower] {
			return false
		}
	}
	for _, seq := range ct.excludePhrases {
		if wordsAre(text, ws, i, seq) {
			return false
		}
	}
	if ct.mode == modeCase && i > 0 && i+len(ct.keys) < len(ws) {
		end := i + len(ct.keys)
		return !inCapitals(text[ws[i-1].start:ws[i-1].end], text[ws[end].start:ws[end].end])
	}
	return true
}

// inCapitals reports whether the words either side of a match, before and
// after, are both in capitals, as in a headline or a slogan set in
// capitals ("FIX IS IN"). There the case of the match says nothing, so a
// term matched by its case ("IS", not "is") does not match.
func inCapitals(before, after string) bool {
	return shouted(before) && shouted(after) && (utf8.RuneCountInString(before) > 1 || utf8.RuneCountInString(after) > 1)
}

// shouted reports whether w has a letter and no lower-case letter.
func shouted(w string) bool {
	upper := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// wordsAre reports whether the words from ws[i] are seq, in one phrase.
func wordsAre(text string, ws []word, i int, seq []string) bool {
	if i+len(seq) > len(ws) {
		return false
	}
	for k, l := range seq {
		if ws[i+k].lower != l || k > 0 && !plainGap(text[ws[i+k-1].end:ws[i+k].start]) {
			return false
		}
	}
	return true
}

// plainGap reports whether the text between two words of a phrase holds
// only spaces (no blank line) and hyphens.
func plainGap(g string) bool {
	if g == " " {
		return true
	}
	newlines := 0
	for _, r := range g {
		switch {
		case r == '\n':
			newlines++
			if newlines > 1 {
				return false
			}
		case r == ' ' || r == '\t' || r == '\r' || r == '\u00A0' || r == '\u202F':
		case r == '-' || r == '\u2010' || r == '\u2011' || r == '\u00AD':
		default:
			return false
		}
	}
	return true
}

// distanced reports whether a distancing marker ends right before ws[i].
func (m *Matcher) distanced(text string, ws []word, i int) bool {
	for _, d := range m.distancing {
		n := len(d)
		if i >= n && wordsAre(text, ws, i-n, d) && markerGap(text[ws[i-1].end:ws[i].start]) {
			return true
		}
	}
	return false
}

// markerGap is a plain gap that may also hold quotation marks, as in
// so-called “de-escalation”.
func markerGap(g string) bool {
	var b strings.Builder
	for _, r := range g {
		switch r {
		case '"', '\'', '“', '”', '‘', '’', '«', '»', '„':
			continue
		}
		b.WriteRune(r)
	}
	return plainGap(b.String())
}

// paraQuotes finds quotations paragraph by paragraph, only in paragraphs
// that hold hits. A paragraph's quotations, scare quotes and headline
// quotation do not depend on other paragraphs (a quotation continued from
// the one before reopens with a mark); transcript lines, which do, are
// found once over all paragraphs. So the voices are those that
// FindQuotations over the whole text gives.
type paraQuotes struct {
	text  string
	paras [][2]int
	cur   int
	qc    *quoteCursor
	// transcript holds the transcript lines by paragraph start: whether a
	// line is one depends on the other paragraphs.
	transcript map[int]Quotation
}

// voiceOf is quoteCursor.voiceOf for hits in text order.
func (p *paraQuotes) voiceOf(start, end int) (Voice, bool) {
	moved := p.qc == nil
	for p.cur < len(p.paras) && p.paras[p.cur][1] < end {
		p.cur++
		moved = true
	}
	if p.cur == len(p.paras) || p.paras[p.cur][0] > start {
		return Narrator, false // not inside a paragraph: cannot happen for words
	}
	if moved {
		para := p.paras[p.cur]
		qs, _ := quotesInParagraph(nil, p.text, para[0], para[1], false)
		if p.transcript == nil {
			p.transcript = map[int]Quotation{}
			for _, q := range transcriptQuotes(p.text, p.paras, headlineQuotes(p.text, p.paras)) {
				p.transcript[q.Open] = q
			}
		}
		if q, ok := p.transcript[para[0]]; ok {
			qs = append(qs, q)
		} else {
			qs = append(qs, headlineQuotes(p.text, p.paras[p.cur:p.cur+1])...)
		}
		sortQuotations(qs)
		p.qc = &quoteCursor{text: p.text, qs: qs}
	}
	return p.qc.voiceOf(start, end)
}

// quoteCursor walks the quotations of a text alongside hits in text
// order, keeping only those that may still contain a hit, so a text with
// many hits and many quotations costs no more than their sum.
type quoteCursor struct {
	text   string
	qs     []Quotation
	next   int
	active []Quotation
}

// voiceOf returns the voice of the span [start, end), which must not start
// before the previous span given, and whether it is the whole of a scare
// quote.
func (c *quoteCursor) voiceOf(start, end int) (Voice, bool) {
	for c.next < len(c.qs) && c.qs[c.next].Open <= start {
		c.active = append(c.active, c.qs[c.next])
		c.next++
	}
	kept := c.active[:0]
	for _, q := range c.active {
		if q.End >= start {
			kept = append(kept, q)
		}
	}
	c.active = kept
	v, scare := Narrator, false
	for _, q := range c.active {
		if q.Start > start || q.End < end {
			continue
		}
		if !q.Scare {
			v = Quoted
			continue
		}
		if trimToWord(c.text, q.Start, q.End) == [2]int{start, end} {
			scare = true
		}
	}
	return v, scare
}

// trimToWord narrows [s, e) to its first and last letters or digits.
func trimToWord(text string, s, e int) [2]int {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if isAlnum(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if isAlnum(r) {
			break
		}
		e -= n
	}
	return [2]int{s, e}
}

// sentenceOf returns the index of the sentence holding offset off: the last
// sentence starting at or before it, or -1 when there are no sentences.
func sentenceOf(ss []corpus.Span, off int) int {
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Start > off })
	if i == 0 {
		if len(ss) == 0 {
			return -1
		}
		return 0
	}
	return i - 1
}

func squeeze(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
