package framing

// Lexicon is a set of framing axes plus markers, parsed from YAML.
type Lexicon struct {
	Name string `json:"name"`
	// Digest is the hex SHA-256 of the YAML text the lexicon was parsed from.
	Digest  string  `json:"digest"`
	Axes    []Axis  `json:"axes"`
	Markers Markers `json:"markers"`
}

// Axis is one dimension of framing, such as how the state is named.
type Axis struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Poles       []Pole `json:"poles"`
	// Subject lists words or phrases (matched by stem) that say a text is
	// about the axis's subject; a term marked Scoped counts only in a
	// paragraph that holds one of them.
	Subject []string `json:"subject,omitempty"`
}

// Pole is one side of an axis, such as "regime".
type Pole struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color,omitempty"` // "#rrggbb"
	Terms []Term `json:"terms"`
}

// Term is a word or phrase of a pole.
type Term struct {
	Text string `json:"text"`
	// Exact terms match the surface form (case-insensitively); others by stem.
	Exact bool `json:"exact,omitempty"`
	// CaseSensitive terms (YAML "match: case") match the surface form with
	// its case, so "IS" does not match "is"; not between two words in
	// capitals, where the case says nothing. They are also Exact.
	CaseSensitive bool     `json:"case_sensitive,omitempty"`
	Note          string   `json:"note,omitempty"`
	Neutral       string   `json:"neutral,omitempty"`
	Exclude       []string `json:"exclude,omitempty"`
	// Sense holds the conditions under which a match is in the term's
	// sense; a match failing one is a rejected candidate, not a hit.
	Sense Sense `json:"sense,omitzero"`
	// Line is the line of the term in the lexicon's YAML text.
	Line int `json:"-"`
}

// Sense is a term's context conditions. Word lists hold words or phrases
// matched as written, ignoring case and a possessive (list each inflection
// wanted: a stem would overreach, "forces" finding "forced"); Forms holds
// word forms (lower case).
// Every condition given must hold for a match to count.
type Sense struct {
	// Near: at least one of these within Window words of the match, in
	// its sentence. NotNear: none of these there.
	Near    []string `json:"near,omitempty"`
	NotNear []string `json:"not_near,omitempty"`
	// UnlessNear lifts NotNear: a match with one of these within Window
	// words counts even with a NotNear word there ("attack" near
	// "debate" is a rival's, unless "killed" is near too).
	UnlessNear []string `json:"unless_near,omitempty"`
	// Window is the reach of Near and NotNear in words on each side
	// (DefaultWindow when 0).
	Window int `json:"window,omitempty"`
	// NotAfter: the word (or phrase) right before the match is none of
	// these ("war" not after "trade", "cold"). NotBefore: the word right
	// after it is none of these ("free" not before "market").
	NotAfter  []string `json:"not_after,omitempty"`
	NotBefore []string `json:"not_before,omitempty"`
	// Object: one of these among the next ObjectWindow words of the same
	// clause, read as the verb's object. NotObject: none of these there.
	Object    []string `json:"object,omitempty"`
	NotObject []string `json:"not_object,omitempty"`
	// Forms lists the only word forms the match may take (the whole
	// phrase, words separated by one space), where the stem overreaches:
	// "authorities" but not "authorized".
	Forms []string `json:"forms,omitempty"`
	// Topic lets Near hold anywhere in an article that is about its
	// words: one of them per TopicWords words or more.
	Topic bool `json:"topic,omitempty"`
	// Scoped terms count only in paragraphs that name the axis's Subject,
	// or in articles about it (one subject word per TopicWords words).
	Scoped bool `json:"scoped,omitempty"`
	// CountsAfter: a match right after one of these counts whatever words
	// are near it, so Near and NotNear are not read: a criminal charge
	// says what "assault" means ("convicted of assault") better than the
	// words around it.
	CountsAfter []string `json:"counts_after,omitempty"`
	// Named: a match named by a date or a proper name counts whatever
	// words are near it, so Near and NotNear are not read. The name either
	// stands between a determiner and the match ("the Sept. 11 attacks",
	// "the Benghazi attack") or before it in apposition ("Benghazi, an
	// attack that…"); a possessive ("Trump's attack") or a word of
	// NotAfter or NotNear ("the Republican attacks") is no such name.
	Named bool `json:"named,omitempty"`
}

// TopicWords is the density that makes an article about a word list: at
// least one of its words per TopicWords words (and at least three).
const TopicWords = 100

// DefaultWindow is the reach of Near and NotNear when a term gives none.
const DefaultWindow = 8

// ObjectWindow is how many words after a match Object and NotObject read.
const ObjectWindow = 4

// IsZero reports whether s sets no condition.
func (s Sense) IsZero() bool {
	return len(s.Near) == 0 && len(s.NotNear) == 0 && len(s.UnlessNear) == 0 && s.Window == 0 && len(s.NotAfter) == 0 &&
		len(s.NotBefore) == 0 && len(s.Object) == 0 && len(s.NotObject) == 0 && len(s.Forms) == 0 && !s.Scoped && !s.Topic &&
		len(s.CountsAfter) == 0 && !s.Named
}

// Markers are words that qualify a term: distancing, hedges, attribution.
type Markers struct {
	Distancing  []string `json:"distancing"`
	Hedges      []string `json:"hedges"`
	Attribution []Grade  `json:"attribution"`
}

// Grade is a group of attribution verbs of one strength.
type Grade struct {
	Name  string   `json:"name"`
	Verbs []string `json:"verbs"`
}
