// Package framing finds the words outlets choose for the same things: it
// parses a Lexicon of axes and poles, matches its terms in articles with the
// voice they are spoken in, counts them, and finds each outlet's distinctive
// words beyond the lexicon.
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
	// Sentence is the index into the article's Sentences; Start and End are
	// byte offsets into its cleaned Text.
	Sentence    int    `json:"sentence"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Voice       Voice  `json:"voice"`
	Speaker     string `json:"speaker,omitempty"`
	ScareQuoted bool   `json:"scare_quoted"`
	Distanced   bool   `json:"distanced"`
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
