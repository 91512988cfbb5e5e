package framing

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/framediff/framediff/internal/yamlkeys"
)

//go:embed data/default.yaml
var defaultLexiconYAML []byte

// DefaultLexiconYAML returns the YAML text of the embedded default lexicon,
// comments included, for users to copy and edit.
func DefaultLexiconYAML() []byte { return append([]byte(nil), defaultLexiconYAML...) }

// DefaultLexicon returns the embedded default lexicon for reporting on
// conflict and diplomacy. It panics if the embedded file is invalid, which
// the package's tests rule out.
func DefaultLexicon() *Lexicon {
	lex, err := ParseLexicon("default.yaml", defaultLexiconYAML)
	if err != nil {
		panic(fmt.Sprintf("framing: embedded default lexicon: %v", err))
	}
	return lex
}

// Palette is the Okabe–Ito colour-blind-safe palette (yellow left out: it
// prints too pale on white). Poles without a colour get the first colour of
// the palette not yet used by their axis.
var Palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"}

// LexiconError is one problem in a lexicon file, at a line.
type LexiconError struct {
	File string
	Line int // 0 when the problem has no single line
	Msg  string
}

// Error returns "FILE:LINE: message".
func (e *LexiconError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LexiconErrors is every problem found in one lexicon file, in line order.
type LexiconErrors []*LexiconError

// Error returns one "FILE:LINE: message" per line.
func (es LexiconErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find each *LexiconError.
func (es LexiconErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

var (
	colorRE    = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
)

// ParseLexicon parses a lexicon from its YAML text; name (usually the file
// name) prefixes error messages and is the lexicon's Name unless the file
// sets one. It returns LexiconErrors listing every problem: YAML syntax,
// unknown keys, wrong value types, missing ids, empty terms, terms that
// match the same words as another term anywhere in the lexicon, axes with
// fewer than two poles, bad match modes and bad or repeated colours.
func ParseLexicon(name string, data []byte) (*Lexicon, error) {
	p := &lexParser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := 0, err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return nil, LexiconErrors{{File: name, Line: line, Msg: msg}}
	}
	sum := sha256.Sum256(data)
	lex := &Lexicon{Name: name, Digest: hex.EncodeToString(sum[:])}
	if len(doc.Content) == 0 {
		p.errf(0, "empty lexicon: no axes")
		return nil, p.errs
	}
	p.document(doc.Content[0], lex)
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, p.errs
	}
	return lex, nil
}

type lexParser struct {
	file string
	errs LexiconErrors
	seen map[string]termSeen // match key → first term with it
}

type termSeen struct {
	text string
	line int
}

func (p *lexParser) errf(line int, format string, args ...any) {
	p.errs = append(p.errs, &LexiconError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// mapping walks a mapping node, calling fn for each known key and reporting
// unknown ones. With known nil, every key is allowed and its value must be
// a list of strings.
func (p *lexParser) mapping(n *yaml.Node, what string, known []string, fn func(key string, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		p.errf(n.Line, "%s must be a mapping of keys to values", what)
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			p.errf(k.Line, "%s: key %q given twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		if known == nil {
			p.strList(v, k.Value)
			continue
		}
		ok := false
		for _, kk := range known {
			if k.Value == kk {
				ok = true
				break
			}
		}
		if !ok {
			p.errf(k.Line, "%s: %s", what, yamlkeys.Unknown(k.Value, known))
			continue
		}
		fn(k.Value, v)
	}
	return true
}

func (p *lexParser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errf(n.Line, "%s must be a string", what)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// boolean returns n's value, true or false, or reports that what must be
// one of them.
func (p *lexParser) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
		p.errf(n.Line, "%s must be true or false", what)
	}
	return n.Value == "true"
}

func (p *lexParser) strList(n *yaml.Node, what string) []string {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias // a list defined once with &name and reused as *name
	}
	if n.Kind != yaml.SequenceNode {
		p.errf(n.Line, "%s must be a list", what)
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if c.Kind == yaml.AliasNode && c.Alias != nil && c.Alias.Kind == yaml.SequenceNode {
			out = append(out, p.strList(c, what)...) // a named list inside a list
			continue
		}
		s := p.str(c, what+" entry")
		if c.Kind == yaml.ScalarNode && s == "" {
			p.errf(c.Line, "%s: empty entry", what)
			continue
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *lexParser) document(n *yaml.Node, lex *Lexicon) {
	hasAxes := false
	p.mapping(n, "lexicon", []string{"name", "lists", "axes", "markers"}, func(k string, v *yaml.Node) {
		switch k {
		case "lists":
			// Named word lists, anchored (&name) for terms to reuse (*name).
			p.mapping(v, "lists", nil, nil)
		case "name":
			if s := p.str(v, "name"); s != "" {
				lex.Name = s
			}
		case "axes":
			hasAxes = true
			p.axes(v, lex)
		case "markers":
			p.markers(v, &lex.Markers)
		}
	})
	if !hasAxes && n.Kind == yaml.MappingNode {
		p.errf(n.Line, "lexicon has no axes")
	}
}

func (p *lexParser) axes(n *yaml.Node, lex *Lexicon) {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		p.errf(n.Line, "axes must be a non-empty list")
		return
	}
	p.seen = map[string]termSeen{}
	ids := map[string]int{}
	for _, an := range n.Content {
		var ax Axis
		var polesNode *yaml.Node
		if !p.mapping(an, "axis", []string{"id", "name", "description", "subject", "poles"}, func(k string, v *yaml.Node) {
			switch k {
			case "subject":
				ax.Subject = p.strList(v, "subject")
			case "id":
				ax.ID = p.str(v, "axis id")
			case "name":
				ax.Name = p.str(v, "axis name")
			case "description":
				ax.Description = p.str(v, "axis description")
			case "poles":
				polesNode = v
			}
		}) {
			continue
		}
		if ax.ID == "" {
			p.errf(an.Line, "axis has no id")
		} else if l, dup := ids[ax.ID]; dup {
			p.errf(an.Line, "axis id %q already used on line %d", ax.ID, l)
		} else {
			ids[ax.ID] = an.Line
		}
		if ax.Name == "" {
			ax.Name = ax.ID
		}
		if polesNode == nil {
			p.errf(an.Line, "axis %q has no poles (it needs at least two)", ax.ID)
		} else {
			ax.Poles = p.poles(polesNode, ax.ID)
		}
		for _, pole := range ax.Poles {
			for _, t := range pole.Terms {
				if t.Sense.Scoped && len(ax.Subject) == 0 {
					p.errf(t.Line, "term %q is scoped but axis %q has no subject", t.Text, ax.ID)
				}
			}
		}
		lex.Axes = append(lex.Axes, ax)
	}
}

func (p *lexParser) poles(n *yaml.Node, axis string) []Pole {
	if n.Kind != yaml.SequenceNode {
		p.errf(n.Line, "poles of axis %q must be a list", axis)
		return nil
	}
	if len(n.Content) < 2 {
		p.errf(n.Line, "axis %q has %d pole(s); it needs at least two", axis, len(n.Content))
	}
	var poles []Pole
	var colorLines []int
	ids := map[string]int{}
	for _, pn := range n.Content {
		var pole Pole
		colorLine := 0
		var termsNode *yaml.Node
		if !p.mapping(pn, "pole", []string{"id", "name", "color", "terms"}, func(k string, v *yaml.Node) {
			switch k {
			case "id":
				pole.ID = p.str(v, "pole id")
			case "name":
				pole.Name = p.str(v, "pole name")
			case "color":
				pole.Color = p.str(v, "pole color")
				colorLine = v.Line
				if pole.Color != "" && !colorRE.MatchString(pole.Color) {
					p.errf(v.Line, "bad color %q: want \"#rrggbb\"", pole.Color)
					pole.Color = ""
				}
				pole.Color = strings.ToUpper(pole.Color)
			case "terms":
				termsNode = v
			}
		}) {
			continue
		}
		if pole.ID == "" {
			p.errf(pn.Line, "pole of axis %q has no id", axis)
		} else if l, dup := ids[pole.ID]; dup {
			p.errf(pn.Line, "pole id %q already used in axis %q on line %d", pole.ID, axis, l)
		} else {
			ids[pole.ID] = pn.Line
		}
		if pole.Name == "" {
			pole.Name = pole.ID
		}
		if termsNode == nil {
			p.errf(pn.Line, "pole %q has no terms", pole.ID)
		} else {
			pole.Terms = p.terms(termsNode, pole.ID)
		}
		poles = append(poles, pole)
		colorLines = append(colorLines, colorLine)
	}
	// Colours: distinct within the axis; missing ones from the palette.
	used := map[string]int{}
	for i, pole := range poles {
		if pole.Color == "" {
			continue
		}
		if j, dup := used[pole.Color]; dup {
			p.errf(colorLines[i], "color %s of pole %q already used by pole %q of axis %q", pole.Color, pole.ID, poles[j].ID, axis)
			continue
		}
		used[pole.Color] = i
	}
	next := 0
	for i := range poles {
		if poles[i].Color != "" {
			continue
		}
		for next < len(Palette) {
			if _, taken := used[Palette[next]]; !taken {
				break
			}
			next++
		}
		if next == len(Palette) {
			p.errf(n.Line, "axis %q has more poles than the palette has colours; give the rest a color", axis)
			break
		}
		poles[i].Color = Palette[next]
		used[Palette[next]] = i
	}
	return poles
}

// senseKeys are the keys of a term mapping.
var senseKeys = []string{"text", "match", "note", "neutral", "exclude",
	"near", "not_near", "unless_near", "window", "not_after", "not_before", "object", "not_object", "forms", "topic", "scoped", "counts_after", "named"}

func (p *lexParser) terms(n *yaml.Node, pole string) []Term {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		p.errf(n.Line, "terms of pole %q must be a non-empty list", pole)
		return nil
	}
	var terms []Term
	for _, tn := range n.Content {
		t := Term{Line: tn.Line}
		mode := "stem"
		if tn.Kind == yaml.ScalarNode {
			t.Text = p.str(tn, "term")
		} else if !p.mapping(tn, "term", senseKeys, func(k string, v *yaml.Node) {
			switch k {
			case "near":
				t.Sense.Near = p.strList(v, "near")
			case "not_near":
				t.Sense.NotNear = p.strList(v, "not_near")
			case "unless_near":
				t.Sense.UnlessNear = p.strList(v, "unless_near")
			case "window":
				n, err := strconv.Atoi(p.str(v, "window"))
				if err != nil || n < 1 || n > 50 {
					p.errf(v.Line, "window must be a whole number of words from 1 to 50")
				}
				t.Sense.Window = n
			case "not_after":
				t.Sense.NotAfter = p.strList(v, "not_after")
			case "not_before":
				t.Sense.NotBefore = p.strList(v, "not_before")
			case "object":
				t.Sense.Object = p.strList(v, "object")
			case "not_object":
				t.Sense.NotObject = p.strList(v, "not_object")
			case "forms":
				for _, f := range p.strList(v, "forms") {
					t.Sense.Forms = append(t.Sense.Forms, strings.Join(strings.Fields(strings.ToLower(f)), " "))
				}
			case "topic":
				t.Sense.Topic = p.boolean(v, "topic")
			case "counts_after":
				t.Sense.CountsAfter = p.strList(v, "counts_after")
			case "named":
				t.Sense.Named = p.boolean(v, "named")
			case "scoped":
				t.Sense.Scoped = p.boolean(v, "scoped")
			case "text":
				t.Text = p.str(v, "term text")
			case "match":
				mode = p.str(v, "match")
				if mode != "stem" && mode != "exact" && mode != "case" {
					p.errf(v.Line, "bad match mode %q: want stem, exact or case", mode)
				}
			case "note":
				t.Note = p.str(v, "note")
			case "neutral":
				t.Neutral = p.str(v, "neutral")
			case "exclude":
				for _, e := range p.strList(v, "exclude") {
					t.Exclude = append(t.Exclude, strings.ToLower(e))
				}
			}
		}) {
			continue
		}
		t.Exact = mode == "exact" || mode == "case"
		t.CaseSensitive = mode == "case"
		if len(Tokenize(t.Text)) == 0 {
			p.errf(tn.Line, "empty term in pole %q", pole)
			continue
		}
		// Two terms clash when they match the same words in one mode, or
		// are the same words in different modes.
		key, textKey := termKey(t), "text\x00"+lowerKey(t.Text)
		if prev, dup := p.seen[key]; dup {
			p.errf(tn.Line, "term %q matches the same words as %q on line %d", t.Text, prev.text, prev.line)
			continue
		}
		if prev, dup := p.seen[textKey]; dup {
			p.errf(tn.Line, "term %q repeats %q on line %d", t.Text, prev.text, prev.line)
			continue
		}
		p.seen[key] = termSeen{text: t.Text, line: tn.Line}
		p.seen[textKey] = termSeen{text: t.Text, line: tn.Line}
		terms = append(terms, t)
	}
	return terms
}

// lowerKey is text's words lower-cased, joined.
func lowerKey(text string) string {
	var keys []string
	for _, tok := range Tokenize(text) {
		keys = append(keys, tok.Lower)
	}
	return strings.Join(keys, "\x00")
}

// termKey is what a term matches: its mode and its token keys.
func termKey(t Term) string {
	keys := termTokenKeys(t)
	mode := "stem"
	switch {
	case t.CaseSensitive:
		mode = "case"
	case t.Exact:
		mode = "exact"
	}
	return mode + "\x00" + strings.Join(keys, "\x00")
}

// termTokenKeys returns the key each of t's words must have: its stem, its
// lower-cased form, or (case-sensitive) its surface form without a
// possessive.
func termTokenKeys(t Term) []string {
	toks := Tokenize(t.Text)
	keys := make([]string, len(toks))
	for i, tok := range toks {
		switch {
		case t.CaseSensitive:
			keys[i] = surfaceKey(tok.Text)
		case t.Exact:
			keys[i] = tok.Lower
		default:
			keys[i] = Stem(tok.Lower)
		}
	}
	return keys
}

// surfaceKey is a word as written, with typographic apostrophes made
// straight and a final possessive "'s" removed.
func surfaceKey(w string) string {
	plain := true
	for i := 0; i < len(w) && plain; i++ {
		plain = w[i] < 0x80 && w[i] != '\''
	}
	if plain {
		return w
	}
	var b []byte
	for _, r := range w {
		if isApostrophe(r) {
			r = '\''
		}
		if unicode.Is(unicode.Cf, r) {
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	if len(b) > 2 && (b[len(b)-1] == 's' || b[len(b)-1] == 'S') && b[len(b)-2] == '\'' {
		b = b[:len(b)-2]
	}
	return string(b)
}

func (p *lexParser) markers(n *yaml.Node, m *Markers) {
	p.mapping(n, "markers", []string{"distancing", "hedges", "attribution"}, func(k string, v *yaml.Node) {
		switch k {
		case "distancing":
			m.Distancing = p.strList(v, "distancing")
		case "hedges":
			m.Hedges = p.strList(v, "hedges")
		case "attribution":
			if v.Kind != yaml.SequenceNode {
				p.errf(v.Line, "attribution must be a list of grades")
				return
			}
			for _, gn := range v.Content {
				var g Grade
				p.mapping(gn, "attribution grade", []string{"grade", "verbs"}, func(k string, v *yaml.Node) {
					switch k {
					case "grade":
						g.Name = p.str(v, "grade")
					case "verbs":
						g.Verbs = p.strList(v, "verbs")
					}
				})
				if g.Name == "" {
					p.errf(gn.Line, "attribution grade has no name")
				}
				m.Attribution = append(m.Attribution, g)
			}
		}
	})
}

// Axis returns the axis with the given id.
func (l *Lexicon) Axis(id string) (*Axis, bool) {
	for i := range l.Axes {
		if l.Axes[i].ID == id {
			return &l.Axes[i], true
		}
	}
	return nil, false
}

// Pole returns the pole of the given axis and pole ids.
func (l *Lexicon) Pole(axis, pole string) (*Pole, bool) {
	ax, ok := l.Axis(axis)
	if !ok {
		return nil, false
	}
	for i := range ax.Poles {
		if ax.Poles[i].ID == pole {
			return &ax.Poles[i], true
		}
	}
	return nil, false
}

// Term returns the term with the given text (as written in the lexicon,
// compared case-insensitively) of the given axis and pole.
func (l *Lexicon) Term(axis, pole, term string) (*Term, bool) {
	p, ok := l.Pole(axis, pole)
	if !ok {
		return nil, false
	}
	for i := range p.Terms {
		if strings.EqualFold(p.Terms[i].Text, term) {
			return &p.Terms[i], true
		}
	}
	return nil, false
}

// PoleColor returns the "#rrggbb" colour of a pole, or "" if there is no
// such pole.
func (l *Lexicon) PoleColor(axis, pole string) string {
	if p, ok := l.Pole(axis, pole); ok {
		return p.Color
	}
	return ""
}

// Contains reports whether some single-word term of the lexicon matches
// word (compared the way the term matches: by stem, lower-cased, or as
// written).
func (l *Lexicon) Contains(word string) bool {
	toks := Tokenize(word)
	if len(toks) != 1 {
		return false
	}
	tok := toks[0]
	for _, ax := range l.Axes {
		for _, p := range ax.Poles {
			for _, t := range p.Terms {
				keys := termTokenKeys(t)
				if len(keys) != 1 {
					continue
				}
				switch {
				case t.CaseSensitive:
					if keys[0] == surfaceKey(tok.Text) {
						return true
					}
				case t.Exact:
					if keys[0] == tok.Lower {
						return true
					}
				default:
					if keys[0] == Stem(tok.Lower) {
						return true
					}
				}
			}
		}
	}
	return false
}

// AttributionGrade returns the name of the attribution grade listing verb
// (compared case-insensitively, as written in the lexicon: "said",
// "insisted"), or "" when no grade lists it.
func (l *Lexicon) AttributionGrade(verb string) string {
	for _, g := range l.Markers.Attribution {
		for _, v := range g.Verbs {
			if strings.EqualFold(v, strings.TrimSpace(verb)) {
				return g.Name
			}
		}
	}
	return ""
}
