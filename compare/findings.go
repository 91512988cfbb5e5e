package compare

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// Findings are what a handout states about a selection of events: each
// outlet's hits by pole and term, the quotations two or more outlets
// carry, the word swaps, who gets quoted, and the facts behind each
// discussion question. They are computed once, here, so that every writer
// states the same facts and only words them.
type Findings struct {
	// Events are the ids of the events covered, in the order shown; empty
	// when the Result has no events and every article is covered.
	Events []string `json:"events"`
	// Articles are the ids of the covered articles, by date, then id.
	Articles []string `json:"articles"`
	// Outlets are the covered articles' outlets (OutletName), in the order
	// their first article appears in Articles.
	Outlets []string `json:"outlets"`
	// OutletArticles are how many covered articles each outlet has, in
	// Outlets order.
	OutletArticles []OutletArticles `json:"outlet_articles"`
	// Words are the covered articles' words (corpus.Article.Words).
	Words int `json:"words"`
	// Undated is how many covered articles carry no publication date.
	Undated int `json:"undated"`
	// EventDates are, per covered event in Events order, how many of its
	// articles the Result holds and how many of those carry no date: they
	// were placed in the event by their content alone.
	EventDates []EventDates `json:"event_dates"`
	// Tallies count the covered articles' hits per outlet, axis, pole and
	// term, split by voice: framing.Counts of the covered events, summed
	// over those events. They are in the order each first appears in the
	// covered articles (in Articles order, then text order).
	Tallies []Tally `json:"tallies"`
	// PoleTallies are Tallies summed over each pole's terms (Term empty).
	PoleTallies []Tally `json:"pole_tallies"`
	// QuoteGroups are the ids of the quotation groups of the covered events
	// that two or more outlets quote, the most widely quoted first (then
	// by id); at most MaxFindingGroups.
	QuoteGroups []string `json:"quote_groups"`
	// Swaps are indexes into Result.Substitutions of the swaps with an
	// example in a covered event (or with no example): framing swaps
	// first, then the most frequent; at most MaxFindingSwaps.
	Swaps []int `json:"swaps"`
	// Voices are, per covered event with quoted words, how many words each
	// speaker gets in each outlet.
	Voices []VoiceEvent `json:"voices"`
	// Questions are the facts each discussion question states, in the
	// order asked; at most MaxQuestions.
	Questions []Question `json:"questions"`
}

// Limits of Findings, as many as a handout has room for.
const (
	MaxFindingGroups = 6
	MaxFindingSwaps  = 8
	MaxQuestions     = 8
	// MinQuestions is how many questions Findings asks at least, when the
	// events offer them: headline comparisons make up the number.
	MinQuestions = 5
	// MaxAxisQuestions is how many axes get a question of their own.
	MaxAxisQuestions = 3
	// DefaultFindingEvents is how many events, the largest, the Findings
	// of Build cover.
	DefaultFindingEvents = 3
)

// UnknownOutlet names the outlet of an article that gives none.
const UnknownOutlet = "Unknown outlet"

// OutletName is the name findings give an article's outlet: its outlet
// trimmed, or UnknownOutlet.
func OutletName(outlet string) string {
	if s := strings.TrimSpace(outlet); s != "" {
		return s
	}
	return UnknownOutlet
}

// OutletArticles is how many covered articles one outlet has.
type OutletArticles struct {
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
}

// ArticlesOf returns how many covered articles outlet has.
func (f *Findings) ArticlesOf(outlet string) int {
	for _, o := range f.OutletArticles {
		if o.Outlet == outlet {
			return o.Articles
		}
	}
	return 0
}

// EventDates counts one event's articles and its undated ones.
type EventDates struct {
	Event    string `json:"event"`
	Articles int    `json:"articles"`
	Undated  int    `json:"undated"`
}

// DatesOf returns the counts of one covered event (EventDates); zero
// counts for an event not covered.
func (f *Findings) DatesOf(event string) EventDates {
	for _, d := range f.EventDates {
		if d.Event == event {
			return d
		}
	}
	return EventDates{Event: event}
}

// Tally is how often one outlet used one term in the covered articles.
type Tally struct {
	Outlet   string `json:"outlet"`
	Axis     string `json:"axis"`
	Pole     string `json:"pole"`
	Term     string `json:"term"`
	Narrator int    `json:"narrator"`
	Quoted   int    `json:"quoted"`
}

// VoiceEvent is who gets quoted in each outlet's report of one event.
type VoiceEvent struct {
	Event string `json:"event"`
	// Speakers are the event's speakers, the most quoted words first
	// (then the largest summed share, then by name).
	Speakers []string `json:"speakers"`
	// Outlets are the outlets quoting anyone, by name.
	Outlets []VoiceOutlet `json:"outlets"`
}

// VoiceOutlet is how one outlet's quoted words split between speakers.
type VoiceOutlet struct {
	Outlet string `json:"outlet"`
	// Words is the outlet's quoted words in the event.
	Words int `json:"words"`
	// Speakers are the speakers it quotes, in VoiceEvent.Speakers order.
	Speakers []SpeakerShare `json:"speakers"`
}

// SpeakerShare is one speaker's quoted words in one outlet, and their share
// of the outlet's quoted words.
type SpeakerShare struct {
	Speaker string  `json:"speaker"`
	Words   int     `json:"words"`
	Share   float64 `json:"share"`
}

// QuestionKind says which finding a discussion question is about.
type QuestionKind string

// The kinds of discussion question, each with its own facts in Question.
const (
	// QuestionAxis: outlets' own words fall on different poles of an axis.
	QuestionAxis QuestionKind = "axis"
	// QuestionDistance: outlets hold words at a distance.
	QuestionDistance QuestionKind = "distance"
	// QuestionQuotedOnly: a loaded word some outlets only quote.
	QuestionQuotedOnly QuestionKind = "quoted_only"
	// QuestionQuoteVerbs: one quotation introduced with different verbs.
	QuestionQuoteVerbs QuestionKind = "quote_verbs"
	// QuestionQuoteFidelity: one quotation carried with different fidelity.
	QuestionQuoteFidelity QuestionKind = "quote_fidelity"
	// QuestionSwap: one outlet's word where another writes another.
	QuestionSwap QuestionKind = "swap"
	// QuestionTopSpeaker: outlets differ in whom they quote most.
	QuestionTopSpeaker QuestionKind = "top_speaker"
	// QuestionMissingSpeaker: some outlets quote a speaker, others do not.
	QuestionMissingSpeaker QuestionKind = "missing_speaker"
	// QuestionOmission: a claim only one outlet carries.
	QuestionOmission QuestionKind = "omission"
	// QuestionOwnership: the outlets are of different kinds.
	QuestionOwnership QuestionKind = "ownership"
	// QuestionHeadlines: an event's headlines to compare.
	QuestionHeadlines QuestionKind = "headlines"
	// QuestionSingle: an event only one outlet reports.
	QuestionSingle QuestionKind = "single"
)

// String returns the kind as report.json writes it.
func (k QuestionKind) String() string { return string(k) }

// Question is what one discussion question claims. Kind says which one
// field holds its facts. Outlet lists are sorted by name.
type Question struct {
	Kind       QuestionKind        `json:"kind"`
	Axis       *AxisFinding        `json:"axis,omitempty"`
	Distance   *DistanceFinding    `json:"distance,omitempty"`
	QuotedOnly *QuotedOnlyFinding  `json:"quoted_only,omitempty"`
	Quote      *QuoteFinding       `json:"quote,omitempty"`
	Swap       *SwapFinding        `json:"swap,omitempty"`
	Voice      *VoiceFinding       `json:"voice,omitempty"`
	Omission   *OmissionFinding    `json:"omission,omitempty"`
	Ownership  []KindOutlets       `json:"ownership,omitempty"`
	Event      *EventArticlesFound `json:"event,omitempty"`
}

// AxisFinding is, for one axis, which pole each outlet's own words mostly
// fall on.
type AxisFinding struct {
	Axis string `json:"axis"`
	// Poles are the poles some outlet mostly uses, in lexicon order.
	Poles []PoleChoice `json:"poles"`
	// Silent are the outlets that use none of the axis's terms in their
	// own voice.
	Silent []string `json:"silent"`
	// Outlets is how many outlets use the axis's terms in their own voice.
	Outlets int `json:"outlets"`
}

// PoleChoice is the outlets whose own words mostly fall on one pole, and
// the pole's terms they (all outlets) used, the most used first.
type PoleChoice struct {
	Pole    string   `json:"pole"`
	Outlets []string `json:"outlets"`
	Terms   []string `json:"terms"`
}

// DistanceFinding lists, per outlet, the words it puts in scare quotes or
// after a distancing word.
type DistanceFinding struct {
	Outlets []DistancedWords `json:"outlets"`
}

// DistancedWords are one outlet's words held at a distance, as written, in
// the order they first appear.
type DistancedWords struct {
	Outlet      string   `json:"outlet"`
	ScareQuoted []string `json:"scare_quoted"`
	Distanced   []string `json:"distanced"`
}

// QuotedOnlyFinding is a loaded term that some outlets use only inside
// quotations while others use it in their own voice.
type QuotedOnlyFinding struct {
	Term       string   `json:"term"`
	QuotedOnly []string `json:"quoted_only"`
	Own        []string `json:"own"`
	// Speakers are whose quotations hold it, by name.
	Speakers []string `json:"speakers"`
}

// QuoteFinding is one quotation that outlets introduce with different
// verbs (Verbs) or carry with different fidelity (Fidelities), each outlet
// by its fullest version.
type QuoteFinding struct {
	Group   string `json:"group"`
	Speaker string `json:"speaker"`
	// Text is the fullest version's text.
	Text       string        `json:"text"`
	Verbs      []VerbUse     `json:"verbs,omitempty"`
	Fidelities []FidelityUse `json:"fidelities,omitempty"`
}

// VerbUse is the outlets introducing a quotation with one verb.
type VerbUse struct {
	Verb    string   `json:"verb"`
	Outlets []string `json:"outlets"`
}

// FidelityUse is the outlets carrying a quotation with one fidelity.
type FidelityUse struct {
	Fidelity Fidelity `json:"fidelity"`
	Outlets  []string `json:"outlets"`
}

// SwapFinding is a word swap: Substitution indexes Result.Substitutions.
type SwapFinding struct {
	Substitution int    `json:"substitution"`
	TermA        string `json:"term_a"`
	OutletA      string `json:"outlet_a"`
	TermB        string `json:"term_b"`
	OutletB      string `json:"outlet_b"`
	Framing      bool   `json:"framing"`
}

// VoiceFinding is whom the outlets quote most in one event
// (QuestionTopSpeaker: Top), or a speaker some outlets quote and others do
// not (QuestionMissingSpeaker: Speaker, With, Without).
type VoiceFinding struct {
	Event   string           `json:"event"`
	Top     []SpeakerOutlets `json:"top,omitempty"`
	Speaker string           `json:"speaker,omitempty"`
	With    []string         `json:"with,omitempty"`
	Without []string         `json:"without,omitempty"`
}

// SpeakerOutlets is a speaker and the outlets that quote them most.
type SpeakerOutlets struct {
	Speaker string   `json:"speaker"`
	Outlets []string `json:"outlets"`
}

// OmissionFinding is a claim only one outlet carries.
type OmissionFinding struct {
	Event   string   `json:"event"`
	Claim   string   `json:"claim"`
	Text    string   `json:"text"`
	Outlet  string   `json:"outlet"`
	Missing []string `json:"missing"`
}

// KindOutlets is the outlets of one registry kind.
type KindOutlets struct {
	Kind    string   `json:"kind"`
	Outlets []string `json:"outlets"`
}

// EventArticlesFound is an event whose headlines are to be compared
// (QuestionHeadlines: Articles of them), or that one article reports
// (QuestionSingle: Article, Outlet).
type EventArticlesFound struct {
	Event    string `json:"event"`
	Articles int    `json:"articles"`
	Article  string `json:"article,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
}

// LargestEvents returns the ids of the n largest events: covered by the
// most outlets (articles without one count as one outlet, as every output
// names them alike), then with the most articles, then earliest, then by
// id. These are the events a handout covers unless told: an event one
// outlet reports, however often, shows no outlet beside another.
func LargestEvents(res *Result, n int) []string {
	outletOf := make(map[string]string, len(res.Articles))
	for _, a := range res.Articles {
		outletOf[a.ID] = OutletName(a.Outlet)
	}
	type ranked struct {
		ev      *Event
		outlets int
	}
	evs := make([]ranked, len(res.Events))
	for i := range res.Events {
		e := &res.Events[i]
		names := make([]string, 0, len(e.Articles))
		for _, id := range e.Articles {
			names = append(names, outletOf[id])
		}
		slices.Sort(names)
		evs[i] = ranked{e, len(slices.Compact(names))}
	}
	slices.SortStableFunc(evs, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.outlets, a.outlets), cmp.Compare(len(b.ev.Articles), len(a.ev.Articles)),
			cmp.Compare(a.ev.Start, b.ev.Start), cmp.Compare(a.ev.ID, b.ev.ID))
	})
	ids := make([]string, 0, min(n, len(evs)))
	for _, r := range evs[:min(n, len(evs))] {
		ids = append(ids, r.ev.ID)
	}
	return ids
}

// FindingsFor returns the findings of the events named, in that order
// (ids the Result lacks, and repeats, are skipped); with no events in the
// Result, of every article. The Result must hold what Build computes.
func FindingsFor(res *Result, events []string) *Findings {
	f := &finder{res: res, out: &Findings{Events: []string{}}}
	f.cover(events)
	f.tally()
	f.quoteGroups()
	f.swaps()
	f.voices()
	f.questions()
	return f.out
}

// FindingsOf returns the Result's stored findings when they cover the
// events named, else computes them (FindingsFor).
func (r *Result) FindingsOf(events []string) *Findings {
	if r.Findings != nil && slices.Equal(r.Findings.Events, events) {
		return r.Findings
	}
	return FindingsFor(r, events)
}

// Pole returns one outlet's tally of one pole (PoleTallies).
func (f *Findings) Pole(outlet, axis, pole string) (narrator, quoted int) {
	i, ok := slices.BinarySearchFunc(f.PoleTallies, Tally{Outlet: outlet, Axis: axis, Pole: pole}, compareTallies)
	if !ok {
		return 0, 0
	}
	return f.PoleTallies[i].Narrator, f.PoleTallies[i].Quoted
}

// compareTallies orders tallies by outlet, axis, pole and term.
func compareTallies(a, b Tally) int {
	return cmp.Or(cmp.Compare(a.Outlet, b.Outlet), cmp.Compare(a.Axis, b.Axis), cmp.Compare(a.Pole, b.Pole), cmp.Compare(a.Term, b.Term))
}

// finder builds one Findings.
type finder struct {
	res      *Result
	out      *Findings
	articles map[string]*corpus.Article
	covered  []*corpus.Article
	shown    map[string]bool // events covered
	inCover  map[string]bool // articles covered
	hits     map[string][]framing.Hit
	axes     []framing.Axis
	groups   map[string][]Quote // covered groups' versions
}

func (f *finder) cover(events []string) {
	res := f.res
	f.articles = make(map[string]*corpus.Article, len(res.Articles))
	for i := range res.Articles {
		f.articles[res.Articles[i].ID] = &res.Articles[i]
	}
	byID := make(map[string]Event, len(res.Events))
	for _, e := range res.Events {
		byID[e.ID] = e
	}
	f.shown = map[string]bool{}
	f.inCover = map[string]bool{}
	for _, id := range events {
		e, ok := byID[id]
		if !ok || f.shown[id] {
			continue
		}
		f.shown[id] = true
		f.out.Events = append(f.out.Events, id)
		ed := EventDates{Event: id}
		for _, a := range e.Articles {
			if art, ok := f.articles[a]; ok {
				f.inCover[a] = true
				ed.Articles++
				if art.Published.IsZero() {
					ed.Undated++
				}
			}
		}
		f.out.EventDates = append(f.out.EventDates, ed)
	}
	if len(res.Events) == 0 {
		for id := range f.articles {
			f.inCover[id] = true
		}
	}
	for id := range f.inCover {
		f.covered = append(f.covered, f.articles[id])
	}
	slices.SortFunc(f.covered, func(a, b *corpus.Article) int {
		return cmp.Or(a.Published.Time.Compare(b.Published.Time), cmp.Compare(a.ID, b.ID))
	})
	seen := map[string]int{}
	f.out.Articles, f.out.Outlets, f.out.OutletArticles = []string{}, []string{}, []OutletArticles{}
	if f.out.EventDates == nil {
		f.out.EventDates = []EventDates{}
	}
	for _, a := range f.covered {
		f.out.Articles = append(f.out.Articles, a.ID)
		f.out.Words += a.Words
		if a.Published.IsZero() {
			f.out.Undated++
		}
		o := OutletName(a.Outlet)
		i, ok := seen[o]
		if !ok {
			i = len(f.out.Outlets)
			seen[o] = i
			f.out.Outlets = append(f.out.Outlets, o)
			f.out.OutletArticles = append(f.out.OutletArticles, OutletArticles{Outlet: o})
		}
		f.out.OutletArticles[i].Articles++
	}
	f.indexHits()
	f.indexAxes()
}

// eventShown reports whether event id is covered; with no events in the
// Result, everything is.
func (f *finder) eventShown(id string) bool {
	return f.shown[id] || len(f.res.Events) == 0
}

// indexHits keeps, per covered article, the hits a page marks in it.
func (f *finder) indexHits() {
	f.hits = MarkedHits(f.res, f.articles, func(id string) bool { return f.inCover[id] })
}

// MarkedHits returns, per article of articles that keep accepts, the hits
// of res whose offsets fit its text, in text order and without overlaps
// (of two overlapping hits the earlier, then the longer, is kept): the
// hits a page marks in the article's text.
func MarkedHits(res *Result, articles map[string]*corpus.Article, keep func(id string) bool) map[string][]framing.Hit {
	hits := map[string][]framing.Hit{}
	if res.Framing == nil {
		return hits
	}
	for _, h := range res.Framing.Hits {
		a, ok := articles[h.Article]
		if !ok || !keep(h.Article) {
			continue
		}
		if h.Start < 0 || h.End <= h.Start || h.End > len(a.Text) || !utf8.RuneStart(a.Text[h.Start]) || h.End < len(a.Text) && !utf8.RuneStart(a.Text[h.End]) {
			continue
		}
		hits[h.Article] = append(hits[h.Article], h)
	}
	for id, hs := range hits {
		slices.SortStableFunc(hs, func(a, b framing.Hit) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
		})
		out := hs[:0]
		end := -1
		for _, h := range hs {
			if h.Start >= end {
				out = append(out, h)
				end = h.End
			}
		}
		hits[id] = out
	}
	return hits
}

// indexAxes lists the lexicon's axes, then axes hits name that the
// lexicon lacks, their poles in name order.
func (f *finder) indexAxes() {
	if f.res.Lex != nil {
		f.axes = slices.Clone(f.res.Lex.Axes)
	}
	known := map[[2]string]bool{}
	for _, ax := range f.axes {
		for _, p := range ax.Poles {
			known[[2]string{ax.ID, p.ID}] = true
		}
	}
	if f.res.Framing == nil {
		return
	}
	extra := map[string][]string{}
	for _, h := range f.res.Framing.Hits {
		if known[[2]string{h.Axis, h.Pole}] {
			continue
		}
		if !slices.Contains(extra[h.Axis], h.Pole) {
			extra[h.Axis] = append(extra[h.Axis], h.Pole)
		}
	}
	for _, axis := range slices.Sorted(maps.Keys(extra)) {
		ax := framing.Axis{ID: axis, Name: axis}
		poles := extra[axis]
		slices.Sort(poles)
		for _, p := range poles {
			ax.Poles = append(ax.Poles, framing.Pole{ID: p, Name: p})
		}
		f.axes = append(f.axes, ax)
	}
}

// tally sums framing.Counts over the covered events: per event counts
// when the Result has events, else the corpus-wide ones.
func (f *finder) tally() {
	f.out.Tallies, f.out.PoleTallies = []Tally{}, []Tally{}
	if f.res.Framing == nil {
		return
	}
	counts := f.res.Framing.Counts
	if len(counts) == 0 && len(f.res.Framing.Hits) > 0 {
		// A Result made without the counts (by hand, or read from an
		// older file) is counted as Build counts.
		eventOf := map[string]string{}
		for _, e := range f.res.Events {
			for _, id := range e.Articles {
				eventOf[id] = e.ID
			}
		}
		counts = framing.CountHits(f.res.Articles, f.res.Framing.Hits, eventOf)
	}
	type key struct{ outlet, axis, pole, term string }
	sums := map[key]*Tally{}
	for _, c := range counts {
		if c.Article != "" || len(f.res.Events) > 0 && !f.shown[c.Event] || len(f.res.Events) == 0 && c.Event != "" {
			continue
		}
		k := key{OutletName(c.Outlet), c.Axis, c.Pole, c.Term}
		t := sums[k]
		if t == nil {
			t = &Tally{Outlet: k.outlet, Axis: c.Axis, Pole: c.Pole, Term: c.Term}
			sums[k] = t
		}
		if c.Voice == framing.Quoted {
			t.Quoted += c.Count
		} else {
			t.Narrator += c.Count
		}
	}
	poles := map[key]*Tally{}
	for k, t := range sums {
		f.out.Tallies = append(f.out.Tallies, *t)
		k.term = ""
		p := poles[k]
		if p == nil {
			p = &Tally{Outlet: k.outlet, Axis: k.axis, Pole: k.pole}
			poles[k] = p
		}
		p.Narrator += t.Narrator
		p.Quoted += t.Quoted
	}
	for _, p := range poles {
		f.out.PoleTallies = append(f.out.PoleTallies, *p)
	}
	first := map[key]int{}
	for _, a := range f.covered {
		o := OutletName(a.Outlet)
		for _, h := range f.hits[a.ID] {
			k := key{o, h.Axis, h.Pole, h.Term}
			if _, ok := first[k]; !ok {
				first[k] = len(first)
			}
		}
	}
	at := func(t Tally) int {
		if n, ok := first[key{t.Outlet, t.Axis, t.Pole, t.Term}]; ok {
			return n
		}
		return len(first)
	}
	slices.SortFunc(f.out.Tallies, func(a, b Tally) int {
		return cmp.Or(cmp.Compare(at(a), at(b)), compareTallies(a, b))
	})
	slices.SortFunc(f.out.PoleTallies, compareTallies)
}

func (f *finder) quoteGroups() {
	f.out.QuoteGroups = []string{}
	f.groups = map[string][]Quote{}
	for _, q := range f.res.Quotes {
		if q.Group == "" || !f.inCover[q.Article] || !f.eventShown(q.Event) && q.Event != "" {
			continue
		}
		f.groups[q.Group] = append(f.groups[q.Group], q)
	}
	type group struct {
		id      string
		outlets int
	}
	var gs []group
	for _, id := range slices.Sorted(maps.Keys(f.groups)) {
		outlets := map[string]bool{}
		for _, q := range f.groups[id] {
			outlets[q.Outlet] = true
		}
		if len(outlets) >= 2 {
			gs = append(gs, group{id, len(outlets)})
		}
	}
	slices.SortStableFunc(gs, func(a, b group) int { return cmp.Compare(b.outlets, a.outlets) })
	for _, g := range gs[:min(len(gs), MaxFindingGroups)] {
		f.out.QuoteGroups = append(f.out.QuoteGroups, g.id)
	}
}

func (f *finder) swaps() {
	f.out.Swaps = []int{}
	var idx []int
	for i, s := range f.res.Substitutions {
		shown := len(s.Examples) == 0
		for _, a := range s.Examples {
			if f.eventShown(a.Event) || a.Event == "" {
				shown = true
			}
		}
		if shown {
			idx = append(idx, i)
		}
	}
	subs := f.res.Substitutions
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := subs[i], subs[j]
		if a.Framing != b.Framing {
			if a.Framing {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.TermA, b.TermA), cmp.Compare(a.TermB, b.TermB))
	})
	f.out.Swaps = append(f.out.Swaps, idx[:min(len(idx), MaxFindingSwaps)]...)
}

// voices sums Result.VoiceShare per covered event, outlet and speaker.
func (f *finder) voices() {
	f.out.Voices = []VoiceEvent{}
	for _, id := range f.out.Events {
		words := map[string]map[string]int{}
		shares := map[string]map[string]float64{}
		totals := map[string]int{}
		shareTotals := map[string]float64{}
		for _, v := range f.res.VoiceShare {
			if v.Event != id || v.Words <= 0 && v.Share <= 0 {
				continue
			}
			if words[v.Outlet] == nil {
				words[v.Outlet] = map[string]int{}
				shares[v.Outlet] = map[string]float64{}
			}
			sp := cmp.Or(strings.TrimSpace(v.Speaker), "unnamed")
			words[v.Outlet][sp] += v.Words
			shares[v.Outlet][sp] += v.Share
			totals[sp] += v.Words
			shareTotals[sp] += v.Share
		}
		if len(words) == 0 {
			continue
		}
		ve := VoiceEvent{Event: id, Speakers: slices.Sorted(maps.Keys(totals))}
		slices.SortStableFunc(ve.Speakers, func(a, b string) int {
			return cmp.Or(cmp.Compare(totals[b], totals[a]), cmp.Compare(shareTotals[b], shareTotals[a]))
		})
		for _, o := range slices.Sorted(maps.Keys(words)) {
			vo := VoiceOutlet{Outlet: o, Speakers: []SpeakerShare{}}
			shareSum := 0.0
			for _, n := range words[o] {
				vo.Words += n
			}
			for _, s := range shares[o] {
				shareSum += s
			}
			for _, sp := range ve.Speakers {
				w, s := words[o][sp], shares[o][sp]
				if w == 0 && s == 0 {
					continue
				}
				// The share is of the words when there are any, else of
				// the shares given.
				share := 0.0
				switch {
				case vo.Words > 0:
					share = float64(w) / float64(vo.Words)
				case shareSum > 0:
					share = s / shareSum
				}
				vo.Speakers = append(vo.Speakers, SpeakerShare{Speaker: sp, Words: w, Share: share})
			}
			ve.Outlets = append(ve.Outlets, vo)
		}
		f.out.Voices = append(f.out.Voices, ve)
	}
}

// Share returns speaker's share of outlet's quoted words in ve, 0 when
// the outlet does not quote them.
func (ve VoiceEvent) Share(outlet, speaker string) float64 {
	for _, o := range ve.Outlets {
		if o.Outlet != outlet {
			continue
		}
		for _, s := range o.Speakers {
			if s.Speaker == speaker {
				return s.Share
			}
		}
	}
	return 0
}

// Quotes returns whether outlet quotes speaker in ve.
func (ve VoiceEvent) Quotes(outlet, speaker string) bool {
	for _, o := range ve.Outlets {
		if o.Outlet != outlet {
			continue
		}
		for _, s := range o.Speakers {
			if s.Speaker == speaker {
				return true
			}
		}
	}
	return false
}

// QuoteGroup returns the group of id, and false when the Result has none.
func (r *Result) QuoteGroup(id string) (QuoteGroup, bool) {
	for _, g := range r.QuoteGroups {
		if g.ID == id {
			return g, true
		}
	}
	return QuoteGroup{}, false
}

// GroupQuotes returns the versions of quote group id in the findings'
// events, in Result.Quotes order.
func (f *Findings) GroupQuotes(res *Result, id string) []Quote {
	shown := map[string]bool{}
	for _, e := range f.Events {
		shown[e] = true
	}
	covered := map[string]bool{}
	for _, a := range f.Articles {
		covered[a] = true
	}
	var out []Quote
	for _, q := range res.Quotes {
		if q.Group == id && covered[q.Article] && (shown[q.Event] || len(res.Events) == 0 || q.Event == "") {
			out = append(out, q)
		}
	}
	return out
}

func (f *finder) questions() {
	var qs []Question
	qs = append(qs, f.qAxes()...)
	qs = append(qs, f.qDistance()...)
	qs = append(qs, f.qQuotedOnly()...)
	qs = append(qs, f.qQuote()...)
	qs = append(qs, f.qSwap()...)
	qs = append(qs, f.qVoice()...)
	qs = append(qs, f.qOmission()...)
	qs = append(qs, f.qOwnership()...)
	if len(qs) < MinQuestions {
		qs = append(qs, f.qHeadlines(MinQuestions-len(qs))...)
	}
	f.out.Questions = qs[:min(len(qs), MaxQuestions)]
	if f.out.Questions == nil {
		f.out.Questions = []Question{}
	}
}

// glanceAxes are the axes with two or more poles and a hit in the covered
// articles.
func (f *finder) glanceAxes() []framing.Axis {
	used := map[string]bool{}
	for _, hs := range f.hits {
		for _, h := range hs {
			used[h.Axis] = true
		}
	}
	var out []framing.Axis
	for _, ax := range f.axes {
		if len(ax.Poles) >= 2 && used[ax.ID] {
			out = append(out, ax)
		}
	}
	return out
}

func (f *finder) qAxes() []Question {
	var found []*AxisFinding
	for _, ax := range f.glanceAxes() {
		// Per outlet, narrator uses per pole; per pole, uses per term.
		poleUses := map[string]map[string]int{}
		termUses := map[string]map[string]int{}
		for _, t := range f.out.Tallies {
			if t.Axis != ax.ID || t.Narrator == 0 {
				continue
			}
			if poleUses[t.Outlet] == nil {
				poleUses[t.Outlet] = map[string]int{}
			}
			poleUses[t.Outlet][t.Pole] += t.Narrator
			if termUses[t.Pole] == nil {
				termUses[t.Pole] = map[string]int{}
			}
			termUses[t.Pole][t.Term] += t.Narrator
		}
		byPole := map[string][]string{}
		for o, uses := range poleUses {
			best := ""
			for _, p := range ax.Poles {
				if uses[p.ID] > uses[best] {
					best = p.ID
				}
			}
			byPole[best] = append(byPole[best], o)
		}
		if len(byPole) < 2 {
			continue
		}
		af := &AxisFinding{Axis: ax.ID, Poles: []PoleChoice{}, Silent: []string{}, Outlets: len(poleUses)}
		for _, p := range ax.Poles {
			outs := byPole[p.ID]
			if len(outs) == 0 {
				continue
			}
			slices.Sort(outs)
			terms := termUses[p.ID]
			top := slices.Sorted(maps.Keys(terms))
			slices.SortStableFunc(top, func(a, b string) int { return cmp.Compare(terms[b], terms[a]) })
			af.Poles = append(af.Poles, PoleChoice{Pole: p.ID, Outlets: outs, Terms: top})
		}
		for _, o := range f.out.Outlets {
			if poleUses[o] == nil {
				af.Silent = append(af.Silent, o)
			}
		}
		slices.Sort(af.Silent)
		found = append(found, af)
	}
	slices.SortStableFunc(found, func(a, b *AxisFinding) int { return cmp.Compare(b.Outlets, a.Outlets) })
	var out []Question
	for _, af := range found[:min(MaxAxisQuestions, len(found))] {
		out = append(out, Question{Kind: QuestionAxis, Axis: af})
	}
	return out
}

func (f *finder) qDistance() []Question {
	byOutlet := map[string]*DistancedWords{}
	for _, a := range f.covered {
		o := OutletName(a.Outlet)
		for _, h := range f.hits[a.ID] {
			if !h.ScareQuoted && !h.Distanced {
				continue
			}
			d := byOutlet[o]
			if d == nil {
				d = &DistancedWords{Outlet: o, ScareQuoted: []string{}, Distanced: []string{}}
				byOutlet[o] = d
			}
			m := cmp.Or(h.Match, h.Term)
			if h.ScareQuoted && !slices.Contains(d.ScareQuoted, m) {
				d.ScareQuoted = append(d.ScareQuoted, m)
			}
			if h.Distanced && !slices.Contains(d.Distanced, m) {
				d.Distanced = append(d.Distanced, m)
			}
		}
	}
	if len(byOutlet) == 0 {
		return nil
	}
	df := &DistanceFinding{}
	for _, o := range slices.Sorted(maps.Keys(byOutlet)) {
		df.Outlets = append(df.Outlets, *byOutlet[o])
	}
	return []Question{{Kind: QuestionDistance, Distance: df}}
}

func (f *finder) qQuotedOnly() []Question {
	type use struct {
		own, quoted, speakers map[string]bool
		total                 int
	}
	uses := map[string]*use{}
	for _, a := range f.covered {
		o := OutletName(a.Outlet)
		for _, h := range f.hits[a.ID] {
			t := strings.ToLower(h.Term)
			u := uses[t]
			if u == nil {
				u = &use{own: map[string]bool{}, quoted: map[string]bool{}, speakers: map[string]bool{}}
				uses[t] = u
			}
			u.total++
			if h.Voice == framing.Quoted {
				u.quoted[o] = true
				if h.Speaker != "" {
					u.speakers[h.Speaker] = true
				}
			} else {
				u.own[o] = true
			}
		}
	}
	best, bestScore := "", 0
	for _, t := range slices.Sorted(maps.Keys(uses)) {
		u := uses[t]
		onlyQuoted := 0
		for o := range u.quoted {
			if !u.own[o] {
				onlyQuoted++
			}
		}
		if onlyQuoted == 0 {
			continue
		}
		if score := onlyQuoted*100 + len(u.own)*10 + u.total; score > bestScore {
			best, bestScore = t, score
		}
	}
	if best == "" {
		return nil
	}
	u := uses[best]
	qf := &QuotedOnlyFinding{Term: best, QuotedOnly: []string{}, Own: slices.Sorted(maps.Keys(u.own)), Speakers: slices.Sorted(maps.Keys(u.speakers))}
	for _, o := range slices.Sorted(maps.Keys(u.quoted)) {
		if !u.own[o] {
			qf.QuotedOnly = append(qf.QuotedOnly, o)
		}
	}
	if qf.Own == nil {
		qf.Own = []string{}
	}
	return []Question{{Kind: QuestionQuotedOnly, QuotedOnly: qf}}
}

// fullest returns the longest version.
func fullest(qs []Quote) Quote {
	best := qs[0]
	for _, q := range qs[1:] {
		if len(q.Text) > len(best.Text) {
			best = q
		}
	}
	return best
}

func (f *finder) qQuote() []Question {
	ids := slices.Clone(f.out.QuoteGroups)
	// The longest quotations make the clearest comparison.
	slices.SortStableFunc(ids, func(a, b string) int {
		return cmp.Compare(len(fullest(f.groups[b]).Text), len(fullest(f.groups[a]).Text))
	})
	for _, id := range ids {
		versions := f.groups[id]
		// Each outlet's verb is the one of its fullest version.
		sorted := f.sortedVersions(versions)
		full := map[string]Quote{}
		for _, q := range sorted {
			if g, ok := full[q.Outlet]; !ok || len(q.Text) > len(g.Text) {
				full[q.Outlet] = q
			}
		}
		verbs := map[string][]string{}
		fid := map[Fidelity][]string{}
		for o, q := range full {
			if q.Verb != "" {
				v := strings.ToLower(q.Verb)
				verbs[v] = append(verbs[v], o)
			}
			if q.Fidelity != "" {
				fid[q.Fidelity] = append(fid[q.Fidelity], o)
			}
		}
		g, _ := f.res.QuoteGroup(id)
		qf := &QuoteFinding{Group: id, Speaker: g.Speaker, Text: fullest(sorted).Text}
		if len(verbs) >= 2 {
			for _, v := range slices.Sorted(maps.Keys(verbs)) {
				outs := verbs[v]
				slices.Sort(outs)
				qf.Verbs = append(qf.Verbs, VerbUse{Verb: v, Outlets: outs})
			}
			return []Question{{Kind: QuestionQuoteVerbs, Quote: qf}}
		}
		if len(fid) >= 2 {
			for _, k := range slices.Sorted(maps.Keys(fid)) {
				outs := fid[k]
				slices.Sort(outs)
				qf.Fidelities = append(qf.Fidelities, FidelityUse{Fidelity: k, Outlets: outs})
			}
			return []Question{{Kind: QuestionQuoteFidelity, Quote: qf}}
		}
	}
	return nil
}

// sortedVersions orders a group's versions by outlet, article and place.
func (f *finder) sortedVersions(qs []Quote) []Quote {
	qs = slices.Clone(qs)
	slices.SortFunc(qs, func(a, b Quote) int {
		return cmp.Or(cmp.Compare(a.Outlet, b.Outlet), cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start))
	})
	return qs
}

func (f *finder) qSwap() []Question {
	if len(f.out.Swaps) == 0 {
		return nil
	}
	i := f.out.Swaps[0]
	s := &f.res.Substitutions[i]
	return []Question{{Kind: QuestionSwap, Swap: &SwapFinding{Substitution: i, TermA: s.TermA, OutletA: s.OutletA, TermB: s.TermB, OutletB: s.OutletB, Framing: s.Framing}}}
}

func (f *finder) qVoice() []Question {
	for _, ve := range f.out.Voices {
		if len(ve.Outlets) < 2 {
			continue
		}
		top := map[string][]string{}
		for _, o := range ve.Outlets {
			best := ""
			for _, sp := range ve.Speakers {
				if ve.Share(o.Outlet, sp) > ve.Share(o.Outlet, best) {
					best = sp
				}
			}
			if best != "" {
				top[best] = append(top[best], o.Outlet)
			}
		}
		if len(top) >= 2 {
			vf := &VoiceFinding{Event: ve.Event}
			for _, sp := range slices.Sorted(maps.Keys(top)) {
				vf.Top = append(vf.Top, SpeakerOutlets{Speaker: sp, Outlets: top[sp]})
			}
			return []Question{{Kind: QuestionTopSpeaker, Voice: vf}}
		}
		for _, sp := range ve.Speakers {
			var with, without []string
			for _, o := range ve.Outlets {
				if ve.Quotes(o.Outlet, sp) {
					with = append(with, o.Outlet)
				} else {
					without = append(without, o.Outlet)
				}
			}
			if len(with) > 0 && len(without) > 0 {
				return []Question{{Kind: QuestionMissingSpeaker, Voice: &VoiceFinding{Event: ve.Event, Speaker: sp, With: with, Without: without}}}
			}
		}
	}
	return nil
}

func (f *finder) qOmission() []Question {
	for _, c := range f.res.Coverage {
		if len(c.Outlets) != 1 || len(c.Missing) == 0 || !f.eventShown(c.Event) {
			continue
		}
		missing := slices.Clone(c.Missing)
		slices.Sort(missing)
		return []Question{{Kind: QuestionOmission, Omission: &OmissionFinding{Event: c.Event, Claim: c.ID, Text: c.Text, Outlet: c.Outlets[0], Missing: missing}}}
	}
	return nil
}

// outletKind is the registry kind of a covered outlet, "" when unknown.
func (f *finder) outletKind(name string) string {
	kind := ""
	for _, o := range f.res.Outlets {
		if strings.EqualFold(o.Name, name) {
			kind = o.Kind
		}
	}
	return strings.TrimSpace(kind)
}

func (f *finder) qOwnership() []Question {
	kinds := map[string][]string{}
	for _, o := range f.out.Outlets {
		if k := f.outletKind(o); k != "" {
			kinds[k] = append(kinds[k], o)
		}
	}
	if len(kinds) < 2 {
		return nil
	}
	var ko []KindOutlets
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		outs := kinds[k]
		slices.Sort(outs)
		ko = append(ko, KindOutlets{Kind: k, Outlets: outs})
	}
	return []Question{{Kind: QuestionOwnership, Ownership: ko}}
}

func (f *finder) qHeadlines(n int) []Question {
	byID := make(map[string]Event, len(f.res.Events))
	for _, e := range f.res.Events {
		byID[e.ID] = e
	}
	var out []Question
	for _, id := range f.out.Events {
		if len(out) == n {
			break
		}
		var arts []*corpus.Article
		for _, a := range byID[id].Articles {
			if art, ok := f.articles[a]; ok {
				arts = append(arts, art)
			}
		}
		switch {
		case len(arts) > 1:
			out = append(out, Question{Kind: QuestionHeadlines, Event: &EventArticlesFound{Event: id, Articles: len(arts)}})
		case len(arts) == 1 && len(f.hits[arts[0].ID]) > 0:
			out = append(out, Question{Kind: QuestionSingle, Event: &EventArticlesFound{Event: id, Articles: 1, Article: arts[0].ID, Outlet: OutletName(arts[0].Outlet)}})
		}
	}
	return out
}

// OutletFigures are one outlet's figures over the whole corpus, for
// summaries that cover every article rather than a handout's events.
type OutletFigures struct {
	// Outlet is the articles' outlet as given ("" for none).
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
	// Words are its articles' words (corpus.Article.Words).
	Words int `json:"words"`
	// Quotes are its quotations outside headlines.
	Quotes int `json:"quotes"`
	// Fidelities count those quotations per fidelity, in QuoteFidelities
	// order, zeros included.
	Fidelities []FidelityCount `json:"fidelities"`
	// Speakers count those quotations per named speaker, the most quoted
	// first, then by name.
	Speakers []SpeakerCount `json:"speakers"`
}

// FidelityCount is how many quotations carry one fidelity.
type FidelityCount struct {
	Fidelity Fidelity `json:"fidelity"`
	Quotes   int      `json:"quotes"`
}

// SpeakerCount is how many quotations one speaker has.
type SpeakerCount struct {
	Speaker string `json:"speaker"`
	Quotes  int    `json:"quotes"`
}

// QuoteFidelities are the fidelities a Quote may have, in the order
// summaries list them.
var QuoteFidelities = []Fidelity{FidelityVerbatim, FidelityTrimmed, FidelityExtended, FidelityParaphrased, FidelityUnique}

// FiguresOfOutlets returns every outlet's figures (OutletFigures), sorted
// by outlet.
func FiguresOfOutlets(res *Result) []OutletFigures {
	by := map[string]*OutletFigures{}
	speakers := map[string]map[string]int{}
	get := func(o string) *OutletFigures {
		f := by[o]
		if f == nil {
			f = &OutletFigures{Outlet: o, Fidelities: make([]FidelityCount, len(QuoteFidelities)), Speakers: []SpeakerCount{}}
			for i, fd := range QuoteFidelities {
				f.Fidelities[i].Fidelity = fd
			}
			by[o] = f
			speakers[o] = map[string]int{}
		}
		return f
	}
	for _, a := range res.Articles {
		f := get(a.Outlet)
		f.Articles++
		f.Words += a.Words
	}
	for _, q := range res.Quotes {
		if q.Headline {
			continue
		}
		f := get(q.Outlet)
		f.Quotes++
		if i := slices.Index(QuoteFidelities, q.Fidelity); i >= 0 {
			f.Fidelities[i].Quotes++
		}
		if q.Speaker != "" {
			speakers[q.Outlet][q.Speaker]++
		}
	}
	out := make([]OutletFigures, 0, len(by))
	for _, o := range slices.Sorted(maps.Keys(by)) {
		f := by[o]
		for s, n := range speakers[o] {
			f.Speakers = append(f.Speakers, SpeakerCount{Speaker: s, Quotes: n})
		}
		slices.SortFunc(f.Speakers, func(a, b SpeakerCount) int {
			return cmp.Or(cmp.Compare(b.Quotes, a.Quotes), cmp.Compare(a.Speaker, b.Speaker))
		})
		out = append(out, *f)
	}
	return out
}

// OutletFiguresOf returns the Result's stored outlet figures, else
// computes them (FiguresOfOutlets).
func (r *Result) OutletFiguresOf() []OutletFigures {
	if r.OutletFigures != nil {
		return r.OutletFigures
	}
	return FiguresOfOutlets(r)
}
