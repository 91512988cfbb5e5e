package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
)

// VerbGrade says how much an attribution verb tells the reader beyond who
// spoke: "neutral" (said, added), "emphatic" (insisted, warned),
// "doubtful" (claimed, alleged) or "loaded" (slammed, scoffed).
type VerbGrade string

// speechVerb is one form of an attribution verb.
type speechVerb struct {
	form  string   // as written: "said", "fired back"
	words []string // its words
	grade VerbGrade
}

// speechVerbData indexes data/speechverbs.txt by a form's first word.
type speechVerbData struct {
	byFirst map[string][]speechVerb
	nouns   map[string]bool // "assertion", "claim": speech by a possessor
}

var speechVerbs = sync.OnceValue(func() *speechVerbData {
	d := &speechVerbData{byFirst: map[string][]speechVerb{}, nouns: map[string]bool{}}
	grade := VerbGrade("neutral")
	for _, line := range loadList("data/speechverbs.txt") {
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			grade = VerbGrade(strings.Trim(line, "[]"))
			continue
		}
		sep := " "
		if strings.Contains(line, "|") {
			sep = "|"
		}
		if grade == "nouns" {
			for _, f := range strings.Split(line, sep) {
				if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
					d.nouns[f] = true
				}
			}
			continue
		}
		for _, f := range strings.Split(line, sep) {
			f = strings.ToLower(strings.TrimSpace(f))
			if f == "" {
				continue
			}
			ws := strings.Fields(f)
			d.byFirst[ws[0]] = append(d.byFirst[ws[0]], speechVerb{form: f, words: ws, grade: grade})
		}
	}
	// The old one-form-a-line list counts too.
	for w := range attributionVerbs() {
		if _, ok := d.byFirst[w]; !ok {
			d.byFirst[w] = []speechVerb{{form: w, words: []string{w}, grade: "neutral"}}
		}
	}
	return d
})

// verbAt returns the attribution verb starting at ws[i] and how many words
// it takes, or ok false.
func verbAt(ws []word, i int) (v speechVerb, n int, ok bool) {
	if i < 0 || i >= len(ws) {
		return speechVerb{}, 0, false
	}
	cands := speechVerbs().byFirst[ws[i].Lower]
	best := -1
	for k, c := range cands {
		if i+len(c.words) > len(ws) {
			continue
		}
		match := true
		for j := 1; j < len(c.words); j++ {
			if ws[i+j].Lower != c.words[j] {
				match = false
				break
			}
		}
		if match && (best < 0 || len(c.words) > len(cands[best].words)) {
			best = k
		}
	}
	if best < 0 {
		return speechVerb{}, 0, false
	}
	return cands[best], len(cands[best].words), true
}

// isSpeechVerb reports whether a lower-case word can be an attribution verb.
func isSpeechVerb(lower string) bool { return len(speechVerbs().byFirst[lower]) > 0 }

// SpeechVerbGrade returns the grade of an attribution verb form ("said",
// "slammed"), or "" when the form is not an attribution verb.
func SpeechVerbGrade(form string) VerbGrade {
	ws := strings.Fields(strings.ToLower(form))
	if len(ws) == 0 {
		return ""
	}
	for _, c := range speechVerbs().byFirst[ws[0]] {
		if c.form == strings.Join(ws, " ") {
			return c.grade
		}
	}
	return ""
}

var (
	objectVerbs = sync.OnceValue(func() map[string]bool { return loadSet("data/objectverbs.txt") })
	nameTitles  = sync.OnceValue(func() map[string]bool { return loadSet("data/nametitles.txt") })
	nonNames    = sync.OnceValue(func() map[string]bool { return loadSet("data/nonnames.txt") })
)

// speakerPronouns are the pronouns a speaker is referred back by.
var speakerPronouns = map[string]bool{"he": true, "she": true}

// unnamedPronouns are speakers the text does not name: the writer, a crowd.
var unnamedPronouns = map[string]bool{"i": true, "we": true, "they": true, "you": true, "it": true, "one": true, "who": true}

// skippable words may stand between a speaker and the verb ("he also
// said", "Trump has said", "she later told").
var skippable = loadSet("data/speakerskip.txt")

// speakerTracker attributes the quotations of one article in order,
// keeping the people it has named for pronouns and surnames.
type speakerTracker struct {
	g  *Entities
	a  *corpus.Article
	ws []word
	ms []mention
	// people are the persons named so far, in text order.
	people []personAt
	// prev is the previous quotation's attribution and where it ended.
	prev      attribution
	prevClose int
	hasPrev   bool
	open      int // the opening mark of the quotation being attributed
	mentionAt int // people are collected up to here
	depth     int // pronoun resolutions under way
	lowerSeen wordSet
	capsMid   wordSet      // words written capitalised inside a sentence
	places    map[int]bool // starts of the words inside place names
	quoted    [][2]int     // the quotations' spans, in order
	// fullNames holds, by last word, the names of two or more words the
	// text writes, for surnames used alone.
	fullNames map[string][]personAt
	// titledGender holds the gender titles give a surname ("Mr. Cruz");
	// namesByLast the full names the text writes, once a mention, by
	// lower-case surname.
	titledGender map[string]gender
	namesByLast  map[string][]string
	// facts caches, by name, whether it may be a person's and the gender
	// the text gives it: pronoun resolution asks for each name many times.
	facts map[string]personFacts
	// subjectEnd is where the subject clauseSubject last found ends.
	subjectEnd int
	// breaks holds, in order, every offset of "\n\n" in the text, so that
	// a paragraph's ends are found without scanning the text;
	// titleCases caches titleCase by paragraph start.
	breaks     []int
	titleCases map[int]bool
}

type personAt struct {
	pos   int
	name  string
	title string // the title or role words before the name, lower case
	desc  string // an apposition after the name (", a lawmaker from…"), lower case
}

type attribution struct {
	speaker, verb string
}

// newSpeakerTracker returns a tracker of a's speakers. lowerSeen, when not
// nil, is the set mentionsSeen returned with ms, read and not changed.
func newSpeakerTracker(g *Entities, a *corpus.Article, ws []word, ms []mention, quoted [][2]int, lowerSeen wordSet) *speakerTracker {
	t := &speakerTracker{g: g, a: a, ws: ws, ms: ms, lowerSeen: lowerSeen, places: map[int]bool{},
		quoted: quoted, fullNames: map[string][]personAt{}, capsMid: wordSet{}}
	if lowerSeen == nil {
		t.lowerSeen = make(wordSet, len(ws)/2)
	}
	for i := 0; ; i++ {
		k := strings.Index(a.Text[i:], "\n\n")
		if k < 0 {
			break
		}
		i += k
		t.breaks = append(t.breaks, i)
	}
	for _, w := range ws {
		if !isCapitalised(w.Text) {
			if lowerSeen == nil {
				t.lowerSeen.add(w.Lower)
			}
		} else if !sentenceInitial(a.Text, w) {
			t.capsMid.add(w.Lower)
		}
	}
	for _, m := range ms {
		if m.Kind == kindPlace {
			for k := firstWordAt(ws, m.Start); k < len(ws) && ws[k].End <= m.End; k++ {
				t.places[ws[k].Start] = true
			}
		}
	}
	for i := 0; i < len(ws); i++ {
		if !isNameToken(ws[i]) || t.inQuote(ws[i].Start) {
			continue
		}
		s, e, _ := t.nameRun(i)
		if e-s >= 2 && e-s <= 4 && !t.isPlace(s) && !t.isPlace(e-1) && !t.titleCase(ws[i].Start) {
			name := t.nameText(s, e)
			last := name[strings.LastIndexByte(name, ' ')+1:]
			t.fullNames[last] = append(t.fullNames[last], personAt{pos: ws[s].Start, name: name})
		}
		i = max(i, e-1)
	}
	t.learnGenders()
	return t
}

// titleCase reports whether the paragraph holding off is a headline
// written in title case, whose capitalised runs are not names.
func (t *speakerTracker) titleCase(off int) bool {
	ps, pe := t.paraStart(off), t.paraEnd(off)
	if tc, ok := t.titleCases[ps]; ok {
		return tc
	}
	caps, all := 0, 0
	for k := firstWordAt(t.ws, ps); k < len(t.ws) && t.ws[k].End <= pe; k++ {
		all++
		if isNameToken(t.ws[k]) {
			caps++
		}
	}
	tc := all >= 4 && caps*10 >= all*7
	if t.titleCases == nil {
		t.titleCases = map[int]bool{}
	}
	t.titleCases[ps] = tc
	return tc
}

// paraStart returns where the paragraph holding off starts: just after
// the last blank line ("\n\n") that ends at or before off, else 0.
func (t *speakerTracker) paraStart(off int) int {
	off = min(off, len(t.a.Text))
	// The last break ending at or before off.
	if k, _ := slices.BinarySearch(t.breaks, off-1); k > 0 {
		return t.breaks[k-1] + 2
	}
	return 0
}

// paraEnd returns where the paragraph holding off ends: at the first
// blank line ("\n\n") at or after off, else at the text's end.
func (t *speakerTracker) paraEnd(off int) int {
	off = min(off, len(t.a.Text))
	if k, _ := slices.BinarySearch(t.breaks, off); k < len(t.breaks) {
		return t.breaks[k]
	}
	return len(t.a.Text)
}

// inQuote reports whether off falls inside a quotation.
func (t *speakerTracker) inQuote(off int) bool {
	lo, hi := 0, len(t.quoted)
	for lo < hi {
		m := (lo + hi) / 2
		if t.quoted[m][1] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(t.quoted) && t.quoted[lo][0] <= off
}

// collect adds the people named before off to t.people.
func (t *speakerTracker) collect(off int) {
	for _, m := range t.ms {
		if m.Start < t.mentionAt || m.Start >= off {
			continue
		}
		if m.Kind == kindPerson && !t.inQuote(m.Start) {
			t.addPerson(m.Start, m.Key)
		}
	}
	// Names of people by the text's own structure: a capitalised name
	// after a title, or as the subject of a verb.
	i := firstWordAt(t.ws, t.mentionAt)
	for i < len(t.ws) && t.ws[i].Start < off {
		if !isNameToken(t.ws[i]) || (i > 0 && isNameToken(t.ws[i-1]) && joinedName(t.a.Text, t.ws[i-1], t.ws[i])) || t.inQuote(t.ws[i].Start) {
			i++
			continue
		}
		s, e, titled := t.nameRun(i)
		if e <= s {
			i++
			continue
		}
		name := t.nameText(s, e)
		if name != "" && !t.isPlace(s) && (titled || t.actsAfter(e) || t.appositionAfter(e) || firstNameGender(t.ws[s:e]) != genderUnknown || e == s+1 && strings.Contains(name, " ") && t.standsAlone(e)) {
			t.addPerson(t.ws[s].Start, name)
		}
		i = max(e, i+1)
	}
	t.mentionAt = max(t.mentionAt, off)
}

func (t *speakerTracker) addPerson(pos int, name string) {
	name = t.fullName(name, pos)
	k := len(t.people)
	for k > 0 && t.people[k-1].pos > pos {
		k--
	}
	if k > 0 && t.people[k-1].pos == pos {
		return
	}
	t.people = append(t.people, personAt{})
	copy(t.people[k+1:], t.people[k:])
	t.people[k] = personAt{pos: pos, name: name, title: t.titleBefore(pos)}
	if mayBePerson(t.g, name) && !t.isPlace(firstWordAt(t.ws, pos)) {
		t.people[k].desc = t.appositionOf(pos)
	}
}

// appositionOf returns the description set off by a comma after the name
// starting at pos ("Salceda, a lawmaker from Albay,", "Cruz, the
// senator"), in lower case, or "".
func (t *speakerTracker) appositionOf(pos int) string {
	i := firstWordAt(t.ws, pos)
	e := i + 1
	for e < len(t.ws) && e-i < 5 && joinedName(t.a.Text, t.ws[e-1], t.ws[e]) && (isNameToken(t.ws[e]) || connectors[t.ws[e].Lower]) {
		e++
	}
	if e >= len(t.ws) || strings.TrimSpace(t.a.Text[t.ws[e-1].End:t.ws[e].Start]) != "," {
		return ""
	}
	switch t.ws[e].Lower {
	case "a", "an", "the", "who", "now", "then", "himself", "herself":
	default:
		if !possessive(t.ws[e]) {
			return ""
		}
	}
	var b strings.Builder
	for k := e; k < len(t.ws) && k-e < 10; k++ {
		if k > e {
			if gap := t.a.Text[t.ws[k-1].End:t.ws[k].Start]; strings.ContainsAny(gap, ",.;:()—–\"“”") {
				break
			}
			b.WriteByte(' ')
		}
		b.WriteString(possessiveless(t.ws[k].Lower))
	}
	return b.String()
}

// named reports whether name is a person collected before off, not a
// demonym taken for one ("Mexican officials conducted").
func (t *speakerTracker) named(name string, off int) bool {
	for _, p := range t.people {
		if p.pos < off && p.name == name && mayBePerson(t.g, name) && !t.isPlace(firstWordAt(t.ws, p.pos)) {
			return true
		}
	}
	return false
}

// isRoleNoun reports whether w names a person's position or calling, so
// that "the w" can refer back to a person named before.
func isRoleNoun(w string) bool {
	return isRoleWord(w) || nameTitles()[w] || roleMatches()[w] != nil
}

// hasRole reports whether the description desc gives the role noun role:
// the noun itself or a word data/rolematches.txt lists for it ("Sen." for
// "the lawmaker").
func hasRole(desc, role string) bool {
	if desc == "" {
		return false
	}
	for _, w := range strings.Fields(desc) {
		w = strings.TrimSuffix(w, ".")
		if w == role || roleMatches()[role][w] {
			return true
		}
	}
	return false
}

// roleMatches maps a role noun to the description words that give it.
var roleMatches = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, line := range loadList("data/rolematches.txt") {
		role, ws, ok := strings.Cut(line, ":")
		if !ok {
			panic("compare: embedded data/rolematches.txt: no colon in " + line)
		}
		role = strings.TrimSpace(role)
		if m[role] == nil {
			m[role] = map[string]bool{}
		}
		for _, w := range strings.Fields(ws) {
			m[role][w] = true
		}
	}
	return m
})

// titleBefore returns the title and role words right before the name
// starting at pos ("United Nations envoy", "Secretary of State").
func (t *speakerTracker) titleBefore(pos int) string {
	i := firstWordAt(t.ws, pos)
	j := i
	for j > 0 && i-j < 5 && joinedName(t.a.Text, t.ws[j-1], t.ws[j]) {
		l := t.ws[j-1].Lower
		if !(isNameToken(t.ws[j-1]) || nameTitles()[l] || isRoleWord(l) || l == "of") {
			break
		}
		j--
	}
	var b strings.Builder
	for k := j; k < i; k++ {
		if k > j {
			b.WriteByte(' ')
		}
		b.WriteString(possessiveless(t.ws[k].Lower))
	}
	return b.String()
}

// person returns the speaker key of the name ws[ns:ne] and records the
// person for later pronouns and surnames.
func (t *speakerTracker) person(ns, ne int) string {
	t.collect(t.ws[ns].Start)
	name := t.nameText(ns, ne)
	t.addPerson(t.ws[ns].Start, name)
	return t.fullName(name, t.ws[ns].Start)
}

// titledName returns the name after a role that follows a capitalised
// word ("Union leader Marta Lind", "Trump campaign manager Corey
// Lewandowski"), or the run itself.
func (t *speakerTracker) titledName(ns, ne, limit int) (int, int) {
	ws := t.ws
	j := ne
	for j < limit && j-ne < 3 && !isNameToken(ws[j]) && isNPWord(ws[j].Lower) && !isStop(ws[j].Lower) && joinedName(t.a.Text, ws[j-1], ws[j]) {
		j++
	}
	if j > ne && j < limit && isNameToken(ws[j]) && joinedName(t.a.Text, ws[j-1], ws[j]) {
		// A role word before it, or a name of two words: "Union leader
		// Marta Lind", "Florida developer Mel Sembler".
		if s, e, _ := t.nameRun(j); e > s && (e-s >= 2 || nameTitles()[ws[j-1].Lower] || isRoleWord(ws[j-1].Lower)) {
			return s, e
		}
	}
	return ns, ne
}

// fullName returns the full name the text gave earlier to a surname
// ("Cole" → "Tom Cole"), or name itself.
func (t *speakerTracker) fullName(name string, pos int) string {
	if strings.Contains(name, " ") {
		return name
	}
	best := personAt{pos: -1, name: name}
	for k := len(t.people) - 1; k >= 0; k-- {
		p := t.people[k]
		if p.pos >= pos || !strings.Contains(p.name, " ") {
			continue
		}
		if last := p.name[strings.LastIndexByte(p.name, ' ')+1:]; last == name {
			best = p
			break
		}
	}
	for _, p := range t.fullNames[name] {
		if p.pos < pos && p.pos > best.pos {
			best = p
		}
	}
	return best.name
}

// standsAlone reports whether the name ending before ws[e] is not a
// modifier of a noun after it ("the Clinton campaign"): punctuation or a
// function word follows it.
func (t *speakerTracker) standsAlone(e int) bool {
	if e >= len(t.ws) {
		return true
	}
	if strings.ContainsAny(t.a.Text[t.ws[e-1].End:t.ws[e].Start], ",.;:)—–") {
		return true
	}
	l := t.ws[e].Lower
	return skippable[l] || l == "and" || l == "who" || l == "or"
}

// actsAfter reports whether the word at index e is a verb the name before
// it is the subject of.
func (t *speakerTracker) actsAfter(e int) bool {
	for e < len(t.ws) && skippable[t.ws[e].Lower] {
		e++
	}
	if e >= len(t.ws) {
		return false
	}
	l := t.ws[e].Lower
	if _, _, ok := verbAt(t.ws, e); ok {
		return true
	}
	return subjectVerbs()[l]
}

// appositionAfter reports whether a description follows the name at e:
// ", a doctor," ", 43," ", who".
func (t *speakerTracker) appositionAfter(e int) bool {
	if e >= len(t.ws) || e == 0 {
		return false
	}
	gap := t.a.Text[t.ws[e-1].End:t.ws[e].Start]
	if strings.TrimSpace(gap) != "," {
		return false
	}
	l := t.ws[e].Lower
	if l == "who" || l == "a" || l == "an" {
		return true
	}
	if l == "the" {
		// ", the Texas senator,": a role before the next break.
		for k := e + 1; k < len(t.ws) && k-e <= 5; k++ {
			if isRoleNoun(t.ws[k].Lower) {
				return true
			}
			if strings.ContainsAny(t.a.Text[t.ws[k-1].End:t.ws[k].Start], ",.;:") {
				break
			}
		}
	}
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsDigit(r)
}

// firstWordAt returns the index of the first word starting at or after off.
func firstWordAt(ws []word, off int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// joinedName reports whether two words belong to one name: separated by a
// space or a hyphen, or by ". " after an initial or an abbreviated title.
func joinedName(text string, a, b word) bool {
	gap := text[a.End:b.Start]
	switch gap {
	case " ", "-", "‑", "\u00a0", " & ":
		return true // " & ": "Center for Strategic & International Studies"
	case ". ", ".":
		return utf8.RuneCountInString(a.Text) == 1 || nameTitles()[a.Lower] || a.Lower == "jr" || a.Lower == "st"
	case ", ":
		return b.Lower == "jr" || b.Lower == "sr"
	}
	return false
}

// nameRun returns the words [s,e) of the name starting at ws[i], titles
// before it excluded, and whether a title stood before it. A name is a run
// of capitalised words with initials, particles ("al", "de") and suffixes
// ("Jr.", "III") inside it. It returns e <= s when there is no name.
func (t *speakerTracker) nameRun(i int) (s, e int, titled bool) {
	ws, text := t.ws, t.a.Text
	// "The Kremlin", "But Cruz": a capitalised small word is not a name.
	for i < len(ws)-1 && isStop(ws[i].Lower) && isNameToken(ws[i+1]) && joinedName(text, ws[i], ws[i+1]) {
		i++
	}
	if isStop(ws[i].Lower) {
		return i, i, false
	}
	// "Continuing to explain, Carson…": a sentence's first word that the
	// text also writes in lower case, or a participle or adverb.
	// "Husted", "Ted": the text writing the word capitalised inside a
	// sentence too makes it a name.
	if l := ws[i].Lower; sentenceInitial(text, ws[i]) && (t.lowerSeen.has(l) || !t.capsMid.has(l) && (strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ly") || strings.HasSuffix(l, "ed"))) {
		if i+1 < len(ws) && isNameToken(ws[i+1]) && joinedName(text, ws[i], ws[i+1]) {
			i++
		} else {
			return i, i, false
		}
	}
	// "Soon after…": a sentence's first word, written capitalised nowhere
	// else, is a name only when it acts ("Stovall said").
	if sentenceInitial(text, ws[i]) && !t.capsMid.has(ws[i].Lower) && (i+1 >= len(ws) || !isNameToken(ws[i+1]) || !joinedName(text, ws[i], ws[i+1])) {
		if _, known := t.g.names[possessiveless(ws[i].Lower)]; !known && !t.actsAfter(i+1) && !(i+1 < len(ws) && strings.HasPrefix(text[ws[i].End:ws[i+1].Start], ",")) {
			return i, i, false
		}
	}
	e = i + 1
	titleEnd := i
	for e < len(ws) {
		if isNameToken(ws[e]) && joinedName(text, ws[e-1], ws[e]) {
			e++
			continue
		}
		if connectors[ws[e].Lower] && ws[e].Lower != "of" && e+1 < len(ws) && isNameToken(ws[e+1]) &&
			joinedName(text, ws[e-1], ws[e]) && joinedName(text, ws[e], ws[e+1]) {
			e += 2
			continue
		}
		// "Secretary of State John Kerry": a title with its "of".
		if ws[e].Lower == "of" && nameTitles()[ws[e-1].Lower] && e+1 < len(ws) && isNameToken(ws[e+1]) {
			e += 2
			titleEnd = e
			continue
		}
		break
	}
	s = i
	if titleEnd > i && titleEnd < e {
		s, titled = titleEnd, true
	}
	// Titles, demonyms and parties before the name are not part of it.
	for k := e - 1; k >= s; k-- {
		if nameTitles()[ws[k].Lower] && k+1 < e {
			s, titled = k+1, true
			break
		}
	}
	for s < e && (nonNames()[ws[s].Lower] || ws[s].Lower == "of" || t.isPlace(s)) && e-s > 1 {
		s++
	}
	if s < e && nonNames()[ws[s].Lower] {
		return s, s, titled
	}
	allTitles := true
	for k := s; k < e; k++ {
		allTitles = allTitles && nameTitles()[ws[k].Lower]
	}
	if allTitles {
		return s, s, titled
	}
	if s == i && i > 0 && nameTitles()[ws[i-1].Lower] && !isNameToken(ws[i-1]) {
		titled = true // "pollster Daron Shaw"
	}
	return s, e, titled
}

// isPlace reports whether the word at k is a place or its demonym.
func (t *speakerTracker) isPlace(k int) bool {
	if t.places[t.ws[k].Start] {
		return true
	}
	m, ok := t.g.names[possessiveless(t.ws[k].Lower)]
	return ok && m.Kind == kindPlace
}

// nameText returns the speaker key for the name ws[s:e]: the gazetteer's
// key when the data knows the person, else the words as written.
func (t *speakerTracker) nameText(s, e int) string {
	if e <= s {
		return ""
	}
	start, end := t.ws[s].Start, t.ws[e-1].End
	for _, m := range t.ms {
		if m.Start >= start && m.End <= end && m.Kind == kindPerson {
			if g, ok := t.g.names[keyOf(m.Key)]; ok && g.Kind == kindPerson {
				return m.Key
			}
		}
		if m.Start > end {
			break
		}
	}
	parts := make([]string, 0, e-s)
	for k := s; k < e; k++ {
		w := t.ws[k].Text
		if k == e-1 {
			w = possessiveless(w)
		}
		if k > s && t.a.Text[t.ws[k-1].End:t.ws[k].Start] == "-" {
			parts[len(parts)-1] += "-" + w
			continue
		}
		if k > s && t.a.Text[t.ws[k-1].End:t.ws[k].Start] == " & " {
			parts = append(parts, "&")
		}
		if utf8.RuneCountInString(w) == 1 || (strings.ToLower(w) == "jr" || strings.ToLower(w) == "sr") && strings.HasPrefix(t.a.Text[t.ws[k].End:], ".") {
			w += "."
		}
		parts = append(parts, w)
	}
	name := strings.Join(parts, " ")
	if e-s == 1 {
		return t.fullName(name, start)
	}
	return name
}

// resolvePronoun returns the person a "he" or "she" at off refers to: the
// subject of its own sentence when named before it ("Benjamin said he
// believes"), the previous quotation's speaker when no one was named
// since, the speaker or subject of the previous sentences, else the
// nearest person named before it. Each must be a person whose gender,
// when the text gives one, is the pronoun's.
func (t *speakerTracker) resolvePronoun(off int) string {
	t.collect(off)
	pron := ""
	if k := firstWordAt(t.ws, off); k < len(t.ws) {
		pron = t.ws[k].Lower
	}
	if t.depth > 2 {
		return t.nearestPerson(off, pron)
	}
	t.depth++
	defer func() { t.depth-- }()
	if len(t.a.Sentences) > 0 {
		i := sentenceAt(t.a, off)
		cur := t.a.Sentences[i]
		lo, hi := firstWordAt(t.ws, cur.Start), firstWordAt(t.ws, off)
		if cur.Start < off && hi > lo {
			if sp := t.clauseSubject(lo, hi); t.fits(sp, pron) {
				return sp
			}
		}
	}
	if t.hasPrev && t.fits(t.prev.speaker, pron) {
		// The previous quotation's speaker, when no one else the pronoun
		// could mean was named since.
		named := false
		for k := len(t.people) - 1; k >= 0 && t.people[k].pos >= t.prevClose; k-- {
			if p := t.people[k]; p.pos < off && p.name != t.prev.speaker && t.fits(p.name, pron) {
				named = true
			}
		}
		if !named {
			return t.prev.speaker
		}
	}
	if len(t.a.Sentences) > 0 {
		if i := sentenceAt(t.a, off); i > 0 && t.a.Sentences[i].Start <= off {
			// The speaker the previous sentence names ("…, said James
			// Henson."), else its subject.
			// The previous sentence's subject, when it fits, is the
			// person it is about ("Rubio refrained from attacking Bush and
			// Christie, who say…. He dismissed"); else the speaker it
			// names ("…, said James Henson.").
			prev := t.a.Sentences[i-1]
			if !t.inQuote(prev.Start) {
				if sp := t.clauseSubject(firstWordAt(t.ws, prev.Start), firstWordAt(t.ws, prev.End)); t.fits(sp, pron) {
					return sp
				}
			}
			if at, ok := t.beforeClause(prev.Start, prev.End); ok && t.fits(at.speaker, pron) {
				return at.speaker
			}
			// The nearest sentence, of the last three outside quotations,
			// whose subject is a name: the person the text is about.
			for k, n := i-1, 0; k >= 0 && n < 3; k-- {
				ps := t.a.Sentences[k]
				if t.inQuote(ps.Start) {
					continue
				}
				n++
				if sp := t.clauseSubject(firstWordAt(t.ws, ps.Start), firstWordAt(t.ws, ps.End)); t.fits(sp, pron) {
					return sp
				}
			}
		}
	}
	return t.nearestPerson(off, pron)
}

// nearestPerson returns the last person named before off that the
// pronoun can refer to.
func (t *speakerTracker) nearestPerson(off int, pron string) string {
	for k := len(t.people) - 1; k >= 0; k-- {
		if p := t.people[k]; p.pos < off && t.fits(p.name, pron) {
			return p.name
		}
	}
	return ""
}

// phraseSpeaker names the speaker of the noun phrase ws[s:e]: a name, a
// pronoun resolved, a role resolved to a person named before, or a
// description ("statement", "the newspaper") as its words.
func (t *speakerTracker) phraseSpeaker(s, e int) string {
	ws := t.ws
	for s < e && (ws[s].Lower == "but" || ws[s].Lower == "and" || ws[s].Lower == "as" || ws[s].Lower == "so") {
		s++
	}
	if s >= e {
		return ""
	}
	if e-s == 1 {
		l := ws[s].Lower
		if i := strings.IndexAny(l, "'’"); i > 0 {
			l = l[:i] // "I'll", "he's"
		}
		if speakerPronouns[l] {
			return t.resolvePronoun(ws[s].Start)
		}
		if unnamedPronouns[l] || pronouns()[l] {
			return ""
		}
	}
	// The first name in the phrase.
	for k := s; k < e; k++ {
		if !isNameToken(ws[k]) {
			continue
		}
		if k > s && isNameToken(ws[k-1]) {
			continue
		}
		ns, ne, _ := t.nameRun(k)
		ne = min(ne, e)
		if ne > ns {
			ns, ne = t.titledName(ns, ne, e)
		}
		if ne > ns && ne == ns+1 && ne < e && !isNameToken(ws[ne]) && t.isPlace(ns) {
			continue // "the Turkish president": a demonym
		}
		if ne > ns && possessive(ws[ne-1]) && nameAfter(ws, ne, e) {
			continue // "Clinton's pollster Joel Benenson"
		}
		if ne > ns {
			return t.person(ns, ne)
		}
	}
	// A role ("the Turkish president") or a description.
	if r := resolveRole(t, s, e); r != "" {
		return r
	}
	return nounPhrase(ws[s:e])
}

// resolveRole resolves a description ending in a role word to the gazetteer
// person with that role, else the nearest person named before it.
func resolveRole(t *speakerTracker, s, e int) string {
	g := t.g
	for k := s; k < e; k++ {
		if p, ok := g.roles[phraseKey(t.ws[k:e])]; ok {
			return p
		}
	}
	// "one lawmaker", "a spokesman": someone new, not a person named
	// before.
	switch t.ws[s].Lower {
	case "a", "an", "one", "another", "some":
		return ""
	}
	if last := t.ws[e-1].Lower; isRoleNoun(last) {
		// A person the data gives this role, else the nearest person.
		role := last
		if e-s >= 2 && t.ws[e-2].Lower != "the" {
			role = t.ws[e-2].Lower + " " + last
		}
		for _, r := range []string{role, last} {
			for k := len(t.ms) - 1; k >= 0; k-- {
				m := t.ms[k]
				if m.Kind != kindPerson || m.Start >= t.ws[s].Start {
					continue
				}
				for _, pr := range g.roleOf[m.Key] {
					if strings.Contains(pr, r) {
						return m.Key
					}
				}
			}
		}
		t.collect(t.ws[s].Start)
		for k := len(t.people) - 1; k >= 0; k-- {
			if p := t.people[k]; p.pos < t.ws[s].Start && (strings.Contains(p.title, last) || hasRole(p.title, last) || hasRole(p.desc, last)) {
				return p.name
			}
		}
		// Else the speaker of the quotation before, if any: "the
		// president" goes on speaking; never the nearest name at random.
		// Else the person a pronoun there would mean: the previous
		// quotation's speaker when no one was named since, else the
		// subject of the sentences before.
		if sp := t.resolvePronoun(t.ws[s].Start); sp != "" && t.named(sp, t.ws[s].Start) {
			return sp
		}
		if t.hasPrev && isCapitalised(t.prev.speaker) {
			return t.prev.speaker
		}
	}
	return ""
}

// subjectBefore returns the speaker of the clause whose verb is ws[v]:
// the phrase before it back to a comma or the clause start, skipping
// adverbs and auxiliaries; an apposition (", a doctor,") is passed over to
// the name before it.
func (t *speakerTracker) subjectBefore(v, lo int) string {
	ws, text := t.ws, t.a.Text
	// "Beck, who has in the past described": the name the relative
	// clause hangs on.
	for k := v - 1; k > lo && v-k <= 8; k-- {
		if strings.ContainsAny(text[ws[k].End:ws[k+1].Start], ".;:") {
			break
		}
		if ws[k].Lower == "who" && strings.Contains(text[ws[k-1].End:ws[k].Start], ",") && isNameToken(ws[k-1]) {
			j := k - 1
			for j > lo && isNameToken(ws[j-1]) && joinedName(text, ws[j-1], ws[j]) {
				j--
			}
			return t.phraseSpeaker(j, k)
		}
		if ws[k].Lower == "who" && strings.Contains(text[ws[k-1].End:ws[k].Start], ",") && isRoleNoun(ws[k-1].Lower) {
			// "The lawmaker, who represents a district, said": the role
			// the relative clause hangs on.
			j := k - 1
			for j > lo && k-j < 5 && isNPWord(ws[j-1].Lower) && joinedName(text, ws[j-1], ws[j]) {
				j--
			}
			if sp := t.phraseSpeaker(j, k); sp != "" {
				return sp
			}
		}
	}
	e := v
	for e > lo && t.passable(e-1, false) {
		e--
	}
	// "Sen. Ted Cruz (Tex.) has said": past the parentheses.
	if e > lo && e < len(ws) && strings.Contains(text[ws[e-1].End:ws[e].Start], ")") {
		k := e - 1
		for k > lo && e-k <= 4 && !strings.Contains(text[ws[k-1].End:ws[k].Start], "(") {
			k--
		}
		if k > lo && strings.Contains(text[ws[k-1].End:ws[k].Start], "(") {
			e = k
		}
	}
	e = t.pastAdverbs(e, lo)
	// "Obama on Friday declared": past the time phrase; "a statement
	// released Tuesday states": past the participle it dates too.
	if k := t.timeBefore(e, lo); k < e {
		if k-1 > lo && strings.HasSuffix(ws[k-1].Text, "ed") && !strings.ContainsAny(text[ws[k-1].End:ws[k].Start], ",;:") {
			k--
		}
		e = t.pastAdverbs(k, lo)
	}
	if e <= lo {
		return ""
	}
	// "Wilkerson brought up the Oklahoma City bombing and later said":
	// the verb shares the clause's subject.
	if l := ws[e-1].Lower; (l == "and" || l == "but") && e-1 > lo {
		return t.clauseSubject(lo, e-1)
	}
	// "Chris Covert, South Carolina director for Sanders, said", "Brianne
	// Stone, 29, of Huntsville, Ala., says": the name the clause opens
	// with, the descriptions after it passed over.
	if g := text[ws[e-1].End:ws[e].Start]; strings.Contains(g, ",") {
		if s, c, ok := t.openingSubject(lo, e); ok {
			return t.phraseSpeaker(s, c)
		}
	}
	// "Trump on Thursday said", "Clinton, in a statement, said"
	if g := text[ws[e-1].End:ws[e].Start]; strings.Contains(g, ",") {
		// Back over one comma-bounded aside.
		k := e - 1
		for k > lo && !strings.ContainsAny(text[ws[k-1].End:ws[k].Start], ",;:.") {
			k--
		}
		if k > lo && strings.Contains(text[ws[k-1].End:ws[k].Start], ",") && (isAside(ws[k]) || isNameToken(ws[k-1]) && (!isNameToken(ws[k]) || !isNameToken(ws[e-1]))) {
			e = k
			for e > lo && t.passable(e-1, false) {
				e--
			}
		}
	}
	s := e - 1
	for s > lo && e-s < 8 && !strings.ContainsAny(text[ws[s-1].End:ws[s].Start], ",;:()—–\"“”") {
		if !isNameToken(ws[s-1]) && !isNPWord(ws[s-1].Lower) {
			break
		}
		s--
	}
	return t.phraseSpeaker(s, e)
}

// passable reports whether ws[k] may stand between a speaker and the
// verb without being part of the speaker's name: a skippable word ("also",
// "has", "may") or, with adverbs, an adverb ("reportedly"). A word written
// capitalised inside a sentence is a name ("Theresa May", "Megyn Kelly"),
// but for a reflexive pronoun ("God Himself").
func (t *speakerTracker) passable(k int, adverbs bool) bool {
	w := t.ws[k]
	if isNameToken(w) && !sentenceInitial(t.a.Text, w) && !strings.HasSuffix(w.Lower, "self") {
		return false
	}
	return skippable[w.Lower] || adverbs && isAdverb(w.Lower)
}

// pastAdverbs returns where the run of skippable words and adverbs that
// ends before ws[e] starts, within one clause and not before lo.
func (t *speakerTracker) pastAdverbs(e, lo int) int {
	for e > lo && t.passable(e-1, true) && !strings.ContainsAny(t.a.Text[t.ws[e-1].End:t.ws[e].Start], ",;:") {
		e--
	}
	return e
}

// timeWords name a day or a part of one (data/timewords.txt); months
// are matched apart, before a number only.
var timeWords = loadSet("data/timewords.txt")

// timeMonths are the months' names, lower case.
var timeMonths = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// timeLeads are the words that may open a time phrase before a
// speaker's verb ("on Friday", "late Tuesday", "last night").
var timeLeads = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "by": true, "early": true, "late": true,
	"earlier": true, "later": true, "last": true, "this": true, "next": true,
}

// timeBefore returns where a time phrase that ends just before ws[e]
// starts ("on Friday", "later Thursday", "on Tuesday night", "on April
// 11"), or e when none does: its words run with no punctuation between
// them, and a day, a part of one or a dated month must stand in it.
func (t *speakerTracker) timeBefore(e, lo int) int {
	ws, text := t.ws, t.a.Text
	k, timed := e, false
	for k > lo && !strings.ContainsAny(text[ws[k-1].End:ws[k].Start], ",;:.()") {
		l := ws[k-1].Lower
		switch {
		case timeWords[l]:
			timed = true
		case timeMonths[l] && k < e && isDigits(ws[k].Lower):
			timed = true
		case isDigits(l) || timeLeads[l]:
		default:
			if timed {
				return k
			}
			return e
		}
		k--
	}
	if timed {
		return k
	}
	return e
}

// isDigits reports whether s is a number written in digits, with an
// ordinal's ending ("11", "11th").
func isDigits(s string) bool {
	s = strings.TrimRight(s, "stndrh")
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// openingWords are the capitalised words that open a clause with a phrase
// that is not its subject ("Like Makaeff, Roffman…", "After the debate,
// Cruz…").
var openingWords = loadSet("data/openingwords.txt")

// openingSubject finds, for a verb at ws[e] after a comma, the name that
// opens the clause ws[lo:e] when only descriptions separated by commas
// stand between: it returns the name's phrase ws[s:c]. The clause starts
// at lo or after the last sentence or clause break before e.
func (t *speakerTracker) openingSubject(lo, e int) (s, c int, ok bool) {
	ws, text := t.ws, t.a.Text
	start := e - 1
	commas := 0
	for start > lo && e-start < 30 {
		g := text[ws[start-1].End:ws[start].Start]
		if strings.ContainsAny(g, ";:—–\"“”") || sentenceBreak(text, ws[start-1], ws[start]) && !strings.Contains(g, ")") {
			break
		}
		if strings.Contains(g, ",") {
			commas++
		}
		start--
	}
	if commas == 0 || start == lo && lo > 0 && !sentenceBreak(text, ws[lo-1], ws[lo]) && !strings.ContainsAny(text[ws[lo-1].End:ws[lo].Start], "\"“”") {
		return 0, 0, false
	}
	// The first comma-bounded phrase: two to six words ending in a name,
	// or a name of one word that the text gives in full elsewhere.
	c = start + 1
	for c < e && !strings.Contains(text[ws[c-1].End:ws[c].Start], ",") {
		c++
	}
	if c >= e || c-start > 6 || !isNameToken(ws[c-1]) || openingWords[ws[start].Lower] || !isNameToken(ws[start]) && !subjectLead(ws[start].Lower) {
		return 0, 0, false
	}
	for k := start; k < c; k++ {
		if isSpeechVerb(ws[k].Lower) || t.isPlace(k) && k == c-1 {
			return 0, 0, false
		}
	}
	// The phrases between describe the name: no verb of their own.
	for k := c; k < e; k++ {
		if _, _, isVerb := verbAt(ws, k); isVerb {
			return 0, 0, false
		}
	}
	if !mayBePerson(t.g, t.nameText(start, c)) {
		return 0, 0, false
	}
	return start, c, true
}

// isAside reports whether a comma-bounded phrase starting with w describes
// or places the subject before it rather than being it.
func isAside(w word) bool {
	switch w.Lower {
	case "a", "an", "the", "who", "in", "on", "at", "for", "speaking", "his", "her", "its", "their", "according", "citing", "as", "after", "during", "while", "when", "meanwhile", "however", "though":
		return true
	}
	r, _ := utf8.DecodeRuneInString(w.Text)
	return unicode.IsDigit(r) || w.Lower == "himself" || w.Lower == "herself"
}

// isNPWord reports whether a lower-case word can be inside a speaker's
// noun phrase ("the committee chairman", "a joint statement").
func isNPWord(l string) bool {
	if isSpeechVerb(l) || skippable[l] {
		return false
	}
	switch l {
	case "that", "which", "who", "if", "when", "because", "while", "after", "before", "since", "as", "in", "on", "at", "to", "for", "with", "by", "from", "said", "but":
		return false
	}
	return true
}

// objectAfter returns the speaker named after a verb at ws[v:v+n] ("said
// Robert Stone, a 59-year-old", "said the statement"), reading to the
// next comma or the sentence end.
func (t *speakerTracker) objectAfter(v, n, hi int) string {
	ws, text := t.ws, t.a.Text
	s := v + n
	if s >= hi {
		return ""
	}
	e := s + 1
	for e < hi && e-s < 12 && (joinedName(text, ws[e-1], ws[e]) || !strings.ContainsAny(text[ws[e-1].End:ws[e].Start], ",;:.()—–\"“”")) {
		if l := ws[e].Lower; (l == "of" || l == "at" || l == "from" || l == "in" || l == "on" || l == "to" || l == "with" || l == "for") && isNameToken(ws[e-1]) {
			break // "said Patrick Murray of Christie"
		}
		e++
	}
	// "said Republican pollster Daron Shaw": the last name of the phrase.
	for k := e - 1; k >= s; k-- {
		if isNameToken(ws[k]) && (k == s || !isNameToken(ws[k-1]) || !joinedName(text, ws[k-1], ws[k])) {
			ns, ne, _ := t.nameRun(k)
			if ne > ns && ns >= s {
				return t.person(ns, min(ne, e))
			}
			break
		}
	}
	return t.phraseSpeaker(s, e)
}

// attribute finds the speaker and verb of the quotation with marks at open
// and close and content parts: an attribution between its parts or after
// it in its sentence ("…," Cole said; "…," said Robert Stone), before it in
// its sentence (Cruz said the debate was "…"; according to Politico, "…"),
// in a lead-in ending with a colon (Cruz continued:), else the previous
// quotation's when this one continues it in the same or the next
// paragraph. It leaves the speaker empty when nothing attributes it.
func (t *speakerTracker) attribute(open, close int, parts [][2]int) attribution {
	at, ok := t.find(open, close, parts)
	if !ok {
		at, ok = t.leadIn(open)
	}
	if !ok && t.hasPrev && t.continues(open) {
		at = t.prev
	}
	t.prev, t.prevClose, t.hasPrev = at, close, true
	return at
}

func (t *speakerTracker) find(open, close int, parts [][2]int) (attribution, bool) {
	text := t.a.Text
	t.open = open
	if len(parts) > 1 {
		if at, ok := t.afterClause(parts[0][1], parts[1][0], false); ok {
			return at, true
		}
	}
	// "Trump said: “…,” the Times reported": a verb and a colon right
	// before the quotation introduce it.
	if lead := strings.TrimSpace(text[t.sentenceStart(open):open]); strings.HasSuffix(lead, ":") {
		if k := firstWordAt(t.ws, open) - 1; k >= 0 && isSpeechVerb(t.ws[k].Lower) {
			if at, ok := t.leadClause(open); ok && isCapitalised(at.speaker) {
				return at, true
			}
		}
	}
	// After the quotation, to the end of its paragraph or the next
	// quotation: afterClause stops at the sentence's end. A quotation that
	// ends its own sentence ("…?” Sanders replied.) may still be followed
	// by its attribution.
	if pe := t.paraEnd(close); close < pe {
		hi := pe
		if next := nextQuoteStart(text, min(close+1, pe), pe); next >= 0 {
			hi = next
		}
		ended := strings.ContainsAny(strings.TrimRight(text[max(0, close-2):close], " "), ".!?…")
		if at, ok := t.afterClause(close, hi, ended); ok {
			return at, true
		}
		if !ended {
			if at, ok := t.tailAttribution(close, hi); ok {
				return at, true
			}
		}
	}
	sentStart := t.sentenceStart(open)
	if at, ok := t.leadClause(open); ok {
		return at, true
	}
	// "Bush referred to Rubio as “a bright, charismatic leader”": a
	// quotation inside a sentence without an attribution verb is its
	// subject's, with the subject's verb.
	if strings.TrimSpace(text[sentStart:open]) != "" {
		if at, ok := t.sentenceActor(firstWordAt(t.ws, sentStart), firstWordAt(t.ws, open)); ok {
			return at, true
		}
	}
	// "- Clinton.": a dash and a name in the paragraph after a quotation
	// that fills its own.
	if at, ok := t.signature(close); ok {
		return at, true
	}
	return attribution{}, false
}

// sentenceStart returns where the sentence holding a quotation's opening
// mark starts, within its paragraph.
func (t *speakerTracker) sentenceStart(open int) int {
	sentStart, _ := sentenceBounds(t.a, open)
	if ps := t.paraStart(open); ps > sentStart || sentStart > open {
		sentStart = ps
	}
	return sentStart
}

// leadClause reads the attribution before a quotation opening at open:
// in its own sentence ("Cruz said the debate was “…”"), else in a lead-in
// ending with a colon ("Cruz continued:") before the quotation's sentence
// or paragraph.
func (t *speakerTracker) leadClause(open int) (attribution, bool) {
	text := t.a.Text
	sentStart := t.sentenceStart(open)
	if at, ok := t.beforeClause(sentStart, open); ok {
		return at, true
	}
	lead := strings.TrimRight(text[:sentStart], " \t\r\n\"“”")
	if strings.HasSuffix(lead, ":") && len(lead) > 1 {
		ls, _ := sentenceBounds(t.a, len(lead)-1)
		if ps := t.paraStart(len(lead) - 1); ps > ls {
			ls = ps
		}
		if at, ok := t.beforeClause(ls, len(lead)); ok {
			return at, true
		}
	}
	return attribution{}, false
}

// sentenceActor returns the named subject of the clause ws[lo:hi] and the
// verb that follows it ("Bush referred", "He commanded", "Cruz would not
// comment"), for a quotation the clause leads into.
func (t *speakerTracker) sentenceActor(lo, hi int) (attribution, bool) {
	t.subjectEnd = -1
	sp := t.clauseSubject(lo, hi)
	if !isCapitalised(sp) || !mayBePerson(t.g, sp) || t.subjectEnd < 0 {
		return attribution{}, false
	}
	text := t.a.Text
	j := t.subjectEnd
	// Past a description after the name: "Grandi, the UN's refugee chief,
	// reacted".
	if j < hi && j > 0 && strings.Contains(text[t.ws[j-1].End:t.ws[j].Start], ",") && t.ws[j].Lower != "who" {
		k := j + 1
		for k < hi && k-j < 12 && !strings.Contains(text[t.ws[k-1].End:t.ws[k].Start], ",") {
			k++
		}
		if k >= hi || k-j >= 12 {
			return attribution{}, false
		}
		j = k
	}
	// "Trump, who has postured himself as the “law and order
	// candidate”": the relative clause's verb.
	if j < hi && t.ws[j].Lower == "who" {
		j++
	}
	for j < hi && (skippable[t.ws[j].Lower] || isAdverb(t.ws[j].Lower)) {
		j++
	}
	if j >= hi {
		return attribution{}, false
	}
	v := t.ws[j]
	if isNameToken(v) || isStop(v.Lower) || !isNPWord(v.Lower) && !isSpeechVerb(v.Lower) {
		return attribution{sp, ""}, true
	}
	if sv, _, ok := verbAt(t.ws, j); ok {
		return attribution{sp, sv.form}, true
	}
	return attribution{sp, v.Lower}, true
}

// signature reads a paragraph that only names the speaker of the
// quotation closing at close: "- Hillary Clinton." after a paragraph the
// quotation fills.
func (t *speakerTracker) signature(close int) (attribution, bool) {
	text := t.a.Text
	pe := t.paraEnd(close)
	if strings.TrimSpace(strings.Trim(text[min(close+1, pe):pe], "\"”’ ")) != "" || pe+2 >= len(text) {
		return attribution{}, false
	}
	next := text[pe+2 : t.paraEnd(pe+2)]
	body := strings.TrimLeft(next, " ")
	dash := false
	for _, d := range []string{"-", "—", "–", "--"} {
		if strings.HasPrefix(body, d) {
			dash = true
		}
	}
	ws := words(body)
	if !dash || len(ws) == 0 || len(ws) > 6 {
		return attribution{}, false
	}
	lo := firstWordAt(t.ws, pe+2+len(next)-len(body))
	hi := lo + len(ws)
	for k := lo; k < hi; k++ {
		if k > lo && t.ws[k].Lower == "in" || strings.Contains(t.a.Text[t.ws[k].End:min(len(text), t.ws[k].End+1)], ",") {
			hi = k + 1 // "- Hillary Clinton, in Iowa"
			break
		}
	}
	if !isNameToken(t.ws[lo]) {
		return attribution{}, false
	}
	ns, ne, _ := t.nameRun(lo)
	if ne <= ns {
		return attribution{}, false
	}
	return attribution{t.person(ns, min(ne, hi)), ""}, true
}

// leadIn reads the attribution of the sentence before a quotation that
// opens its own sentence: "Coan argues that his client was never
// encouraging violence. “The government is alleging…”". The sentence must
// hold no quotation of its own and its verb a named subject.
func (t *speakerTracker) leadIn(open int) (attribution, bool) {
	if len(t.a.Sentences) == 0 {
		return attribution{}, false
	}
	i := sentenceAt(t.a, open)
	cur := t.a.Sentences[i]
	if i == 0 || cur.Start < open && strings.TrimSpace(t.a.Text[cur.Start:open]) != "" {
		return attribution{}, false
	}
	prev := t.a.Sentences[i-1]
	if open-prev.End > 4 && strings.Count(t.a.Text[prev.End:open], "\n\n") > 1 {
		return attribution{}, false
	}
	if strings.ContainsAny(t.a.Text[prev.Start:prev.End], "\"“”«»") || prev.End <= t.prevClose {
		return attribution{}, false
	}
	at, ok := t.beforeClause(prev.Start, prev.End)
	if !ok || at.speaker == "" || !isCapitalised(at.speaker) {
		return attribution{}, false
	}
	return at, true
}

// continues reports whether a quotation opening at open follows the
// previous one with nothing but quotations and its own sentence between:
// the same paragraph, or the paragraph right after.
func (t *speakerTracker) continues(open int) bool {
	if t.prevClose > open {
		return false
	}
	gap := t.a.Text[t.prevClose:open]
	paras := strings.Count(gap, "\n\n")
	if paras == 0 {
		return true
	}
	// The next paragraph: the previous quotation ended its paragraph and
	// this one opens its own.
	if paras == 1 {
		// The rest of the previous quotation's paragraph may only be its
		// attribution ("…,” she said.).
		// One sentence: ", said Murphy, who thinks often about the son."
		before, after, _ := strings.Cut(gap, "\n\n")
		body := strings.TrimRight(strings.TrimSpace(before), ".!?”\"")
		return (wordCount(before) <= maxAttributionWords || wordCount(before) <= 30 && !strings.ContainsAny(body, ".!?")) && strings.TrimSpace(after) == ""
	}
	return false
}

// maxAttributionWords bounds how far from a quotation its verb may stand
// when the attribution follows it.
const maxAttributionWords = 12

// afterClause reads an attribution in text[from:to] right after a
// quotation: "…," VERB SPEAKER or "…," SPEAKER VERB.
//
// When the quotation ended its own sentence, the attribution must be a
// short clause of its own ("Sanders replied."), not a new sentence.
func (t *speakerTracker) afterClause(from, to int, ended bool) (attribution, bool) {
	i := firstWordAt(t.ws, from)
	hi := firstWordAt(t.ws, to)
	if i >= hi {
		return attribution{}, false
	}
	// "…,” as Cruz said on Monday: the attribution after "as".
	if t.ws[i].Lower == "as" && i+1 < hi && (isNameToken(t.ws[i+1]) || speakerPronouns[t.ws[i+1].Lower]) {
		i++
	}
	if _, _, ok := verbAt(t.ws, i); !ok && !subjectStart(t.ws[i]) {
		return attribution{}, false
	}
	limit := maxAttributionWords
	if isNameToken(t.ws[i]) && !ended {
		// "…,” Robert McDuff, attorney for one of four groups to file
		// suit over the law, said.
		limit = 2 * maxAttributionWords
	}
	for v := i; v < hi && v-i <= limit; v++ {
		if v > i {
			gap := t.a.Text[t.ws[v-1].End:t.ws[v].Start]
			if sentenceBreak(t.a.Text, t.ws[v-1], t.ws[v]) {
				break
			}
			if gap == "-" || gap == "‑" {
				continue // "so-called"
			}
		}
		if ended && (v-i > 6 || v > i && strings.Contains(t.a.Text[t.ws[v-1].End:t.ws[v].Start], ",")) {
			break
		}
		sv, n, ok := verbAt(t.ws, v)
		if !ok {
			continue
		}
		if ended && v+n < hi && isNameToken(t.ws[i]) && (t.ws[v+n].Lower == "that" || !sentenceBreak(t.a.Text, t.ws[v+n-1], t.ws[v+n]) && v > i && !isNameToken(t.ws[v+n]) && clauseRuns(t.a.Text, t.ws, v+n, hi)) {
			break // "…” He bemoaned that the costs…": a sentence of its own
		}
		if v == i && ended && isNameToken(t.ws[v]) {
			break // "…” Asked which county…": a sentence of its own
		}
		if v == i && strings.HasSuffix(sv.words[0], "ing") && sv.form != "according to" {
			// "Putin replied: “…,” citing…", "…,” adding that…: the
			// participle's subject is the quotation's speaker.
			if at, ok := t.leadClause(t.open); ok && isCapitalised(at.speaker) {
				return at, true
			}
			if sp := t.precedingSubject(t.open); sp != "" {
				return attribution{sp, sv.form}, true
			}
		}
		if v == i || sv.form == "according to" {
			sp := t.objectAfter(v, n, hi)
			if sp == "" && strings.HasSuffix(sv.words[0], "ing") {
				sp = t.precedingSubject(t.open)
			}
			return attribution{sp, sv.form}, true
		}
		sp := t.subjectBefore(v, i)
		if sp == "" && v+n < hi && isNameToken(t.ws[v+n]) {
			sp = t.objectAfter(v, n, hi)
		}
		if sp == "" {
			k := v - 1
			for k > i && skippable[t.ws[k].Lower] {
				k--
			}
			l := t.ws[k].Lower
			if j := strings.IndexAny(l, "'’"); j > 0 {
				l = l[:j]
			}
			if unnamedPronouns[l] {
				return attribution{"", sv.form}, true // "…,” I'll say: the writer
			}
			// "…” and said it was": the verb of the sentence's own subject.
			break
		}
		return attribution{sp, sv.form}, true
	}
	return attribution{}, false
}

// verbClause returns the attribution of the verb ws[v:v+n] in the clause
// ws[lo:hi] before a quotation.
func (t *speakerTracker) verbClause(v, n int, sv speechVerb, lo, hi int) attribution {
	if sv.form == "according to" {
		return attribution{t.objectAfter(v, n, hi), sv.form}
	}
	var sp string
	if v > lo && strings.Contains(t.a.Text[t.ws[v-1].End:t.ws[v].Start], ",") {
		// "Dean Johnson, a 55-year-old salesman from Sumter, South
		// Carolina, says Cruz will": the subject before the descriptions.
		if s, c, ok := t.openingSubject(lo, v); ok {
			if sp := t.phraseSpeaker(s, c); sp != "" {
				return attribution{sp, sv.form}
			}
		}
	}
	switch {
	case v > lo && strings.Contains(t.a.Text[t.ws[v-1].End:t.ws[v].Start], ",") && v+n < hi &&
		(isNameToken(t.ws[v+n]) || nameTitles()[t.ws[v+n].Lower]) && !possessive(t.ws[v+n]) && !t.participle(v) && !objectVerbs()[t.ws[v].Lower]:
		sp = t.objectAfter(v, n, hi) // "…, said Christine Link."
	case t.participle(v):
		// "…, Nefzi said, adding": the subject of the verb before it.
		for k := v - 1; k >= lo && v-k <= 6 && strings.Contains(t.a.Text[t.ws[v-1].End:t.ws[v].Start], ","); k-- {
			if pv, pn, ok := verbAt(t.ws, k); ok && !t.participle(k) && !t.nounLead(k) {
				if at := t.verbClause(k, pn, pv, lo, v); at.speaker != "" {
					return attribution{at.speaker, sv.form}
				}
				break
			}
		}
		sp = t.clauseSubject(lo, v)
	default:
		sp = t.subjectBefore(v, lo)
	}
	if sp == "" && v+n < hi && isNameToken(t.ws[v+n]) && !objectVerbs()[t.ws[v].Lower] && !possessive(t.ws[v+n]) {
		sp = t.objectAfter(v, n, hi)
	}
	if sp == "" {
		sp = t.clauseSubject(lo, v)
	}
	return attribution{sp, sv.form}
}

// clauseRuns reports whether more than a short adjunct ("in a
// statement", "on Friday") follows ws[k] before the sentence ends.
func clauseRuns(text string, ws []word, k, hi int) bool {
	n := 0
	for j := k; j < hi; j++ {
		if j > k && sentenceBreak(text, ws[j-1], ws[j]) {
			break
		}
		n++
	}
	return n > 5
}

// sentenceBreak reports whether the text between two words ends a
// sentence: not the full stop of an initial, a title or "(D-Ore.)".
func sentenceBreak(text string, a, b word) bool {
	gap := text[a.End:b.Start]
	if strings.ContainsAny(gap, "!?;") {
		return true
	}
	// "R-Ky., said": the full stop of an abbreviation before a comma.
	return strings.Contains(gap, ".") && !joinedName(text, a, b) && !strings.Contains(gap, ")") && !strings.Contains(gap, ".,")
}

// tailAttribution reads an attribution that ends the sentence a partial
// quotation starts: "“We are frustrated” by the shooting, Nefzi said." or
// "…, said David Wasserman, an analyst."
func (t *speakerTracker) tailAttribution(from, to int) (attribution, bool) {
	i := firstWordAt(t.ws, from)
	hi := firstWordAt(t.ws, to)
	text := t.a.Text
	for v := i + 1; v < hi && v-i <= 40; v++ {
		gap := text[t.ws[v-1].End:t.ws[v].Start]
		if sentenceBreak(text, t.ws[v-1], t.ws[v]) {
			break
		}
		sv, n, ok := verbAt(t.ws, v)
		if !ok || gap == "-" {
			continue
		}
		if strings.Contains(gap, ",") {
			if sp := t.objectAfter(v, n, hi); sp != "" {
				return attribution{sp, sv.form}, true
			}
			continue
		}
		if end := v + n; end < hi && !strings.ContainsAny(text[t.ws[end-1].End:t.ws[end].Start], ".,") {
			continue // ", Nefzi said." ends the sentence
		}
		k := v - 1
		for k > i && (isNameToken(t.ws[k-1]) && joinedName(text, t.ws[k-1], t.ws[k])) {
			k--
		}
		if (isNameToken(t.ws[k]) || speakerPronouns[t.ws[k].Lower]) && strings.Contains(text[t.ws[k-1].End:t.ws[k].Start], ",") {
			if sp := t.phraseSpeaker(k, v); sp != "" {
				return attribution{sp, sv.form}, true
			}
		}
	}
	return attribution{}, false
}

// beforeClause reads an attribution in text[from:to] before a quotation:
// the last attribution verb there and its subject.
func (t *speakerTracker) beforeClause(from, to int) (attribution, bool) {
	// "…prompted Parliament to call a debate; one lawmaker called Trump
	// “…”": the clause after a semicolon.
	if i := strings.LastIndex(t.a.Text[from:to], ";"); i >= 0 && !insideQuote(t.a.Text, from, from+i) {
		from += i + 1
	}
	lo := firstWordAt(t.ws, from)
	hi := firstWordAt(t.ws, to)
	// The last verb whose speaker is named; else the last verb's.
	var first attribution
	found, tries := false, 0
	for v := hi - 1; v >= lo && tries < 3; v-- {
		sv, n, ok := verbAt(t.ws, v)
		if !ok || insideQuote(t.a.Text, from, t.ws[v].Start) || v > 0 && t.a.Text[t.ws[v-1].End:t.ws[v].Start] == "-" {
			continue
		}
		// "if asked", "when told", "had been asked": a passive verb whose
		// subject heard rather than spoke; "Ginsburg's comments", "his
		// remarks": a noun. "Duterte has been called the “…”" by no
		// one named: the verb without a speaker.
		if v > lo && (passiveLead[t.ws[v-1].Lower] || t.nounLead(v)) {
			if l := t.ws[v-1].Lower; (l == "been" || l == "being") && tries == 0 && !found {
				return attribution{"", sv.form}, true
			}
			continue
		}
		tries++
		at := t.verbClause(v, n, sv, lo, hi)
		if isCapitalised(at.speaker) {
			return at, true
		}
		if !found {
			first, found = at, true
		}
	}
	if found {
		return first, true
	}
	// "her assertion that “…”", "Trump's claim that “…”": the possessor of
	// a speech noun.
	for v := hi - 1; v > lo && hi-v <= 10; v-- {
		if !speechVerbs().nouns[t.ws[v].Lower] || insideQuote(t.a.Text, from, t.ws[v].Start) {
			continue
		}
		k := v - 1
		for k > lo && !isNameToken(t.ws[k]) && !strings.HasSuffix(t.ws[k].Text, "s") && isAdverbOrAdjective(t.ws[k].Lower) {
			k--
		}
		p := t.ws[k]
		switch {
		case p.Lower == "his" || p.Lower == "her":
			if sp := t.resolvePronoun(p.Start); sp != "" {
				return attribution{sp, t.ws[v].Lower}, true
			}
		case isNameToken(p) && p.Lower != possessiveless(p.Lower):
			j := k
			for j > lo && isNameToken(t.ws[j-1]) && joinedName(t.a.Text, t.ws[j-1], t.ws[j]) {
				j--
			}
			if sp := t.phraseSpeaker(j, k+1); sp != "" {
				return attribution{sp, t.ws[v].Lower}, true
			}
		}
		break
	}
	// "Kerry: “…”", "McConnell delivered a blunt message to Trump: “…”":
	// the subject of the clause the colon ends.
	lead := strings.TrimRight(t.a.Text[from:to], " \t\r\n")
	if strings.HasSuffix(lead, ":") && hi > lo {
		if sp := t.clauseSubject(lo, hi); sp != "" {
			return attribution{sp, ""}, true
		}
	}
	return attribution{}, false
}

// nounLead reports whether the attribution word at ws[v] is a noun after a
// possessive or a determiner: "Ginsburg's comments", "his remarks".
func (t *speakerTracker) nounLead(v int) bool {
	if v == 0 || strings.TrimSpace(t.a.Text[t.ws[v-1].End:t.ws[v].Start]) != "" {
		return false
	}
	p := t.ws[v-1]
	switch p.Lower {
	case "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this", "whose":
		return true
	}
	return possessive(p)
}

// nameAfter reports whether a name follows ws[from] closely within
// ws[from:to]: within four words, past words of one noun phrase only
// ("'s chief pollster Joel Benenson", not "'s explanation for Iran's").
func nameAfter(ws []word, from, to int) bool {
	for k := from; k < to && k-from <= 4; k++ {
		if isNameToken(ws[k]) {
			return true
		}
		if !isNPWord(ws[k].Lower) || ws[k].Lower == "of" {
			return false
		}
	}
	return false
}

// possessive reports whether a word is written with a possessive ending
// ("Trump's").
func possessive(w word) bool {
	return strings.HasSuffix(w.Text, "'s") || strings.HasSuffix(w.Text, "’s")
}

// passiveLead are the words before an attribution verb that make it
// passive or conditional.
var passiveLead = map[string]bool{"if": true, "when": true, "unless": true, "once": true, "been": true, "being": true, "whether": true}

// insideQuote reports whether off falls inside a quotation opened after
// from.
func insideQuote(text string, from, off int) bool {
	depth := 0
	for _, r := range text[from:off] {
		switch r {
		case '"':
			if depth > 0 {
				depth--
			} else {
				depth++
			}
		case '“', '«':
			depth++
		case '”', '»':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// subjectStart reports whether w can start the subject of an attribution
// that follows a quotation: not a participle ("…,” citing the report) nor
// a conjunction or preposition ("…” and said).
func subjectStart(w word) bool {
	if isNameToken(w) {
		return true
	}
	if strings.HasSuffix(w.Lower, "ing") {
		return false
	}
	switch w.Lower {
	case "and", "but", "or", "as", "in", "on", "at", "to", "for", "with", "by", "from", "because", "while",
		"when", "after", "before", "since", "which", "that", "if", "than", "so", "then", "not", "is", "was", "are", "were":
		return false
	}
	return true
}

// precedingSubject returns the subject of the sentence holding off, else
// of the sentence before it: the speaker of "…”, adding that “…” when the
// quotation opens its sentence.
func (t *speakerTracker) precedingSubject(off int) string {
	if len(t.a.Sentences) == 0 {
		return ""
	}
	i := sentenceAt(t.a, off)
	cur := t.a.Sentences[i]
	if sp := t.clauseSubject(firstWordAt(t.ws, cur.Start), firstWordAt(t.ws, off)); sp != "" || i == 0 || cur.Start > off {
		return sp
	}
	prev := t.a.Sentences[i-1]
	return t.clauseSubject(firstWordAt(t.ws, prev.Start), firstWordAt(t.ws, prev.End))
}

// isAdverbOrAdjective reports whether a lower-case word may stand between
// a possessor and its speech noun ("her earlier assertion").
func isAdverbOrAdjective(l string) bool {
	switch l {
	case "earlier", "latest", "recent", "own", "first", "last", "repeated", "new", "public", "written", "famous", "initial", "final":
		return true
	}
	return isAdverb(l)
}

// isAdverb reports whether a lower-case word is an adverb of manner
// ("similarly", "flatly").
func isAdverb(l string) bool {
	return len(l) > 4 && strings.HasSuffix(l, "ly") && !strings.HasSuffix(l, "ily") || skippable[l]
}

// participle reports whether the verb at v is a participle after a comma
// or "and" ("…, adding", "and said"), whose subject is the clause's.
func (t *speakerTracker) participle(v int) bool {
	if v == 0 {
		return false
	}
	gap := t.a.Text[t.ws[v-1].End:t.ws[v].Start]
	if strings.HasSuffix(t.ws[v].Lower, "ing") {
		switch t.ws[v-1].Lower {
		case "by", "after", "before", "while", "when", "without", "through", "in", "then", "also", "and":
			return true // "explained it by saying"
		}
	}
	return strings.HasSuffix(t.ws[v].Lower, "ing") && strings.Contains(gap, ",") || t.ws[v-1].Lower == "and"
}

// clauseSubject returns the speaker the clause ws[lo:v] starts with: its
// first name or he/she, within its first words.
func (t *speakerTracker) clauseSubject(lo, v int) string {
	if lo >= v {
		return ""
	}
	from, _ := sentenceBounds(t.a, t.ws[lo].Start)
	from = min(from, t.ws[lo].Start)
	seen := 0
	for k := lo; k < v && seen < 8; k++ {
		w := t.ws[k]
		if insideQuote(t.a.Text, from, w.Start) || t.inQuote(w.Start) {
			continue
		}
		seen++
		if speakerPronouns[w.Lower] {
			sp := t.resolvePronoun(w.Start)
			t.subjectEnd = k + 1
			return sp
		}
		if !isNameToken(w) || k == lo && openingWords[w.Lower] {
			if subjectLead(w.Lower) || t.leadsToName(k, v) {
				continue
			}
			// An opening phrase ends at a comma: "On Friday, he remarked",
			// "Like Makaeff, Roffman doesn't want".
			j := k + 1
			for j < v && j-k < 10 && !strings.Contains(t.a.Text[t.ws[j-1].End:t.ws[j].Start], ",") {
				j++
			}
			if j >= v || j-k >= 10 {
				return ""
			}
			k = j - 1
			continue
		}
		ns, ne, _ := t.nameRun(k)
		if ne > ns {
			ns, ne = t.titledName(ns, ne, v)
		}
		// "The Afro-Colombian journalist": a capitalised word before a
		// role is not a name.
		modifier := ne == ns+1 && ne < v && joinedName(t.a.Text, t.ws[ns], t.ws[ne]) && (isRoleWord(t.ws[ne].Lower) || nameTitles()[t.ws[ne].Lower])
		if ne > ns && !(ne == ns+1 && t.isPlace(ns)) && !nonNames()[t.ws[ns].Lower] && !modifier {
			t.subjectEnd = min(ne, v)
			return t.person(ns, min(ne, v))
		}
		// "Iran's President": a role.
		e := k + 1
		for e < v && isNameToken(t.ws[e]) {
			e++
		}
		if r := resolveRole(t, k, e); r != "" {
			t.subjectEnd = e
			return r
		}
		k = max(k, e-1)
	}
	return ""
}

// leadsToName reports whether the lower-case word ws[k] opens a title
// before a name ("presidential candidate Bernie Sanders").
func (t *speakerTracker) leadsToName(k, v int) bool {
	for j := k + 1; j < v && j <= k+3; j++ {
		if !joinedName(t.a.Text, t.ws[j-1], t.ws[j]) {
			return false
		}
		if l := t.ws[j].Lower; nameTitles()[l] || isRoleWord(l) {
			return j+1 < v && isNameToken(t.ws[j+1]) && joinedName(t.a.Text, t.ws[j], t.ws[j+1])
		}
		if isNameToken(t.ws[j]) {
			return false
		}
	}
	return false
}

// subjectLead reports whether a lower-case word may stand before a
// clause's subject: a determiner, a conjunction, a title or role.
func subjectLead(l string) bool {
	switch l {
	case "the", "a", "an", "but", "and", "yet", "so", "then", "also", "former", "later", "meanwhile":
		return true
	}
	return nameTitles()[l] || isRoleWord(l) || isAdverb(l)
}

// transcriptSpeaker names the speaker of a transcript line from its name
// in capitals, text[open:start] ("RAMOS: "): the full name the article
// gives that surname, else the name in title case.
func (t *speakerTracker) transcriptSpeaker(open, start int) string {
	var parts []string
	for _, w := range words(t.a.Text[open:start]) {
		if nameTitles()[w.Lower] {
			continue
		}
		r, n := utf8.DecodeRuneInString(w.Text)
		parts = append(parts, string(r)+strings.ToLower(w.Text[n:]))
	}
	if len(parts) == 0 {
		return ""
	}
	name := strings.Join(parts, " ")
	if k := keyOf(name); t.g.names[k].Kind == kindPerson && t.g.names[k].Key != "" {
		return t.g.names[k].Key
	}
	t.collect(open)
	return t.fullName(name, open)
}
