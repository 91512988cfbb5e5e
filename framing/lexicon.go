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
	// its case, so "IS" does not match "is". They are also Exact.
	CaseSensitive bool     `json:"case_sensitive,omitempty"`
	Note          string   `json:"note,omitempty"`
	Neutral       string   `json:"neutral,omitempty"`
	Exclude       []string `json:"exclude,omitempty"`
	// Line is the line of the term in the lexicon's YAML text.
	Line int `json:"-"`
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
