package framing

import (
	"fmt"
	"sort"
	"strings"

	"github.com/framediff/framediff/corpus"
)

// compiledSense is a term's Sense ready for matching: word lists as
// sequences of lower-case word keys.
type compiledSense struct {
	near, notNear, unlessNear, notAfter, notBefore, object, notObject [][]string
	raw                                                               Sense
	window                                                            int
	forms                                                             map[string]bool
	// subject is the axis's Subject, for scoped terms.
	subject [][]string
	axis    int
}

// Rejection is a candidate match that failed a term's sense conditions and
// so is not counted; Reason says which condition, for `terms --kwic`.
type Rejection struct {
	Hit
	Reason string `json:"reason"`
}

func stemSeqs(list []string) [][]string {
	var out [][]string
	for _, s := range list {
		var seq []string
		for _, tok := range Tokenize(s) {
			seq = append(seq, tok.Lower)
		}
		if len(seq) > 0 {
			out = append(out, seq)
		}
	}
	return out
}

func compileSense(s Sense, subject []string, axis int) *compiledSense {
	if s.IsZero() {
		return nil
	}
	cs := &compiledSense{
		raw:        s,
		near:       stemSeqs(s.Near),
		notNear:    stemSeqs(s.NotNear),
		unlessNear: stemSeqs(s.UnlessNear),
		notAfter:   stemSeqs(s.NotAfter),
		notBefore:  stemSeqs(s.NotBefore),
		object:     stemSeqs(s.Object),
		notObject:  stemSeqs(s.NotObject),
		window:     s.Window,
		axis:       axis,
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
		cs.subject = stemSeqs(subject)
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
	topic     map[*[][]string]bool
}

// about reports whether the article is about the words of seqs: one of
// them per TopicWords words, and at least three.
func (m *Matcher) about(sc *scratch, sx *senseCtx, text string, ws []word, seqs *[][]string) bool {
	if v, ok := sx.topic[seqs]; ok {
		return v
	}
	n := 0
	for j := range ws {
		for _, seq := range *seqs {
			if m.stemsAt(sc, text, ws, j, seq) {
				n++
				break
			}
		}
	}
	v := n >= 3 && n*TopicWords >= len(ws)
	if sx.topic == nil {
		sx.topic = map[*[][]string]bool{}
	}
	sx.topic[seqs] = v
	return v
}

// stemsAt reports whether the words from ws[j] have the keys seq (word
// forms, lower case, possessive dropped), in one phrase.
func (m *Matcher) stemsAt(sc *scratch, text string, ws []word, j int, seq []string) bool {
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

// anyAt returns the first of seqs found at ws[j], as written in list.
func (m *Matcher) anyAt(sc *scratch, text string, ws []word, j int, seqs [][]string, list []string) (string, bool) {
	for k, seq := range seqs {
		if m.stemsAt(sc, text, ws, j, seq) {
			return list[k], true
		}
	}
	return "", false
}

// anyEndingAt returns the first of seqs whose last word is ws[j].
func (m *Matcher) anyEndingAt(sc *scratch, text string, ws []word, j int, seqs [][]string, list []string) (string, bool) {
	for k, seq := range seqs {
		if m.stemsAt(sc, text, ws, j-len(seq)+1, seq) {
			return list[k], true
		}
	}
	return "", false
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
	if len(cs.notAfter) > 0 && i > 0 && markerGap(text[ws[i-1].end:ws[i].start]) {
		if w, ok := m.anyEndingAt(sc, text, ws, i-1, cs.notAfter, cs.raw.NotAfter); ok {
			return fmt.Sprintf("after %q", w)
		}
	}
	end := i + n
	if len(cs.notBefore) > 0 && end < len(ws) && markerGap(text[ws[end-1].end:ws[end].start]) {
		if w, ok := m.anyAt(sc, text, ws, end, cs.notBefore, cs.raw.NotBefore); ok {
			return fmt.Sprintf("before %q", w)
		}
	}
	if len(cs.object) > 0 || len(cs.notObject) > 0 {
		found := ""
		for j := end; j < len(ws) && j < end+ObjectWindow && !clauseBreak(text[ws[j-1].end:ws[j].start]); j++ {
			if w, ok := m.anyAt(sc, text, ws, j, cs.notObject, cs.raw.NotObject); ok && !m.rescued(sc, sx, text, ws, i, end, cs) {
				return fmt.Sprintf("object %q", w)
			}
			if found == "" {
				found, _ = m.anyAt(sc, text, ws, j, cs.object, cs.raw.Object)
			}
		}
		if len(cs.object) > 0 && found == "" {
			return "no listed object"
		}
	}
	if len(cs.near) > 0 || len(cs.notNear) > 0 {
		lo, hi := sentenceWords(sx, ws, i, end)
		lo, hi = max(lo, i-cs.window), min(hi, end+cs.window)
		found, bad, rescued := false, "", false
		for j := lo; j < hi; j++ {
			if j >= i && j < end {
				continue
			}
			if bad == "" {
				bad, _ = m.anyAt(sc, text, ws, j, cs.notNear, cs.raw.NotNear)
			}
			if !found {
				_, found = m.anyAt(sc, text, ws, j, cs.near, cs.raw.Near)
			}
			if !rescued {
				_, rescued = m.anyAt(sc, text, ws, j, cs.unlessNear, cs.raw.UnlessNear)
			}
		}
		if bad != "" && !rescued {
			return fmt.Sprintf("near %q", bad)
		}
		if len(cs.near) > 0 && !found && !(cs.raw.Topic && m.about(sc, sx, text, ws, &cs.near)) {
			return "no listed word near"
		}
	}
	if cs.raw.Scoped && !m.subjectNamed(sc, sx, text, ws, i, cs) && !m.about(sc, sx, text, ws, &cs.subject) {
		return "not about the axis's subject"
	}
	return ""
}

// rescued reports whether an UnlessNear word is within the window.
func (m *Matcher) rescued(sc *scratch, sx *senseCtx, text string, ws []word, i, end int, cs *compiledSense) bool {
	if len(cs.unlessNear) == 0 {
		return false
	}
	lo, hi := sentenceWords(sx, ws, i, end)
	for j := max(lo, i-cs.window); j < min(hi, end+cs.window); j++ {
		if _, ok := m.anyAt(sc, text, ws, j, cs.unlessNear, cs.raw.UnlessNear); ok && (j < i || j >= end) {
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
	lo = i
	for lo > 0 && ws[lo-1].start >= s {
		lo--
	}
	hi = end
	for hi < len(ws) && ws[hi].end <= e {
		hi++
	}
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
		for _, seq := range cs.subject {
			if m.stemsAt(sc, text, ws, j, seq) {
				named = true
				break
			}
		}
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
