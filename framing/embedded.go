package framing

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

//go:embed data/politics.yaml
var politicsLexiconYAML []byte

// embeddedLexicons are the lexicons built in, by name.
var embeddedLexicons = map[string][]byte{
	"default":  defaultLexiconYAML,
	"politics": politicsLexiconYAML,
}

// LexiconNames returns the names of the embedded lexicons, sorted:
// "default" (conflict and diplomacy) and "politics" (loaded language in
// general political reporting).
func LexiconNames() []string {
	names := make([]string, 0, len(embeddedLexicons))
	for n := range embeddedLexicons {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// EmbeddedLexiconYAML returns the YAML text of the embedded lexicon name,
// comments included, and whether there is one.
func EmbeddedLexiconYAML(name string) ([]byte, bool) {
	data, ok := embeddedLexicons[name]
	return append([]byte(nil), data...), ok
}

// EmbeddedLexicon parses the embedded lexicon name. It returns an error
// for an unknown name; the embedded files themselves are checked by the
// package's tests.
func EmbeddedLexicon(name string) (*Lexicon, error) {
	data, ok := embeddedLexicons[name]
	if !ok {
		return nil, fmt.Errorf("no embedded lexicon %q (have: %s)", name, strings.Join(LexiconNames(), ", "))
	}
	return ParseLexicon(name+".yaml", data)
}

// CombineLexicons returns one lexicon holding the axes and markers of all
// of lexes, in order, named by their names joined with "+". Axis ids must
// differ. Where two lexicons have terms matching the same words, the
// earlier lexicon's term is kept and the later one dropped (a pole left
// without terms is dropped too), so combining never counts a word twice.
// The digest is the SHA-256 of the parts' digests.
func CombineLexicons(lexes ...*Lexicon) (*Lexicon, error) {
	out := &Lexicon{}
	var names, digests []string
	axisOf := map[string]string{}
	seen := map[string]bool{}
	for _, l := range lexes {
		names = append(names, l.Name)
		digests = append(digests, l.Digest)
		for _, ax := range l.Axes {
			if prev, dup := axisOf[ax.ID]; dup {
				return nil, fmt.Errorf("combine lexicons: axis %q is in both %s and %s", ax.ID, prev, l.Name)
			}
			axisOf[ax.ID] = l.Name
			nax := ax
			nax.Poles = nil
			for _, p := range ax.Poles {
				np := p
				np.Terms = nil
				for _, t := range p.Terms {
					if k := termKey(t); !seen[k] {
						seen[k] = true
						np.Terms = append(np.Terms, t)
					}
				}
				if len(np.Terms) > 0 {
					nax.Poles = append(nax.Poles, np)
				}
			}
			out.Axes = append(out.Axes, nax)
		}
		out.Markers.Distancing = appendNew(out.Markers.Distancing, l.Markers.Distancing)
		out.Markers.Hedges = appendNew(out.Markers.Hedges, l.Markers.Hedges)
		for _, g := range l.Markers.Attribution {
			i := 0
			for i < len(out.Markers.Attribution) && out.Markers.Attribution[i].Name != g.Name {
				i++
			}
			if i == len(out.Markers.Attribution) {
				out.Markers.Attribution = append(out.Markers.Attribution, Grade{Name: g.Name})
			}
			out.Markers.Attribution[i].Verbs = appendNew(out.Markers.Attribution[i].Verbs, g.Verbs)
		}
	}
	out.Name = strings.Join(names, "+")
	sum := sha256.Sum256([]byte(strings.Join(digests, "\n")))
	out.Digest = hex.EncodeToString(sum[:])
	return out, nil
}

// appendNew appends the words of add not already in list (case-insensitively).
func appendNew(list, add []string) []string {
	have := map[string]bool{}
	for _, w := range list {
		have[strings.ToLower(w)] = true
	}
	for _, w := range add {
		if !have[strings.ToLower(w)] {
			have[strings.ToLower(w)] = true
			list = append(list, w)
		}
	}
	return list
}
