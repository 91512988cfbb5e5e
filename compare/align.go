package compare

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
)

// Alignment thresholds. A pair of passages is
//   - "verbatim" when their words are the same (ignoring case and
//     punctuation); similarity 1;
//   - "near" when the words they share in order make up at least NearDice of
//     both (word Dice coefficient over the diff); similarity is that Dice;
//   - "paraphrase" when the Dice is lower but the cosine of their content
//     stems is at least ParaphraseCosine; similarity is that cosine.
//
// A passage is a whole sentence, two adjacent sentences of one side against
// one sentence of the other (a split), or the part of a sentence that a
// local word alignment finds shared with part of another sentence (at least
// MinPassageContent shared content words, MinCommonContent of them not
// names, and MinPassageWords words on each side); the last catches a clause
// quoted into a longer sentence.
const (
	NearDice          = 0.6
	ParaphraseCosine  = 0.5
	MinPassageContent = 4
	MinCommonContent  = 2
	MinPassageWords   = 5
	// edgeSlack is how many unaligned words a sentence may keep at either
	// end, beyond a quarter of its length, and still align as a whole.
	edgeSlack = 3
	// minSplitGain is how many aligned words each half of a split must add.
	minSplitGain = 3
	// MaxAlignWords is the longest sentence aligned, in words; longer
	// "sentences" are lists, tables or text the splitter could not cut, and
	// aligning them word by word would cost their length squared.
	MaxAlignWords = 150
)

// sentence is one sentence of an article prepared for alignment.
type sentence struct {
	art   *corpus.Article
	index int
	words []word  // offsets into art.Text
	ids   []int32 // each word's number in the event's vocab
	stems []int32 // the content words' stems, numbered by the vocab, sorted, once each
	isCon []bool
	// keys holds each word's number shifted left once, with the low bit
	// set for a content word, sorted: the sentence's words as a multiset.
	keys []int32
}

// vocab numbers the words and content stems of one event's sentences, so
// that aligning compares integers rather than strings and stems each
// distinct word once. Equal words get equal numbers; so do equal stems.
type vocab struct {
	words map[uint64]vocabWord // by fnv64 of the word, as stemCache keys words
	// stems holds the cache's numbers of the vocab's stems, by the vocab's;
	// the cache's scratch counts hold, by the cache's number, one more than
	// the vocab's (0: not yet numbered) until release.
	stems []int32
	cache *stemCache // from the pool until release
}

type vocabWord struct {
	id, stem int32 // stem is -1 for a stop word
}

// newVocab returns an empty vocab with room for about n words.
// Its stem cache comes from the pool: call release when done with it.
func newVocab(n int) *vocab {
	return &vocab{words: make(map[uint64]vocabWord, n), cache: getStemCache()}
}

// release gives v's stem cache back to the pool.
func (v *vocab) release() {
	for _, id := range v.stems {
		v.cache.counts[id] = 0
	}
	putStemCache(v.cache)
	v.cache = nil
}

func (v *vocab) word(lower string) vocabWord {
	h := fnv64(lower)
	if w, ok := v.words[h]; ok {
		return w
	}
	w := vocabWord{id: int32(len(v.words)), stem: -1}
	if id := v.cache.lookupHashed(h, lower); id != noStem {
		c := v.cache
		if c.counts[id] == 0 {
			v.stems = append(v.stems, id)
			c.counts[id] = int32(len(v.stems))
		}
		w.stem = c.counts[id] - 1
	}
	v.words[h] = w
	return w
}

// stemSet returns the content stems of ws, numbered, sorted, once each.
func (v *vocab) stemSet(ws []word) []int32 {
	var out []int32
	for _, w := range ws {
		if vw := v.word(w.Lower); vw.stem >= 0 {
			out = append(out, vw.stem)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// prepareSentences prepares a's sentences for alignment, numbering their
// words in v. all, when not nil, is words(a.Text): a sentence's words are
// then taken from it wherever that gives what words of the sentence's own
// text gives (see sentenceWords).
func prepareSentences(a *corpus.Article, all []word, v *vocab) []sentence {
	out := make([]sentence, 0, len(a.Sentences))
	// The sentences' word numbers, content marks and stems share three
	// slices, each sentence taking the next part of them.
	var ids, stems, keys []int32
	var isCon []bool
	if all != nil {
		ids, stems, keys = make([]int32, 0, len(all)), make([]int32, 0, len(all)), make([]int32, 0, len(all))
		isCon = make([]bool, 0, len(all))
	}
	for i, sp := range a.Sentences {
		ws, ok := sentenceWords(a.Text, sp, all)
		if !ok {
			ws = words(a.Text[sp.Start:sp.End])
			if len(ws) > MaxAlignWords {
				continue
			}
			for k := range ws {
				ws[k].Start += sp.Start
				ws[k].End += sp.Start
			}
		} else if len(ws) > MaxAlignWords {
			continue
		}
		s := sentence{art: a, index: i, words: ws}
		from, stemsFrom := len(ids), len(stems)
		for _, w := range ws {
			vw := v.word(w.Lower)
			ids = append(ids, vw.id)
			isCon = append(isCon, vw.stem >= 0)
			key := vw.id << 1
			if vw.stem >= 0 {
				stems = append(stems, vw.stem)
				key |= 1
			}
			keys = append(keys, key)
		}
		s.ids, s.isCon = ids[from:len(ids):len(ids)], isCon[from:len(isCon):len(isCon)]
		s.keys = keys[from:len(keys):len(keys)]
		slices.Sort(s.keys)
		st := stems[stemsFrom:]
		slices.Sort(st)
		stems = stems[:stemsFrom+len(slices.Compact(st))]
		s.stems = stems[stemsFrom:len(stems):len(stems)]
		out = append(out, s)
	}
	return out
}

// sentenceWords returns the words of all (the words of text) inside sp,
// when they are what words(text[sp.Start:sp.End]) gives, offsets aside:
// when the sentence is cut from the text at ASCII white space (or the
// text's ends), where word boundaries always fall, and, if it starts right
// after white space, with a character that cannot attach to that space
// (ASCII, a letter other than a modifier, a digit or punctuation). It
// reports false otherwise, or when all is nil.
func sentenceWords(text string, sp corpus.Span, all []word) ([]word, bool) {
	if all == nil || sp.Start >= sp.End {
		return nil, false
	}
	s, e := sp.Start, sp.End
	if !(s == 0 || asciiSpace(text[s-1]) || asciiSpace(text[s])) || !(e == len(text) || asciiSpace(text[e]) || asciiSpace(text[e-1])) {
		return nil, false
	}
	if s > 0 && text[s] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(text[s:])
		if !unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lo, unicode.Nd, unicode.P) {
			return nil, false
		}
	}
	i, _ := slices.BinarySearchFunc(all, s, func(w word, s int) int { return cmp.Compare(w.Start, s) })
	j, _ := slices.BinarySearchFunc(all, e, func(w word, e int) int { return cmp.Compare(w.Start, e) })
	if j > i && all[j-1].End > e {
		return nil, false // a word runs past the end: cut inside it
	}
	return all[i:j:j], true
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// stemCosine is the cosine of two sets of stems, each sorted.
func stemCosine(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return float64(sharedStems(a, b)) / math.Sqrt(float64(len(a)*len(b)))
}

// sharedSorted counts the elements two sorted lists share, each
// occurrence once (the size of the intersection of the multisets), and
// how many of those are odd.
func sharedSorted(a, b []int32) (n, odd int) {
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			odd += int(a[0] & 1)
			a, b = a[1:], b[1:]
		}
	}
	return n, odd
}

// sharedStems counts the stems two sorted sets share.
func sharedStems(a, b []int32) int {
	n, _ := sharedSorted(a, b)
	return n
}

// commonWords counts the words two sentences have in common, each
// occurrence once, and how many of those are content words, given their
// sorted keys (sentence.keys, whose low bit marks a content word).
func commonWords(a, b []int32) (common, content int) { return sharedSorted(a, b) }

// hasStem reports whether the sorted set ss holds st.
func hasStem(ss []int32, st int32) bool {
	_, ok := slices.BinarySearch(ss, st)
	return ok
}

// local is the best local word alignment of two sentences.
type local struct {
	a0, a1, b0, b1 int // word ranges [a0,a1) and [b0,b1)
	matches        int
	content        int
	common         int // content words not capitalised
}

// alignScratch holds localAlign's score matrices for reuse.
var alignScratch = sync.Pool{New: func() any { return new([]int32) }}

// localAlign runs Smith–Waterman over the lower-case words of a and b:
// +4 for a shared content word, +2 for a shared function word, −2 for a
// mismatch and −1 for a gap, so that a one-word swap between shared words
// stays inside the passage. a and b are numbered in one vocab.
func localAlign(a, b *sentence) local {
	n, m := len(a.words), len(b.words)
	if n == 0 || m == 0 {
		return local{}
	}
	buf := alignScratch.Get().(*[]int32)
	defer alignScratch.Put(buf)
	w := m + 1
	if cap(*buf) < (n+1)*w {
		*buf = make([]int32, (n+1)*w)
	}
	h := (*buf)[:(n+1)*w]
	// Only the first row and column are read before written.
	clear(h[:w])
	at := func(i, j int) int { return i*w + j }
	best, bi, bj := int32(0), 0, 0
	bids := b.ids[:m]
	for i := 1; i <= n; i++ {
		prev, cur := h[(i-1)*w:i*w:i*w], h[i*w:(i+1)*w:(i+1)*w]
		cur[0] = 0
		ai, same := a.ids[i-1], int32(2)
		if a.isCon[i-1] {
			same = 4
		}
		// The cell to the left and the one diagonally up-left are carried
		// in variables rather than read back from the rows.
		left, diag := int32(0), prev[0]
		prev, cur = prev[1:len(bids)+1], cur[1:len(bids)+1]
		for j, bid := range bids {
			up := prev[j]
			s := int32(-2)
			if bid == ai {
				s = same
			}
			v := max(0, diag+s, up-1, left-1)
			cur[j] = v
			if v > best {
				best, bi, bj = v, i, j+1
			}
			diag, left = up, v
		}
	}
	if best == 0 {
		return local{}
	}
	l := local{a1: bi, b1: bj}
	i, j := bi, bj
	for i > 0 && j > 0 && h[at(i, j)] > 0 {
		same := a.ids[i-1] == b.ids[j-1]
		s := int32(-2)
		if same {
			s = 2
			if a.isCon[i-1] {
				s = 4
			}
		}
		switch {
		case h[at(i, j)] == h[at(i-1, j-1)]+s:
			if same {
				l.matches++
				if a.isCon[i-1] {
					l.content++
					if !isCapitalised(a.words[i-1].Text) {
						l.common++
					}
				}
			}
			i--
			j--
		case h[at(i, j)] == h[at(i-1, j)]-1:
			i--
		default:
			j--
		}
	}
	l.a0, l.b0 = i, j
	return l
}

// candidate is one possible alignment between sentences of two articles.
type candidate struct {
	a, b       []int // sentence indexes (one or two each side)
	aw, bw     [2]int
	aWords     []word
	bWords     []word
	kind       AlignKind
	similarity float64
	diff       []DiffOp
	score      float64
}

// alignPair aligns the sentences of two articles of one event.
func alignPair(eventID string, x, y []sentence) []Alignment {
	if len(x) == 0 || len(y) == 0 {
		return nil
	}
	// Pairs sharing at least two content stems are compared. Stems are
	// numbered densely in the event's vocab: y's sentences are indexed by
	// stem in one slice, those with stem st at at[start[st]:start[st+1]],
	// in order.
	top := int32(-1)
	for _, s := range y {
		for _, st := range s.stems {
			top = max(top, st)
		}
	}
	start := make([]int32, top+2)
	for _, s := range y {
		for _, st := range s.stems {
			start[st+1]++
		}
	}
	for st := 1; st < len(start); st++ {
		start[st] += start[st-1]
	}
	at := make([]int32, start[len(start)-1])
	next := slices.Clone(start[:len(start)-1])
	for j, s := range y {
		for _, st := range s.stems {
			at[next[st]] = int32(j)
			next[st]++
		}
	}
	var cands []candidate
	related := map[[2]int]bool{}
	shared := make([]int32, len(y)) // by sentence of y, zero between sentences of x
	var touched, js []int
	for i := range x {
		touched = touched[:0]
		for _, st := range x[i].stems {
			if st > top {
				continue
			}
			for _, j := range at[start[st]:start[st+1]] {
				if shared[j] == 0 {
					touched = append(touched, int(j))
				}
				shared[j]++
			}
		}
		js = js[:0]
		for _, j := range touched {
			if shared[j] >= 2 {
				js = append(js, j)
				related[[2]int{i, j}] = true
			}
			shared[j] = 0
		}
		slices.Sort(js)
		for _, j := range js {
			if c, ok := comparePair(&x[i], &y[j]); ok {
				c.a, c.b = []int{i}, []int{j}
				cands = append(cands, c)
			}
		}
	}
	// Splits: one sentence against two adjacent ones of the other side.
	cands = append(cands, splits(x, y, related, false)...)
	cands = append(cands, splits(y, x, swapKeys(related), true)...)
	return chooseCandidates(eventID, x, y, cands)
}

// chooseCandidates keeps the best-scoring candidates whose passages do not
// overlap, as alignments in the order of x's text.
func chooseCandidates(eventID string, x, y []sentence, cands []candidate) []Alignment {
	ax, ay := x[0].art, y[0].art
	slices.SortStableFunc(cands, func(p, q candidate) int {
		if p.score != q.score {
			if p.score > q.score {
				return -1
			}
			return 1
		}
		if c := slices.Compare(p.a, q.a); c != 0 {
			return c
		}
		return slices.Compare(p.b, q.b)
	})
	usedA := map[int][][2]int{}
	usedB := map[int][][2]int{}
	free := func(used map[int][][2]int, sents []int, r [2]int, whole []int) bool {
		for k, s := range sents {
			rr := r
			if len(sents) > 1 {
				rr = [2]int{0, whole[k]}
			}
			for _, u := range used[s] {
				if rr[0] < u[1] && u[0] < rr[1] {
					return false
				}
			}
		}
		return true
	}
	lens := func(ss []sentence, idx []int) []int {
		out := make([]int, len(idx))
		for k, i := range idx {
			out[k] = len(ss[i].words)
		}
		return out
	}
	var out []Alignment
	for _, c := range cands {
		la, lb := lens(x, c.a), lens(y, c.b)
		if !free(usedA, c.a, c.aw, la) || !free(usedB, c.b, c.bw, lb) {
			continue
		}
		for k, s := range c.a {
			r := c.aw
			if len(c.a) > 1 {
				r = [2]int{0, la[k]}
			}
			usedA[s] = append(usedA[s], r)
		}
		for k, s := range c.b {
			r := c.bw
			if len(c.b) > 1 {
				r = [2]int{0, lb[k]}
			}
			usedB[s] = append(usedB[s], r)
		}
		out = append(out, Alignment{
			Event:      eventID,
			A:          passageRef(ax, articleSentences(x, c.a), c.aWords, c.aw == [2]int{0, la[0]}),
			B:          passageRef(ay, articleSentences(y, c.b), c.bWords, c.bw == [2]int{0, lb[0]}),
			Kind:       c.kind,
			Similarity: round3(c.similarity),
			Diff:       c.diff,
		})
	}
	slices.SortFunc(out, func(p, q Alignment) int {
		if p.A.Start != q.A.Start {
			return p.A.Start - q.A.Start
		}
		return p.B.Start - q.B.Start
	})
	return out
}

func swapKeys(m map[[2]int]bool) map[[2]int]bool {
	out := make(map[[2]int]bool, len(m))
	for k, v := range m {
		out[[2]int{k[1], k[0]}] = v
	}
	return out
}

// splits finds sentences of one side that two adjacent sentences of the
// other side say together: the pair joined must align as near or verbatim,
// and each half must add at least minSplitGain aligned words to what the
// other half aligns alone. Both halves must share content words with the
// sentence (related holds the pairs that share at least two).
func splits(one, two []sentence, related map[[2]int]bool, swapped bool) []candidate {
	var out []candidate
	for i := range one {
		for j := 0; j+1 < len(two); j++ {
			// Two sentences of two are adjacent in their article only when
			// no sentence too long to align lies between them.
			if two[j+1].index != two[j].index+1 || !related[[2]int{i, j}] || !related[[2]int{i, j + 1}] || !splitLikely(&one[i], &two[j], &two[j+1]) {
				continue
			}
			joinedWords := append(append([]word(nil), two[j].words...), two[j+1].words...)
			text := two[j].art.Text
			_, eq := wordDiff(one[i].art.Text, one[i].words, text, joinedWords)
			d := dice(eq, len(one[i].words), len(joinedWords))
			if d < NearDice {
				continue
			}
			_, eq1 := wordDiff(one[i].art.Text, one[i].words, text, two[j].words)
			_, eq2 := wordDiff(one[i].art.Text, one[i].words, text, two[j+1].words)
			if eq < eq1+minSplitGain || eq < eq2+minSplitGain {
				continue
			}
			c := candidate{kind: kindOf(d, 0), similarity: d}
			c.score = d * float64(len(one[i].words)+len(joinedWords)) / 2
			if !swapped {
				c.diff, _ = wordDiff(one[i].art.Text, one[i].words, text, joinedWords)
				c.a, c.b = []int{i}, []int{j, j + 1}
				c.aWords, c.bWords = one[i].words, joinedWords
				c.aw, c.bw = [2]int{0, len(one[i].words)}, [2]int{0, len(joinedWords)}
			} else {
				c.diff, _ = wordDiff(text, joinedWords, one[i].art.Text, one[i].words)
				c.a, c.b = []int{j, j + 1}, []int{i}
				c.aWords, c.bWords = joinedWords, one[i].words
				c.aw, c.bw = [2]int{0, len(joinedWords)}, [2]int{0, len(one[i].words)}
			}
			out = append(out, c)
		}
	}
	return out
}

// splitLikely is a cheap test before diffing a split: most of s's content
// words appear in the two halves together, and each half holds at least
// minSplitGain of them that the other lacks.
func splitLikely(s, h1, h2 *sentence) bool {
	in, only1, only2 := 0, 0, 0
	for _, st := range s.stems {
		a, b := hasStem(h1.stems, st), hasStem(h2.stems, st)
		if a || b {
			in++
		}
		if a && !b {
			only1++
		}
		if b && !a {
			only2++
		}
	}
	return only1 >= minSplitGain-1 && only2 >= minSplitGain-1 && float64(in) >= 0.6*float64(len(s.stems))
}

// comparePair decides whether and how two sentences align.
func comparePair(a, b *sentence) (candidate, bool) {
	cos := stemCosine(a.stems, b.stems)
	if cannotAlign(a, b, cos) {
		return candidate{}, false
	}
	return alignSentences(a, b, cos)
}

// cannotAlign reports whether two sentences whose stems have cosine cos
// are sure not to align, without aligning their words. Without a
// paraphrase's share of stems, only sentences close as a whole (dice at
// least NearDice) or a passage of MinPassageContent matched content words
// can be aligned, and the words the two have in common bound both.
func cannotAlign(a, b *sentence, cos float64) bool {
	if cos >= ParaphraseCosine {
		return false
	}
	common, content := commonWords(a.keys, b.keys)
	return content < MinPassageContent && dice(common, len(a.words), len(b.words)) < NearDice
}

// alignSentences is comparePair past cannotAlign: it aligns the words of
// a and b, whose stems have cosine cos.
func alignSentences(a, b *sentence, cos float64) (candidate, bool) {
	na, nb := len(a.words), len(b.words)
	l := localAlign(a, b)
	edgeA := l.a0 + (na - l.a1)
	edgeB := l.b0 + (nb - l.b1)
	whole := l.content >= 1 && edgeA <= edgeSlack+na/4 && edgeB <= edgeSlack+nb/4
	c := candidate{}
	switch {
	case whole || (l.content < MinPassageContent && cos >= ParaphraseCosine && 2*min(na, nb) >= max(na, nb)):
		c.aWords, c.bWords = a.words, b.words
		c.aw, c.bw = [2]int{0, na}, [2]int{0, nb}
	case l.content >= MinPassageContent && l.common >= MinCommonContent && min(l.a1-l.a0, l.b1-l.b0) >= MinPassageWords:
		c.aWords, c.bWords = a.words[l.a0:l.a1], b.words[l.b0:l.b1]
		c.aw, c.bw = [2]int{l.a0, l.a1}, [2]int{l.b0, l.b1}
	default:
		return c, false
	}
	ops, eq := wordDiff(a.art.Text, c.aWords, b.art.Text, c.bWords)
	d := dice(eq, len(c.aWords), len(c.bWords))
	if len(c.aWords) != na || len(c.bWords) != nb {
		// A passage must itself be close.
		if d < NearDice {
			return c, false
		}
		cos = d
	}
	c.kind = kindOf(d, cos)
	if c.kind == "" {
		return c, false
	}
	c.similarity = d
	if c.kind == AlignParaphrase {
		c.similarity = cos
	}
	c.diff = ops
	c.score = c.similarity * float64(len(c.aWords)+len(c.bWords)) / 2
	return c, true
}

func kindOf(d, cos float64) AlignKind {
	switch {
	case d >= 1:
		return AlignVerbatim
	case d >= NearDice:
		return AlignNear
	case cos >= ParaphraseCosine:
		return AlignParaphrase
	}
	return ""
}

// articleSentences returns the article's numbers of the sentences of ss
// at idx: ss leaves out sentences too long to align.
func articleSentences(ss []sentence, idx []int) []int {
	out := make([]int, len(idx))
	for k, i := range idx {
		out[k] = ss[i].index
	}
	return out
}

// passageRef describes the aligned passage of one side, sents being the
// article's numbers of its sentences and ws its words; whole, for one
// sentence, says that ws are all the sentence's words, and the passage is
// then the whole sentence, punctuation included.
func passageRef(a *corpus.Article, sents []int, ws []word, whole bool) SentenceRef {
	r := SentenceRef{Article: a.ID, Outlet: a.Outlet, Sentence: sents[0]}
	if len(ws) > 0 {
		r.Start, r.End = ws[0].Start, ws[len(ws)-1].End
		if len(sents) == 1 {
			if whole {
				sp := a.Sentences[sents[0]]
				r.Start, r.End = sp.Start, sp.End
			}
		} else {
			r.Start, r.End = a.Sentences[sents[0]].Start, a.Sentences[sents[len(sents)-1]].End
		}
		r.Text = a.Text[r.Start:r.End]
	}
	if len(sents) > 1 {
		r.Sentences = sents
	}
	return r
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// Large events. An event of at most AlignAllPairsMax articles has every
// pair of articles aligned. A larger one (a wire story reprinted by many
// outlets) is first split into groups of near-identical texts: articles
// whose word 4-gram sets have an estimated Jaccard similarity of at least
// CopyJaccard join the group of the first such article, its
// representative. A copy is aligned with its representative only, and
// only representatives are aligned with each other, at most MaxAlignGroups
// of them (those with the most copies, then the first): the cost is linear
// in the event's articles plus a bounded number of pairs. What was left
// out is said in a note (Result.Warnings).
const (
	AlignAllPairsMax = 24
	MaxAlignGroups   = 40
	CopyJaccard      = 0.7
	copyShingle      = 4
	copyBands        = 32
	copyRows         = minhashSize / copyBands
	// copyBucketReps bounds the representatives one LSH bucket keeps, so
	// that an article is checked against a bounded number of them.
	copyBucketReps = 8
)

// copyGroups returns, for each article, the index of its group's
// representative (its own index when it heads a group). Articles are taken
// in order, so the result depends only on the order and texts. all[i],
// when all is not nil, is words(arts[i].Text). It returns nil when ctx is
// done.
func copyGroups(ctx context.Context, arts []*corpus.Article, all [][]word) []int {
	rep := make([]int, len(arts))
	sigs := make([][minhashSize]uint64, len(arts))
	buckets := map[[2]uint64][]int{}
	var grams []uint64
	for i, a := range arts {
		if i%16 == 0 && ctx.Err() != nil {
			return nil
		}
		rep[i] = i
		var ws []word
		if all != nil && all[i] != nil {
			ws = all[i]
		} else {
			ws = words(a.Text)
		}
		grams = grams[:0]
		for p := 0; p+copyShingle <= len(ws); p++ {
			grams = append(grams, gramHash(ws[p:p+copyShingle]))
		}
		if len(grams) == 0 {
			continue // too short to call a copy of anything
		}
		slices.Sort(grams)
		sigs[i] = signature(slices.Compact(grams))
		var keys [copyBands][2]uint64
		best, bestSame := -1, 0
		for b := range copyBands {
			h := uint64(b)
			for _, v := range sigs[i][b*copyRows : (b+1)*copyRows] {
				h = mix64(h ^ v)
			}
			keys[b] = [2]uint64{uint64(b), h}
			for _, r := range buckets[keys[b]] {
				same := 0
				for k := range sigs[i] {
					if sigs[i][k] == sigs[r][k] {
						same++
					}
				}
				if same > bestSame || same == bestSame && r < best {
					best, bestSame = r, same
				}
			}
		}
		if best >= 0 && float64(bestSame) >= CopyJaccard*minhashSize {
			rep[i] = best
			continue
		}
		for _, k := range keys {
			if len(buckets[k]) < copyBucketReps {
				buckets[k] = append(buckets[k], i)
			}
		}
	}
	return rep
}

// alignedGroups returns the representatives aligned in a large event, in
// order, and the event's notes about what was left out.
func alignedGroups(eventID string, rep []int) (chosen []int, notes []string) {
	size := make([]int, len(rep))
	var reps []int
	for i, r := range rep {
		size[r]++
		if r == i {
			reps = append(reps, i)
		}
	}
	if copies := len(rep) - len(reps); copies > 0 {
		notes = append(notes, fmt.Sprintf("event %s: %d of its %d articles are near-identical copies of others (%d distinct texts); a copy is aligned with the first article of its text only", eventID, copies, len(rep), len(reps)))
	}
	chosen = reps
	if len(reps) > MaxAlignGroups {
		chosen = slices.Clone(reps)
		slices.SortStableFunc(chosen, func(a, b int) int { return size[b] - size[a] })
		chosen = chosen[:MaxAlignGroups]
		slices.Sort(chosen)
		left := 0
		for _, r := range reps[:] {
			if _, ok := slices.BinarySearch(chosen, r); !ok {
				left += size[r]
			}
		}
		notes = append(notes, fmt.Sprintf("event %s: %d distinct texts, over the %d aligned in one event; the %d most reprinted are aligned, %d articles are not", eventID, len(reps), MaxAlignGroups, MaxAlignGroups, left))
	}
	return chosen, notes
}

// copyGap is the most sentences on either side between two identical
// sentences of a copy and its original that are compared all with all;
// longer stretches are compared in order, one with one.
const copyGap = 4

// alignCopy aligns y, a near-identical copy, with x, its group's
// representative, without comparing every sentence with every other:
// sentences with the same words are paired in order, and those left
// between two such pairs are compared with each other. The result is what
// alignPair finds when the copy differs in a few words per sentence.
func alignCopy(eventID string, x, y []sentence) []Alignment {
	if len(x) == 0 || len(y) == 0 {
		return nil
	}
	pos := map[uint64][]int{}
	for i := range x {
		k := gramHash(x[i].words)
		pos[k] = append(pos[k], i)
	}
	var cands []candidate
	add := func(i, j int) {
		if c, ok := comparePair(&x[i], &y[j]); ok {
			c.a, c.b = []int{i}, []int{j}
			cands = append(cands, c)
		}
	}
	gap := func(i0, i1, j0, j1 int) {
		if i1-i0 > copyGap || j1-j0 > copyGap {
			for k := 0; i0+k < i1 && j0+k < j1; k++ {
				add(i0+k, j0+k)
			}
			return
		}
		for i := i0; i < i1; i++ {
			for j := j0; j < j1; j++ {
				add(i, j)
			}
		}
	}
	lastI, lastJ := -1, -1
	for j := range y {
		ps := pos[gramHash(y[j].words)]
		k, _ := slices.BinarySearch(ps, lastI+1)
		if k == len(ps) {
			continue
		}
		i := ps[k]
		gap(lastI+1, i, lastJ+1, j)
		add(i, j)
		lastI, lastJ = i, j
	}
	gap(lastI+1, len(x), lastJ+1, len(y))
	return chooseCandidates(eventID, x, y, cands)
}

// alignEvent aligns the articles of one event, in id order: every pair
// when the event has at most AlignAllPairsMax articles. A larger event is
// aligned through its groups of copies (see copyGroups): each copy with its
// group's representative (alignCopy), and the representatives chosen by
// alignedGroups pairwise, with notes saying so. It stops early, returning
// what it has, when ctx is done; the caller reports ctx's error. all[i],
// when all is not nil, is words(arts[i].Text), so that it is not made again;
// copies, when not nil, is copyGroups' result for a larger event, so that
// it is not computed again.
func alignEvent(ctx context.Context, eventID string, arts []*corpus.Article, all [][]word, copies []int) ([]Alignment, []string) {
	var out []Alignment
	// An article of n bytes has about n/6 words, a few thousand distinct.
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	v := newVocab(min(size/6/4, 1<<16))
	defer v.release()
	wordsOf := func(i int) []word {
		if all == nil {
			return nil
		}
		return all[i]
	}
	if len(arts) <= AlignAllPairsMax {
		sents := make([][]sentence, len(arts))
		for i, a := range arts {
			sents[i] = prepareSentences(a, wordsOf(i), v)
		}
		for i := range arts {
			for j := i + 1; j < len(arts); j++ {
				if ctx.Err() != nil {
					return out, nil
				}
				out = append(out, alignPair(eventID, sents[i], sents[j])...)
			}
		}
		return out, nil
	}
	rep := copies
	if rep == nil {
		if rep = copyGroups(ctx, arts, all); rep == nil {
			return nil, nil
		}
	}
	chosen, notes := alignedGroups(eventID, rep)
	var pairs [][2]int
	for j, r := range rep {
		if r != j {
			pairs = append(pairs, [2]int{r, j})
		}
	}
	for k, i := range chosen {
		for _, j := range chosen[k+1:] {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	slices.SortFunc(pairs, func(p, q [2]int) int { return cmp.Or(p[0]-q[0], p[1]-q[1]) })
	// Representatives' sentences are kept; a copy's are prepared for its
	// one pair and dropped.
	repSents := map[int][]sentence{}
	sentencesOf := func(i int) []sentence {
		if rep[i] != i {
			return prepareSentences(arts[i], wordsOf(i), v)
		}
		ss, ok := repSents[i]
		if !ok {
			ss = prepareSentences(arts[i], wordsOf(i), v)
			repSents[i] = ss
		}
		return ss
	}
	for _, p := range pairs {
		if ctx.Err() != nil {
			return out, notes
		}
		x, y := sentencesOf(p[0]), sentencesOf(p[1])
		if rep[p[1]] == p[0] {
			out = append(out, alignCopy(eventID, x, y)...)
		} else {
			out = append(out, alignPair(eventID, x, y)...)
		}
	}
	return out, notes
}
