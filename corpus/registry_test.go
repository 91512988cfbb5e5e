package corpus_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
)

func TestRegistryLookup(t *testing.T) {
	reg := corpus.DefaultRegistry()
	tests := []struct{ key, want string }{
		{"CGTN", "CGTN"},
		{"cgtn", "CGTN"},
		{"China Global Television Network", "CGTN"},
		{"PressTV", "Press TV"},
		{"Press  Tv", "Press TV"},
		{"turkey.theglobepost.com", "The Globe Post"},
		{"https://turkey.theglobepost.com/erdogan-putin-idlib-ceasefire/", "The Globe Post"},
		{"www.aljazeera.com", "Al Jazeera"},
		{"https://www.aa.com.tr/en/x", "Anadolu Agency"},
		{"Associated Press", "AP"},
		{"Agence France-Presse", "AFP"},
		{"english.alaraby.co.uk", "The New Arab"},
		{"Sahar News Monitoring Desk", "Sahar News"},
		{"Daily Planet", ""},
		{"example.com", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			o, ok := reg.Lookup(tc.key)
			if ok != (tc.want != "") || o.Name != tc.want {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tc.key, o.Name, ok, tc.want)
			}
		})
	}
}

// The registry holds every seed outlet and those a reader of Middle East
// coverage would add, each with the facts the reports show.
func TestDefaultRegistryContents(t *testing.T) {
	reg := corpus.DefaultRegistry()
	want := []string{"CGTN", "Sahar News", "Iran Press", "The New Arab", "The Globe Post",
		"Press TV", "Al Jazeera", "TRT World", "Anadolu", "Daily Sabah", "Al Arabiya", "TASS", "RT",
		"Sputnik", "Xinhua", "AP", "Reuters", "AFP", "BBC", "Fars", "Tasnim", "Mehr", "SANA", "Asharq Al-Awsat"}
	for _, name := range want {
		if _, ok := reg.Lookup(name); !ok {
			t.Errorf("%s missing", name)
		}
	}
	for _, o := range reg.Outlets {
		if o.Country == "" || o.Owner == "" || len(o.Domains) == 0 {
			t.Errorf("%s: country, owner or domains missing", o.Name)
		}
		if !slices.Contains(corpus.Kinds, o.Kind) {
			t.Errorf("%s: kind %q", o.Name, o.Kind)
		}
		u, err := url.Parse(o.OwnerSource)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			t.Errorf("%s: owner_source %q is not a citation URL", o.Name, o.OwnerSource)
		}
	}
}

func TestParseRegistryErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown field", "outlets:\n  - name: X\n    ownr: Y\n", `user.yaml:3: unknown key "ownr" (did you mean "owner"?)`},
		{"unknown cue field", "outlets:\n  - name: X\n    cues:\n      - line: a\n      - prefixx: b\n", `user.yaml:5: unknown key "prefixx" (did you mean "prefix"?)`},
		{"no name", "outlets:\n  - country: X\n", "user.yaml:2: outlet without a name"},
		{"bad kind", "outlets:\n  - name: X\n    kind: tabloid\n", `user.yaml:2: outlet "X": unknown kind "tabloid"`},
		{"bad cue", "outlets:\n  - name: X\n    cues:\n      - line: a\n        prefix: b\n", `user.yaml:2: outlet "X": a cue needs exactly one`},
		{"shared alias", "outlets:\n  - name: X\n    aliases: [Q]\n  - name: Y\n    aliases: [q]\n", `share the name or alias "q"`},
		{"shared domain", "outlets:\n  - name: X\n    domains: [x.com]\n  - name: Y\n    domains: [www.x.com]\n", `share the domain "www.x.com"`},
		{"not yaml", "outlets: [", "user.yaml: yaml:"},
		{"top level", "sources: []\n", `user.yaml:1: unknown key "sources" (known: outlets)`},
		{"top level misspelt", "outlet: []\n", `user.yaml:1: unknown key "outlet" (did you mean "outlets"?)`},
		{"wrong type", "outlets:\n  - name: X\n    aliases: 3\n", "user.yaml:2:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := corpus.ParseRegistry("user.yaml", []byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestMergeRegistries(t *testing.T) {
	user, err := corpus.ParseRegistry("user.yaml", []byte(`outlets:
  - name: Press TV
    aliases: [PTV]
    domains: [presstv.ir]
    country: Iran
    owner: IRIB
    owner_source: https://example.org/ptv
    kind: state broadcaster
  - name: Enab Baladi
    domains: [enabbaladi.net]
    country: Syria
    kind: private
    cues:
      - line: "Enab Baladi – Idlib"
`))
	if err != nil {
		t.Fatal(err)
	}
	base := corpus.DefaultRegistry()
	n := len(base.Outlets)
	reg := corpus.MergeRegistries(base, user)
	if len(reg.Outlets) != n+1 || len(base.Outlets) != n {
		t.Fatalf("merged %d outlets from %d; base now %d", len(reg.Outlets), n, len(base.Outlets))
	}
	if o, _ := reg.Lookup("PTV"); o.Name != "Press TV" || o.OwnerSource != "https://example.org/ptv" {
		t.Errorf("Press TV not replaced: %+v", o)
	}
	if _, ok := base.Lookup("PTV"); ok {
		t.Error("MergeRegistries changed the base registry")
	}
	if o, _ := reg.Lookup("https://www.enabbaladi.net/x"); o.Name != "Enab Baladi" {
		t.Errorf("user outlet not added: %+v", o)
	}
	r := corpus.NewReader()
	r.Registry = reg
	arts, _ := r.Read("e.txt", []byte("Title\n\nEnab Baladi – Idlib\n\nThe article text follows here.\n"))
	if len(arts) != 1 || arts[0].Outlet != "Enab Baladi" || strings.Contains(arts[0].Text, "Enab Baladi") {
		t.Errorf("user cue not applied: %+v", arts)
	}
}
