// Package framing finds the words outlets choose for the same things: it
// parses a Lexicon of axes and poles, matches its terms in articles with the
// voice they are spoken in, counts them, and finds each outlet's distinctive
// words beyond the lexicon.
//
// # Lexicons
//
// ParseLexicon reads the YAML format documented at the top of the default
// lexicon (DefaultLexiconYAML, data/default.yaml); its errors are
// LexiconErrors, one "FILE:LINE: message" per problem. DefaultLexicon
// returns the embedded one. Lexicon.Term, Lexicon.Pole and
// Lexicon.PoleColor look up glossary notes and chart colours.
//
// # Words
//
// Tokenize splits text by the Unicode word rules (UAX #29). Hyphens split
// words, so "rebel-held" counts as "rebel" and the term "so-called" is the
// two words "so", "called"; a possessive is dropped from the match key, so
// "Assad’s regime" is the phrase "Assad regime". Stem is Snowball English.
//
// # Matching and voice
//
// A Matcher tries, at each word, every term that can start there and keeps
// the longest match (a phrase counts once, not also as its words). Terms
// match by stem, by lower-cased form ("exact") or by form with its case
// ("case": "IS" is never "is"). A phrase matches only across spaces and
// hyphens, never across punctuation, a quotation mark or a blank line.
//
// A hit inside a quotation found by FindQuotations is in the Quoted voice.
// A scare quote (one to three words inside a sentence, as in 'terrorism' or
// warned of a "bloodbath") is not quoted speech: a term that is the whole
// of one is flagged ScareQuoted and stays in the voice around it, so the
// outlet's own scare-quoted "bloodbath" is Narrator, flagged, while
// Erdogan's "We never want Idlib to turn into a bloodbath" is Quoted. The
// subheading convention "Erdogan: We never want …" counts as a quotation
// too (Quotation.Headline). Distanced marks a hit right after a distancing
// marker such as "so-called", quotation marks between them allowed.
//
// A hit's context, the words of its sentence either side of it, is cut by
// one rule (ContextSpan) and kept as offsets in the Hit, so that `terms
// --kwic`, the workbook's Hits sheet and the page show the same words
// (HitContext); KWIC cuts it to another width.
//
// For the command line: CountHits and PoleTotals give the outlets × poles table;
// DefaultLexiconYAML is `lexicon show`; ParseLexicon is `lexicon check`.
//
// # Counts and distinctive words
//
// CountHits counts per outlet (and per outlet and event), CountArticles per
// article, each by axis, pole, term and voice with a rate per 1,000 words.
// Distinctive scores each outlet's words against the other outlets' by the
// weighted log-odds ratio with an informative Dirichlet prior (Monroe,
// Colaresi and Quinn 2008).
package framing

// Voice says whose words a hit is in.
type Voice string

const (
	// Narrator is the outlet's own voice.
	Narrator Voice = "narrator"
	// Quoted is inside a direct quotation.
	Quoted Voice = "quoted"
)

// Hit is one occurrence of a lexicon term in an article.
type Hit struct {
	Article string `json:"article"`
	Axis    string `json:"axis"`
	Pole    string `json:"pole"`
	// Term is the lexicon term that matched; Match is the surface form found.
	Term  string `json:"term"`
	Match string `json:"match"`
	// Sentence is the index into the article's Sentences (-1 when the
	// article has none); Start and End are byte offsets into its cleaned
	// Text.
	Sentence    int    `json:"sentence"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Voice       Voice  `json:"voice"`
	Speaker     string `json:"speaker,omitempty"`
	ScareQuoted bool   `json:"scare_quoted"`
	Distanced   bool   `json:"distanced"`
	// ContextStart and ContextEnd are byte offsets into the article's Text
	// of the hit's context: its sentence cut to DefaultContextChars either
	// side (ContextSpan). HitContext turns them into the words every
	// output shows.
	ContextStart int `json:"context_start"`
	ContextEnd   int `json:"context_end"`
}

// Count is how often a term occurs in one outlet's articles, in one voice.
type Count struct {
	// Event is empty for corpus-wide counts.
	Event string `json:"event,omitempty"`
	// Article is set only in per-article counts (CountArticles).
	Article      string  `json:"article,omitempty"`
	Outlet       string  `json:"outlet"`
	Axis         string  `json:"axis"`
	Pole         string  `json:"pole"`
	Term         string  `json:"term"`
	Voice        Voice   `json:"voice"`
	Count        int     `json:"count"`
	Per1000Words float64 `json:"per_1000_words"`
	// Words is the number of words the rate is per: all words of the
	// outlet's (or article's) articles in the scope.
	Words int `json:"words"`
	// ScareQuoted and Distanced count the hits among Count so flagged.
	ScareQuoted int `json:"scare_quoted"`
	Distanced   int `json:"distanced"`
}

// DistinctiveTerm is a word an outlet uses more (z > 0) or less (z < 0) than
// the other outlets in the same scope.
type DistinctiveTerm struct {
	// Scope is "corpus" or an event id.
	Scope  string  `json:"scope"`
	Outlet string  `json:"outlet"`
	Term   string  `json:"term"`
	Z      float64 `json:"z"`
	Count  int     `json:"count"`
	// Suggested is true when |z| > 1.96 and the lexicon lacks the term.
	Suggested bool `json:"suggested"`
}
