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

// articleWork is what the per-article stage computes for one article.
type articleWork struct {
	feats  docFeatures
	words  []word
	ments  []mention
	quotes []quote
	hits   []framing.Hit
	marks  []framing.MarkerHit
}

// Build runs framing and comparison over articles and returns the Result.
// The articles' order and the number of workers do not affect the Result.
// It returns ctx.Err() when ctx is cancelled, and an error when the options
// are invalid.
func Build(ctx context.Context, articles []corpus.Article, opts Options) (*Result, error) {
	if opts.DateWindowDays < 0 {
		return nil, fmt.Errorf("compare: date window of %d days is negative", opts.DateWindowDays)
	}
	if opts.EventThreshold < 0 || opts.EventThreshold > 1 {
		return nil, fmt.Errorf("compare: event threshold %g is outside [0, 1]", opts.EventThreshold)
	}
	lex := opts.Lexicon
	if lex == nil {
		lex = framing.DefaultLexicon()
	}
	reg := opts.Registry
	if reg == nil {
		reg = corpus.DefaultRegistry()
	}
	window := opts.DateWindowDays
	if window == 0 {
		window = DefaultDateWindowDays
	}
	threshold := opts.EventThreshold
	if threshold == 0 {
		threshold = DefaultEventThreshold
	}
	arts := slices.Clone(articles)
	slices.SortStableFunc(arts, func(a, b corpus.Article) int {
		if c := strings.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Source, b.Source)
	})
	warnings := uniqueIDs(arts)
	warnings = append(warnings, LanguageWarnings(arts, lex)...)
	res := &Result{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "framediff", Version: Version},
		Settings:      Settings{DateWindowDays: window, EventThreshold: threshold},
		Lexicon:       LexiconInfo{Name: lex.Name, Digest: lex.Digest},
		Lex:           lex,
		Articles:      arts,
		Outlets:       outletsOf(arts, reg),
		Warnings:      warnings,
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Per article: features, entities, quotations, lexicon hits.
	matcher := framing.NewMatcher(lex)
	work := make([]articleWork, len(arts))
	err := parallel(ctx, len(arts), opts.Workers, opts.progress(StageArticles, len(arts), func(i int) {
		a := &arts[i]
		w := &work[i]
		w.feats = articleFeatures(a)
		w.words = words(a.Text)
		w.ments = entities().mentions(a.Text, w.words)
		w.quotes = extractQuotes(a, w.words, w.ments)
		w.hits = matcher.Match(a)
		w.marks = matcher.Markers(a)
	}))
	if err != nil {
		return nil, err
	}

	feats := make([]docFeatures, len(arts))
	for i := range work {
		feats[i] = work[i].feats
	}
	if opts.Progress != nil {
		opts.Progress(StageEvents, 0, 1)
	}
	events, eventOf, err := groupEvents(ctx, feats, window, threshold, opts.Workers)
	if err != nil {
		return nil, err
	}
	if opts.Progress != nil {
		opts.Progress(StageEvents, 1, 1)
	}
	res.Events = events
	byID := make(map[string]int, len(arts))
	for i := range arts {
		byID[arts[i].ID] = i
	}
	for _, ev := range events {
		unifySpeakers(ev, byID, work)
	}

	var hits []framing.Hit
	for i := range work {
		w := &work[i]
		for k := range w.hits {
			h := &w.hits[k]
			if q := quoteIn(w.quotes, h.Start, h.End); q != nil {
				h.Speaker = q.Speaker
			}
		}
		hits = append(hits, w.hits...)
	}
	if hits == nil {
		hits = []framing.Hit{}
	}
	res.Framing = &Framing{Hits: hits, Counts: framing.CountHits(arts, hits, eventOf)}
	for i := range work {
		res.Framing.Markers = append(res.Framing.Markers, work[i].marks...)
	}
	res.Framing.MarkerCounts = framing.CountMarkers(arts, res.Framing.Markers, eventOf)
	res.Distinctive = framing.Distinctive(arts, lex, eventOf)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Per event: alignments, quotations, reuse, coverage.
	per := make([]eventWork, len(events))
	err = parallel(ctx, len(events), opts.Workers, opts.progress(StageCompare, len(events), func(k int) {
		ev := events[k]
		members := make([]int, 0, len(ev.Articles))
		for _, id := range ev.Articles {
			members = append(members, byID[id])
		}
		per[k] = compareEvent(ctx, ev, arts, work, members)
	}))
	if err != nil {
		return nil, err
	}
	for _, p := range per {
		res.Alignments = append(res.Alignments, p.alignments...)
		res.Quotes = append(res.Quotes, p.quotes...)
		res.QuoteGroups = append(res.QuoteGroups, p.groups...)
		res.Reuse = append(res.Reuse, p.reuse...)
		res.Coverage = append(res.Coverage, p.claims...)
		res.PrimaryCoverage = append(res.PrimaryCoverage, p.primary...)
		res.Warnings = append(res.Warnings, p.notes...)
	}
	res.Substitutions = substitutions(res.Alignments, lex)
	res.VoiceShare = voiceShare(res.Quotes)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return res, nil
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
	out.alignments, out.notes = alignEvent(ctx, ev.ID, ptrs)
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
	for _, i := range members {
		for _, q := range work[i].quotes {
			q.Event = ev.ID
			qs = append(qs, q)
		}
	}
	out.quotes, out.groups = groupQuotes(ev, ptrs, qs)
	out.reuse = findReuse(ctx, ptrs, work, members)
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
