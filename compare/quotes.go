package compare

import (
	"sort"
	"strings"
	"sync"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// quote is a direct quotation found in one article before it is compared.
type quote struct {
	Quote
	parts [][2]int // content spans: more than one for an interrupted quote
	// runs are the quotation's words, one run of word indexes [from, to)
	// into the words of its article's text per part; words holds them
	// while its event is compared (see wordsIn).
	runs      [][2]int32
	words     []word
	primary   bool
	published corpus.Date
}

var pronouns = sync.OnceValue(func() map[string]bool { return loadSet("data/pronouns.txt") })

// extractQuotes returns the direct quotations of a with their speakers and
// attribution verbs. Scare quotes (one to three words used as a term) are
// not direct quotations; a quotation interrupted by its attribution
// ("…," he said, "…") is one, as is one that runs into the next paragraph.
func extractQuotes(g *Entities, a *corpus.Article, ws []word, ms []mention) []quote {
	return extractQuotesSeen(g, a, ws, ms, nil)
}

// extractQuotesSeen is extractQuotes given lowerSeen, the word set
// mentionsSeen returned with ms (nil to make it again).
func extractQuotesSeen(g *Entities, a *corpus.Article, ws []word, ms []mention, lowerSeen wordSet) []quote {
	qs := framing.FindQuotations(a.Text)
	var quoted [][2]int
	for _, q := range qs {
		if q.Depth == 0 && !q.Headline && (len(quoted) == 0 || q.Open >= quoted[len(quoted)-1][1]) {
			quoted = append(quoted, [2]int{q.Open, max(q.Close, q.End)})
		}
	}
	tr := newSpeakerTracker(g, a, ws, ms, quoted, lowerSeen)
	var out []quote
	for k := 0; k < len(qs); k++ {
		q := qs[k]
		if q.Scare || q.Depth > 0 || q.End <= q.Start {
			continue
		}
		cur := quote{parts: [][2]int{{q.Start, q.End}}}
		cur.Start, cur.End = q.Start, q.End
		openAt, closeAt := q.Open, q.Close
		// A continued paragraph, or a second part after a short attribution,
		// belongs to the same quotation.
		for k+1 < len(qs) {
			n := qs[k+1]
			if n.Depth > 0 {
				k++
				continue
			}
			if n.Scare {
				break
			}
			gap := a.Text[min(closeAt+1, len(a.Text)):max(n.Open, min(closeAt+1, len(a.Text)))]
			if n.Continued || isInterruption(gap) {
				cur.parts = append(cur.parts, [2]int{n.Start, n.End})
				cur.End = n.End
				closeAt = n.Close
				k++
				continue
			}
			break
		}
		var texts []string
		for _, p := range cur.parts {
			t := strings.TrimSpace(a.Text[p[0]:p[1]])
			t = strings.TrimRight(t, ",")
			texts = append(texts, t)
		}
		cur.Text = strings.Join(texts, " ")
		cur.Article, cur.Outlet = a.ID, a.Outlet
		cur.primary, cur.published = a.Primary(), a.Published
		cur.Sentence = sentenceAt(a, cur.Start)
		// Words are in text order: a part's are a run of ws, found by
		// binary search rather than by scanning the article for every
		// quotation.
		n := 0
		for _, p := range cur.parts {
			k := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= p[0] })
			e := k + sort.Search(len(ws)-k, func(j int) bool { return ws[k+j].End > p[1] })
			cur.runs = append(cur.runs, [2]int32{int32(k), int32(e)})
			n += e - k
		}
		if n == 0 {
			continue
		}
		switch {
		case q.Headline:
			cur.Headline = true
			cur.Speaker = resolveName(g, a.Text, ws, ms, q.Open, q.Start)
		case q.Transcript:
			cur.Speaker = tr.transcriptSpeaker(q.Open, q.Start)
			tr.prev, tr.prevClose, tr.hasPrev = attribution{speaker: cur.Speaker}, q.End, true
		default:
			at := tr.attribute(openAt, closeAt, cur.parts)
			cur.Speaker, cur.Verb = at.speaker, at.verb
		}
		out = append(out, cur)
	}
	return out
}

// wordsIn returns the quotation's words, ws being the words of its
// article's text.
func (q *quote) wordsIn(ws []word) []word {
	n := 0
	for _, r := range q.runs {
		n += int(r[1] - r[0])
	}
	out := make([]word, 0, n)
	for _, r := range q.runs {
		out = append(out, ws[r[0]:r[1]]...)
	}
	return out
}

// isInterruption reports whether gap, the text between two quotations, is
// only an attribution such as ", he said, " or ", Putin added".
func isInterruption(gap string) bool {
	// Most gaps are running text: rule them out before making tokens.
	if strings.ContainsAny(gap, ".!?:\n") {
		return false
	}
	ws := words(gap)
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	// ", he said, adding that": a second verb opens a second quotation, as
	// does a clause after "that" (", adding that it's why Trump").
	verbs := 0
	for k, w := range ws {
		if isSpeechVerb(w.Lower) {
			verbs++
		}
		if w.Lower == "that" && k < len(ws)-1 {
			return false
		}
	}
	return verbs == 1
}

// sentenceAt returns the index of the sentence holding byte offset off.
func sentenceAt(a *corpus.Article, off int) int {
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > off })
	if i == len(a.Sentences) {
		return max(0, len(a.Sentences)-1)
	}
	return i
}

// sentenceBounds returns the span of the sentence holding off, or the whole
// text when the article has no sentences.
func sentenceBounds(a *corpus.Article, off int) (int, int) {
	if len(a.Sentences) == 0 {
		return 0, len(a.Text)
	}
	s := a.Sentences[sentenceAt(a, off)]
	return s.Start, s.End
}

// wordsIn returns the words of ws inside [start, end).
func wordsIn(ws []word, start, end int) []word {
	i := sort.Search(len(ws), func(i int) bool { return ws[i].Start >= start })
	j := i
	for j < len(ws) && ws[j].End <= end {
		j++
	}
	return ws[i:j]
}

// nounPhrase returns a speaker that is not a person ("the communique",
// "a joint statement") as its words without the article, or "" when the
// words are not such a phrase.
func nounPhrase(ws []word) string {
	for len(ws) > 0 && (ws[0].Lower == "the" || ws[0].Lower == "a" || ws[0].Lower == "an" || ws[0].Lower == "but" || ws[0].Lower == "and") {
		ws = ws[1:]
	}
	if len(ws) == 0 || len(ws) > 3 {
		return ""
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		if isStop(w.Lower) || attributionVerbs()[w.Lower] {
			return ""
		}
		parts[i] = w.Lower
	}
	return strings.Join(parts, " ")
}

func nextQuoteStart(text string, from, to int) int {
	i := strings.IndexAny(text[from:to], "\"“«„「")
	if i < 0 {
		return -1
	}
	return from + i
}

// roleWords are nouns for people's positions: a description ending in one
// ("the Turkish president") can be resolved to a person, and a name right
// after one ("presidential adviser Kemal Bakr") is a person's.
var roleWords = loadSet("data/rolewords.txt")

func isRoleWord(w string) bool { return roleWords[w] }

// resolveName names the speaker a phrase [start,end) refers to: a name it
// contains, a role ("the Russian leader") or a pronoun resolved to the last
// matching person named before it, or an unknown capitalised name as
// written. It returns "" when the phrase refers to no one.
func resolveName(g *Entities, text string, ws []word, ms []mention, start, end int) string {
	for _, m := range ms {
		if m.Kind == kindPerson && m.Start >= start && m.End <= end {
			return m.Key
		}
	}
	phrase := wordsIn(ws, start, end)
	if len(phrase) == 0 {
		return ""
	}
	for k, w := range phrase {
		if pronouns()[w.Lower] && k == len(phrase)-1 {
			if w.Lower == "we" || w.Lower == "they" {
				return ""
			}
			return lastPerson(g, ms, start, "")
		}
	}
	// Roles: longest suffix of the phrase that the data knows.
	for k := 0; k < len(phrase); k++ {
		key := phraseKey(phrase[k:])
		if p, ok := g.roles[key]; ok {
			return p
		}
	}
	last := phrase[len(phrase)-1].Lower
	if isRoleWord(last) {
		var qualifier string
		if len(phrase) >= 2 && phrase[len(phrase)-2].Lower != "the" {
			qualifier = phrase[len(phrase)-2].Lower
		}
		if p := lastPerson(g, ms, start, strings.TrimSpace(qualifier+" "+last)); p != "" {
			return p
		}
		return strings.TrimSpace(qualifier + " " + last)
	}
	// An organisation or an unknown name.
	for _, m := range ms {
		if m.Start >= start && m.End <= end && m.Kind == kindOther {
			return m.Key
		}
	}
	return ""
}

// lastPerson returns the last person named before off whose roles contain
// role (any person when role is empty).
func lastPerson(g *Entities, ms []mention, off int, role string) string {
	fallback := ""
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Kind != kindPerson || m.Start >= off {
			continue
		}
		if role == "" {
			return m.Key
		}
		for _, r := range g.roleOf[m.Key] {
			if strings.Contains(r, role) {
				return m.Key
			}
		}
		if fallback == "" && !strings.Contains(role, " ") {
			fallback = m.Key
		}
	}
	return fallback
}

// quoteSpans finds the quotation holding a span by binary search over the
// quotations' parts, for loops over every word or hit of an article: a
// long article can hold thousands of quotations.
type quoteSpans struct {
	qs     []quote
	parts  []quotePart // by start
	linear bool        // parts overlap: fall back to quoteIn
}

type quotePart struct{ start, end, q int }

func newQuoteSpans(qs []quote) quoteSpans {
	x := quoteSpans{qs: qs}
	for i := range qs {
		for _, p := range qs[i].parts {
			x.parts = append(x.parts, quotePart{p[0], p[1], i})
		}
	}
	sort.Slice(x.parts, func(a, b int) bool {
		if x.parts[a].start != x.parts[b].start {
			return x.parts[a].start < x.parts[b].start
		}
		return x.parts[a].q < x.parts[b].q
	})
	for k := 1; k < len(x.parts); k++ {
		if x.parts[k].start < x.parts[k-1].end {
			x.linear = true
		}
	}
	return x
}

// in returns the quote whose words contain [start,end), or nil, as quoteIn.
func (x quoteSpans) in(start, end int) *quote {
	if x.linear {
		return quoteIn(x.qs, start, end)
	}
	k := sort.Search(len(x.parts), func(k int) bool { return x.parts[k].start > start }) - 1
	if k >= 0 && end <= x.parts[k].end {
		return &x.qs[x.parts[k].q]
	}
	return nil
}

// quoteIn returns the quote whose words contain [start,end), or nil.
func quoteIn(qs []quote, start, end int) *quote {
	for i := range qs {
		for _, p := range qs[i].parts {
			if start >= p[0] && end <= p[1] {
				return &qs[i]
			}
		}
	}
	return nil
}
