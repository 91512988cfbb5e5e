package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/framediff/framediff/internal/yamlkeys"
)

// RuleAction says what a boilerplate Rule does with a line it matches.
type RuleAction string

const (
	// DropLine removes the matching line.
	DropLine RuleAction = "line"
	// DropBlock removes the matching line and the list of links or
	// teasers under it.
	DropBlock RuleAction = "block"
	// DropInline removes the matched text and the line if nothing is left.
	DropInline RuleAction = "inline"
)

// Rule is one boilerplate rule from a rules file.
type Rule struct {
	Name    string     `yaml:"name"`
	Action  RuleAction `yaml:"action"`
	Pattern string     `yaml:"pattern"`
	Hints   []string   `yaml:"hints,omitempty"`
	// MaxLength is the longest line (in bytes) a line or block rule is
	// tried on; 0 means DefaultRuleMaxLength. Boilerplate lines are short,
	// and skipping article paragraphs keeps reading fast.
	MaxLength int        `yaml:"max_length,omitempty"`
	Tests     []RuleTest `yaml:"tests,omitempty"`

	re *regexp.Regexp
	// first, when set, holds every byte a matching line can begin with
	// (the pattern is anchored at the start); other lines are skipped.
	first *[256]bool
	// prefixes, when set, lists what a matching line can begin with, its
	// ASCII letters lower-cased (the pattern is anchored at the start).
	prefixes []string
	// gate, when set, lists bytes one of which the line must contain: the
	// first bytes of the hints when none is a letter.
	gate []byte
	// rare holds the hints of an ungated rule, each with the byte a search
	// for it starts from.
	rare []rareHint
}

// RuleTest is an example a rules file gives for its rule: In is a line and
// Out what is left of it after the rule ("" when it is dropped).
type RuleTest struct {
	In  string `yaml:"in"`
	Out string `yaml:"out"`
}

// DefaultRuleMaxLength is the longest line a line or block rule is tried
// on when the rule does not say.
const DefaultRuleMaxLength = 120

// Rules is an ordered set of boilerplate rules. Make one with ParseRules,
// DefaultRules or MergeRules: they compile the patterns.
type Rules struct {
	Rules []Rule
}

var (
	defaultRulesOnce sync.Once
	defaultRules     *Rules
)

// DefaultRules returns the embedded rules (corpus/data/boilerplate.yaml).
// The returned value is shared: do not modify it.
func DefaultRules() *Rules {
	defaultRulesOnce.Do(func() {
		data, err := fs.ReadFile(dataFS, "data/boilerplate.yaml")
		if err == nil {
			defaultRules, err = ParseRules("data/boilerplate.yaml", data)
		}
		if err != nil {
			panic("corpus: embedded boilerplate rules: " + err.Error())
		}
	})
	return defaultRules
}

// ParseRules parses a rules YAML document: a top-level "rules" list. Errors
// name the file and the line of the bad rule: an unknown key, a missing
// name or pattern, an unknown action or a pattern that does not compile.
func ParseRules(name string, data []byte) (*Rules, error) {
	var doc struct {
		Rules yaml.Node `yaml:"rules"`
	}
	if err := yamlkeys.Decode(name, data, &doc); err != nil {
		return nil, err
	}
	if doc.Rules.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s: want a top-level \"rules\" list", name)
	}
	rs := &Rules{}
	seen := map[string]bool{}
	for _, item := range doc.Rules.Content {
		var r Rule
		if err := yamlkeys.CheckIn(name, item, &r); err != nil {
			return nil, err
		}
		if err := item.Decode(&r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, item.Line, err)
		}
		switch {
		case r.Name == "":
			return nil, fmt.Errorf("%s:%d: rule without a name", name, item.Line)
		case seen[r.Name]:
			return nil, fmt.Errorf("%s:%d: rule %q given twice", name, item.Line, r.Name)
		case r.Pattern == "":
			return nil, fmt.Errorf("%s:%d: rule %q has no pattern", name, item.Line, r.Name)
		}
		if r.Action != DropLine && r.Action != DropBlock && r.Action != DropInline {
			return nil, fmt.Errorf("%s:%d: rule %q: unknown action %q (want line, block or inline)", name, item.Line, r.Name, r.Action)
		}
		re, err := regexp.Compile(r.Pattern)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: rule %q: %w", name, item.Line, r.Name, err)
		}
		r.re = re
		r.first = firstBytes(r.Pattern)
		r.prefixes = matchPrefixes(r.Pattern)
		if r.MaxLength <= 0 {
			r.MaxLength = DefaultRuleMaxLength
		}
		gated := len(r.Hints) > 0
		for i, h := range r.Hints {
			r.Hints[i] = strings.ToLower(h)
			c := r.Hints[i][0]
			if 'a' <= c && c <= 'z' || c >= utf8.RuneSelf {
				gated = false
			} else if !bytes.ContainsRune(r.gate, rune(c)) {
				r.gate = append(r.gate, c)
			}
		}
		if !gated {
			r.gate = nil
		}
		if !gated {
			for _, h := range r.Hints {
				r.rare = append(r.rare, newRareHint(h))
			}
		}
		seen[r.Name] = true
		rs.Rules = append(rs.Rules, r)
	}
	return rs, nil
}

// MergeRules returns base's rules followed by extra's; a rule in extra with
// the name of one in base replaces it in place.
func MergeRules(base, extra *Rules) *Rules {
	if extra == nil {
		return base
	}
	if base == nil {
		return extra
	}
	out := &Rules{Rules: append([]Rule(nil), base.Rules...)}
	for _, r := range extra.Rules {
		replaced := false
		for i := range out.Rules {
			if out.Rules[i].Name == r.Name {
				out.Rules[i] = r
				replaced = true
				break
			}
		}
		if !replaced {
			out.Rules = append(out.Rules, r)
		}
	}
	return out
}

// lineVerdict is what the rules make of one line.
type lineVerdict int

const (
	keepLine lineVerdict = iota
	dropLine
	dropBlock
)

// apply runs the rules over one trimmed line, returning the verdict, the
// line as left by inline rules and the name of the rule that decided.
func (rs *Rules) apply(line string) (lineVerdict, string, string) {
	return rs.applySet(line, byteSetOf(line))
}

// applySet is apply given the set of bytes in line.
func (rs *Rules) applySet(line string, set byteSet) (lineVerdict, string, string) {
	if rs == nil {
		return keepLine, line, ""
	}
	for i := range rs.Rules {
		r := &rs.Rules[i]
		if r.Action != DropInline && len(line) > r.MaxLength {
			continue
		}
		if r.first != nil && (line == "" || !r.first[line[0]]) {
			continue
		}
		if r.prefixes != nil && !hasPrefixIn(line, r.prefixes) {
			continue
		}
		if r.gate != nil {
			// Hints that begin with punctuation: look only where it occurs.
			if !set.hasAny(r.gate) || !containsAnyGated(line, r.gate, r.Hints) {
				continue
			}
		} else if len(r.rare) > 0 && !containsAnyRare(line, r.rare) {
			continue
		}
		switch r.Action {
		case DropLine:
			if r.re.MatchString(line) {
				return dropLine, "", r.Name
			}
		case DropBlock:
			if r.re.MatchString(line) {
				return dropBlock, "", r.Name
			}
		case DropInline:
			if r.re.MatchString(line) {
				line = strings.TrimSpace(r.re.ReplaceAllString(line, ""))
				if line == "" {
					return dropLine, "", r.Name
				}
				set = byteSetOf(line)
			}
		}
	}
	return keepLine, line, ""
}

// rareHint is a lower-case hint and where in it the byte least common in
// running text lies: a search looks for that byte (in either case) and
// compares the hint around it, rather than lower-casing the whole line.
type rareHint struct {
	h      string
	pos    int
	lo, up byte
}

// letterRarity orders the lower-case letters from the most to the least
// common in English text.
const letterRarity = "etaoinsrhldcumfpgwybvkxjqz"

func newRareHint(h string) rareHint {
	best, score := 0, -2
	for i := 0; i < len(h); i++ {
		c := h[i]
		var sc int
		switch {
		case c == ' ':
			sc = -1
		case 'a' <= c && c <= 'z':
			sc = strings.IndexByte(letterRarity, c)
		case c >= utf8.RuneSelf:
			sc = len(letterRarity) - 10
		default:
			sc = len(letterRarity) - 8
		}
		if sc > score {
			best, score = i, sc
		}
	}
	c := h[best]
	up := c
	if 'a' <= c && c <= 'z' {
		up = c - 'a' + 'A'
	}
	return rareHint{h: h, pos: best, lo: c, up: up}
}

// containsAnyRare reports whether s, its ASCII letters lower-cased, holds
// one of the hints.
func containsAnyRare(s string, hints []rareHint) bool {
	for i := range hints {
		if containsRare(s, &hints[i]) {
			return true
		}
	}
	return false
}

func containsRare(s string, rh *rareHint) bool {
	for k, c := range [2]byte{rh.lo, rh.up} {
		if k == 1 && c == rh.lo {
			break
		}
		for i := 0; ; {
			j := strings.IndexByte(s[i:], c)
			if j < 0 {
				break
			}
			i += j
			if at := i - rh.pos; at >= 0 && at+len(rh.h) <= len(s) && equalLowerASCII(s[at:at+len(rh.h)], rh.h) {
				return true
			}
			i++
		}
	}
	return false
}

// equalLowerASCII reports whether s with its ASCII letters lower-cased is
// h.
func equalLowerASCII(s, h string) bool {
	for i := 0; i < len(h); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != h[i] {
			return false
		}
	}
	return true
}

// containsAnyGated is containsAnyRare for hints that all begin with one of
// the punctuation bytes in gate: one scan per gate byte, comparing only
// where it occurs.
func containsAnyGated(s string, gate []byte, hints []string) bool {
	for _, c := range gate {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], c)
			if j < 0 {
				break
			}
			i += j
			for _, h := range hints {
				if h[0] == c && len(s)-i >= len(h) && strings.EqualFold(s[i:i+len(h)], h) {
					return true
				}
			}
			i++
		}
	}
	return false
}

// containsFold reports whether s contains h (lower case) ignoring ASCII
// case. It is fast when h begins with a byte that is rare in s.
func containsFold(s, h string) bool {
	if h == "" || strings.Contains(s, h) {
		return true
	}
	first := [2]byte{h[0], h[0]}
	if 'a' <= h[0] && h[0] <= 'z' {
		first[1] = h[0] - 'a' + 'A'
	}
	for k, c := range first {
		if k == 1 && c == first[0] {
			break
		}
		for i := 0; ; i++ {
			j := strings.IndexByte(s[i:], c)
			if j < 0 {
				break
			}
			i += j
			if len(s)-i >= len(h) && strings.EqualFold(s[i:i+len(h)], h) {
				return true
			}
		}
	}
	return false
}

// isTeaser reports whether a line under a related-links heading is a link
// or teaser rather than article text: short and without a final full stop,
// or cut off with an ellipsis.
func isTeaser(line string) bool {
	if strings.HasSuffix(line, "…") || strings.HasSuffix(line, "...") {
		return true
	}
	if utf8.RuneCountInString(line) > 160 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '!', '?', '"', '”', '’', '\'':
		return false
	}
	return true
}

// firstBytes returns the bytes a match of an anchored pattern can begin
// with, or nil when the pattern is not anchored at the start of the text or
// its first character is not a small set (a class of ASCII letters, say).
func firstBytes(pattern string) *[256]bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || (re.Sub[0].Op != syntax.OpBeginText && re.Sub[0].Op != syntax.OpBeginLine) {
		return nil
	}
	var set [256]bool
	if !addFirst(&set, re.Sub[1:]) {
		return nil
	}
	return &set
}

// addFirst adds the first bytes of a concatenation of subs to set; false
// means it cannot tell.
func addFirst(set *[256]bool, subs []*syntax.Regexp) bool {
	if len(subs) == 0 {
		return false
	}
	re := subs[0]
	addRune := func(r rune, fold bool) bool {
		var buf [utf8.UTFMax]byte
		rs := []rune{r}
		if fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				rs = append(rs, f)
			}
		}
		for _, x := range rs {
			utf8.EncodeRune(buf[:], x)
			set[buf[0]] = true
		}
		return true
	}
	switch re.Op {
	case syntax.OpLiteral:
		return addRune(re.Rune[0], re.Flags&syntax.FoldCase != 0)
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n > 128 {
			return false
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				addRune(r, false)
			}
		}
		return true
	case syntax.OpCapture:
		return addFirst(set, append([]*syntax.Regexp{re.Sub[0]}, subs[1:]...))
	case syntax.OpConcat:
		return addFirst(set, append(append([]*syntax.Regexp{}, re.Sub...), subs[1:]...))
	case syntax.OpAlternate:
		for _, alt := range re.Sub {
			if !addFirst(set, append([]*syntax.Regexp{alt}, subs[1:]...)) {
				return false
			}
		}
		return true
	case syntax.OpPlus:
		return addFirst(set, []*syntax.Regexp{re.Sub[0]})
	}
	return false
}

// prefixLen is how many bytes of a line matchPrefixes looks at.
const prefixLen = 3

// maxPrefixes bounds the list matchPrefixes returns.
const maxPrefixes = 256

// matchPrefixes returns the byte strings (of at most prefixLen bytes, ASCII
// letters lower-cased) one of which a line must begin with for an anchored
// pattern to match it, or nil when the pattern is not anchored or its start
// cannot be told in a short list. Case-insensitive letters stand for every
// letter they fold to, as the expression does (k also for the Kelvin sign).
func matchPrefixes(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || (re.Sub[0].Op != syntax.OpBeginText && re.Sub[0].Op != syntax.OpBeginLine) {
		return nil
	}
	out, ok := expandPrefixes(re.Sub[1:], prefixLen)
	if !ok || len(out) == 0 {
		return nil
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if out[0] == "" {
		return nil
	}
	return out
}

// expandPrefixes lists the first n bytes a match of the concatenation subs
// can begin with; a shorter string means anything may follow it. ok is
// false when the list would be too long.
func expandPrefixes(subs []*syntax.Regexp, n int) (out []string, ok bool) {
	if n <= 0 || len(subs) == 0 {
		return []string{""}, true
	}
	re, rest := subs[0], subs[1:]
	// then prefixes each alternative for the first character to the
	// expansion of what follows it.
	then := func(alts []string, rest []*syntax.Regexp) ([]string, bool) {
		var out []string
		for _, a := range alts {
			if len(a) >= n {
				out = append(out, a[:n])
				continue
			}
			tail, ok := expandPrefixes(rest, n-len(a))
			if !ok {
				return nil, false
			}
			for _, t := range tail {
				out = append(out, a+t)
			}
			if len(out) > maxPrefixes {
				return nil, false
			}
		}
		return out, true
	}
	switch re.Op {
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		alts := runeAlts(re.Rune[0], fold)
		if len(re.Rune) == 1 {
			return then(alts, rest)
		}
		next := &syntax.Regexp{Op: syntax.OpLiteral, Flags: re.Flags, Rune: re.Rune[1:]}
		return then(alts, append([]*syntax.Regexp{next}, rest...))
	case syntax.OpCharClass:
		var alts []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= 32 {
				return []string{""}, true
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				alts = append(alts, runeAlts(r, false)...)
			}
			if len(alts) > 32 {
				return []string{""}, true
			}
		}
		return then(alts, rest)
	case syntax.OpCapture:
		return expandPrefixes(append([]*syntax.Regexp{re.Sub[0]}, rest...), n)
	case syntax.OpConcat:
		return expandPrefixes(append(append([]*syntax.Regexp{}, re.Sub...), rest...), n)
	case syntax.OpAlternate:
		var out []string
		for _, alt := range re.Sub {
			got, ok := expandPrefixes(append([]*syntax.Regexp{alt}, rest...), n)
			if !ok {
				return nil, false
			}
			out = append(out, got...)
			if len(out) > maxPrefixes {
				return nil, false
			}
		}
		return out, true
	case syntax.OpPlus:
		return expandPrefixes(re.Sub[:1], n)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return expandPrefixes(re.Sub[:1], n)
		}
	case syntax.OpEmptyMatch:
		return expandPrefixes(rest, n)
	}
	return []string{""}, true
}

// runeAlts returns the encodings of r (and, with fold, of every rune it
// folds to), ASCII letters lower-cased.
func runeAlts(r rune, fold bool) []string {
	rs := []rune{r}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			rs = append(rs, f)
		}
	}
	var out []string
	for _, x := range rs {
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if e := string(x); !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// hasPrefixIn reports whether line, its ASCII letters lower-cased, begins
// with one of prefixes.
func hasPrefixIn(line string, prefixes []string) bool {
	for _, p := range prefixes {
		if len(line) >= len(p) && equalLowerASCII(line[:len(p)], p) {
			return true
		}
	}
	return false
}

// byteSet answers which ASCII bytes a line holds, so that the rules and
// cues that need one can be skipped in one step. Each byte is looked up
// (with strings.IndexByte) the first time it is asked about and remembered.
type byteSet struct {
	s           string
	known, seen [2]uint64
}

func byteSetOf(s string) byteSet {
	return byteSet{s: s}
}

// has reports whether the line holds c; it is true for every non-ASCII
// byte.
func (s *byteSet) has(c byte) bool {
	if c >= 0x80 {
		return true
	}
	w, bit := c>>6, uint64(1)<<(c&63)
	if s.known[w]&bit == 0 {
		s.known[w] |= bit
		if strings.IndexByte(s.s, c) >= 0 {
			s.seen[w] |= bit
		}
	}
	return s.seen[w]&bit != 0
}

func (s *byteSet) hasAny(cs []byte) bool {
	for _, c := range cs {
		if s.has(c) {
			return true
		}
	}
	return false
}
