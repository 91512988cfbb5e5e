// Package compare finds which articles report the same event, lines their
// sentences and quotations up, and records what differs: word swaps,
// omissions, reused text and who gets to speak. Its Result is the one model
// every report writer reads.
package compare

import (
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// SchemaVersion is the version of report.json's layout.
const SchemaVersion = 1

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
	Op   string `json:"op"` // "equal", "insert" or "delete"
	Text string `json:"text"`
}

// Alignment is a pair of sentences from two articles of one event that say
// the same thing.
type Alignment struct {
	Event      string      `json:"event"`
	A          SentenceRef `json:"a"`
	B          SentenceRef `json:"b"`
	Kind       string      `json:"kind"` // "verbatim", "near" or "paraphrase"
	Similarity float64     `json:"similarity"`
	Diff       []DiffOp    `json:"diff"`
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
	Axis     string      `json:"axis,omitempty"`
	Framing  bool        `json:"framing"`
	Examples []Alignment `json:"examples"`
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
	// Fidelity compares this version with the group's fullest one:
	// "verbatim", "trimmed", "extended", "paraphrased" or "unique".
	Fidelity string `json:"fidelity"`
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
}
