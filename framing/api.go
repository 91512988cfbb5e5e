package framing

import "github.com/framediff/framediff/corpus"

// DefaultLexicon returns the embedded lexicon.
func DefaultLexicon() *Lexicon { return &Lexicon{Name: "default"} }

// Matcher finds lexicon terms in articles. It is safe for concurrent use.
type Matcher struct{ lex *Lexicon }

// NewMatcher prepares lex for matching.
func NewMatcher(lex *Lexicon) *Matcher { return &Matcher{lex: lex} }

// Match returns a's hits in text order.
func (m *Matcher) Match(a *corpus.Article) []Hit { return nil }
