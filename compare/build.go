package compare

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

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
	// Entities is the gazetteer of people, places, organisations, titles
	// and event nouns that speakers, quotations and events are read with;
	// nil means DefaultEntities(). See ParseEntities for a user file.
	Entities *Entities
	// DateWindowDays is how far apart two articles' dates may be for them to
	// report one event; 0 means 3.
	DateWindowDays int
	// EventThreshold is the similarity two articles need to be grouped;
	// 0 means the documented default.
	EventThreshold float64
	// Workers bounds parallel work across articles; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is told how far each stage has got: done of
	// total items of the stage named. It is called from several goroutines
	// at once and must be safe for that; it does not affect the Result.
	Progress func(stage string, done, total int)
	// NoMarkers leaves out marker hits (hedges, distancing words,
	// attribution verbs, scare quotes) and their counts, for a caller
	// that shows none of them.
	NoMarkers bool
	// NoDistinctive leaves out the distinctive terms (Result.Distinctive),
	// for a caller that does not show them.
	NoDistinctive bool
}

// Stages reported to Options.Progress.
const (
	StageArticles = "analysing articles"
	StageEvents   = "grouping events"
	StageCompare  = "comparing events"
)

// progress returns fn wrapped to report each finished item of stage.
func (o Options) progress(stage string, total int, fn func(i int)) func(i int) {
	if o.Progress == nil {
		return fn
	}
	var done atomic.Int64
	o.Progress(stage, 0, total)
	return func(i int) {
		fn(i)
		o.Progress(stage, int(done.Add(1)), total)
	}
}

// articleWork is what the stages keep of one article between them.
type articleWork struct {
	// table holds the article's words from the first stage that reads
	// them until its event is compared, so that its text is tokenised once.
	table  *framing.Table
	words  []word // only while the article's event is compared
	quotes []quote
	hits   []framing.Hit
	marks  []framing.MarkerHit
}

// Build runs framing and comparison over articles and returns the Result.
// The articles' order and the number of workers do not affect the Result.
// It returns ctx.Err() when ctx is cancelled, and an error when the options
// are invalid.
func Build(ctx context.Context, articles []corpus.Article, opts Options) (*Result, error) {
	p, err := NewPipeline(articles, opts)
	if err != nil {
		return nil, err
	}
	if err := p.Compare(ctx); err != nil {
		return nil, err
	}
	return p.Result(), nil
}

// outletsOf returns the registry entries of the outlets present, by name;
// an outlet the registry lacks is listed by its name alone.
func outletsOf(arts []corpus.Article, reg *corpus.Registry) []corpus.Outlet {
	seen := map[string]bool{}
	var out []corpus.Outlet
	for _, a := range arts {
		if a.Outlet == "" || seen[a.Outlet] {
			continue
		}
		seen[a.Outlet] = true
		o, ok := reg.Lookup(a.Outlet)
		if !ok {
			o = corpus.Outlet{Name: a.Outlet}
		}
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b corpus.Outlet) int { return strings.Compare(a.Name, b.Name) })
	return slices.CompactFunc(out, func(a, b corpus.Outlet) bool { return a.Name == b.Name })
}

// eventWork is what comparing one event produces.
type eventWork struct {
	alignments []Alignment
	quotes     []Quote
	groups     []QuoteGroup
	reuse      []Reuse
	claims     []Claim
	primary    []PrimaryCoverage
	notes      []string // what a large event left out
}

func compareEvent(ctx context.Context, ev Event, arts []corpus.Article, work []articleWork, members []int) eventWork {
	var out eventWork
	ptrs := make([]*corpus.Article, len(members))
	for k, i := range members {
		ptrs[k] = &arts[i]
	}
	all := make([][]word, len(members))
	for k, i := range members {
		all[k] = work[i].words
	}
	// A large event's groups of copies serve both alignment and reuse.
	var copies []int
	if len(members) > AlignAllPairsMax {
		if copies = copyGroups(ctx, ptrs, all); copies == nil {
			return out
		}
	}
	out.alignments, out.notes = alignEvent(ctx, ev.ID, ptrs, all, copies)
	// Each stage below is linear in the event's size; between them a
	// cancelled run stops at once (the caller discards the partial work).
	if ctx.Err() != nil {
		return out
	}
	quotesOf := map[string][]quote{}
	for _, i := range members {
		quotesOf[arts[i].ID] = work[i].quotes
	}
	for k := range out.alignments {
		al := &out.alignments[k]
		// A named speaker wins over a description ("communique").
		for _, ref := range []SentenceRef{al.A, al.B} {
			q := quoteIn(quotesOf[ref.Article], ref.Start, ref.End)
			if q != nil && q.Speaker != "" && (al.Speaker == "" || isCapitalised(q.Speaker) && !isCapitalised(al.Speaker)) {
				al.Speaker = q.Speaker
			}
		}
	}
	var qs []quote
	for k, i := range members {
		for _, q := range work[i].quotes {
			q.Event = ev.ID
			q.words = q.wordsIn(all[k])
			qs = append(qs, q)
		}
	}
	out.quotes, out.groups = groupQuotes(ev, ptrs, all, qs)
	if ctx.Err() != nil {
		return out
	}
	out.reuse = findReuse(ctx, ptrs, work, members, copies)
	if ctx.Err() != nil {
		return out
	}
	for i := range out.reuse {
		out.reuse[i].Event = ev.ID
	}
	out.claims, out.primary = coverage(ev, ptrs, out.alignments)
	return out
}

// uniqueIDs renames articles whose id an earlier article (in id, then
// source order) already has, appending "~2", "~3", …, so that every
// article keeps its own place in events and alignments. It returns a
// warning per renamed article.
func uniqueIDs(arts []corpus.Article) []string {
	warnings := []string{}
	seen := make(map[string]bool, len(arts))
	for i := range arts {
		seen[arts[i].ID] = true
	}
	count := map[string]int{}
	for i := range arts {
		id := arts[i].ID
		count[id]++
		if count[id] == 1 {
			continue
		}
		n := count[id]
		for seen[fmt.Sprintf("%s~%d", id, n)] {
			n++
		}
		count[id] = n
		arts[i].ID = fmt.Sprintf("%s~%d", id, n)
		seen[arts[i].ID] = true
		warnings = append(warnings, fmt.Sprintf("%s: duplicate article id %q renamed %q", arts[i].Source, id, arts[i].ID))
	}
	return warnings
}

// unifySpeakers gives one speaker one name across the articles of an
// event: a surname alone ("Okafor") becomes the full name another article
// gives ("Lena Okafor") when only one full name ends with it.
func unifySpeakers(ev Event, byID map[string]int, work []articleWork) {
	full := map[string]string{}
	ambiguous := map[string]bool{}
	for _, id := range ev.Articles {
		for _, q := range work[byID[id]].quotes {
			sp := q.Speaker
			if !strings.Contains(sp, " ") || !isCapitalised(sp) {
				continue
			}
			last := sp[strings.LastIndexByte(sp, ' ')+1:]
			if f, ok := full[last]; ok && f != sp {
				ambiguous[last] = true
			}
			full[last] = sp
		}
	}
	for _, id := range ev.Articles {
		qs := work[byID[id]].quotes
		for k := range qs {
			if f, ok := full[qs[k].Speaker]; ok && !ambiguous[qs[k].Speaker] {
				qs[k].Speaker = f
			}
		}
	}
}
