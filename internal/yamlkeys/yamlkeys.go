// Package yamlkeys refuses mapping keys that a YAML file's Go type has no
// field for, naming the line and the key and suggesting the known key it
// is most likely a misspelling of.
package yamlkeys

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Error is an unknown key: Key at Line, where only Known are allowed.
type Error struct {
	Line  int
	Key   string
	Known []string
}

// Error returns "line N: " and Unknown's message.
func (e *Error) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, Unknown(e.Key, e.Known))
}

// Unknown returns the message for key, unknown among known: with a
// did-you-mean when one known key is close, else the list of known keys.
func Unknown(key string, known []string) string {
	if s := Closest(key, known); s != "" {
		return fmt.Sprintf("unknown key %q (did you mean %q?)", key, s)
	}
	return fmt.Sprintf("unknown key %q (known: %s)", key, strings.Join(known, ", "))
}

// Closest returns the known key nearest to key when it is near enough to
// be a slip of the keyboard (at most a third of its letters edited, and at
// least one), or another case of it; "" when none is. Ties go to the
// earlier key in known.
func Closest(key string, known []string) string {
	best, bestD := "", -1
	k := strings.ToLower(key)
	for _, c := range known {
		d := distance(k, strings.ToLower(c))
		limit := max(1, len([]rune(c))/3)
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, counting an
// exchange of neighbouring letters as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Check returns an *Error for the first mapping key in n (document order)
// that the Go value v points to, or a value of its type, has no field for.
// Structs are checked by their yaml tags (or lower-cased field names, as
// yaml.v3 decodes them); maps allow any key and check their values; a
// yaml.Node field is not looked into.
func Check(n *yaml.Node, v any) error {
	return check(n, reflect.TypeOf(v))
}

// CheckIn is Check with the error naming file and line: "file:3: unknown
// key ...".
func CheckIn(file string, n *yaml.Node, v any) error {
	var ke *Error
	if err := Check(n, v); errors.As(err, &ke) {
		return fmt.Errorf("%s:%d: %s", file, ke.Line, Unknown(ke.Key, ke.Known))
	}
	return nil
}

var nodeType = reflect.TypeOf(yaml.Node{})

func check(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n == nil || t == nodeType {
		return nil
	}
	if n.Kind == yaml.DocumentNode {
		for _, c := range n.Content {
			if err := check(c, t); err != nil {
				return err
			}
		}
		return nil
	}
	if n.Kind == yaml.AliasNode {
		return nil // checked where the anchor is
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil // a type error, which Decode reports
		}
		fields, names := structFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				return &Error{Line: k.Line, Key: k.Value, Known: names}
			}
			if err := check(val, ft); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 1; i < len(n.Content); i += 2 {
			if err := check(n.Content[i], t.Elem()); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return nil
		}
		for _, c := range n.Content {
			if err := check(c, t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// structFields returns the YAML keys of struct type t with their types,
// and the keys in field order.
func structFields(t reflect.Type) (map[string]reflect.Type, []string) {
	fields := map[string]reflect.Type{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",inline,") {
			sub, subNames := structFields(f.Type)
			for k, v := range sub {
				fields[k] = v
			}
			names = append(names, subNames...)
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
		names = append(names, name)
	}
	return fields, names
}

// Decode decodes the YAML document data into v, refusing unknown keys.
// Errors start with file and, when known, the line ("file:3: unknown key
// \"nmae\" (did you mean \"name\"?)"). An empty document leaves v as it is.
func Decode(file string, data []byte, v any) error {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		return fmt.Errorf("%s: %w", file, err)
	}
	if err := CheckIn(file, &doc, v); err != nil {
		return err
	}
	if err := doc.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}
