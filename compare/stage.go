package compare

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// Pipeline runs Build's stages one at a time, so that a caller who shows
// only framing counts or events does not pay for alignments. Each stage
// runs the earlier ones it needs that have not run yet, in one pass over
// the articles:
//
//   - Match finds every lexicon hit (with its voice) and counts hits per
//     outlet over the corpus.
//   - Group adds quotations and the speakers of quoted hits, events, the
//     counts per event and the distinctive terms.
//   - Compare adds alignments, quotations followed across outlets,
//     substitutions, reuse and coverage, for every event or for the events
//     named; once every event is compared, the findings a handout states
//     about the largest events (Findings).
//
// After Compare of every event, Result is the Result Build returns. A
// Pipeline is not safe for concurrent use.
type Pipeline struct {
	opts      Options
	lex       *framing.Lexicon
	res       *Result
	arts      []corpus.Article
	work      []articleWork
	byID      map[string]int
	eventOf   map[string]string
	matched   bool // work[i].hits set and res.Framing built
	grouped   bool
	compared  bool
	ranStages []string
}

// NewPipeline sorts a copy of articles by id, renames duplicate ids and
// returns a Pipeline over them; no stage has run yet. It returns an error
// when the options are invalid.
func NewPipeline(articles []corpus.Article, opts Options) (*Pipeline, error) {
	if opts.DateWindowDays < 0 {
		return nil, fmt.Errorf("compare: date window of %d days is negative", opts.DateWindowDays)
	}
	if opts.EventThreshold < 0 || opts.EventThreshold > 1 {
		return nil, fmt.Errorf("compare: event threshold %g is outside [0, 1]", opts.EventThreshold)
	}
	if opts.Lexicon == nil {
		opts.Lexicon = framing.DefaultLexicon()
	}
	if opts.Registry == nil {
		opts.Registry = corpus.DefaultRegistry()
	}
	if opts.Entities == nil {
		opts.Entities = DefaultEntities()
	}
	if opts.DateWindowDays == 0 {
		opts.DateWindowDays = DefaultDateWindowDays
	}
	if opts.EventThreshold == 0 {
		opts.EventThreshold = DefaultEventThreshold
	}
	arts := slices.Clone(articles)
	slices.SortStableFunc(arts, func(a, b corpus.Article) int {
		if c := strings.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Source, b.Source)
	})
	warnings := uniqueIDs(arts)
	lex := opts.Lexicon
	warnings = append(warnings, LanguageWarnings(arts, lex)...)
	p := &Pipeline{
		opts: opts,
		lex:  lex,
		arts: arts,
		work: make([]articleWork, len(arts)),
		byID: make(map[string]int, len(arts)),
		res: &Result{
			SchemaVersion: SchemaVersion,
			Tool:          Tool{Name: "framediff", Version: Version},
			Settings:      Settings{DateWindowDays: opts.DateWindowDays, EventThreshold: opts.EventThreshold, Entities: EntitiesInfo{Name: opts.Entities.Name, Digest: opts.Entities.Digest}},
			Lexicon:       LexiconInfo{Name: lex.Name, Digest: lex.Digest},
			Lex:           lex,
			Articles:      arts,
			Outlets:       outletsOf(arts, opts.Registry),
			Warnings:      warnings,
		},
	}
	for i := range arts {
		p.byID[arts[i].ID] = i
	}
	return p, nil
}

// Result returns what the stages run so far have found. Fields of stages
// not run are empty: after Match only Articles, Outlets, Warnings and
// Framing (hits without speakers, corpus-wide counts) are set.
func (p *Pipeline) Result() *Result { return p.res }

// Stages returns the names of the stages that have run (StageArticles,
// StageEvents, StageCompare), in order; a stage that ran in two passes
// is named twice.
func (p *Pipeline) Stages() []string { return slices.Clone(p.ranStages) }

// Match finds every lexicon hit in every article and counts hits per
// outlet over the corpus. It returns ctx.Err() when ctx is cancelled.
func (p *Pipeline) Match(ctx context.Context) error {
	if p.matched {
		return ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	matcher := framing.NewMatcher(p.lex)
	p.ranStages = append(p.ranStages, StageArticles)
	err := parallel(ctx, len(p.arts), p.opts.Workers, p.opts.progress(StageArticles, len(p.arts), func(i int) {
		t := p.table(i)
		p.work[i].hits = matcher.MatchTable(&p.arts[i], t)
		if !p.opts.NoMarkers {
			p.work[i].marks = matcher.MarkersTable(&p.arts[i], t)
		}
	}))
	if err != nil {
		return err
	}
	p.matched = true
	p.collectHits()
	p.res.Framing.Counts = framing.CountHits(p.arts, p.res.Framing.Hits, nil)
	p.res.Framing.MarkerCounts = framing.CountMarkers(p.arts, p.res.Framing.Markers, nil)
	return nil
}

// collectHits moves every article's hits into one slice, in article order,
// leaving each article's hits a window onto it, so that a hit is held once.
func (p *Pipeline) collectHits() {
	n := 0
	for i := range p.work {
		n += len(p.work[i].hits)
	}
	hits := make([]framing.Hit, 0, n)
	for i := range p.work {
		w := &p.work[i]
		start := len(hits)
		hits = append(hits, w.hits...)
		w.hits = hits[start:len(hits):len(hits)]
	}
	var marks []framing.MarkerHit
	for i := range p.work {
		marks = append(marks, p.work[i].marks...)
		p.work[i].marks = nil
	}
	p.res.Framing = &Framing{Hits: hits, Markers: marks}
}

// wordBufs recycles the token slices Group makes per article.
var wordBufs = sync.Pool{New: func() any { return new([]word) }}

// Group finds quotations and events, gives quoted hits their speakers
// (one name per speaker within an event) and counts hits per event. It
// runs Match first when Match has not run. It returns ctx.Err() when ctx
// is cancelled.
func (p *Pipeline) Group(ctx context.Context) error {
	if p.grouped {
		return ctx.Err()
	}
	// Features are computed here, not kept across stages: they are the
	// largest per-article state and are needed only for grouping.
	feats := make([]docFeatures, len(p.arts))
	match := !p.matched
	var matcher *framing.Matcher
	if match {
		matcher = framing.NewMatcher(p.lex)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p.ranStages = append(p.ranStages, StageArticles)
	err := parallel(ctx, len(p.arts), p.opts.Workers, p.opts.progress(StageArticles, len(p.arts), func(i int) {
		a := &p.arts[i]
		w := &p.work[i]
		t := p.table(i)
		buf := wordBufs.Get().(*[]word)
		defer wordBufs.Put(buf)
		feats[i] = tableFeatures(p.opts.Entities, a, t, *buf)
		// Tokens and entity mentions are needed here only to find
		// quotations; tokens are made again from the table per event when
		// it is compared, so that the whole corpus's are never held at once.
		// Quotations keep their words as indexes, so the tokens' slice is
		// reused for the next article.
		ws := feats[i].words
		feats[i].words = nil
		*buf = ws
		ms, seen := feats[i].mentions, feats[i].lowerSeen // found in the same text, unless a title was put before it
		feats[i].lowerSeen = nil
		if feats[i].text != a.Text {
			ws = bodyWords(feats[i].text, a, ws, t)
			if feats[i].bodySeen != nil {
				ms, seen = feats[i].bodyMentions, feats[i].bodySeen
			} else {
				ms, seen = p.opts.Entities.mentionsSeen(a.Text, ws)
			}
			feats[i].bodyMentions, feats[i].bodySeen = nil, nil
		}
		w.quotes = extractQuotesSeen(p.opts.Entities, a, ws, ms, seen)
		if match {
			w.hits = matcher.MatchTable(a, t)
			if !p.opts.NoMarkers {
				w.marks = matcher.MarkersTable(a, t)
			}
		}
	}))
	if err != nil {
		return err
	}
	if match {
		p.matched = true
		p.collectHits()
	}

	if p.opts.Progress != nil {
		p.opts.Progress(StageEvents, 0, 1)
	}
	p.ranStages = append(p.ranStages, StageEvents)
	events, eventOf, err := groupEvents(ctx, p.opts.Entities, feats, p.opts.DateWindowDays, p.opts.EventThreshold)
	if err != nil {
		return err
	}
	feats = nil
	if p.opts.Progress != nil {
		p.opts.Progress(StageEvents, 1, 1)
	}
	p.res.Events = events
	p.eventOf = eventOf
	for _, ev := range events {
		unifySpeakers(ev, p.byID, p.work)
	}
	for i := range p.work {
		w := &p.work[i]
		spans := newQuoteSpans(w.quotes)
		for k := range w.hits {
			h := &w.hits[k]
			if q := spans.in(h.Start, h.End); q != nil {
				h.Speaker = q.Speaker
			}
		}
	}
	p.res.Framing.Counts = framing.CountHits(p.arts, p.res.Framing.Hits, eventOf)
	p.res.Framing.MarkerCounts = framing.CountMarkers(p.arts, p.res.Framing.Markers, eventOf)
	if !p.opts.NoDistinctive {
		tables := make([]*framing.Table, len(p.work))
		for i := range p.work {
			tables[i] = p.work[i].table
		}
		p.res.Distinctive = framing.DistinctiveWith(p.arts, p.lex, eventOf, framing.DistinctiveOptions{Tables: tables})
	}
	p.grouped = true
	return ctx.Err()
}

// Compare aligns, follows quotations and finds reuse and coverage within
// the events named by id, or within every event when none is named; it
// runs Group first when Group has not run. Events are compared in
// parallel, the largest first, and each event's working state is released
// once it is done; the Result does not depend on the number of workers.
// Compare runs once per Pipeline. It returns an error naming an unknown
// event id, and ctx.Err() when ctx is cancelled.
func (p *Pipeline) Compare(ctx context.Context, events ...string) error {
	if p.compared {
		return errors.New("compare: events already compared")
	}
	if err := p.Group(ctx); err != nil {
		return err
	}
	evs := p.res.Events
	if len(events) > 0 {
		index := make(map[string]int, len(evs))
		for k := range evs {
			index[evs[k].ID] = k
		}
		var picked []int
		for _, id := range events {
			k, ok := index[id]
			if !ok {
				return fmt.Errorf("compare: no event %q", id)
			}
			picked = append(picked, k)
		}
		slices.Sort(picked)
		picked = slices.Compact(picked)
		sub := make([]Event, len(picked))
		for n, k := range picked {
			sub[n] = evs[k]
		}
		evs = sub
	}
	// The largest events take longest: start them first so that no worker
	// is left with one at the end.
	order := make([]int, len(evs))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return cmp.Compare(len(evs[y].Articles), len(evs[x].Articles))
	})
	per := make([]eventWork, len(evs))
	p.ranStages = append(p.ranStages, StageCompare)
	err := parallel(ctx, len(evs), p.opts.Workers, p.opts.progress(StageCompare, len(evs), func(n int) {
		k := order[n]
		ev := evs[k]
		members := make([]int, 0, len(ev.Articles))
		for _, id := range ev.Articles {
			members = append(members, p.byID[id])
		}
		// An article belongs to one event, so its slot of p.work is
		// written by this goroutine alone. The event's tokens share one
		// slice, reused for the next event: nothing compareEvent returns
		// holds them.
		buf := wordBufs.Get().(*[]word)
		defer wordBufs.Put(buf)
		size := 0
		for _, i := range members {
			size += p.table(i).Len()
		}
		toks := slices.Grow((*buf)[:0], size)
		for _, i := range members {
			start := len(toks)
			toks = p.table(i).AppendTokens(toks, p.arts[i].Text, 0)
			p.work[i].words = toks[start:len(toks):len(toks)]
		}
		*buf = toks
		per[k] = compareEvent(ctx, ev, p.arts, p.work, members)
		for _, i := range members {
			p.work[i].words = nil
			p.work[i].table = nil
		}
	}))
	if err != nil {
		return err
	}
	p.compared = true
	res := p.res
	var counts [6]int
	for _, w := range per {
		counts[0] += len(w.alignments)
		counts[1] += len(w.quotes)
		counts[2] += len(w.groups)
		counts[3] += len(w.reuse)
		counts[4] += len(w.claims)
		counts[5] += len(w.primary)
	}
	res.Alignments = slices.Grow(res.Alignments, counts[0])
	res.Quotes = slices.Grow(res.Quotes, counts[1])
	res.QuoteGroups = slices.Grow(res.QuoteGroups, counts[2])
	res.Reuse = slices.Grow(res.Reuse, counts[3])
	res.Coverage = slices.Grow(res.Coverage, counts[4])
	res.PrimaryCoverage = slices.Grow(res.PrimaryCoverage, counts[5])
	for k := range per {
		w := &per[k]
		res.Alignments = append(res.Alignments, w.alignments...)
		res.Quotes = append(res.Quotes, w.quotes...)
		res.QuoteGroups = append(res.QuoteGroups, w.groups...)
		res.Reuse = append(res.Reuse, w.reuse...)
		res.Coverage = append(res.Coverage, w.claims...)
		res.PrimaryCoverage = append(res.PrimaryCoverage, w.primary...)
		res.Warnings = append(res.Warnings, w.notes...)
		per[k] = eventWork{}
	}
	res.Substitutions = substitutions(res.Alignments, p.lex)
	res.VoiceShare = voiceShare(res.Quotes)
	if len(events) == 0 {
		// The findings stage reads every stage before it.
		res.Findings = FindingsFor(res, LargestEvents(res, DefaultFindingEvents))
		res.OutletFigures = FiguresOfOutlets(res)
		// Every event is compared: nothing per article is needed again.
		p.work = nil
	}
	return ctx.Err()
}

// table returns the word table of article i, made on first use. Stages
// that run over every article call it from one goroutine per article.
func (p *Pipeline) table(i int) *framing.Table {
	w := &p.work[i]
	if w.table == nil {
		w.table = framing.NewTable(p.arts[i].Text)
	}
	return w.table
}

// bodyWords returns the words of a.Text, given ws, the words of text
// (a.Title, a blank line, a.Text) that tableFeatures made from t: the tail
// of ws, its offsets moved in place, when ws joined the title's words to
// the table's (see framing.Table.JoinedTokens), else the table's words.
func bodyWords(text string, a *corpus.Article, ws []word, t *framing.Table) []word {
	off := len(text) - len(a.Text)
	if k := len(ws) - t.Len(); k >= 0 && off >= 0 && text[off:] == a.Text && utf8.ValidString(a.Title) && len(text) < math.MaxInt32 {
		ws = ws[k:]
		for j := range ws {
			ws[j].Start -= off
			ws[j].End -= off
		}
		return ws
	}
	return t.Tokens(a.Text)
}
