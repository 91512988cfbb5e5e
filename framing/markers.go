package framing

import (
	"cmp"
	"slices"
	"strings"

	"github.com/framediff/framediff/corpus"
)

// Marker kinds: what a marker does to the words around it.
const (
	// MarkerHedge weakens a claim ("reportedly").
	MarkerHedge = "hedge"
	// MarkerDistancing puts the next words at a distance ("so-called").
	MarkerDistancing = "distancing"
	// MarkerAttribution is a speech verb, graded from neutral to loaded.
	MarkerAttribution = "attribution"
	// MarkerScareQuote is a scare quote: one to three words in quotation
	// marks inside a sentence, not quoted speech.
	MarkerScareQuote = "scare_quote"
)

// MarkerHit is one occurrence of a lexicon marker (a hedge, a distancing
// word, an attribution verb) or of a scare quote in an article.
type MarkerHit struct {
	Article string `json:"article"`
	// Kind is MarkerHedge, MarkerDistancing, MarkerAttribution or
	// MarkerScareQuote; Grade is the attribution grade ("neutral",
	// "loaded"), empty for other kinds.
	Kind  string `json:"kind"`
	Grade string `json:"grade,omitempty"`
	// Marker is the marker as the lexicon lists it (lower case), or, for a
	// scare quote, the quoted words; Match is the text found.
	Marker string `json:"marker"`
	Match  string `json:"match"`
	// Sentence, Start and End are as in Hit.
	Sentence int   `json:"sentence"`
	Start    int   `json:"start"`
	End      int   `json:"end"`
	Voice    Voice `json:"voice"`
}

// MarkerCount is how often a marker occurs in one outlet's articles (in one
// event when Event is set), in one voice.
type MarkerCount struct {
	Event        string  `json:"event,omitempty"`
	Outlet       string  `json:"outlet"`
	Kind         string  `json:"kind"`
	Grade        string  `json:"grade,omitempty"`
	Marker       string  `json:"marker"`
	Voice        Voice   `json:"voice"`
	Count        int     `json:"count"`
	Per1000Words float64 `json:"per_1000_words"`
	Words        int     `json:"words"`
}

// compiledMarker is a marker's words, lower case.
type compiledMarker struct {
	kind, grade, text string
	keys              []string
}

// compileMarkers lists the lexicon's markers longest first; of two
// markers with the same words, distancing comes before hedges and hedges
// before attribution verbs ("alleged" distances; "according to" hedges).
func compileMarkers(mk Markers) map[string][]compiledMarker {
	var all []compiledMarker
	add := func(kind, grade string, words []string) {
		for _, w := range words {
			var keys []string
			for _, tok := range Tokenize(w) {
				keys = append(keys, tok.Lower)
			}
			if len(keys) > 0 {
				all = append(all, compiledMarker{kind: kind, grade: grade, text: strings.Join(keys, " "), keys: keys})
			}
		}
	}
	add(MarkerDistancing, "", mk.Distancing)
	add(MarkerHedge, "", mk.Hedges)
	for _, g := range mk.Attribution {
		add(MarkerAttribution, g.Name, g.Verbs)
	}
	slices.SortStableFunc(all, func(a, b compiledMarker) int { return cmp.Compare(len(b.keys), len(a.keys)) })
	byFirst := map[string][]compiledMarker{}
	seen := map[string]bool{}
	for _, c := range all {
		if seen[c.text] {
			continue
		}
		seen[c.text] = true
		byFirst[c.keys[0]] = append(byFirst[c.keys[0]], c)
	}
	return byFirst
}

// Markers returns a's marker hits in text order: every hedge, distancing
// word and attribution verb of the lexicon's markers (matched as written,
// ignoring case; the longest at each word wins), and every scare quote.
// Voice is Quoted inside a quotation that is not a scare quote.
func (m *Matcher) Markers(a *corpus.Article) []MarkerHit { return m.MarkersTable(a, nil) }

// MarkersTable returns Markers(a), reading a's words from t, a table made
// of a.Text, when t is not nil.
func (m *Matcher) MarkersTable(a *corpus.Article, t *Table) []MarkerHit {
	text := a.Text
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	ws := m.words(sc, text, t)
	var out []MarkerHit
	var quotes *paraQuotes
	voice := func(s, e int) Voice {
		if quotes == nil {
			quotes = &paraQuotes{text: text, paras: paragraphSpans(text)}
		}
		v, _ := quotes.voiceOf(s, e)
		return v
	}
	// Scare quotes, in text order alongside the words.
	var scares []Quotation
	for _, q := range FindQuotations(text) {
		if q.Scare {
			scares = append(scares, q)
		}
	}
	for i := 0; i < len(ws); {
		for len(scares) > 0 && scares[0].Start <= ws[i].start {
			q := scares[0]
			scares = scares[1:]
			span := trimToWord(text, q.Start, q.End)
			if span[0] >= span[1] {
				continue
			}
			mh := MarkerHit{Article: a.ID, Kind: MarkerScareQuote, Match: text[span[0]:span[1]], Start: span[0], End: span[1]}
			mh.Marker = strings.ToLower(squeeze(mh.Match))
			mh.Sentence = sentenceOf(a.Sentences, mh.Start)
			mh.Voice = voice(mh.Start, mh.End)
			out = append(out, mh)
		}
		n := 0
		for _, c := range m.markers[ws[i].lower] {
			if seqAt(text, ws, i, c.keys) {
				mh := MarkerHit{Article: a.ID, Kind: c.kind, Grade: c.grade, Marker: c.text, Start: ws[i].start, End: ws[i+len(c.keys)-1].end}
				mh.Match = text[mh.Start:mh.End]
				mh.Sentence = sentenceOf(a.Sentences, mh.Start)
				mh.Voice = voice(mh.Start, mh.End)
				out = append(out, mh)
				n = len(c.keys)
				break
			}
		}
		i += max(1, n)
	}
	return out
}

// CountMarkers counts marker hits per outlet by kind, grade, marker and
// voice, over the whole corpus (Event "") and, when eventOf is non-nil,
// per outlet within each event, with a rate per 1,000 words of the
// outlet's articles in that scope. Rows are sorted by event, outlet, kind,
// grade, marker and voice.
func CountMarkers(articles []corpus.Article, marks []MarkerHit, eventOf map[string]string) []MarkerCount {
	type scope struct{ event, outlet string }
	byID := map[string]*corpus.Article{}
	words := map[scope]int{}
	scopes := func(a *corpus.Article) []scope {
		s := []scope{{"", a.Outlet}}
		if ev, ok := eventOf[a.ID]; ok {
			s = append(s, scope{ev, a.Outlet})
		}
		return s
	}
	for i := range articles {
		a := &articles[i]
		if _, dup := byID[a.ID]; dup {
			continue
		}
		byID[a.ID] = a
		for _, s := range scopes(a) {
			words[s] += articleWords(a)
		}
	}
	type key struct {
		scope
		kind, grade, marker string
		voice               Voice
	}
	counts := map[key]int{}
	for _, mh := range marks {
		a, ok := byID[mh.Article]
		if !ok {
			continue
		}
		for _, s := range scopes(a) {
			counts[key{s, mh.Kind, mh.Grade, mh.Marker, mh.Voice}]++
		}
	}
	out := make([]MarkerCount, 0, len(counts))
	for k, n := range counts {
		c := MarkerCount{Event: k.event, Outlet: k.outlet, Kind: k.kind, Grade: k.grade, Marker: k.marker, Voice: k.voice, Count: n, Words: words[k.scope]}
		if c.Words > 0 {
			c.Per1000Words = 1000 * float64(n) / float64(c.Words)
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b MarkerCount) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), cmp.Compare(a.Outlet, b.Outlet), cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Grade, b.Grade), cmp.Compare(a.Marker, b.Marker), cmp.Compare(a.Voice, b.Voice))
	})
	return out
}
