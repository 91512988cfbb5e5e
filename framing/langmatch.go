package framing

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/russian"

	"github.com/framediff/framediff/corpus"
)

// langKey is word w's match key in language code: lower-cased (with
// Turkish casing for Turkish), invisible format characters (the
// zero-width non-joiner, direction marks) and Arabic short vowels and
// tatweel dropped, and Arabic-script letter variants folded, so that
// spelling variants share a key.
func langKey(code, w string) string {
	if code == "tr" || code == "az" {
		w = strings.ToLowerSpecial(unicode.TurkishCase, w)
	}
	var b []byte
	for _, r := range w {
		switch {
		case isApostrophe(r):
			r = '\''
		case unicode.Is(unicode.Cf, r), r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640:
			continue
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ى', 'ي':
			r = 'ی'
		case 'ك':
			r = 'ک'
		case 'ة':
			r = 'ه'
		case 'ё':
			r = 'е'
		default:
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// analyzer reduces a language's words to the forms terms are matched by.
type analyzer struct {
	code     string
	stemming string
	minStem  int
	prefixes []string // folded, longest first
	suffixes []string // folded, longest first
	termSuf  []string // folded, longest first
}

func newAnalyzer(l *Language) *analyzer {
	an := &analyzer{code: l.Code, stemming: l.Stemming, minStem: l.MinStem}
	fold := func(list []string) []string {
		var out []string
		for _, a := range list {
			if k := langKey(l.Code, strings.TrimSpace(a)); k != "" && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
		slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
		return out
	}
	an.prefixes, an.suffixes, an.termSuf = fold(l.Prefixes), fold(l.Suffixes), fold(l.TermSuffixes)
	return an
}

// termKey is the key a term word must be matched by.
func (an *analyzer) termKey(w string) string {
	k := langKey(an.code, w)
	if an.stemming == "snowball" {
		k = snowballFix(k)
	}
	for _, s := range an.termSuf {
		if rest, ok := strings.CutSuffix(k, s); ok && utf8.RuneCountInString(rest) >= an.minStem {
			return rest
		}
	}
	return k
}

// snowballFix stems w with the Russian Snowball stemmer until it no longer
// changes: one pass leaves "режима" as "режим" but takes "режим" to "реж".
func snowballFix(w string) string {
	for range 4 {
		s := russian.Stem(w, false)
		if s == w {
			break
		}
		w = s
	}
	return w
}

// forms returns the forms of a word (by its key) that want holds, longest
// first: the key itself, its stem, or (affixes) any form left by stripping
// at most one prefix and any chain of suffixes, keeping MinStem letters.
// A Turkish-style apostrophe ("İdlib'de") also offers the part before it.
func (an *analyzer) forms(key string, want map[string]bool) []string {
	switch an.stemming {
	case "snowball":
		if s := snowballFix(key); want[s] {
			return []string{s}
		}
		return nil
	case "none":
		if want[key] {
			return []string{key}
		}
		return nil
	}
	seen := map[string]bool{}
	var out []string
	var strip func(w string, depth int)
	strip = func(w string, depth int) {
		if seen[w] {
			return
		}
		seen[w] = true
		if want[w] {
			out = append(out, w)
		}
		if depth == 4 {
			return
		}
		for _, s := range an.suffixes {
			if rest, ok := strings.CutSuffix(w, s); ok && utf8.RuneCountInString(rest) >= an.minStem {
				strip(rest, depth+1)
			}
		}
	}
	bases := []string{key}
	if i := strings.IndexByte(key, '\''); i > 0 {
		bases = append(bases, key[:i])
	}
	for _, b := range bases {
		strip(b, 0)
		for _, p := range an.prefixes {
			if rest, ok := strings.CutPrefix(b, p); ok && utf8.RuneCountInString(rest) >= an.minStem {
				strip(rest, 0)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return out
}

// langTerm is a language term ready for matching.
type langTerm struct {
	axis, pole, text string
	keys             []string
}

// langMatcher matches one language's terms in articles of that language.
type langMatcher struct {
	an      *analyzer
	terms   []langTerm
	byFirst map[string][]int // first key → terms, most words first, then file order
	keys    map[string]bool  // every key of every term
}

func newLangMatcher(l *Language) *langMatcher {
	lm := &langMatcher{an: newAnalyzer(l), byFirst: map[string][]int{}, keys: map[string]bool{}}
	for _, t := range l.Terms {
		var keys []string
		corpus.ScriptWords(t.Text, func(s, e int) {
			keys = append(keys, lm.an.termKey(t.Text[s:e]))
		})
		if len(keys) == 0 {
			continue
		}
		lm.terms = append(lm.terms, langTerm{axis: t.Axis, pole: t.Pole, text: t.Text, keys: keys})
		for _, k := range keys {
			lm.keys[k] = true
		}
	}
	for i, t := range lm.terms {
		lm.byFirst[t.keys[0]] = append(lm.byFirst[t.keys[0]], i)
	}
	for _, list := range lm.byFirst {
		slices.SortStableFunc(list, func(a, b int) int { return len(lm.terms[b].keys) - len(lm.terms[a].keys) })
	}
	return lm
}

type langToken struct {
	start, end int
	forms      []string
}

// match returns a's hits in text order, as Matcher.Match does: at each
// word the term of most words that matches wins (then the longer form of
// the first word, then file order), and matching resumes after it. The
// words of a phrase may be separated only by spaces, hyphens or nothing
// (Chinese).
func (lm *langMatcher) match(a *corpus.Article) []Hit {
	text := a.Text
	var toks []langToken
	memo := map[string][]string{}
	corpus.ScriptWords(text, func(s, e int) {
		k := langKey(lm.an.code, text[s:e])
		f, ok := memo[k]
		if !ok {
			f = lm.an.forms(k, lm.keys)
			memo[k] = f
		}
		toks = append(toks, langToken{start: s, end: e, forms: f})
	})
	var hits []Hit
	var quotes *paraQuotes
	for i := 0; i < len(toks); {
		best, n := -1, 0
		for _, f := range toks[i].forms {
			for _, ti := range lm.byFirst[f] {
				t := &lm.terms[ti]
				if len(t.keys) > n && lm.follows(text, toks, i, t.keys) {
					best, n = ti, len(t.keys)
					break
				}
			}
		}
		if best < 0 {
			i++
			continue
		}
		t := &lm.terms[best]
		h := Hit{
			Article: a.ID, Axis: t.axis, Pole: t.pole, Term: t.text,
			Start: toks[i].start, End: toks[i+n-1].end, Voice: Narrator,
		}
		h.Match = text[h.Start:h.End]
		h.Sentence = sentenceOf(a.Sentences, h.Start)
		if quotes == nil {
			quotes = &paraQuotes{text: text, paras: paragraphSpans(text)}
		}
		h.Voice, h.ScareQuoted = quotes.voiceOf(h.Start, h.End)
		hits = append(hits, h)
		i += n
	}
	return hits
}

// follows reports whether the words from toks[i+1] on match keys[1:].
func (lm *langMatcher) follows(text string, toks []langToken, i int, keys []string) bool {
	if i+len(keys) > len(toks) {
		return false
	}
	for j := 1; j < len(keys); j++ {
		if !phraseGap(text[toks[i+j-1].end:toks[i+j].start]) || !slices.Contains(toks[i+j].forms, keys[j]) {
			return false
		}
	}
	return true
}

// phraseGap reports whether g may separate the words of a phrase: spaces,
// hyphens and invisible joiners only.
func phraseGap(g string) bool {
	for _, r := range g {
		if r != ' ' && r != '-' && r != '\u2011' && r != '\u00A0' && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// langMatchers holds a Matcher's matchers per language, built on first use.
type langMatchers struct {
	once sync.Once
	by   map[string]*langMatcher
}

// forLanguage returns the matcher for articles in language code, or nil
// when the language has no terms on the matcher's lexicon (English, and
// any language without embedded terms, use the lexicon itself).
func (m *Matcher) forLanguage(code string) *langMatcher {
	if code == "" || code == "en" || m.langs == nil {
		return nil
	}
	m.langs.once.Do(func() {
		m.langs.by = map[string]*langMatcher{}
		for _, l := range Languages(m.lex) {
			m.langs.by[l.Code] = newLangMatcher(l)
		}
	})
	return m.langs.by[code]
}
