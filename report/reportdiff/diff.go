package reportdiff

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
)

// Diff is what changed from one report to the next. Every list is sorted,
// so the same two reports give the same Diff.
type Diff struct {
	ArticlesAdded   []ArticleRef  `json:"articles_added"`
	ArticlesRemoved []ArticleRef  `json:"articles_removed"`
	OutletsAdded    []string      `json:"outlets_added"`
	OutletsRemoved  []string      `json:"outlets_removed"`
	Events          []EventChange `json:"events"`
	// Terms are per-outlet count changes of one term in one voice.
	Terms []TermChange `json:"terms"`
	// TermTotals are the same changes summed over outlets, largest first.
	TermTotals    []TermTotal     `json:"term_totals"`
	SwapsNew      []Swap          `json:"swaps_new"`
	SwapsLost     []Swap          `json:"swaps_lost"`
	QuotesAdded   int             `json:"quotes_added"`
	QuotesRemoved int             `json:"quotes_removed"`
	Speakers      []SpeakerChange `json:"speakers"`
}

// ArticleRef names an article.
type ArticleRef struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
}

// ChangeKind is how an event changed between two reports. Its order is the
// order changes are listed in.
type ChangeKind int

// The kinds of event change.
const (
	// Formed: an event of only new articles.
	Formed ChangeKind = iota
	// Merged: articles of several old events now in one.
	Merged
	// Split: an old event's articles now in several.
	Split
	// Changed: articles added to or removed from one event.
	Changed
	// Gone: every article of an old event removed.
	Gone
)

// ChangeKinds are the kinds of event change, in listing order.
var ChangeKinds = []ChangeKind{Formed, Merged, Split, Changed, Gone}

var changeKindNames = [...]string{Formed: "formed", Merged: "merged", Split: "split", Changed: "changed", Gone: "gone"}

// String returns the kind's name: "formed", "merged", "split", "changed"
// or "gone", as written in every output and rule.
func (k ChangeKind) String() string {
	if k < 0 || int(k) >= len(changeKindNames) {
		return fmt.Sprintf("ChangeKind(%d)", int(k))
	}
	return changeKindNames[k]
}

// MarshalText writes the kind as its name, so that JSON states it as text.
func (k ChangeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's name.
func (k *ChangeKind) UnmarshalText(b []byte) error {
	for _, c := range ChangeKinds {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("unknown event change %q", b)
}

// EventChange is one event that formed, merged, split, changed its
// articles or disappeared.
type EventChange struct {
	Kind  ChangeKind `json:"kind"`
	ID    string     `json:"id"`
	Label string     `json:"label"`
	// From are the old events of a merged or changed event; To are the new
	// events of a split one.
	From            []string `json:"from,omitempty"`
	To              []string `json:"to,omitempty"`
	ArticlesAdded   []string `json:"articles_added,omitempty"`
	ArticlesRemoved []string `json:"articles_removed,omitempty"`
}

// TermChange is a change in how often one outlet uses one term in one
// voice, across the whole corpus.
type TermChange struct {
	Outlet    string  `json:"outlet"`
	Axis      string  `json:"axis"`
	Pole      string  `json:"pole"`
	Term      string  `json:"term"`
	Voice     string  `json:"voice"`
	Old       int     `json:"old"`
	New       int     `json:"new"`
	Delta     int     `json:"delta"`
	OldRate   float64 `json:"old_per_1000_words"`
	NewRate   float64 `json:"new_per_1000_words"`
	NewOutlet bool    `json:"new_outlet"`
}

// TermTotal is a term's change in one voice summed over outlets.
type TermTotal struct {
	Term    string   `json:"term"`
	Axis    string   `json:"axis"`
	Pole    string   `json:"pole"`
	Voice   string   `json:"voice"`
	Delta   int      `json:"delta"`
	Outlets []string `json:"outlets"`
}

// SpeakerChange is a change in how many quotations an outlet gives one
// speaker.
type SpeakerChange struct {
	Outlet  string `json:"outlet"`
	Speaker string `json:"speaker"`
	Old     int    `json:"old"`
	New     int    `json:"new"`
}

// Compare returns what changed from old to new.
func Compare(old, new *Report) *Diff {
	d := &Diff{}
	d.articles(old, new)
	d.events(old, new)
	d.terms(old, new)
	d.swaps(old, new)
	d.quotes(old, new)
	return d
}

func (d *Diff) articles(old, new *Report) {
	oldIDs := articleSet(old)
	newIDs := articleSet(new)
	for _, a := range new.Articles {
		if _, ok := oldIDs[a.ID]; !ok {
			d.ArticlesAdded = append(d.ArticlesAdded, ArticleRef{a.ID, a.Outlet, a.Title})
		}
	}
	for _, a := range old.Articles {
		if _, ok := newIDs[a.ID]; !ok {
			d.ArticlesRemoved = append(d.ArticlesRemoved, ArticleRef{a.ID, a.Outlet, a.Title})
		}
	}
	sortRefs(d.ArticlesAdded)
	sortRefs(d.ArticlesRemoved)
	oldOutlets, newOutlets := outletSet(old), outletSet(new)
	d.OutletsAdded = minus(newOutlets, oldOutlets)
	d.OutletsRemoved = minus(oldOutlets, newOutlets)
}

func articleSet(r *Report) map[string]Article {
	m := make(map[string]Article, len(r.Articles))
	for _, a := range r.Articles {
		m[a.ID] = a
	}
	return m
}

func outletSet(r *Report) map[string]bool {
	m := map[string]bool{}
	for _, a := range r.Articles {
		if a.Outlet != "" {
			m[a.Outlet] = true
		}
	}
	return m
}

// minus returns the keys of a not in b, sorted.
func minus(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func sortRefs(refs []ArticleRef) {
	sort.Slice(refs, func(i, j int) bool { return refs[i].ID < refs[j].ID })
}

// events classifies each event by where its articles were before: an
// event's identity is its set of articles, not its id, because ids are
// derived from the content and change when an event grows.
func (d *Diff) events(old, new *Report) {
	oldOf := eventOf(old)
	newOf := eventOf(new)
	oldByID := eventsByID(old)
	for _, e := range new.Events {
		from := map[string]bool{}
		var added []string
		for _, a := range e.Articles {
			if o, ok := oldOf[a]; ok {
				from[o] = true
			} else {
				added = append(added, a)
			}
		}
		sort.Strings(added)
		switch len(from) {
		case 0:
			d.Events = append(d.Events, EventChange{Kind: Formed, ID: e.ID, Label: e.Label, ArticlesAdded: added})
		case 1:
			var o string
			for k := range from {
				o = k
			}
			removed := lostArticles(oldByID[o], newOf, e.ID)
			if len(added) > 0 || len(removed) > 0 || o != e.ID {
				if splitsInto(oldByID[o], newOf) > 1 {
					// Reported once, as the split of the old event.
					continue
				}
				d.Events = append(d.Events, EventChange{Kind: Changed, ID: e.ID, Label: e.Label,
					From: []string{o}, ArticlesAdded: added, ArticlesRemoved: removed})
			}
		default:
			d.Events = append(d.Events, EventChange{Kind: Merged, ID: e.ID, Label: e.Label,
				From: slices.Sorted(maps.Keys(from)), ArticlesAdded: added})
		}
	}
	for _, e := range old.Events {
		to := map[string]bool{}
		for _, a := range e.Articles {
			if n, ok := newOf[a]; ok {
				to[n] = true
			}
		}
		switch {
		case len(to) == 0:
			d.Events = append(d.Events, EventChange{Kind: Gone, ID: e.ID, Label: e.Label,
				ArticlesRemoved: append([]string(nil), e.Articles...)})
		case len(to) > 1:
			d.Events = append(d.Events, EventChange{Kind: Split, ID: e.ID, Label: e.Label, To: slices.Sorted(maps.Keys(to))})
		}
	}
	sort.SliceStable(d.Events, func(i, j int) bool {
		a, b := d.Events[i], d.Events[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.ID < b.ID
	})
}

// lostArticles returns the old event's articles that are no longer in the
// report or no longer in event id.
func lostArticles(old Event, newOf map[string]string, id string) []string {
	var out []string
	for _, a := range old.Articles {
		if n, ok := newOf[a]; !ok || n != id {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

func splitsInto(old Event, newOf map[string]string) int {
	to := map[string]bool{}
	for _, a := range old.Articles {
		if n, ok := newOf[a]; ok {
			to[n] = true
		}
	}
	return len(to)
}

func eventOf(r *Report) map[string]string {
	m := map[string]string{}
	for _, e := range r.Events {
		for _, a := range e.Articles {
			m[a] = e.ID
		}
	}
	return m
}

func eventsByID(r *Report) map[string]Event {
	m := make(map[string]Event, len(r.Events))
	for _, e := range r.Events {
		m[e.ID] = e
	}
	return m
}

type termKey struct{ outlet, axis, pole, term, voice string }

func corpusCounts(r *Report) map[termKey]Count {
	m := map[termKey]Count{}
	for _, c := range r.Framing.Counts {
		if c.Event != "" || c.Article != "" {
			continue
		}
		m[termKey{c.Outlet, c.Axis, c.Pole, c.Term, c.Voice}] = c
	}
	return m
}

func (d *Diff) terms(old, new *Report) {
	oc, nc := corpusCounts(old), corpusCounts(new)
	newOutlets := map[string]bool{}
	for _, o := range d.OutletsAdded {
		newOutlets[o] = true
	}
	keys := map[termKey]bool{}
	for k := range oc {
		keys[k] = true
	}
	for k := range nc {
		keys[k] = true
	}
	type totalKey struct{ term, axis, pole, voice string }
	totals := map[totalKey]*TermTotal{}
	for k := range keys {
		o, n := oc[k], nc[k]
		if o.Count == n.Count && math.Abs(o.Per1000Words-n.Per1000Words) < 0.005 {
			continue
		}
		d.Terms = append(d.Terms, TermChange{
			Outlet: k.outlet, Axis: k.axis, Pole: k.pole, Term: k.term, Voice: k.voice,
			Old: o.Count, New: n.Count, Delta: n.Count - o.Count,
			OldRate: o.Per1000Words, NewRate: n.Per1000Words, NewOutlet: newOutlets[k.outlet],
		})
		if n.Count == o.Count {
			continue
		}
		tk := totalKey{k.term, k.axis, k.pole, k.voice}
		t := totals[tk]
		if t == nil {
			t = &TermTotal{Term: k.term, Axis: k.axis, Pole: k.pole, Voice: k.voice}
			totals[tk] = t
		}
		t.Delta += n.Count - o.Count
		t.Outlets = append(t.Outlets, k.outlet)
	}
	sort.Slice(d.Terms, func(i, j int) bool {
		a, b := d.Terms[i], d.Terms[j]
		if abs(a.Delta) != abs(b.Delta) {
			return abs(a.Delta) > abs(b.Delta)
		}
		return lessKey(termKey{a.Outlet, a.Axis, a.Pole, a.Term, a.Voice}, termKey{b.Outlet, b.Axis, b.Pole, b.Term, b.Voice})
	})
	for _, t := range totals {
		if t.Delta == 0 {
			continue
		}
		sort.Strings(t.Outlets)
		d.TermTotals = append(d.TermTotals, *t)
	}
	sort.Slice(d.TermTotals, func(i, j int) bool {
		a, b := d.TermTotals[i], d.TermTotals[j]
		if abs(a.Delta) != abs(b.Delta) {
			return abs(a.Delta) > abs(b.Delta)
		}
		return a.Term+"\x00"+a.Voice+"\x00"+a.Axis+"\x00"+a.Pole < b.Term+"\x00"+b.Voice+"\x00"+b.Axis+"\x00"+b.Pole
	})
}

func lessKey(a, b termKey) bool {
	as := []string{a.outlet, a.term, a.voice, a.axis, a.pole}
	bs := []string{b.outlet, b.term, b.voice, b.axis, b.pole}
	for i := range as {
		if as[i] != bs[i] {
			return as[i] < bs[i]
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

type swapKey struct{ a, b, oa, ob string }

func swapSet(r *Report) map[swapKey]Swap {
	m := map[swapKey]Swap{}
	for _, s := range r.Substitutions {
		m[swapKey{s.TermA, s.TermB, s.OutletA, s.OutletB}] = s
	}
	return m
}

func (d *Diff) swaps(old, new *Report) {
	os, ns := swapSet(old), swapSet(new)
	for k, s := range ns {
		if _, ok := os[k]; !ok {
			d.SwapsNew = append(d.SwapsNew, s)
		}
	}
	for k, s := range os {
		if _, ok := ns[k]; !ok {
			d.SwapsLost = append(d.SwapsLost, s)
		}
	}
	sortSwaps(d.SwapsNew)
	sortSwaps(d.SwapsLost)
}

func sortSwaps(s []Swap) {
	sort.Slice(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Framing != b.Framing {
			return a.Framing
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return strings.Join([]string{a.TermA, a.TermB, a.OutletA, a.OutletB}, "\x00") <
			strings.Join([]string{b.TermA, b.TermB, b.OutletA, b.OutletB}, "\x00")
	})
}

type quoteKey struct{ article, text string }
type speakerKey struct{ outlet, speaker string }

func (d *Diff) quotes(old, new *Report) {
	oq, nq := map[quoteKey]bool{}, map[quoteKey]bool{}
	os, ns := map[speakerKey]int{}, map[speakerKey]int{}
	for _, q := range old.Quotes {
		oq[quoteKey{q.Article, q.Text}] = true
		if !q.Headline {
			os[speakerKey{q.Outlet, q.Speaker}]++
		}
	}
	for _, q := range new.Quotes {
		nq[quoteKey{q.Article, q.Text}] = true
		if !q.Headline {
			ns[speakerKey{q.Outlet, q.Speaker}]++
		}
	}
	for k := range nq {
		if !oq[k] {
			d.QuotesAdded++
		}
	}
	for k := range oq {
		if !nq[k] {
			d.QuotesRemoved++
		}
	}
	keys := map[speakerKey]bool{}
	for k := range os {
		keys[k] = true
	}
	for k := range ns {
		keys[k] = true
	}
	for k := range keys {
		if os[k] != ns[k] {
			d.Speakers = append(d.Speakers, SpeakerChange{Outlet: k.outlet, Speaker: k.speaker, Old: os[k], New: ns[k]})
		}
	}
	sort.Slice(d.Speakers, func(i, j int) bool {
		a, b := d.Speakers[i], d.Speakers[j]
		if a.Outlet != b.Outlet {
			return a.Outlet < b.Outlet
		}
		return a.Speaker < b.Speaker
	})
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool {
	return len(d.ArticlesAdded)+len(d.ArticlesRemoved)+len(d.OutletsAdded)+len(d.OutletsRemoved)+
		len(d.Events)+len(d.Terms)+len(d.SwapsNew)+len(d.SwapsLost)+d.QuotesAdded+d.QuotesRemoved+
		len(d.Speakers) == 0
}
