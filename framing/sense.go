package framing

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
)

// compiledSense is a term's Sense ready for matching: word lists as
// sequences of lower-case word keys.
type compiledSense struct {
	near, notNear, unlessNear, notAfter, notBefore, object, notObject *wordList
	countsAfter                                                       *wordList
	raw                                                               Sense
	window                                                            int
	forms                                                             map[string]bool
	// subject is the axis's Subject, for scoped terms.
	subject *wordList
	axis    int
}

// Rejection is a candidate match that failed a term's sense conditions and
// so is not counted; Reason says which condition, for `terms --kwic`.
type Rejection struct {
	Hit
	Reason string `json:"reason"`
}

// wordList is a list of words or phrases of a sense condition, indexed by
// first and last word.
type wordList struct {
	raw     []string
	seqs    [][]string
	byFirst map[string][]int
	byLast  map[string][]int
	key     string // the list, joined: identifies it in caches
}

// newWordList compiles list (nil for an empty one): each entry becomes its
// words' keys (lower case, possessive dropped).
func newWordList(list []string) *wordList {
	l := &wordList{byFirst: map[string][]int{}, byLast: map[string][]int{}}
	for _, s := range list {
		var seq []string
		for _, tok := range Tokenize(s) {
			seq = append(seq, tok.Lower)
		}
		if len(seq) == 0 {
			continue
		}
		k := len(l.seqs)
		l.seqs = append(l.seqs, seq)
		l.raw = append(l.raw, s)
		l.byFirst[seq[0]] = append(l.byFirst[seq[0]], k)
		l.byLast[seq[len(seq)-1]] = append(l.byLast[seq[len(seq)-1]], k)
	}
	if len(l.seqs) == 0 {
		return nil
	}
	l.key = strings.Join(l.raw, "\x00")
	return l
}

// seqAt reports whether the words from ws[j] are seq, in one phrase.
func seqAt(text string, ws []word, j int, seq []string) bool {
	if j < 0 || j+len(seq) > len(ws) {
		return false
	}
	for k, s := range seq {
		if k > 0 && !plainGap(text[ws[j+k-1].end:ws[j+k].start]) {
			return false
		}
		if ws[j+k].lower != s {
			return false
		}
	}
	return true
}

// at returns the entry of l found at ws[j], as written in the lexicon.
func (l *wordList) at(text string, ws []word, j int) (string, bool) {
	if l == nil {
		return "", false
	}
	for _, k := range l.byFirst[ws[j].lower] {
		if seqAt(text, ws, j, l.seqs[k]) {
			return l.raw[k], true
		}
	}
	return "", false
}

// endingAt returns the entry of l whose last word is ws[j].
func (l *wordList) endingAt(text string, ws []word, j int) (string, bool) {
	if l == nil {
		return "", false
	}
	for _, k := range l.byLast[ws[j].lower] {
		if seq := l.seqs[k]; seqAt(text, ws, j-len(seq)+1, seq) {
			return l.raw[k], true
		}
	}
	return "", false
}

func compileSense(s Sense, subject []string, axis int) *compiledSense {
	if s.IsZero() {
		return nil
	}
	cs := &compiledSense{
		raw:         s,
		near:        newWordList(s.Near),
		notNear:     newWordList(s.NotNear),
		unlessNear:  newWordList(s.UnlessNear),
		notAfter:    newWordList(s.NotAfter),
		notBefore:   newWordList(s.NotBefore),
		object:      newWordList(s.Object),
		notObject:   newWordList(s.NotObject),
		countsAfter: newWordList(s.CountsAfter),
		window:      s.Window,
		axis:        axis,
	}
	if cs.window == 0 {
		cs.window = DefaultWindow
	}
	if len(s.Forms) > 0 {
		cs.forms = map[string]bool{}
		for _, f := range s.Forms {
			cs.forms[f] = true
		}
	}
	if s.Scoped {
		cs.subject = newWordList(subject)
	}
	return cs
}

// senseCtx is what sense checks need to know about the article being
// matched: its sentences and paragraphs, and which paragraphs name each
// axis's subject (computed when first asked).
type senseCtx struct {
	sentences []corpus.Span
	paras     [][2]int
	subject   map[[2]int]int8 // (axis, paragraph) → 1 named, -1 not
	topic     map[string]bool // word list key → the article is about it
}

// about reports whether the article is about the words of l: one of them
// per TopicWords words, and at least three.
func (sx *senseCtx) about(text string, ws []word, l *wordList) bool {
	if l == nil {
		return false
	}
	if v, ok := sx.topic[l.key]; ok {
		return v
	}
	n := 0
	for j := range ws {
		if _, ok := l.at(text, ws, j); ok {
			n++
		}
	}
	v := n >= 3 && n*TopicWords >= len(ws)
	if sx.topic == nil {
		sx.topic = map[string]bool{}
	}
	sx.topic[l.key] = v
	return v
}

// clauseBreak reports whether the text between two words ends a clause.
func clauseBreak(g string) bool {
	return strings.ContainsAny(g, ",;:.!?()[]—–") || strings.Contains(g, "\n\n")
}

// senseFails returns why the match of ct at ws[i:i+n] is not in the term's
// sense, or "" when it is.
func (m *Matcher) senseFails(sc *scratch, sx *senseCtx, text string, ws []word, i, n int, ct *compiledTerm) string {
	cs := ct.sense
	if cs.forms != nil {
		parts := make([]string, n)
		for k := range n {
			parts[k] = ws[i+k].lower
		}
		if f := strings.Join(parts, " "); !cs.forms[f] {
			return fmt.Sprintf("form %q not listed", f)
		}
	}
	if cs.notAfter != nil && i > 0 && markerGap(text[ws[i-1].end:ws[i].start]) {
		if w, ok := cs.notAfter.endingAt(text, ws, i-1); ok {
			return fmt.Sprintf("after %q", w)
		}
	}
	end := i + n
	if cs.notBefore != nil && end < len(ws) && markerGap(text[ws[end-1].end:ws[end].start]) {
		if w, ok := cs.notBefore.at(text, ws, end); ok {
			return fmt.Sprintf("before %q", w)
		}
	}
	if cs.object != nil || cs.notObject != nil {
		found := ""
		for j := end; j < len(ws) && j < end+ObjectWindow && !clauseBreak(text[ws[j-1].end:ws[j].start]); j++ {
			if w, ok := cs.notObject.at(text, ws, j); ok && !m.rescued(sc, sx, text, ws, i, end, cs) {
				return fmt.Sprintf("object %q", w)
			}
			if found == "" {
				found, _ = cs.object.at(text, ws, j)
			}
		}
		if cs.object != nil && found == "" {
			return "no listed object"
		}
	}
	if (cs.near != nil || cs.notNear != nil) && !countsAnyway(text, ws, i, end, cs) {
		lo, hi := sentenceWords(sx, ws, i, end)
		lo, hi = max(lo, i-cs.window), min(hi, end+cs.window)
		found, bad, rescued := false, "", false
		for j := lo; j < hi; j++ {
			if j >= i && j < end {
				continue
			}
			if bad == "" {
				bad, _ = cs.notNear.at(text, ws, j)
			}
			if !found {
				_, found = cs.near.at(text, ws, j)
			}
			if !rescued {
				_, rescued = cs.unlessNear.at(text, ws, j)
			}
		}
		if bad != "" && !rescued {
			return fmt.Sprintf("near %q", bad)
		}
		if cs.near != nil && !found && !(cs.raw.Topic && sx.about(text, ws, cs.near)) {
			return "no listed word near"
		}
	}
	if cs.raw.Scoped && !m.subjectNamed(sc, sx, text, ws, i, cs) && !sx.about(text, ws, cs.subject) {
		return "not about the axis's subject"
	}
	return ""
}

// rescued reports whether an UnlessNear word is within the window.
func (m *Matcher) rescued(sc *scratch, sx *senseCtx, text string, ws []word, i, end int, cs *compiledSense) bool {
	if cs.unlessNear == nil {
		return false
	}
	lo, hi := sentenceWords(sx, ws, i, end)
	for j := max(lo, i-cs.window); j < min(hi, end+cs.window); j++ {
		if _, ok := cs.unlessNear.at(text, ws, j); ok && (j < i || j >= end) {
			return true
		}
	}
	return false
}

// sentenceWords returns the range of word indices of the sentence holding
// ws[i:end], or of its paragraph when the article has no sentences.
func sentenceWords(sx *senseCtx, ws []word, i, end int) (int, int) {
	lo, hi := 0, len(ws)
	var s, e int
	if k := sentenceOf(sx.sentences, ws[i].start); k >= 0 {
		s, e = sx.sentences[k].Start, sx.sentences[k].End
	} else if p := paraOf(sx.paras, ws[i].start); p >= 0 {
		s, e = sx.paras[p][0], sx.paras[p][1]
	} else {
		return lo, hi
	}
	// Words are in text order, so both ends are found by binary search:
	// a sentence can be a whole unpunctuated article, and walking it for
	// every candidate would cost its length squared.
	lo = min(i, sort.Search(i, func(k int) bool { return ws[k].start >= s }))
	hi = max(end, end+sort.Search(len(ws)-end, func(k int) bool { return ws[end+k].end > e }))
	return lo, hi
}

// paraOf returns the index of the paragraph holding offset off, or -1.
func paraOf(paras [][2]int, off int) int {
	k := sort.Search(len(paras), func(k int) bool { return paras[k][1] > off })
	if k < len(paras) && paras[k][0] <= off {
		return k
	}
	return -1
}

// subjectNamed reports whether the paragraph holding ws[i] names the
// subject of cs's axis.
func (m *Matcher) subjectNamed(sc *scratch, sx *senseCtx, text string, ws []word, i int, cs *compiledSense) bool {
	p := paraOf(sx.paras, ws[i].start)
	if p < 0 {
		return false
	}
	key := [2]int{cs.axis, p}
	if v, ok := sx.subject[key]; ok {
		return v > 0
	}
	lo := sort.Search(len(ws), func(j int) bool { return ws[j].start >= sx.paras[p][0] })
	named := false
	for j := lo; j < len(ws) && ws[j].end <= sx.paras[p][1] && !named; j++ {
		_, named = cs.subject.at(text, ws, j)
	}
	if sx.subject == nil {
		sx.subject = map[[2]int]int8{}
	}
	sx.subject[key] = -1
	if named {
		sx.subject[key] = 1
	}
	return named
}

// countsAnyway reports whether the match at ws[i:end] holds whatever words
// are near it: right after a word of CountsAfter, or named (Sense.Named).
func countsAnyway(text string, ws []word, i, end int, cs *compiledSense) bool {
	if cs.countsAfter != nil && i > 0 && markerGap(text[ws[i-1].end:ws[i].start]) {
		if _, ok := cs.countsAfter.endingAt(text, ws, i-1); ok {
			return true
		}
	}
	return cs.raw.Named && named(text, ws, i, cs)
}

// determiners open the noun phrase a name modifies ("the Paris attacks").
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true}

// named reports whether the match at ws[i] is named by a date or a proper
// name: "the Sept. 11 attacks", "the 2012 Benghazi attack", "Benghazi, an
// attack". A match in capitals is not, since in a title every word is.
func named(text string, ws []word, i int, cs *compiledSense) bool {
	if i == 0 || nameWord(text, ws[i]) {
		return false
	}
	// Apposition: a name, a comma, "a" or "an", the match; the name inside
	// its sentence, so not an opening adverb ("However, an attack").
	if i >= 3 && (ws[i-1].lower == "a" || ws[i-1].lower == "an") && plainGap(text[ws[i-1].end:ws[i].start]) &&
		strings.TrimSpace(text[ws[i-2].end:ws[i-1].start]) == "," && plainGap(text[ws[i-3].end:ws[i-2].start]) {
		return properName(text, ws, i-2, cs)
	}
	// Modifier: up to four words of a name or date between a determiner
	// and the match.
	k := i - 1
	if !plainGap(text[ws[k].end:ws[i].start]) {
		return false
	}
	for ; k >= 0 && i-k <= 4 && properName(text, ws, k, cs); k-- {
		if k == 0 || !nameGap(text[ws[k-1].end:ws[k].start]) {
			return false
		}
	}
	return k >= 0 && k < i-1 && determiners[ws[k].lower] && plainGap(text[ws[k].end:ws[k+1].start])
}

// properName reports whether ws[k] may be part of a name or date naming
// a match: capitalised or a number, no possessive, and no word the
// term's NotAfter or NotNear lists ("Republican").
func properName(text string, ws []word, k int, cs *compiledSense) bool {
	w := text[ws[k].start:ws[k].end]
	if !nameWord(text, ws[k]) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return false
	}
	if _, ok := cs.notAfter.at(text, ws, k); ok {
		return false
	}
	_, ok := cs.notNear.at(text, ws, k)
	return !ok
}

// nameWord reports whether w starts with a capital or a digit.
func nameWord(text string, w word) bool {
	r, _ := utf8.DecodeRuneInString(text[w.start:w.end])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// nameGap reports whether g may separate two words of one name or date:
// spaces, hyphens, slashes ("9/11") and an abbreviation's point ("Sept. 11").
func nameGap(g string) bool {
	return plainGap(g) || strings.Trim(g, " ./-") == "" && strings.Count(g, ".") <= 1 && !strings.Contains(g, "\n")
}
