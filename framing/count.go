package framing

import (
	"cmp"
	"slices"

	"github.com/framediff/framediff/corpus"
)

type countKey struct {
	event, outlet, article, axis, pole, term string
	voice                                    Voice
}

// CountHits counts hits per outlet by axis, pole, term and voice, over the
// whole corpus (Event "") and, when eventOf (article id → event id) is
// non-nil, per outlet within each event. Per1000Words is the count per
// 1,000 words of all the outlet's articles in that scope, so an outlet
// that never uses a term gets no row but still counts in no one else's
// rate. Rows are sorted by event, outlet, axis, pole, term and voice.
//
// Hits are tied to articles by id; when two articles share an id, their
// hits are counted once, under the first. An article's words are its Words
// field, or its tokens when Words is 0.
func CountHits(articles []corpus.Article, hits []Hit, eventOf map[string]string) []Count {
	return countHits(articles, hits, eventOf, false)
}

// CountArticles counts hits per article, by axis, pole, term and voice.
// Article and Outlet are set, Event is set when eventOf names the
// article's event, and Per1000Words is per 1,000 words of that article.
// Rows are sorted by article id, then as in CountHits.
func CountArticles(articles []corpus.Article, hits []Hit, eventOf map[string]string) []Count {
	return countHits(articles, hits, eventOf, true)
}

func countHits(articles []corpus.Article, hits []Hit, eventOf map[string]string, perArticle bool) []Count {
	byID := map[string]*corpus.Article{}
	words := map[countKey]int{} // scope (event, outlet, article) → words
	for i := range articles {
		a := &articles[i]
		if _, dup := byID[a.ID]; dup {
			continue
		}
		byID[a.ID] = a
		n := articleWords(a)
		for _, s := range scopesOf(a, eventOf, perArticle) {
			words[s] += n
		}
	}
	counts := map[countKey]*Count{}
	for _, h := range hits {
		a, ok := byID[h.Article]
		if !ok {
			continue
		}
		for _, s := range scopesOf(a, eventOf, perArticle) {
			k := s
			k.axis, k.pole, k.term, k.voice = h.Axis, h.Pole, h.Term, h.Voice
			c := counts[k]
			if c == nil {
				c = &Count{Event: s.event, Outlet: s.outlet, Article: s.article, Axis: h.Axis, Pole: h.Pole, Term: h.Term, Voice: h.Voice, Words: words[s]}
				counts[k] = c
			}
			c.Count++
			if h.ScareQuoted {
				c.ScareQuoted++
			}
			if h.Distanced {
				c.Distanced++
			}
		}
	}
	out := make([]Count, 0, len(counts))
	for _, c := range counts {
		c.Per1000Words = per1000(c.Count, c.Words)
		out = append(out, *c)
	}
	sortCounts(out)
	return out
}

// scopesOf lists the count scopes an article belongs to.
func scopesOf(a *corpus.Article, eventOf map[string]string, perArticle bool) []countKey {
	ev := ""
	if eventOf != nil {
		ev = eventOf[a.ID]
	}
	if perArticle {
		return []countKey{{event: ev, outlet: a.Outlet, article: a.ID}}
	}
	scopes := []countKey{{outlet: a.Outlet}}
	if ev != "" {
		scopes = append(scopes, countKey{event: ev, outlet: a.Outlet})
	}
	return scopes
}

func articleWords(a *corpus.Article) int {
	if a.Words > 0 {
		return a.Words
	}
	n := 0
	scanWords(a.Text, func(int, int) { n++ })
	return n
}

func per1000(count, words int) float64 {
	if words == 0 {
		return 0
	}
	return float64(count) * 1000 / float64(words)
}

func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		return cmp.Or(
			cmp.Compare(a.Article, b.Article),
			cmp.Compare(a.Event, b.Event),
			cmp.Compare(a.Outlet, b.Outlet),
			cmp.Compare(a.Axis, b.Axis),
			cmp.Compare(a.Pole, b.Pole),
			cmp.Compare(a.Term, b.Term),
			cmp.Compare(a.Voice, b.Voice),
		)
	})
}

// PoleTotals sums counts over the terms of each pole: one row per scope,
// axis, pole and voice, with Term empty. Rows are sorted as in CountHits.
func PoleTotals(counts []Count) []Count {
	type key struct {
		event, outlet, article, axis, pole string
		voice                              Voice
	}
	sums := map[key]*Count{}
	for _, c := range counts {
		k := key{c.Event, c.Outlet, c.Article, c.Axis, c.Pole, c.Voice}
		s := sums[k]
		if s == nil {
			s = &Count{Event: c.Event, Outlet: c.Outlet, Article: c.Article, Axis: c.Axis, Pole: c.Pole, Voice: c.Voice, Words: c.Words}
			sums[k] = s
		}
		s.Count += c.Count
		s.ScareQuoted += c.ScareQuoted
		s.Distanced += c.Distanced
	}
	out := make([]Count, 0, len(sums))
	for _, s := range sums {
		s.Per1000Words = per1000(s.Count, s.Words)
		out = append(out, *s)
	}
	sortCounts(out)
	return out
}
