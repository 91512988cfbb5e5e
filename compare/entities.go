package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
)

// entityKind says what a named entity is.
type entityKind int

const (
	kindOther entityKind = iota
	kindPerson
	kindPlace
)

// mention is one occurrence of a named entity in a text.
type mention struct {
	Start, End int
	Key        string
	Kind       entityKind
	// Demonym is true for a place named by its adjective ("Russian").
	Demonym bool
}

// Entities is a gazetteer: the people, places, organisations, titles,
// ignored words and event nouns the comparison recognises beyond
// capitalised-phrase heuristics, indexed by lower-case phrase. It is built
// once (DefaultEntities, ParseEntities) and only read afterwards, so one
// value serves any number of concurrent Builds.
type Entities struct {
	// Name says where the gazetteer came from: "default" for the embedded
	// one, "default+FILE" for a file merged over it, "FILE" for a file
	// that replaces it.
	Name string
	// Digest is the hex SHA-256 of the YAML text the gazetteer was parsed
	// from; for a merged one, of the embedded and the file's digests.
	Digest string

	names  map[string]mention // Start/End unused
	titles map[string]bool
	ignore map[string]bool
	roles  map[string]string   // role phrase → person
	roleOf map[string][]string // person → role phrases
	events map[string]string   // event form → event name
	// unplaced holds the event names labelled without a place.
	unplaced map[string]bool
	// eventFirst holds the first word of every event form, so that most
	// words are ruled out without building phrase keys.
	eventFirst map[string]bool
	// nameFirst holds the first word of every name, title and ignored
	// phrase, for the same reason.
	nameFirst map[string]bool
	maxLen    int
	// data is what the gazetteer was built from, for merging a file over it.
	data entityData
}

// phraseKey is the lookup key of a phrase: its lower-case words joined by
// single spaces, possessive endings removed.
func phraseKey(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(possessiveless(w.Lower))
	}
	return b.String()
}

func possessiveless(s string) string {
	s = strings.TrimSuffix(s, "'s")
	return strings.TrimSuffix(s, "’s")
}

func keyOf(phrase string) string { return phraseKey(words(phrase)) }

// DefaultEntities returns the embedded gazetteer (data/entities.yaml),
// parsed once and shared: callers must not change it. It panics only if
// the embedded file is broken, which the tests rule out.
func DefaultEntities() *Entities { return defaultEntities() }

var defaultEntities = sync.OnceValue(func() *Entities {
	raw, err := dataFS.ReadFile(embeddedEntitiesFile)
	if err != nil {
		panic(fmt.Sprintf("compare: embedded entities: %v", err))
	}
	d, err := decodeEntities(embeddedEntitiesFile, raw)
	if err != nil {
		panic(fmt.Sprintf("compare: embedded entities: %v", err))
	}
	g := buildEntities(d)
	g.Name = "default"
	sum := sha256.Sum256(raw)
	g.Digest = hex.EncodeToString(sum[:])
	return g
})

// embeddedEntitiesFile is the embedded gazetteer's path in dataFS.
const embeddedEntitiesFile = "data/entities.yaml"

// EmbeddedEntitiesYAML returns the text of the embedded gazetteer, to copy
// and edit.
func EmbeddedEntitiesYAML() []byte {
	raw, _ := dataFS.ReadFile(embeddedEntitiesFile)
	return raw
}

// buildEntities indexes d. Where two entries claim one phrase, the first
// keeps it (the last, for a role or an event form); decodeEntities and mergeEntities refuse such clashes in user
// files.
func buildEntities(d entityData) *Entities {
	g := &Entities{
		names: map[string]mention{}, titles: map[string]bool{}, ignore: map[string]bool{},
		roles: map[string]string{}, roleOf: map[string][]string{}, events: map[string]string{}, unplaced: map[string]bool{},
		eventFirst: map[string]bool{}, nameFirst: map[string]bool{}, data: d,
	}
	add := func(phrase string, m mention) {
		k := keyOf(phrase)
		if k == "" {
			return
		}
		if _, dup := g.names[k]; !dup {
			g.names[k] = m
		}
		if n := len(strings.Fields(k)); n > g.maxLen {
			g.maxLen = n
		}
	}
	for _, p := range d.People {
		m := mention{Key: p.Name, Kind: kindPerson}
		add(p.Name, m)
		for _, a := range p.Aliases {
			add(a, m)
		}
		for _, r := range p.Roles {
			k := keyOf(r)
			g.roles[k] = p.Name
			g.roleOf[p.Name] = append(g.roleOf[p.Name], k)
		}
	}
	for _, p := range d.Places {
		m := mention{Key: p.Name, Kind: kindPlace}
		add(p.Name, m)
		for _, a := range p.Aliases {
			add(a, m)
		}
		for _, a := range p.Demonyms {
			add(a, mention{Key: p.Name, Kind: kindPlace, Demonym: true})
		}
	}
	for _, o := range d.Organisations {
		m := mention{Key: o.Name, Kind: kindOther}
		add(o.Name, m)
		for _, a := range o.Aliases {
			add(a, m)
		}
	}
	for _, t := range d.Titles {
		if keyOf(t.Text) == "" {
			continue
		}
		g.titles[keyOf(t.Text)] = true
		if n := len(strings.Fields(keyOf(t.Text))); n > g.maxLen {
			g.maxLen = n
		}
	}
	for _, t := range d.Ignore {
		if keyOf(t.Text) != "" {
			g.ignore[keyOf(t.Text)] = true
		}
	}
	for _, m := range []map[string]bool{g.titles, g.ignore} {
		for k := range m {
			g.nameFirst[strings.Fields(k)[0]] = true
		}
	}
	for k := range g.names {
		g.nameFirst[strings.Fields(k)[0]] = true
	}
	for _, e := range d.Events {
		for _, f := range e.Forms {
			k := keyOf(f)
			if k == "" {
				continue
			}
			g.events[k] = e.Name
			if e.Unplaced {
				g.unplaced[e.Name] = true
			}
			g.eventFirst[strings.Fields(k)[0]] = true
		}
	}
	return g
}

// isNameToken reports whether w can be part of a name.
func isNameToken(w word) bool { return isCapitalised(w.Text) }

// connectors may join the capitalised words of one name ("Bashar al-Assad",
// "United States of America").
var connectors = loadSet("data/connectors.txt")

// joined reports whether only spaces or one hyphen separate a and b.
func joined(text string, a, b word) bool {
	gap := text[a.End:b.Start]
	if gap == ". " && len(a.Text) == 1 && a.Text[0] >= 'A' && a.Text[0] <= 'Z' && isCapitalised(b.Text) {
		// A middle initial: "Charles E. Schumer".
		return true
	}
	return gap == "-" || gap == "‑" || (gap != "" && strings.Trim(gap, " ") == "")
}

// sentenceInitial reports whether w starts a sentence, a line or the text.
func sentenceInitial(text string, w word) bool {
	i := w.Start - 1
	for i >= 0 {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '[':
			i--
			continue
		case c >= 0x80:
			// Skip curly quotes and other non-ASCII punctuation before the word.
			j := i
			for j > 0 && text[j]&0xC0 == 0x80 {
				j--
			}
			if s := text[j : i+1]; s == "“" || s == "‘" || s == "«" || s == "—" || s == "–" {
				i = j - 1
				continue
			}
			return false
		}
		return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':'
	}
	return true
}

// mentions finds the named entities of text, in order.
func (g *Entities) mentions(text string, ws []word) []mention {
	ms, _ := g.mentionsSeen(text, ws)
	return ms
}

// mentionsSeen returns mentions(text, ws) and lowerSeen, the words the
// text also uses in lower case (the Lower keys of the words not
// capitalised), so that a capitalised sentence-initial common word is not
// taken for a name. The speaker tracker reads the same set.
func (g *Entities) mentionsSeen(text string, ws []word) ([]mention, wordSet) {
	lowerSeen := lowerSeenOf(ws)
	out := g.rawMentions(text, ws, lowerSeen, nil, nil)
	return normaliseMentions(g, text, out), lowerSeen
}

// lowerSeenOf returns the Lower keys of the words of ws not capitalised.
func lowerSeenOf(ws []word) wordSet {
	lowerSeen := make(wordSet, len(ws)/2)
	for _, w := range ws {
		if !isCapitalised(w.Text) {
			lowerSeen.add(w.Lower)
		}
	}
	return lowerSeen
}

// wordSet is a set of words, held as their fnv64 hashes: adding and
// finding a word neither compares nor keeps strings. The nil set is
// empty.
type wordSet map[uint64]struct{}

func (s wordSet) add(w string) { s[fnv64(w)] = struct{}{} }

func (s wordSet) has(w string) bool {
	_, ok := s[fnv64(w)]
	return ok
}

// joinedMentions returns mentionsSeen(text, ws) and mentionsSeen of the
// text's tail from off on, with offsets into that tail, where text is a
// head (a title), white space and that tail (the article's own text), and
// ws[k] is the tail's first word; the tail's words of ws, moved
// to the tail's offsets, are what tokenising it alone gives. Both are
// read from one pass over the tail: a run of capitalised words never
// joins across the white space, so the tail's names read alike in both
// unless the head's words in lower case change whether a sentence-initial
// word is a name; then text is read again.
func (g *Entities) joinedMentions(text string, ws []word, k, off int) (ms []mention, tailMs []mention, tailSeen wordSet) {
	head, tail := ws[:k], ws[k:]
	tailSeen = lowerSeenOf(tail)
	headSeen := lowerSeenOf(head)
	var pivots []string
	tailRaw := g.rawMentions(text, tail, tailSeen, nil, &pivots)
	flips := false
	for _, l := range pivots {
		if headSeen.has(l) && !tailSeen.has(l) {
			flips = true
			break
		}
	}
	if flips {
		ms = g.rawMentions(text, ws, tailSeen, headSeen, nil)
	} else {
		ms = g.rawMentions(text, head, tailSeen, headSeen, nil)
		ms = append(ms, tailRaw...)
	}
	ms = normaliseMentions(g, text, ms)
	for j := range tailRaw {
		tailRaw[j].Start -= off
		tailRaw[j].End -= off
	}
	tailMs = normaliseMentions(g, text[off:], tailRaw)
	return ms, tailMs, tailSeen
}

// rawMentions returns the mentions of text before normaliseMentions, a
// word being seen in lower case when seen or seen2 holds it. With pivots,
// it appends there the first words of the runs whose reading depends on
// that: sentence-initial words, not stop words or known names, dropped
// from their run when seen in lower case.
func (g *Entities) rawMentions(text string, ws []word, seen, seen2 wordSet, pivots *[]string) []mention {
	var out []mention
	for i := 0; i < len(ws); {
		if !isNameToken(ws[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && joined(text, ws[j-1], ws[j]) {
			if isNameToken(ws[j]) {
				j++
				continue
			}
			if connectors[ws[j].Lower] && j+1 < len(ws) && isNameToken(ws[j+1]) && joined(text, ws[j], ws[j+1]) {
				j += 2
				continue
			}
			break
		}
		run := ws[i:j]
		// A role word just before the run ("union leader Marta Lind")
		// marks it as a person's name.
		titled := i > 0 && (roleWords[ws[i-1].Lower] || g.titles[ws[i-1].Lower]) &&
			(joined(text, ws[i-1], ws[i]) || text[ws[i-1].End:ws[i].Start] == ", " ||
				// An abbreviated title: "Gov. Greg Abbott".
				g.titles[ws[i-1].Lower] && text[ws[i-1].End:ws[i].Start] == ". ")
		i = j
		if len(run) > 0 && sentenceInitial(text, run[0]) && g.names[possessiveless(run[0].Lower)].Key == "" {
			l := run[0].Lower
			if pivots != nil && !isStop(l) {
				*pivots = append(*pivots, l)
			}
			if isStop(l) || seen.has(l) || seen2.has(l) {
				run = run[1:]
			}
		}
		out = append(out, g.segment(run, titled)...)
	}
	return out
}

// segment splits one capitalised run into known names, titles and unknown
// names, left to right, longest known phrase first.
func (g *Entities) segment(run []word, titled bool) []mention {
	var out []mention
	// buf holds the words not yet matched, always run[from:k]: a word
	// joins it only when the one before it did too.
	var buf []word
	from := 0
	flush := func() {
		for len(buf) > 0 && (g.ignore[phraseKey(buf[:1])] || connectors[buf[0].Lower]) {
			buf = buf[1:]
		}
		for len(buf) > 0 && (g.ignore[phraseKey(buf[len(buf)-1:])] || connectors[buf[len(buf)-1].Lower]) {
			buf = buf[:len(buf)-1]
		}
		if len(buf) == 0 {
			return
		}
		m := mention{Start: buf[0].Start, End: buf[len(buf)-1].End, Kind: kindOther}
		var key strings.Builder
		key.Grow(m.End - m.Start)
		for k, w := range buf {
			if k > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(possessiveless(w.Text))
		}
		m.Key = key.String()
		if titled && len(buf) <= 4 {
			m.Kind = kindPerson
		}
		out = append(out, m)
		buf = nil
	}
	for k := 0; k < len(run); {
		matched := 0
		for n := min(g.maxLen, len(run)-k); n >= 1 && g.nameFirst[possessiveless(run[k].Lower)]; n-- {
			key := phraseKey(run[k : k+n])
			if e, ok := g.names[key]; ok {
				flush()
				out = append(out, mention{Start: run[k].Start, End: run[k+n-1].End, Key: e.Key, Kind: e.Kind, Demonym: e.Demonym})
				titled = false
				matched = n
				break
			}
			if g.titles[key] {
				flush()
				titled = true
				matched = n
				break
			}
			if g.ignore[key] {
				flush()
				titled = false
				matched = n
				break
			}
		}
		if matched == 0 {
			if len(buf) == 0 {
				from = k
			}
			buf = run[from : k+1]
			matched = 1
		}
		k += matched
	}
	flush()
	return out
}

// normaliseMentions gives every mention of one person in a text one key:
// a surname alone takes the full name the text gives it elsewhere
// ("Haddad" → "Karim Haddad"), and an unknown multi-word name whose last
// word the text uses alone for a known person takes that person's key
// ("Bashar Jaafari" → "Jaafari" when the data knows "Jaafari"). Two full
// names with one surname and first names that are not variants of each
// other ("Liz Cheney", "Dick Cheney") stay two people; a surname alone
// then takes the nearest full name before it, else the first after it.
func normaliseMentions(g *Entities, text string, ms []mention) []mention {
	type fullAt struct {
		pos    int
		key    string
		person bool
	}
	full := map[string][]fullAt{}
	ambiguous := map[string]bool{}
	single := map[string]entityKind{}
	for _, m := range ms {
		if !strings.Contains(m.Key, " ") {
			if k, ok := single[m.Key]; !ok || k == kindOther {
				single[m.Key] = m.Kind
			}
			continue
		}
		if m.Kind != kindPerson && !(m.Kind == kindOther && givenNameFirst(m.Key)) {
			continue
		}
		last := m.Key[strings.LastIndexByte(m.Key, ' ')+1:]
		for _, f := range full[last] {
			if f.key != m.Key && !sameNamed(g, f.key, m.Key) {
				ambiguous[last] = true
			}
		}
		full[last] = append(full[last], fullAt{m.Start, m.Key, m.Kind == kindPerson})
	}
	// nearest returns the full name a surname alone at pos stands for.
	nearest := func(last string, pos int) (string, bool) {
		fs := full[last]
		if !ambiguous[last] {
			// One person: the last full name a title or the data marks.
			for k := len(fs) - 1; k >= 0; k-- {
				if fs[k].person {
					return fs[k].key, true
				}
			}
			return "", false
		}
		best := fs[0].key
		for _, f := range fs {
			if f.pos < pos {
				best = f.key
			}
		}
		return best, true
	}
	for i, m := range ms {
		if !strings.Contains(m.Key, " ") {
			if f, ok := nearest(m.Key, m.Start); ok && m.Kind != kindPlace && single[m.Key] != kindPerson {
				ms[i].Key, ms[i].Kind = f, kindPerson
			}
			continue
		}
		if m.Kind != kindOther {
			continue
		}
		// A sentence-initial word run into a name ("Later Lind"), unless
		// the word is a first name ("Liz Cheney" is not "Dick Cheney").
		if tail := m.Key[strings.IndexByte(m.Key, ' ')+1:]; !strings.Contains(tail, " ") && sentenceInitial(text, word{Start: m.Start}) && !givenNameFirst(m.Key) {
			if f, ok := nearest(tail, m.Start); ok {
				ms[i].Key, ms[i].Kind = f, kindPerson
				continue
			}
		}
		last := m.Key[strings.LastIndexByte(m.Key, ' ')+1:]
		if f, ok := nearest(last, m.Start); ok && f == m.Key {
			ms[i].Kind = kindPerson
			continue
		}
		if k, ok := single[last]; ok && k == kindPerson && !ambiguous[last] {
			ms[i].Key, ms[i].Kind = last, kindPerson
		}
	}
	return ms
}

// givenNameFirst reports whether the name key starts with a known first
// name ("Liz Cheney"), so that it names a person of its own.
func givenNameFirst(key string) bool {
	first, _, ok := strings.Cut(key, " ")
	return ok && genderData().firstNames[strings.ToLower(first)] != genderUnknown
}

// sameNamed reports whether two full names can be one person: one
// surname and first names that are variants or initials of each other.
func sameNamed(g *Entities, a, b string) bool {
	pa, okA := parsePerson(g, a)
	pb, okB := parsePerson(g, b)
	return okA && okB && samePerson(pa, pb)
}
