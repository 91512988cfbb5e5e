package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// personName is a person's name reduced to what tells two mentions of one
// person apart from two people: the surname, and the first name in its
// formal form (data/nicknames.txt) or its initial.
type personName struct {
	surname string
	first   string // formal first name, lower case; "" when not given
	initial rune   // first letter of the first name or initial; 0 when none
	// full says the mention gave a first name or initial with the surname
	// ("Ken Fredette", "K. Fredette"), not the surname alone.
	full bool
}

// nameSuffixes end a name without being its surname.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// formalNames maps each first-name variant to its formal form.
var formalNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range loadList("data/nicknames.txt") {
		formal, variants, ok := strings.Cut(line, ":")
		if !ok {
			panic("compare: embedded data/nicknames.txt: no colon in " + line)
		}
		formal = strings.ToLower(strings.TrimSpace(formal))
		for _, v := range strings.Fields(strings.ToLower(variants)) {
			// A variant of two formal names (Pat: Patricia, Patrick)
			// keeps the first listed.
			if _, dup := m[v]; !dup {
				m[v] = formal
			}
		}
	}
	return m
})

// parsePerson reduces a person mention's key to a personName: titles
// (Gov., Sen., Mr.) and trailing suffixes (Jr., III) are stripped, and so is
// a constituency ("Mitch McConnell of Kentucky"). It reports false for a key
// that does not read as one person's name: characters a name does not use
// ("Jr|Obama"), more than four words, or nothing left.
func parsePerson(key string) (personName, bool) {
	if i := strings.Index(key, " of "); i > 0 {
		key = key[:i]
	}
	var toks []string
	for _, f := range strings.Fields(key) {
		for _, r := range f {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return personName{}, false
			}
		}
		toks = append(toks, f)
	}
	g := entities()
	for len(toks) > 0 && g.titles[strings.ToLower(strings.TrimSuffix(toks[0], "."))] {
		toks = toks[1:]
	}
	for len(toks) > 0 && nameSuffixes[strings.ToLower(strings.Trim(toks[len(toks)-1], ".,"))] {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 || len(toks) > 4 {
		return personName{}, false
	}
	last := strings.ToLower(strings.Trim(toks[len(toks)-1], "."))
	if len([]rune(last)) < 2 {
		return personName{}, false
	}
	p := personName{surname: foldAccents(last)}
	if len(toks) > 1 {
		first := strings.ToLower(strings.Trim(toks[0], "."))
		p.full = true
		p.initial, _ = firstRune(first)
		if len([]rune(first)) > 1 {
			if f, ok := formalNames()[first]; ok {
				first = f
			}
			p.first = first
			// Bob and Robert are one person: compare initials of the
			// formal form.
			p.initial, _ = firstRune(first)
		}
	}
	return p, true
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// foldAccents removes combining marks from Latin letters, so that
// "Erdoğan" and "Erdogan" share a surname.
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã', 'å':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'ó', 'ò', 'ô', 'ö', 'õ':
			r = 'o'
		case 'ú', 'ù', 'û', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		case 'ç':
			r = 'c'
		case 'ğ':
			r = 'g'
		case 'ş':
			r = 's'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// samePerson reports whether two names can be one person: one surname,
// and first names that agree where both are given (Ken and Kenneth, Mike
// and Michael, K. and Kenneth).
func samePerson(a, b personName) bool {
	if a.surname != b.surname {
		return false
	}
	if a.initial == 0 || b.initial == 0 {
		return true
	}
	if a.first != "" && b.first != "" {
		return a.first == b.first
	}
	return a.initial == b.initial
}

// personSet is the people an article names, parsed, without repeats.
type personSet struct {
	names []personName // sorted by surname, then first name
	// distinct counts the people named with a first name or initial, or
	// known to the gazetteer: names that are surely people. Single
	// capitalised words taken for names ("State", "Assembly") are not.
	distinct int
}

// newPersonSet parses the person keys of an article's mentions.
func newPersonSet(keys []string) personSet {
	var s personSet
	known := entities().names
	for _, k := range keys {
		p, ok := parsePerson(k)
		if !ok {
			continue
		}
		s.names = append(s.names, p)
	}
	slices.SortFunc(s.names, func(a, b personName) int {
		if c := strings.Compare(a.surname, b.surname); c != 0 {
			return c
		}
		if c := strings.Compare(a.first, b.first); c != 0 {
			return c
		}
		return int(a.initial) - int(b.initial)
	})
	s.names = slices.Compact(s.names)
	for i, p := range s.names {
		if i > 0 && samePerson(s.names[i-1], p) {
			continue
		}
		if p.full || known[p.surname].Kind == kindPerson {
			s.distinct++
		}
	}
	return s
}

// sharesPerson reports whether two sets name one person in common.
func (s personSet) sharesPerson(o personSet) bool {
	for _, a := range s.names {
		for _, b := range o.names {
			if samePerson(a, b) {
				return true
			}
		}
	}
	return false
}
