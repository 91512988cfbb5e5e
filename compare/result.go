// Package compare finds which articles report the same event, lines their
// sentences and quotations up, and records what differs: word swaps,
// omissions, reused text and who gets to speak. Its Result is the one model
// every report writer reads.
//
// Build runs the stages in order:
//
//   - Events: candidate pairs are every pair within the date window in a
//     small corpus, otherwise those sharing a top-weighted content word, a
//     person or a named entity within the window (an inverted index blocked
//     by date), plus near-copies found by MinHash over word trigrams;
//     candidates are scored by TF-IDF cosine, shared named entities and
//     people, and date proximity, and merged by average-linkage
//     clustering whose events never span more than the window
//     (DefaultEventThreshold, DefaultDateWindowDays). An article's own
//     event field overrides grouping.
//   - Alignment: within an event, every pair of articles is aligned
//     sentence by sentence, in any order, with splits and shared clauses;
//     each pair is verbatim, near or paraphrase (NearDice,
//     ParaphraseCosine) with a go-diff word diff.
//   - Substitutions: one- to four-word swaps between equal words of aligned
//     passages, graded against the lexicon's axes.
//   - Quotations: direct quotations with speaker (names, pronouns and roles
//     resolved through data/entities.yaml) and attribution verb, followed
//     across the outlets of an event, and each outlet's voice share.
//   - Reuse and coverage: long shared narrative runs between articles, and
//     which outlets carry each claim, measured against primary sources.
//   - Findings: what a handout states about the largest events (tallies
//     per outlet, pole and term, shared quotations, swaps, voices and the
//     facts of each discussion question), so that every writer states the
//     same facts and only words them (FindingsFor for other events).
//
// The result depends only on the articles and options: not on their order,
// the number of workers or the machine.
package compare

import (
	"strings"
	"time"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// SchemaVersion is the version of report.json's layout.
const SchemaVersion = 2

// Result is everything the tool found in a corpus.
type Result struct {
	SchemaVersion int         `json:"schema_version"`
	Tool          Tool        `json:"tool"`
	Settings      Settings    `json:"settings"`
	Lexicon       LexiconInfo `json:"lexicon"`
	// Lex is the lexicon itself, for glossaries and pole colours.
	Lex      *framing.Lexicon `json:"-"`
	Articles []corpus.Article `json:"articles"`
	// Outlets are the registry entries of the outlets present, by name.
	Outlets []corpus.Outlet `json:"outlets"`
	// Warnings are corpus-level problems (unreadable files and the like).
	Warnings []string `json:"warnings"`

	Framing       *Framing                  `json:"framing,omitempty"`
	Distinctive   []framing.DistinctiveTerm `json:"distinctive,omitempty"`
	Events        []Event                   `json:"events,omitempty"`
	Alignments    []Alignment               `json:"alignments,omitempty"`
	Substitutions []Substitution            `json:"substitutions,omitempty"`
	Quotes        []Quote                   `json:"quotes,omitempty"`
	VoiceShare    []VoiceShare              `json:"voice_share,omitempty"`
	Reuse         []Reuse                   `json:"reuse,omitempty"`
	Coverage      []Claim                   `json:"coverage,omitempty"`
	// QuoteGroups follow one quotation across the outlets of its event,
	// including the outlets that leave it out.
	QuoteGroups []QuoteGroup `json:"quote_groups,omitempty"`
	// PrimaryCoverage says, for each primary-source article, how many of
	// its points each outlet of the event reports.
	PrimaryCoverage []PrimaryCoverage `json:"primary_coverage,omitempty"`
	// Findings are what a handout states about the largest events
	// (DefaultFindingEvents): set once every event is compared. A writer
	// covering other events gets theirs from FindingsOf.
	Findings *Findings `json:"findings,omitempty"`
	// OutletFigures are every outlet's articles, words and quotation
	// counts over the whole corpus, sorted by outlet: set with Findings.
	OutletFigures []OutletFigures `json:"outlet_figures,omitempty"`
}

// Tool names the program that wrote a Result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Settings are the options a Result was computed with.
type Settings struct {
	DateWindowDays int     `json:"date_window_days"`
	EventThreshold float64 `json:"event_threshold"`
	// Entities names the gazetteer the Result was computed with.
	Entities EntitiesInfo `json:"entities"`
}

// EntitiesInfo identifies a gazetteer: Entities.Name and Entities.Digest.
type EntitiesInfo struct {
	Name   string `json:"name"`
	Digest string `json:"digest"`
}

// LexiconInfo identifies the lexicon a Result was computed with.
type LexiconInfo struct {
	Name   string `json:"name"`
	Digest string `json:"digest"`
}

// Framing holds every lexicon hit and the counts made from them.
type Framing struct {
	Hits   []framing.Hit   `json:"hits"`
	Counts []framing.Count `json:"counts"`
	// Markers are the hedges, distancing words, attribution verbs and
	// scare quotes found (framing.Matcher.Markers); MarkerCounts counts
	// them per outlet, as Counts does hits.
	Markers      []framing.MarkerHit   `json:"markers,omitempty"`
	MarkerCounts []framing.MarkerCount `json:"marker_counts,omitempty"`
}

// Event is a group of articles reporting the same happening.
type Event struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Start and End are the earliest and latest publication dates, in
	// corpus.Date's string form; empty when no article is dated.
	Start    string   `json:"start"`
	End      string   `json:"end"`
	Articles []string `json:"articles"`
}

// SentenceRef points at one sentence of one article.
type SentenceRef struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	// Start and End are byte offsets of Text in the article's cleaned text:
	// a whole sentence, or the part of one that aligns.
	Start int `json:"start"`
	End   int `json:"end"`
	// Sentences lists every sentence index when the passage spans more than
	// one (a sentence the other side splits in two).
	Sentences []int `json:"sentences,omitempty"`
}

// DiffOp is one run of a word diff.
type DiffOp struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Alignment is a pair of sentences from two articles of one event that say
// the same thing.
type Alignment struct {
	Event      string      `json:"event"`
	A          SentenceRef `json:"a"`
	B          SentenceRef `json:"b"`
	Kind       AlignKind   `json:"kind"`
	Similarity float64     `json:"similarity"`
	Diff       []DiffOp    `json:"diff"`
	// Speaker is set when the aligned words are a direct quotation: whose
	// words they are.
	Speaker string `json:"speaker,omitempty"`
}

// Substitution is a word or phrase one outlet replaces with another in
// otherwise equal context.
type Substitution struct {
	TermA   string `json:"term_a"`
	TermB   string `json:"term_b"`
	OutletA string `json:"outlet_a"`
	OutletB string `json:"outlet_b"`
	Count   int    `json:"count"`
	// Axis is set when the two sides sit on different poles of one axis.
	Axis    string `json:"axis,omitempty"`
	Framing bool   `json:"framing"`
	// PoleA and PoleB are the lexicon poles of the two sides, when known.
	PoleA string `json:"pole_a,omitempty"`
	PoleB string `json:"pole_b,omitempty"`
	// Suggestion is true when the lexicon lacks a side of a swap that is not
	// a framing swap: a candidate for the lexicon.
	Suggestion bool        `json:"suggestion"`
	Examples   []Alignment `json:"examples"`
}

// Quote is a direct quotation in one article.
type Quote struct {
	ID       string `json:"id"`
	Event    string `json:"event"`
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Speaker  string `json:"speaker"`
	Verb     string `json:"verb"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Group joins the versions of the same quotation across outlets.
	Group string `json:"group,omitempty"`
	// Headline is true for a "Speaker: words" subheading, which the outlet
	// writes in its speaker's name; it does not count towards voice share.
	Headline bool `json:"headline,omitempty"`
	// Fidelity compares this version with its group's reference version
	// (the primary source's, else the earliest published, else the first by
	// article id): FidelityVerbatim, FidelityTrimmed, FidelityExtended,
	// FidelityParaphrased or FidelityUnique.
	Fidelity Fidelity `json:"fidelity"`
}

// QuoteGroup is one quotation followed across the outlets of its event.
type QuoteGroup struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	// Speaker is the name most of its versions give; a name beats a
	// description ("union leader"), and the versions that gave the
	// description are given the name.
	Speaker string `json:"speaker"`
	// Text is the reference version's text.
	Text     string         `json:"text"`
	Versions []QuoteVersion `json:"versions"`
}

// QuoteVersion is how one outlet carries a quotation: Fidelity is a Quote's
// fidelity, FidelityReported when the outlet gives the words in reported
// speech (a sentence of its own, not quoted), or FidelityAbsent.
type QuoteVersion struct {
	Outlet   string   `json:"outlet"`
	Article  string   `json:"article,omitempty"`
	Sentence int      `json:"sentence"`
	Fidelity Fidelity `json:"fidelity"`
	Quote    string   `json:"quote,omitempty"` // the Quote's id
}

// PrimaryCoverage is how many of a primary source's points one outlet
// reports.
type PrimaryCoverage struct {
	Event    string   `json:"event"`
	Primary  string   `json:"primary"` // article id
	Outlet   string   `json:"outlet"`
	Points   int      `json:"points"`
	Reported int      `json:"reported"`
	Share    float64  `json:"share"`
	Missing  []string `json:"missing"` // claim ids not reported
}

// VoiceShare is how many quoted words one speaker gets in one outlet's
// coverage of one event.
type VoiceShare struct {
	Event   string  `json:"event"`
	Outlet  string  `json:"outlet"`
	Speaker string  `json:"speaker"`
	Words   int     `json:"words"`
	Share   float64 `json:"share"`
}

// Reuse records two articles sharing long verbatim runs of text.
type Reuse struct {
	A string `json:"a"`
	B string `json:"b"`
	// ShareA and ShareB are the fractions of each article's words reused.
	ShareA float64 `json:"share_a"`
	ShareB float64 `json:"share_b"`
	// First is the id of the earlier article, when dates tell.
	First string `json:"first,omitempty"`
	// Event is the event both articles belong to.
	Event string `json:"event"`
	// Words is the number of narrative words (outside quotations) in shared
	// runs; Longest is the longest shared run in words.
	Words   int `json:"words"`
	Longest int `json:"longest"`
	// Runs are the shared runs' texts, as in A, longest first (at most 5).
	Runs []string `json:"runs"`
}

// Claim is a group of aligned sentences within one event, and which outlets
// carry it.
type Claim struct {
	Event   string   `json:"event"`
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Outlets []string `json:"outlets"`
	Missing []string `json:"missing"`
	// Primary is true when a primary-source article carries the claim.
	Primary bool `json:"primary,omitempty"`
	// Sentences are the claim's sentences, one reference per article
	// sentence, in article order.
	Sentences []SentenceRef `json:"sentences"`
}

// LongDate formats a date string of a Result ("2006-01-02…") as
// "7 September 2018"; anything else is returned as it is.
func LongDate(s string) string {
	if len(s) < 10 {
		return s
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}

// DateRange formats an event's Start and End as one date, a range
// ("7 September 2018 – 9 September 2018") or "undated".
func DateRange(from, to string) string {
	from, to = LongDate(from), LongDate(to)
	switch {
	case from == "" && to == "":
		return "undated"
	case from == to || to == "":
		return from
	case from == "":
		return to
	}
	return from + " – " + to
}

// Name is the event's label without its trailing date ("Tehran summit:
// Putin, Erdogan, Rouhani"), or its id when it has no label.
func (e Event) Name() string {
	label := e.Label
	if label == "" {
		label = e.ID
	}
	for _, sep := range []string{" — ", " – ", " - "} {
		if i := strings.LastIndex(label, sep); i > 0 {
			return label[:i]
		}
	}
	return label
}
