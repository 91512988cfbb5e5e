package compare

import (
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// countHits counts hits per outlet, corpus-wide and per event.
func countHits(arts []corpus.Article, hits []framing.Hit, eventOf map[string]string) []framing.Count {
	return nil
}

// distinctive finds each outlet's distinctive words, corpus-wide and per
// event.
func distinctive(arts []corpus.Article, lex *framing.Lexicon, eventOf map[string]string) []framing.DistinctiveTerm {
	return nil
}
