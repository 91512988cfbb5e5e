package compare

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// gender is what the text tells of a person's sex: unknown unless a first
// name, a title or a kin word says it.
type gender byte

const (
	genderUnknown gender = iota
	genderFemale
	genderMale
)

// genderLists holds data/firstnames.txt and data/genderwords.txt.
type genderLists struct {
	firstNames map[string]gender
	words      map[string]gender // titles, roles and kin words
}

var genderData = sync.OnceValue(func() *genderLists {
	return &genderLists{firstNames: loadGendered("data/firstnames.txt"), words: loadGendered("data/genderwords.txt")}
})

// loadGendered reads a list of lower-case words under [female] and [male]
// headings.
func loadGendered(name string) map[string]gender {
	m := map[string]gender{}
	g := genderUnknown
	for _, line := range loadList(name) {
		switch line {
		case "[female]":
			g = genderFemale
			continue
		case "[male]":
			g = genderMale
			continue
		}
		for _, w := range strings.Fields(line) {
			m[strings.ToLower(w)] = g
		}
	}
	return m
}

var notPeople = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range loadList("data/notpeople.txt") {
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
})

// pronounGender returns the gender a lower-case pronoun refers to.
func pronounGender(l string) gender {
	switch l {
	case "he", "him", "his", "himself":
		return genderMale
	case "she", "her", "hers", "herself":
		return genderFemale
	}
	return genderUnknown
}

// learnGenders records what the text tells of the gender of each
// surname: the first names of the people it names with that surname
// ("Hillary Clinton") and the titles or kin words before it ("Mr. Cruz",
// "spokeswoman Hope Hicks").
func (t *speakerTracker) learnGenders() {
	t.titledGender = map[string]gender{}
	t.namesByLast = map[string][]string{}
	conflict := map[string]bool{}
	title := func(last string, g gender) {
		if g == genderUnknown || conflict[last] {
			return
		}
		if old, ok := t.titledGender[last]; ok && old != g {
			conflict[last] = true
			delete(t.titledGender, last)
			return
		}
		t.titledGender[last] = g
	}
	ws := t.ws
	for i := 0; i < len(ws); i++ {
		if !isNameToken(ws[i]) {
			if g := genderData().words[ws[i].Lower]; g != genderUnknown && i+1 < len(ws) && isNameToken(ws[i+1]) && joinedName(t.a.Text, ws[i], ws[i+1]) {
				// "spokeswoman Hicks"; "his daughter Ivanka Trump" tells
				// of Ivanka, not of every Trump.
				if i+2 >= len(ws) || !isNameToken(ws[i+2]) || !joinedName(t.a.Text, ws[i+1], ws[i+2]) {
					title(possessiveless(ws[i+1].Lower), g)
				}
			}
			continue
		}
		e := i
		for e+1 < len(ws) && isNameToken(ws[e+1]) && joinedName(t.a.Text, ws[e], ws[e+1]) {
			e++
		}
		last := possessiveless(ws[e].Lower)
		switch {
		case e == i:
		case e == i+1 && genderData().words[ws[i].Lower] != genderUnknown:
			// "Mr. Cruz": a title written capitalised.
			title(last, genderData().words[ws[i].Lower])
		default:
			// "President Barack Obama", "Democrat Chris Murphy": the name
			// without the titles and parties before it.
			s := i
			for s < e && (nameTitles()[ws[s].Lower] || nonNames()[ws[s].Lower]) {
				s++
			}
			if s == e || notPeople()[last] {
				break
			}
			t.namesByLast[last] = append(t.namesByLast[last], strings.ToLower(t.a.Text[ws[s].Start:ws[e].End]))
		}
		i = e
	}
}

// surnameGender returns the gender of the person a surname used alone
// refers to: the gender of most of the full names written with it
// ("Donald Trump" far more often than "Melania Trump"), unknown when no
// gender has three in four of them.
func (t *speakerTracker) surnameGender(last string) gender {
	if g, ok := t.titledGender[last]; ok {
		return g
	}
	var n [3]int
	for _, full := range t.namesByLast[last] {
		n[firstNameGender(words(full))]++
	}
	all := n[0] + n[1] + n[2]
	for _, g := range []gender{genderFemale, genderMale} {
		if all > 0 && n[g]*4 >= all*3 {
			return g
		}
	}
	return genderUnknown
}

// distinctNames returns how many different full names the text writes
// with a surname.
func (t *speakerTracker) distinctNames(last string) int {
	seen := map[string]bool{}
	for _, full := range t.namesByLast[last] {
		seen[full] = true
	}
	return len(seen)
}

// firstNameGender returns the gender of the first word of a name of two or
// more words, titles and initials passed over.
func firstNameGender(ws []word) gender {
	for k, w := range ws {
		if k == len(ws)-1 {
			break
		}
		l := w.Lower
		if utf8.RuneCountInString(l) == 1 || nameTitles()[l] {
			continue
		}
		return genderData().firstNames[l]
	}
	return genderUnknown
}

// genderOf returns the gender the text gives the person called name.
func (t *speakerTracker) genderOf(name string) gender {
	ws := words(name)
	if len(ws) == 0 {
		return genderUnknown
	}
	if g := firstNameGender(ws); g != genderUnknown {
		return g
	}
	last := possessiveless(ws[len(ws)-1].Lower)
	if len(ws) > 1 {
		// A full name whose first name says nothing: a title before its
		// surname does, unless another person has the surname.
		if t.distinctNames(last) > 1 {
			return genderUnknown
		}
		return t.titledGender[last]
	}
	return t.surnameGender(last)
}

// mayBePerson reports whether name can be a person's: not a month, a
// state or an organisation ("Florida", "the Post", "Restaurant
// Association").
func mayBePerson(g *Entities, name string) bool {
	ws := words(name)
	if len(ws) == 0 {
		return false
	}
	last := possessiveless(ws[len(ws)-1].Lower)
	if notPeople()[last] || nonNames()[last] {
		return false
	}
	if m, ok := g.names[keyOf(name)]; ok && m.Kind != kindPerson {
		return false
	}
	// "D.C", "U.S": initials alone.
	for _, w := range ws {
		if strings.Contains(w.Text, ".") {
			return false
		}
	}
	for _, w := range ws {
		if utf8.RuneCountInString(w.Text) > 1 {
			return true
		}
	}
	return false
}

// fits reports whether a pronoun (lower case) can refer to the speaker
// called name: a person whose gender, when the text gives one, agrees.
func (t *speakerTracker) fits(name, pronoun string) bool {
	if name == "" || !isCapitalised(name) {
		return false
	}
	f, ok := t.facts[name]
	if !ok {
		f = personFacts{person: mayBePerson(t.g, name)}
		if f.person {
			f.gender = t.genderOf(name)
		}
		if t.facts == nil {
			t.facts = map[string]personFacts{}
		}
		t.facts[name] = f
	}
	if !f.person {
		return false
	}
	pg := pronounGender(pronoun)
	return pg == genderUnknown || f.gender == genderUnknown || f.gender == pg
}

// personFacts is what fits knows of a name, once worked out.
type personFacts struct {
	person bool
	gender gender
}
