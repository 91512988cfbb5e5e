package corpus

import (
	"strconv"
	"strings"
)

// fields is what front matter, a JSON record or the manifest says about an
// article; empty means not given.
type fields struct {
	ID, Outlet, Title, Published, URL, Event, Kind string
	Language                                       string
}

// articleField is one field an input may give about an article. Front
// matter, manifests and JSON records all read the fields of articleFields,
// by the same names, so that a field is added in one place.
type articleField struct {
	// key is the field's name; aliases are other names for it, read when
	// the key is absent or empty.
	key     string
	aliases []string
	// number says a JSON number is taken as written (epoch times, numeric
	// ids are common); for other fields a number is ignored with a note.
	number bool
}

// articleFields lists the fields in the order their notes are given;
// fields.at gives each one's place in fields.
var articleFields = [...]articleField{
	{key: "id", number: true},
	{key: "outlet"},
	{key: "title"},
	{key: "published", aliases: []string{"date"}, number: true},
	{key: "url"},
	{key: "event", number: true},
	{key: "kind"},
	{key: "language", aliases: []string{"lang"}},
}

// at returns the place in f of articleFields[i]. A switch rather than a
// function in the table, so that f need not escape to the heap.
func (f *fields) at(i int) *string {
	switch i {
	case 0:
		return &f.ID
	case 1:
		return &f.Outlet
	case 2:
		return &f.Title
	case 3:
		return &f.Published
	case 4:
		return &f.URL
	case 5:
		return &f.Event
	case 6:
		return &f.Kind
	case 7:
		return &f.Language
	}
	panic("corpus: no article field " + strconv.Itoa(i))
}

// fieldName is what a name in an input refers to: articleFields[field],
// by its key or by an alias.
type fieldName struct {
	field int
	alias bool
}

// fieldNames maps every key and alias of articleFields to its field.
var fieldNames = func() map[string]fieldName {
	m := map[string]fieldName{}
	for i, af := range articleFields {
		m[af.key] = fieldName{field: i}
		for _, a := range af.aliases {
			m[a] = fieldName{field: i, alias: true}
		}
	}
	return m
}()

// fieldKeys returns every key and alias of articleFields.
func fieldKeys() []string {
	var out []string
	for _, af := range articleFields {
		out = append(out, af.key)
		out = append(out, af.aliases...)
	}
	return out
}

// foldedRecordName reports whether key is another case of "text" or of a
// field's key or alias, which encoding/json would match.
func foldedRecordName(key string) bool {
	if strings.EqualFold(key, "text") {
		return true
	}
	for name := range fieldNames {
		if strings.EqualFold(key, name) {
			return true
		}
	}
	return false
}

// fieldSetter gathers the fields of one input as they are met: the last
// value given for a name wins, and a field's key wins over its aliases
// unless the key's value is empty.
type fieldSetter struct {
	f     fields
	alias [len(articleFields)]string // by field: the value given by an alias
}

// set stores value under name; false when name is no field's.
func (s *fieldSetter) set(name, value string) bool {
	n, ok := fieldNames[name]
	if !ok {
		return false
	}
	if n.alias {
		s.alias[n.field] = value
	} else {
		*s.f.at(n.field) = value
	}
	return true
}

// fields returns the fields gathered.
func (s *fieldSetter) fields() fields {
	f := s.f
	for i := range articleFields {
		if p := f.at(i); *p == "" {
			*p = s.alias[i]
		}
	}
	return f
}

// overlay returns f with every field set in over replacing f's.
func (f fields) overlay(over *fields) fields {
	if over == nil {
		return f
	}
	for i := range articleFields {
		if v := *over.at(i); v != "" {
			*f.at(i) = v
		}
	}
	return f
}
