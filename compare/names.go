package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// personName is a person's name reduced to what tells two mentions of one
// person apart from two people: the surname, and the given names in their
// formal form (data/nicknames.txt) or as initials.
type personName struct {
	surname string
	// givens are the lower-case given names before the surname, each in its
	// formal form, or a single letter for an initial; sorted.
	givens string // space-separated, so that personName is comparable
}

// full says the mention gave a given name or initial with the surname
// ("Ken Fredette", "K. Fredette"), not the surname alone.
func (p personName) full() bool { return p.givens != "" }

// nameSuffixes end a name without being its surname.
var nameSuffixes = loadSet("data/namesuffixes.txt")

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
func parsePerson(g *Entities, key string) (personName, bool) {
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
	var givens []string
	for _, t := range toks[:len(toks)-1] {
		given := strings.ToLower(strings.Trim(t, "."))
		if f, ok := formalNames()[given]; ok {
			given = f
		}
		givens = append(givens, foldAccents(given))
	}
	slices.Sort(givens)
	p.givens = strings.Join(slices.Compact(givens), " ")
	return p, true
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
// and, where both give given names, one given name in common (Ken and
// Kenneth, Mike and Michael; "Secretary of State Rex Tillerson" and "Rex
// Tillerson"; Hillary Rodham Clinton and Hillary Clinton) or an initial
// that starts one of the other's (K. and Kenneth).
func samePerson(a, b personName) bool {
	if a.surname != b.surname {
		return false
	}
	if a.givens == "" || b.givens == "" {
		return true
	}
	for _, x := range strings.Fields(a.givens) {
		for _, y := range strings.Fields(b.givens) {
			if x == y || (len(x) == 1 || len(y) == 1) && x[0] == y[0] {
				return true
			}
		}
	}
	return false
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
func newPersonSet(g *Entities, keys []string) personSet {
	var s personSet
	known := g.names
	for _, k := range keys {
		p, ok := parsePerson(g, k)
		if !ok {
			continue
		}
		s.names = append(s.names, p)
	}
	slices.SortFunc(s.names, func(a, b personName) int {
		if c := strings.Compare(a.surname, b.surname); c != 0 {
			return c
		}
		return strings.Compare(a.givens, b.givens)
	})
	s.names = slices.Compact(s.names)
	for i, p := range s.names {
		if i > 0 && samePerson(s.names[i-1], p) {
			continue
		}
		if p.full() || known[p.surname].Kind == kindPerson {
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
