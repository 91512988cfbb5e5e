package corpus

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/framediff/framediff/internal/yamlkeys"
)

//go:embed data/outlets.yaml data/boilerplate.yaml data/abbreviations.txt data/htmlmeta.txt data/englishwords.txt
var dataFS embed.FS

// Registry is the set of known outlets. Look outlets up with Lookup; build
// one with ParseRegistry, DefaultRegistry or MergeRegistries.
type Registry struct {
	// Outlets in file order. Treat as read-only: the lookup index is built
	// from it when the registry is made.
	Outlets []Outlet

	byName   map[string]int // lower-cased name or alias
	byDomain map[string]int // lower-cased domain without "www."
	cues     []cueEntry
}

type cueEntry struct {
	outlet int
	kind   cueKind
	text   string // lower-cased
	gate   byte   // for contains cues: the first byte, when not a letter
}

type cueKind int

const (
	cueLine cueKind = iota
	cuePrefix
	cueContains
)

var (
	defaultRegistryOnce sync.Once
	defaultRegistry     *Registry
)

// DefaultRegistry returns the embedded registry (corpus/data/outlets.yaml).
// The returned value is shared: do not modify it.
func DefaultRegistry() *Registry {
	defaultRegistryOnce.Do(func() {
		reg, err := LoadRegistry(dataFS, "data/outlets.yaml")
		if err != nil {
			panic("corpus: embedded registry: " + err.Error())
		}
		defaultRegistry = reg
	})
	return defaultRegistry
}

// LoadRegistry reads and parses the registry file name in fsys.
func LoadRegistry(fsys fs.FS, name string) (*Registry, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read registry: %w", err)
	}
	return ParseRegistry(name, data)
}

// ParseRegistry parses a registry YAML document: a top-level "outlets" list
// of Outlet mappings. Errors name the file and line: an unknown field, a
// missing name, an unknown kind, a cue with not exactly one of line, prefix
// and contains, or a name, alias or domain given to two outlets.
func ParseRegistry(name string, data []byte) (*Registry, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: empty registry", name)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: registry must be a mapping with an \"outlets\" list", name, root.Line)
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Value != "outlets" {
			return nil, fmt.Errorf("%s:%d: %s", name, k.Line, yamlkeys.Unknown(k.Value, []string{"outlets"}))
		}
		list = root.Content[i+1]
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: \"outlets\" must be a list", name, root.Line)
	}
	var outlets []Outlet
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: outlet must be a mapping", name, item.Line)
		}
		var o Outlet
		if err := yamlkeys.CheckIn(name, item, &o); err != nil {
			return nil, err
		}
		if err := item.Decode(&o); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, item.Line, err)
		}
		if strings.TrimSpace(o.Name) == "" {
			return nil, fmt.Errorf("%s:%d: outlet without a name", name, item.Line)
		}
		if o.Kind != "" && !slices.Contains(Kinds, o.Kind) {
			return nil, fmt.Errorf("%s:%d: outlet %q: unknown kind %q (want one of %s)", name, item.Line, o.Name, o.Kind, strings.Join(Kinds, ", "))
		}
		for _, c := range o.Cues {
			n := 0
			for _, s := range []string{c.Line, c.Prefix, c.Contains} {
				if s != "" {
					n++
				}
			}
			if n != 1 {
				return nil, fmt.Errorf("%s:%d: outlet %q: a cue needs exactly one of line, prefix, contains", name, item.Line, o.Name)
			}
		}
		outlets = append(outlets, o)
	}
	reg, err := newRegistry(outlets)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return reg, nil
}

// MergeRegistries returns a registry holding base's outlets with user's laid
// over them: a user outlet whose name (or an alias) matches a base outlet
// replaces it, the others are added. Neither argument is modified.
func MergeRegistries(base, user *Registry) *Registry {
	if user == nil {
		return base
	}
	if base == nil {
		return user
	}
	outlets := slices.Clone(base.Outlets)
	replaced := map[int]bool{}
	for _, u := range user.Outlets {
		i := -1
		for _, key := range append([]string{u.Name}, u.Aliases...) {
			if j, ok := base.byName[normKey(key)]; ok {
				i = j
				break
			}
		}
		if i >= 0 && !replaced[i] {
			outlets[i] = u
			replaced[i] = true
			continue
		}
		outlets = append(outlets, u)
	}
	reg, err := newRegistry(outlets)
	if err != nil {
		// A user alias or domain that collides with another base outlet:
		// the user's entries win by being indexed last.
		reg = indexLoose(outlets)
	}
	return reg
}

func newRegistry(outlets []Outlet) (*Registry, error) {
	r := &Registry{Outlets: outlets, byName: map[string]int{}, byDomain: map[string]int{}}
	for i, o := range outlets {
		for _, key := range append([]string{o.Name}, o.Aliases...) {
			k := normKey(key)
			if j, ok := r.byName[k]; ok && j != i {
				return nil, fmt.Errorf("outlets %q and %q share the name or alias %q", outlets[j].Name, o.Name, key)
			}
			r.byName[k] = i
		}
		for _, d := range o.Domains {
			k := normDomain(d)
			if j, ok := r.byDomain[k]; ok && j != i {
				return nil, fmt.Errorf("outlets %q and %q share the domain %q", outlets[j].Name, o.Name, d)
			}
			r.byDomain[k] = i
		}
		r.addCues(i, o)
	}
	return r, nil
}

func indexLoose(outlets []Outlet) *Registry {
	r := &Registry{Outlets: outlets, byName: map[string]int{}, byDomain: map[string]int{}}
	for i, o := range outlets {
		for _, key := range append([]string{o.Name}, o.Aliases...) {
			r.byName[normKey(key)] = i
		}
		for _, d := range o.Domains {
			r.byDomain[normDomain(d)] = i
		}
		r.addCues(i, o)
	}
	return r
}

func (r *Registry) addCues(i int, o Outlet) {
	for _, c := range o.Cues {
		switch {
		case c.Line != "":
			r.cues = append(r.cues, cueEntry{i, cueLine, strings.ToLower(strings.TrimSpace(c.Line)), 0})
		case c.Prefix != "":
			r.cues = append(r.cues, cueEntry{i, cuePrefix, strings.ToLower(strings.TrimSpace(c.Prefix)), 0})
		case c.Contains != "":
			text := strings.ToLower(c.Contains)
			var gate byte
			if b := text[0]; b < 'a' || b > 'z' {
				gate = b
			}
			r.cues = append(r.cues, cueEntry{i, cueContains, text, gate})
		}
	}
}

func normKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func normDomain(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimSuffix(s, ".")
	return strings.TrimPrefix(s, "www.")
}

// Lookup finds an outlet by its name, an alias, a domain or a URL on one
// of its domains (a subdomain counts: "turkey.theglobepost.com" is The Globe
// Post's). Names and aliases match ignoring case and spacing.
func (r *Registry) Lookup(key string) (Outlet, bool) {
	if r == nil {
		return Outlet{}, false
	}
	if i, ok := r.lookup(key); ok {
		return r.Outlets[i], true
	}
	return Outlet{}, false
}

func (r *Registry) lookup(key string) (int, bool) {
	if i, ok := r.byName[normKey(key)]; ok {
		return i, true
	}
	host := strings.TrimSpace(key)
	if strings.Contains(host, "://") {
		u, err := url.Parse(host)
		if err != nil {
			return 0, false
		}
		host = u.Hostname()
	} else if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	host = normDomain(host)
	if !strings.Contains(host, ".") {
		return 0, false
	}
	for host != "" {
		if i, ok := r.byDomain[host]; ok {
			return i, true
		}
		dot := strings.IndexByte(host, '.')
		if dot < 0 {
			break
		}
		host = host[dot+1:]
	}
	return 0, false
}

// matchCue reports the outlet a line names through a registry cue, the kind
// of cue and, for a prefix cue, the length in bytes of the prefix in line.
func (r *Registry) matchCue(line string, set *byteSet, scratch *[]byte) (outlet int, kind cueKind, n int, ok bool) {
	var lower []byte
	for _, c := range r.cues {
		switch c.kind {
		case cueLine:
			if len(line) == len(c.text) && strings.EqualFold(line, c.text) {
				return c.outlet, c.kind, len(line), true
			}
		case cuePrefix:
			if len(line) >= len(c.text) && strings.EqualFold(line[:len(c.text)], c.text) {
				return c.outlet, c.kind, len(c.text), true
			}
		case cueContains:
			if c.gate != 0 && !set.has(c.gate) {
				continue
			}
			if lower == nil {
				lower = appendLower((*scratch)[:0], line)
				*scratch = lower
			}
			if bytes.Contains(lower, []byte(c.text)) {
				return c.outlet, c.kind, 0, true
			}
		}
	}
	return 0, 0, 0, false
}
