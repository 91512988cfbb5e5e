package corpus

import "strings"

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
	// at returns the field's place in fields.
	at func(*fields) *string
}

// articleFields lists the fields in the order their notes are given.
var articleFields = [...]articleField{
	{key: "id", number: true, at: func(f *fields) *string { return &f.ID }},
	{key: "outlet", at: func(f *fields) *string { return &f.Outlet }},
	{key: "title", at: func(f *fields) *string { return &f.Title }},
	{key: "published", aliases: []string{"date"}, number: true, at: func(f *fields) *string { return &f.Published }},
	{key: "url", at: func(f *fields) *string { return &f.URL }},
	{key: "event", number: true, at: func(f *fields) *string { return &f.Event }},
	{key: "kind", at: func(f *fields) *string { return &f.Kind }},
	{key: "language", aliases: []string{"lang"}, at: func(f *fields) *string { return &f.Language }},
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
		*articleFields[n.field].at(&s.f) = value
	}
	return true
}

// fields returns the fields gathered.
func (s *fieldSetter) fields() fields {
	f := s.f
	for i, af := range articleFields {
		if p := af.at(&f); *p == "" {
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
	for _, af := range articleFields {
		if v := *af.at(over); v != "" {
			*af.at(&f) = v
		}
	}
	return f
}
