package compare

import (
	"context"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// Version is the tool version recorded in every Result.
const Version = "0.1.0"

// Options control Build.
type Options struct {
	// Lexicon is the framing lexicon; nil means framing.DefaultLexicon().
	Lexicon *framing.Lexicon
	// Registry supplies outlet facts; nil means corpus.DefaultRegistry().
	Registry *corpus.Registry
	// DateWindowDays is how far apart two articles' dates may be for them to
	// report one event; 0 means 3.
	DateWindowDays int
	// EventThreshold is the similarity two articles need to be grouped;
	// 0 means the documented default.
	EventThreshold float64
	// Workers bounds parallel work across articles; 0 means GOMAXPROCS.
	Workers int
}

// Build runs framing and comparison over articles and returns the Result.
// The articles' order does not affect the Result. It returns ctx.Err() when
// ctx is cancelled.
func Build(ctx context.Context, articles []corpus.Article, opts Options) (*Result, error) {
	lex := opts.Lexicon
	if lex == nil {
		lex = framing.DefaultLexicon()
	}
	res := &Result{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "framediff", Version: Version},
		Lexicon:       LexiconInfo{Name: lex.Name, Digest: lex.Digest},
		Lex:           lex,
		Articles:      articles,
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return res, nil
}
