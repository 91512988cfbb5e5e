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

// learnGenders records, by a surname's lower-case form, the gender the
// text gives it: a first name before it ("Hillary Clinton") or a title or
// kin word ("Mr. Cruz", "spokeswoman Hope Hicks"). A surname given both
// genders ("Bill Clinton", "Hillary Clinton") stays unknown.
func (t *speakerTracker) learnGenders() {
	t.surnames = map[string]gender{}
	conflict := map[string]bool{}
	set := func(last string, g gender) {
		if g == genderUnknown || conflict[last] {
			return
		}
		if old, ok := t.surnames[last]; ok && old != g {
			conflict[last] = true
			delete(t.surnames, last)
			return
		}
		t.surnames[last] = g
	}
	ws := t.ws
	for i := 0; i < len(ws); i++ {
		if !isNameToken(ws[i]) {
			if g := genderData().words[ws[i].Lower]; g != genderUnknown && i+1 < len(ws) && isNameToken(ws[i+1]) && joinedName(t.a.Text, ws[i], ws[i+1]) {
				e := i + 1
				for e+1 < len(ws) && isNameToken(ws[e+1]) && joinedName(t.a.Text, ws[e], ws[e+1]) {
					e++
				}
				set(possessiveless(ws[e].Lower), g)
			}
			continue
		}
		e := i
		for e+1 < len(ws) && isNameToken(ws[e+1]) && joinedName(t.a.Text, ws[e], ws[e+1]) {
			e++
		}
		// "Mr. Cruz": a title written capitalised.
		if g := genderData().words[ws[i].Lower]; g != genderUnknown && e > i {
			set(possessiveless(ws[e].Lower), g)
		} else if g := firstNameGender(ws[i : e+1]); g != genderUnknown && e > i {
			set(possessiveless(ws[e].Lower), g)
		}
		i = e
	}
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
	return t.surnames[possessiveless(ws[len(ws)-1].Lower)]
}

// mayBePerson reports whether name can be a person's: not a month, a
// state or an organisation ("Florida", "the Post", "Restaurant
// Association").
func mayBePerson(name string) bool {
	ws := words(name)
	if len(ws) == 0 {
		return false
	}
	last := possessiveless(ws[len(ws)-1].Lower)
	if notPeople()[last] || nonNames()[last] {
		return false
	}
	if m, ok := entities().names[keyOf(name)]; ok && m.Kind != kindPerson {
		return false
	}
	return true
}

// fits reports whether a pronoun (lower case) can refer to the speaker
// called name: a person whose gender, when the text gives one, agrees.
func (t *speakerTracker) fits(name, pronoun string) bool {
	if name == "" || !isCapitalised(name) || !mayBePerson(name) {
		return false
	}
	pg := pronounGender(pronoun)
	g := t.genderOf(name)
	return pg == genderUnknown || g == genderUnknown || g == pg
}
