package pdf

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// pdfReplacement stands in, visibly, for a character the embedded font
// cannot draw (outside the Basic Multilingual Plane, or missing from the
// font's character map).
const pdfReplacement = '\uFFFD'

// pdfClean makes s safe and visible in the handout's fonts: it composes
// characters (NFC), gives Arabic-script letters their contextual forms
// (pdfShapeArabic), turns line breaks and tabs into spaces, drops invisible
// format characters (zero-width spaces, soft hyphens, joiners: they have no
// visible form to lose) and replaces every other character the font cannot
// draw with U+FFFD, noting it for the handout's warning, so nothing is
// dropped silently and fpdf never sees a rune outside the Basic
// Multilingual Plane.
func pdfClean(g *pdfGlyphs, s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(pdfReplacement))
	}
	s = norm.NFC.String(s)
	s = pdfShapeArabic(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case r > 0xFFFF:
			g.noteMissing(r)
			b.WriteRune(pdfReplacement)
		case unicode.Is(unicode.Cf, r):
			// invisible by design
		case unicode.IsControl(r):
			b.WriteRune(pdfReplacement)
		case r == ' ':
			b.WriteByte(' ')
		case !g.has(r):
			g.noteMissing(r)
			b.WriteRune(pdfReplacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfMasker replaces outlet names, aliases and domains with blind labels
// ("Source A"), so an excerpt that names its own outlet does not give it
// away.
type pdfMasker struct {
	needles []pdfNeedle
}

type pdfNeedle struct {
	text  string
	label string
	// exact needles (short abbreviations such as "IP") match case-sensitively.
	exact bool
}

// pdfMaskRange is a byte range of a string to be shown as label.
type pdfMaskRange struct {
	start, end int
	label      string
}

func newPDFMasker(names map[string][]string, labels map[string]string) *pdfMasker {
	m := &pdfMasker{}
	seen := map[string]bool{}
	add := func(text, label string) {
		text = strings.TrimSpace(text)
		if utf8.RuneCountInString(text) < 2 {
			return
		}
		key := strings.ToLower(text)
		if seen[key] {
			return
		}
		seen[key] = true
		m.needles = append(m.needles, pdfNeedle{text: text, label: label, exact: len(text) <= 3})
	}
	// Outlets in name order, so that a variant two outlets share goes to the
	// same one on every run.
	for _, outlet := range slices.Sorted(maps.Keys(names)) {
		variants := names[outlet]
		label := labels[outlet]
		for _, v := range variants {
			add(v, label)
			// Handles, hashtags and run-together forms: "The_NewArab".
			add(strings.ReplaceAll(v, " ", "_"), label)
			add(strings.ReplaceAll(v, " ", ""), label)
			if rest, ok := strings.CutPrefix(v, "The "); ok {
				add(rest, label)
				add(strings.ReplaceAll(rest, " ", ""), label)
				add("The_"+strings.ReplaceAll(rest, " ", ""), label)
			}
		}
	}
	// Longest first, so "The New Arab" wins over "New Arab"; ties by text for
	// a fixed order whatever the map's iteration order.
	slices.SortFunc(m.needles, func(a, b pdfNeedle) int {
		if len(a.text) != len(b.text) {
			return len(b.text) - len(a.text)
		}
		return strings.Compare(a.text, b.text)
	})
	return m
}

func pdfIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// ranges returns the non-overlapping occurrences of the masker's needles in
// s, at word boundaries, in order.
func (m *pdfMasker) ranges(s string) []pdfMaskRange {
	if m == nil || len(m.needles) == 0 {
		return nil
	}
	var out []pdfMaskRange
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		matched := false
		if prev < 0 || !pdfIsWordRune(prev) {
			for _, n := range m.needles {
				end := i + len(n.text)
				if end > len(s) {
					continue
				}
				cand := s[i:end]
				if n.exact && cand != n.text || !n.exact && !strings.EqualFold(cand, n.text) {
					continue
				}
				if next, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && pdfIsWordRune(next) {
					continue
				}
				out = append(out, pdfMaskRange{start: i, end: end, label: n.label})
				last, _ := utf8.DecodeLastRuneInString(cand)
				prev = last
				i = end
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		prev = r
		i += size
	}
	return out
}

// apply returns s with every needle replaced by its label.
func (m *pdfMasker) apply(s string) string {
	rs := m.ranges(s)
	if len(rs) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, r := range rs {
		b.WriteString(s[last:r.start])
		b.WriteString(r.label)
		last = r.end
	}
	b.WriteString(s[last:])
	return b.String()
}
