package compare

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/framediff/framediff/corpus"
)

// Quote grouping thresholds: two quotations from different articles are one
// quotation when SameQuoteContainment of the shorter one's words appear in
// order in the longer, or their word Dice is at least SameQuoteDice.
// A sentence reports a quotation in reported speech when the cosine of
// their content stems is at least ParaphraseCosine.
const (
	SameQuoteContainment = 0.8
	SameQuoteDice        = 0.5
)

// groupQuotes numbers the quotations of one event, joins the versions of
// the same quotation across articles and grades each against its group's
// reference version. all, when not nil, holds words(arts[k].Text) for
// each article, so that its sentences are not tokenised again.
func groupQuotes(ev Event, arts []*corpus.Article, all [][]word, qs []quote) ([]Quote, []QuoteGroup) {
	perArticle := map[string]int{}
	for i := range qs {
		perArticle[qs[i].Article]++
		qs[i].ID = fmt.Sprintf("%s#q%d", qs[i].Article, perArticle[qs[i].Article])
		qs[i].Fidelity = FidelityUnique
	}
	// Union-find over matching pairs from different articles.
	sets := newUnionFind(len(qs))
	// Quotations with the same words are joined by their text, and only
	// the first of each text is compared with the others: a wire story
	// reprinted many times repeats its quotations word for word, and
	// comparing every copy with every other would cost their number
	// squared. A text found in one article only is not joined with a text
	// of that same article.
	type text struct {
		first   int
		article string
		several bool // found in more than one article
	}
	var texts []*text
	byText := map[string]*text{}
	var key strings.Builder
	for i := range qs {
		key.Reset()
		for _, w := range qs[i].words {
			key.WriteString(w.Lower)
			key.WriteByte(0)
		}
		t, ok := byText[key.String()]
		if !ok {
			t = &text{first: i, article: qs[i].Article}
			byText[key.String()] = t
			texts = append(texts, t)
			continue
		}
		sets.union(t.first, i)
		t.several = t.several || qs[i].Article != t.article
	}
	v := newVocab(0)
	defer v.release()
	stems := make([][]int32, len(texts))
	for k, t := range texts {
		stems[k] = v.cache.stemSet(headWords(qs[t.first].words))
	}
	for k, a := range texts {
		for l := k + 1; l < len(texts); l++ {
			b := texts[l]
			i, j := a.first, b.first
			if !a.several && !b.several && a.article == b.article || sets.find(i) == sets.find(j) || !mayBeSame(stems[k], stems[l]) || !sameQuote(&qs[i], &qs[j]) {
				continue
			}
			sets.union(i, j)
		}
	}
	members := map[int][]int{}
	var roots []int
	for i := range qs {
		r := sets.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	var groups []QuoteGroup
	for _, r := range roots {
		m := members[r]
		arts := map[string]bool{}
		for _, i := range m {
			arts[qs[i].Article] = true
		}
		if len(arts) < 2 {
			continue
		}
		ref := m[0]
		for _, i := range m[1:] {
			if earlier(&qs[i], &qs[ref]) {
				ref = i
			}
		}
		groups = append(groups, buildGroup(ev, qs, m, ref))
	}
	// Outlets without a version: reported speech or absent.
	prepared := map[string][]sentence{}
	for gi := range groups {
		g := &groups[gi]
		has := map[string]bool{}
		for _, v := range g.Versions {
			has[v.Article] = true
		}
		refStems := v.stemSet(words(g.Text))
		for k, a := range arts {
			if has[a.ID] {
				continue
			}
			ss, ok := prepared[a.ID]
			if !ok {
				var ws []word
				if all != nil {
					ws = all[k]
				}
				ss = prepareSentences(a, ws, v)
				prepared[a.ID] = ss
			}
			v := QuoteVersion{Outlet: a.Outlet, Article: a.ID, Fidelity: FidelityAbsent}
			best := 0.0
			for _, s := range ss {
				if c := stemCosine(refStems, s.stems); c >= ParaphraseCosine && c > best {
					best = c
					v.Fidelity, v.Sentence = FidelityReported, s.index
				}
			}
			if v.Fidelity == FidelityAbsent {
				v.Article = ""
			}
			g.Versions = append(g.Versions, v)
		}
		slices.SortFunc(g.Versions, func(a, b QuoteVersion) int {
			if c := strings.Compare(a.Outlet, b.Outlet); c != 0 {
				return c
			}
			if c := strings.Compare(a.Article, b.Article); c != 0 {
				return c
			}
			return strings.Compare(a.Quote, b.Quote)
		})
	}
	out := make([]Quote, len(qs))
	for i := range qs {
		out[i] = qs[i].Quote
	}
	return out, groups
}

// earlier reports whether quotation a's version should be the reference
// rather than b's: a primary source first, then the earlier dated article,
// then the smaller article id, then the earlier quotation.
func earlier(a, b *quote) bool {
	if a.primary != b.primary {
		return a.primary
	}
	da, db := a.published, b.published
	if !da.IsZero() && !db.IsZero() && !da.Time.Equal(db.Time) {
		return da.Time.Before(db.Time)
	}
	if da.IsZero() != db.IsZero() {
		return !da.IsZero()
	}
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	return a.Start < b.Start
}

// mayBeSame is a cheap test before diffing two quotations: they share at
// least a third of the smaller one's content stems, a and b being their
// sorted sets of stem numbers (stemCache.stemSet).
func mayBeSame(a, b []int32) bool {
	return 3*sharedStems(a, b) >= min(len(a), len(b))
}

// maxQuoteCompare bounds the words of a quotation compared with another.
const maxQuoteCompare = 300

func headWords(ws []word) []word { return ws[:min(len(ws), maxQuoteCompare)] }

func sameQuote(a, b *quote) bool {
	aw, bw := headWords(a.words), headWords(b.words)
	la, lb := len(aw), len(bw)
	if la == 0 || lb == 0 {
		return false
	}
	_, eq := wordDiff("", stripOffsets(aw), "", stripOffsets(bw))
	if min(la, lb) >= 3 && float64(eq) >= SameQuoteContainment*float64(min(la, lb)) {
		return true
	}
	return dice(eq, la, lb) >= SameQuoteDice
}

// stripOffsets returns ws with empty spans, for diffs whose text is unused.
func stripOffsets(ws []word) []word {
	out := make([]word, len(ws))
	for i, w := range ws {
		out[i] = word{Text: w.Text, Lower: w.Lower}
	}
	return out
}

func buildGroup(ev Event, qs []quote, m []int, ref int) QuoteGroup {
	r := &qs[ref]
	g := QuoteGroup{Event: ev.ID, Text: r.Text}
	g.ID = fmt.Sprintf("q-%012x", fnv64(ev.ID+"\x00"+strings.ToLower(r.Text))>>16)
	speakers := map[string]int{}
	for _, i := range m {
		q := &qs[i]
		q.Group = g.ID
		if q.Speaker != "" {
			speakers[q.Speaker]++
		}
		if i == ref {
			q.Fidelity = FidelityVerbatim
		} else {
			q.Fidelity = fidelity(r.words, q.words)
		}
		g.Versions = append(g.Versions, QuoteVersion{Outlet: q.Outlet, Article: q.Article, Sentence: q.Sentence, Fidelity: q.Fidelity, Quote: q.ID})
	}
	// A named speaker beats a description ("union leader") that one outlet
	// left unresolved; the description then takes the name.
	best := 0
	for s, n := range speakers {
		if isCapitalised(s) {
			n += len(m)
		}
		if n > best || (n == best && s < g.Speaker) {
			g.Speaker, best = s, n
		}
	}
	if isCapitalised(g.Speaker) {
		for _, i := range m {
			if q := &qs[i]; !isCapitalised(q.Speaker) {
				q.Speaker = g.Speaker
			}
		}
	}
	return g
}

// fidelity grades version v against reference ref.
func fidelity(ref, v []word) Fidelity {
	ref, v = headWords(ref), headWords(v)
	_, eq := wordDiff("", stripOffsets(ref), "", stripOffsets(v))
	lr, lv := len(ref), len(v)
	switch {
	case eq == lr && eq == lv:
		return FidelityVerbatim
	case lv < lr && float64(eq) >= 0.9*float64(lv):
		return FidelityTrimmed
	case lv > lr && float64(eq) >= 0.9*float64(lr):
		return FidelityExtended
	}
	return FidelityParaphrased
}

// voiceShare counts the quoted words each speaker gets per event and
// outlet; subheadings are the outlet's summary, not quoted words.
func voiceShare(qs []Quote) []VoiceShare {
	type key struct{ event, outlet, speaker string }
	count := map[key]int{}
	total := map[[2]string]int{}
	for _, q := range qs {
		if q.Headline {
			continue
		}
		sp := q.Speaker
		if sp == "" {
			sp = "unattributed"
		}
		n := wordCount(q.Text)
		count[key{q.Event, q.Outlet, sp}] += n
		total[[2]string{q.Event, q.Outlet}] += n
	}
	out := make([]VoiceShare, 0, len(count))
	for k, n := range count {
		t := total[[2]string{k.event, k.outlet}]
		if t == 0 {
			continue
		}
		out = append(out, VoiceShare{Event: k.event, Outlet: k.outlet, Speaker: k.speaker, Words: n, Share: math.Round(float64(n)/float64(t)*1000) / 1000})
	}
	slices.SortFunc(out, func(a, b VoiceShare) int {
		if c := strings.Compare(a.Event, b.Event); c != 0 {
			return c
		}
		if c := strings.Compare(a.Outlet, b.Outlet); c != 0 {
			return c
		}
		if a.Words != b.Words {
			return b.Words - a.Words
		}
		return strings.Compare(a.Speaker, b.Speaker)
	})
	return out
}
