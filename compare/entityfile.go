package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/framediff/framediff/internal/yamlkeys"
)

// entityData is a gazetteer file as written: the embedded one, or a user
// file with its replace and remove keys.
type entityData struct {
	// Replace, in a user file, drops the embedded gazetteer: the file is
	// the whole gazetteer.
	Replace bool `yaml:"replace"`
	// Remove, in a user file, names embedded entries to drop: a person,
	// place, organisation or event by its name, or a title or ignored word.
	Remove        []lineString  `yaml:"remove"`
	People        []personEntry `yaml:"people"`
	Places        []placeEntry  `yaml:"places"`
	Organisations []orgEntry    `yaml:"organisations"`
	Titles        []lineString  `yaml:"titles"`
	Ignore        []lineString  `yaml:"ignore"`
	Events        []eventEntry  `yaml:"events"`
}

type personEntry struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Roles   []string `yaml:"roles"`
	at      source
}

type placeEntry struct {
	Name     string   `yaml:"name"`
	Aliases  []string `yaml:"aliases"`
	Demonyms []string `yaml:"demonyms"`
	at       source
}

type orgEntry struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	at      source
}

type eventEntry struct {
	Name     string   `yaml:"name"`
	Unplaced bool     `yaml:"unplaced"`
	Forms    []string `yaml:"forms"`
	at       source
}

// source is where an entry was written: file and line.
type source struct {
	file string
	line int
}

func (s source) String() string { return fmt.Sprintf("%s:%d", s.file, s.line) }

// lineString is a string that remembers its line.
type lineString struct {
	Text string
	at   source
}

func (e *personEntry) UnmarshalYAML(n *yaml.Node) error {
	type plain personEntry
	e.at.line = n.Line
	return n.Decode((*plain)(e))
}

func (e *placeEntry) UnmarshalYAML(n *yaml.Node) error {
	type plain placeEntry
	e.at.line = n.Line
	return n.Decode((*plain)(e))
}

func (e *orgEntry) UnmarshalYAML(n *yaml.Node) error {
	type plain orgEntry
	e.at.line = n.Line
	return n.Decode((*plain)(e))
}

func (e *eventEntry) UnmarshalYAML(n *yaml.Node) error {
	type plain eventEntry
	e.at.line = n.Line
	return n.Decode((*plain)(e))
}

func (s *lineString) UnmarshalYAML(n *yaml.Node) error {
	s.at.line = n.Line
	return n.Decode(&s.Text)
}

// ParseEntities reads a user gazetteer file (name is how errors and
// Entities.Name refer to it) and returns it merged over the embedded
// gazetteer, or alone when it sets replace: true. Merging adds the file's
// people, places, organisations and events; an entry whose name is an
// embedded entry's name of the same kind replaces that entry whole; titles
// and ignored words are added; remove drops embedded entries by name.
//
// The file is checked strictly; errors name the file and line: an unknown
// key, an entry without a name, an entry listed twice, a name removed and
// defined at once, a removal that matches nothing, and a phrase (name,
// alias, demonym, role or event form) the file gives to one entry while
// another already has it.
func ParseEntities(name string, data []byte) (*Entities, error) {
	user, err := decodeEntities(name, data)
	if err != nil {
		return nil, err
	}
	base := DefaultEntities()
	d := user
	if !user.Replace {
		if d, err = mergeEntities(base.data, user); err != nil {
			return nil, err
		}
	} else if len(user.Remove) > 0 {
		return nil, fmt.Errorf("%s: remove has nothing to remove from: replace: true drops the embedded gazetteer", user.Remove[0].at)
	}
	if err := checkClashes(d); err != nil {
		return nil, err
	}
	g := buildEntities(d)
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	if user.Replace {
		g.Name, g.Digest = name, digest
		return g, nil
	}
	g.Name = base.Name + "+" + name
	sum = sha256.Sum256([]byte(base.Digest + "\n" + digest))
	g.Digest = hex.EncodeToString(sum[:])
	return g, nil
}

// Counts returns how many people, places, organisations and events g
// holds.
func (g *Entities) Counts() (people, places, organisations, events int) {
	return len(g.data.People), len(g.data.Places), len(g.data.Organisations), len(g.data.Events)
}

// decodeEntities parses one gazetteer file, refusing unknown keys, entries
// without a name and entries listed twice.
func decodeEntities(file string, data []byte) (entityData, error) {
	var d entityData
	if err := yamlkeys.Decode(file, data, &d); err != nil {
		return entityData{}, err
	}
	for i := range d.People {
		d.People[i].at.file = file
	}
	for i := range d.Places {
		d.Places[i].at.file = file
	}
	for i := range d.Organisations {
		d.Organisations[i].at.file = file
	}
	for i := range d.Events {
		d.Events[i].at.file = file
	}
	for _, l := range [][]lineString{d.Remove, d.Titles, d.Ignore} {
		for i := range l {
			l[i].at.file = file
		}
	}
	type seenAt struct {
		kind string
		at   source
	}
	seen := map[string]seenAt{}
	entry := func(kind, name string, at source, phrases ...[]string) error {
		k := keyOf(name)
		if k == "" {
			return fmt.Errorf("%s: %s has no name", at, kind)
		}
		if len(phrases) == 0 {
			// A title or word is one phrase, and spellings that share a
			// key ("Mr", "Mr.") are both kept.
			k = strings.ToLower(strings.TrimSpace(name))
		}
		if s, dup := seen[kind+"\x00"+k]; dup {
			return fmt.Errorf("%s: %s %q is listed twice (first at line %d)", at, kind, name, s.at.line)
		}
		seen[kind+"\x00"+k] = seenAt{kind, at}
		for _, ps := range phrases {
			for _, p := range ps {
				if keyOf(p) == "" {
					return fmt.Errorf("%s: %s %q has an empty alias, role or form %q", at, kind, name, p)
				}
			}
		}
		return nil
	}
	for _, p := range d.People {
		if err := entry("person", p.Name, p.at, p.Aliases, p.Roles); err != nil {
			return entityData{}, err
		}
	}
	for _, p := range d.Places {
		if err := entry("place", p.Name, p.at, p.Aliases, p.Demonyms); err != nil {
			return entityData{}, err
		}
	}
	for _, o := range d.Organisations {
		if err := entry("organisation", o.Name, o.at, o.Aliases); err != nil {
			return entityData{}, err
		}
	}
	for _, e := range d.Events {
		if err := entry("event", e.Name, e.at, e.Forms); err != nil {
			return entityData{}, err
		}
	}
	for _, l := range []struct {
		kind string
		list []lineString
	}{{"remove entry", d.Remove}, {"title", d.Titles}, {"ignored word", d.Ignore}} {
		for _, s := range l.list {
			if err := entry(l.kind, s.Text, s.at); err != nil {
				return entityData{}, err
			}
		}
	}
	return d, nil
}

// mergeEntities returns user merged over base (see ParseEntities).
func mergeEntities(base, user entityData) (entityData, error) {
	defined := map[string]source{}
	for _, p := range user.People {
		defined[keyOf(p.Name)] = p.at
	}
	for _, p := range user.Places {
		defined[keyOf(p.Name)] = p.at
	}
	for _, o := range user.Organisations {
		defined[keyOf(o.Name)] = o.at
	}
	for _, e := range user.Events {
		defined[keyOf(e.Name)] = e.at
	}
	for _, l := range [][]lineString{user.Titles, user.Ignore} {
		for _, s := range l {
			defined[keyOf(s.Text)] = s.at
		}
	}
	removed := map[string]bool{}
	for _, r := range user.Remove {
		k := keyOf(r.Text)
		if at, ok := defined[k]; ok {
			return entityData{}, fmt.Errorf("%s: %q is both removed and defined (line %d)", r.at, r.Text, at.line)
		}
		removed[k] = true
	}
	used := map[string]bool{}
	keep := func(name string) bool {
		k := keyOf(name)
		if removed[k] {
			used[k] = true
			return false
		}
		return true
	}
	var d entityData
	d.People = mergeSection(base.People, user.People, func(e personEntry) string { return e.Name }, keep)
	d.Places = mergeSection(base.Places, user.Places, func(e placeEntry) string { return e.Name }, keep)
	d.Organisations = mergeSection(base.Organisations, user.Organisations, func(e orgEntry) string { return e.Name }, keep)
	d.Events = mergeSection(base.Events, user.Events, func(e eventEntry) string { return e.Name }, keep)
	d.Titles = mergeSection(base.Titles, user.Titles, func(s lineString) string { return s.Text }, keep)
	d.Ignore = mergeSection(base.Ignore, user.Ignore, func(s lineString) string { return s.Text }, keep)
	for _, r := range user.Remove {
		if !used[keyOf(r.Text)] {
			return entityData{}, fmt.Errorf("%s: remove %q: the embedded gazetteer has no person, place, organisation, event, title or ignored word of that name", r.at, r.Text)
		}
	}
	return d, nil
}

// mergeSection returns base without the entries keep refuses, each entry
// of user with the name of a base entry in that entry's place, and the
// other user entries after them, in file order.
func mergeSection[E any](base, user []E, name func(E) string, keep func(string) bool) []E {
	byKey := map[string]int{}
	for i, e := range user {
		byKey[keyOf(name(e))] = i
	}
	placed := map[int]bool{}
	var out []E
	for _, e := range base {
		if !keep(name(e)) {
			continue
		}
		if i, ok := byKey[keyOf(name(e))]; ok {
			e = user[i]
			placed[i] = true
		}
		out = append(out, e)
	}
	for i, e := range user {
		if !placed[i] {
			out = append(out, e)
		}
	}
	return out
}

// checkClashes refuses a phrase that two entries claim, one of them from
// a user file: a name, alias or demonym of two people, places or
// organisations, a role of two people, a form of two events. Clashes
// within the embedded gazetteer are left to its order.
func checkClashes(d entityData) error {
	type owner struct {
		kind, name string
		at         source
	}
	describe := func(o owner) string {
		where := o.at.String()
		if o.at.file == embeddedEntitiesFile {
			where = "embedded gazetteer, " + where
		}
		return fmt.Sprintf("%s %q (%s)", o.kind, o.name, where)
	}
	fromUser := func(o owner) bool { return o.at.file != embeddedEntitiesFile }
	claim := func(index map[string]owner, what, phrase string, o owner) error {
		k := keyOf(phrase)
		prev, ok := index[k]
		if !ok {
			index[k] = o
			return nil
		}
		if prev.kind == o.kind && prev.name == o.name || !fromUser(o) && !fromUser(prev) {
			return nil
		}
		user, other := o, prev
		if !fromUser(o) {
			user, other = prev, o
		}
		return fmt.Errorf("%s: %s %q of %s %q already belongs to %s; override or remove %q first",
			user.at, what, phrase, user.kind, user.name, describe(other), other.name)
	}
	names, roles, forms := map[string]owner{}, map[string]owner{}, map[string]owner{}
	for _, p := range d.People {
		o := owner{"person", p.Name, p.at}
		for _, ph := range append([]string{p.Name}, p.Aliases...) {
			if err := claim(names, "name", ph, o); err != nil {
				return err
			}
		}
		for _, r := range p.Roles {
			if err := claim(roles, "role", r, o); err != nil {
				return err
			}
		}
	}
	for _, p := range d.Places {
		o := owner{"place", p.Name, p.at}
		for _, ph := range append(append([]string{p.Name}, p.Aliases...), p.Demonyms...) {
			if err := claim(names, "name", ph, o); err != nil {
				return err
			}
		}
	}
	for _, org := range d.Organisations {
		o := owner{"organisation", org.Name, org.at}
		for _, ph := range append([]string{org.Name}, org.Aliases...) {
			if err := claim(names, "name", ph, o); err != nil {
				return err
			}
		}
	}
	for _, e := range d.Events {
		o := owner{"event", e.Name, e.at}
		for _, f := range e.Forms {
			if err := claim(forms, "form", f, o); err != nil {
				return err
			}
		}
	}
	return nil
}
