package reportdiff

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Rule is a threshold on one measure of a Diff, such as
// "terms.narrator.delta>5". A rule fails when its comparison holds.
type Rule struct {
	Measure string
	Op      string
	Value   float64
	text    string
}

// String returns the rule as written.
func (r Rule) String() string { return r.text }

// measures names every measure a rule may use, with what it means; the
// names are documented in docs/ci.md.
var measures = map[string]string{
	"articles.added":        "articles in the new report only",
	"articles.removed":      "articles in the old report only",
	"outlets.added":         "outlets in the new report only",
	"outlets.removed":       "outlets in the old report only",
	"events.formed":         "events made only of new articles",
	"events.merged":         "events joining articles of several old events",
	"events.split":          "old events whose articles are now in several events",
	"events.changed":        "events that gained or lost articles",
	"events.gone":           "old events whose articles were all removed",
	"terms.delta":           "largest change of one term's count, summed over outlets, in one voice",
	"terms.narrator.delta":  "the same, in the outlets' own words only",
	"terms.quoted.delta":    "the same, inside quotations only",
	"terms.outlet.delta":    "largest change of one outlet's count of one term in one voice",
	"terms.rate.delta":      "largest change of one outlet's rate of one term per 1,000 words",
	"swaps.new":             "word swaps in the new report only",
	"swaps.lost":            "word swaps in the old report only",
	"swaps.framing.new":     "new swaps between poles of one axis",
	"quotes.added":          "quotations in the new report only",
	"quotes.removed":        "quotations in the old report only",
	"speakers.changed":      "outlet and speaker pairs whose quotation count changed",
	"speakers.unattributed": "change in quotations with no speaker",
}

// Measures returns the names a rule may use, sorted.
func Measures() []string {
	out := make([]string, 0, len(measures))
	for m := range measures {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// ParseRule reads a rule "MEASURE OP NUMBER" where OP is one of >, >=, <,
// <=, == or != (spaces optional). Deltas are compared by size: a rule on
// terms.delta fires for a fall as well as a rise.
func ParseRule(s string) (Rule, error) {
	text := strings.TrimSpace(s)
	i := strings.IndexAny(text, "<>=!")
	if i <= 0 {
		return Rule{}, fmt.Errorf("rule %q: want MEASURE OP NUMBER, such as terms.narrator.delta>5", s)
	}
	measure := strings.TrimSpace(text[:i])
	rest := text[i:]
	var op string
	for _, cand := range []string{">=", "<=", "==", "!=", ">", "<"} {
		if strings.HasPrefix(rest, cand) {
			op = cand
			break
		}
	}
	if op == "" {
		return Rule{}, fmt.Errorf("rule %q: unknown comparison; use >, >=, <, <=, == or !=", s)
	}
	if _, ok := measures[measure]; !ok {
		return Rule{}, fmt.Errorf("rule %q: unknown measure %q; known: %s", s, measure, strings.Join(Measures(), ", "))
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(rest[len(op):]), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return Rule{}, fmt.Errorf("rule %q: %q is not a number", s, strings.TrimSpace(rest[len(op):]))
	}
	return Rule{Measure: measure, Op: op, Value: v, text: measure + op + strings.TrimSpace(rest[len(op):])}, nil
}

// Failure is a rule that fired, with the measured value and what made it.
type Failure struct {
	Rule  Rule
	Value float64
	Cause string
}

func (f Failure) String() string {
	s := fmt.Sprintf("rule %s failed: %s is %s", f.Rule, f.Rule.Measure, strconv.FormatFloat(f.Value, 'f', -1, 64))
	if f.Cause != "" {
		s += " (" + f.Cause + ")"
	}
	return s
}

// Check returns the rules that fire on d, in the order given.
func (d *Diff) Check(rules []Rule) []Failure {
	var out []Failure
	for _, r := range rules {
		v, cause := d.measure(r.Measure)
		if compareValue(v, r.Op, r.Value) {
			out = append(out, Failure{Rule: r, Value: v, Cause: cause})
		}
	}
	return out
}

func compareValue(v float64, op string, limit float64) bool {
	switch op {
	case ">":
		return v > limit
	case ">=":
		return v >= limit
	case "<":
		return v < limit
	case "<=":
		return v <= limit
	case "==":
		return v == limit
	default:
		return v != limit
	}
}

// measure returns a measure's value and, for the largest-change measures,
// which change it is.
func (d *Diff) measure(name string) (float64, string) {
	var kind ChangeKind
	if k, ok := strings.CutPrefix(name, "events."); ok && kind.UnmarshalText([]byte(k)) == nil {
		n := 0
		for _, e := range d.Events {
			if e.Kind == kind {
				n++
			}
		}
		return float64(n), ""
	}
	switch name {
	case "articles.added":
		return float64(len(d.ArticlesAdded)), ""
	case "articles.removed":
		return float64(len(d.ArticlesRemoved)), ""
	case "outlets.added":
		return float64(len(d.OutletsAdded)), strings.Join(d.OutletsAdded, ", ")
	case "outlets.removed":
		return float64(len(d.OutletsRemoved)), strings.Join(d.OutletsRemoved, ", ")
	case "terms.delta", "terms.narrator.delta", "terms.quoted.delta":
		voice := strings.TrimSuffix(strings.TrimPrefix(name, "terms."), "delta")
		voice = strings.TrimSuffix(voice, ".")
		for _, t := range d.TermTotals { // largest first
			if voice == "" || t.Voice == voice {
				return float64(abs(t.Delta)), fmt.Sprintf("%q, %s, %+d", t.Term, t.Voice, t.Delta)
			}
		}
		return 0, ""
	case "terms.outlet.delta":
		if len(d.Terms) == 0 {
			return 0, ""
		}
		t := d.Terms[0] // largest first
		return float64(abs(t.Delta)), fmt.Sprintf("%s %q, %s, %+d", t.Outlet, t.Term, t.Voice, t.Delta)
	case "terms.rate.delta":
		best, cause := 0.0, ""
		for _, t := range d.Terms {
			if r := math.Abs(t.NewRate - t.OldRate); r > best+1e-9 {
				best = r
				cause = fmt.Sprintf("%s %q, %s, %.2f → %.2f per 1,000 words", t.Outlet, t.Term, t.Voice, t.OldRate, t.NewRate)
			}
		}
		return math.Round(best*100) / 100, cause
	case "swaps.new":
		return float64(len(d.SwapsNew)), ""
	case "swaps.lost":
		return float64(len(d.SwapsLost)), ""
	case "swaps.framing.new":
		n := 0
		for _, s := range d.SwapsNew {
			if s.Framing {
				n++
			}
		}
		return float64(n), ""
	case "quotes.added":
		return float64(d.QuotesAdded), ""
	case "quotes.removed":
		return float64(d.QuotesRemoved), ""
	case "speakers.changed":
		return float64(len(d.Speakers)), ""
	case "speakers.unattributed":
		n := 0
		for _, s := range d.Speakers {
			if s.Speaker == "" {
				n += s.New - s.Old
			}
		}
		return float64(n), ""
	}
	return 0, ""
}
