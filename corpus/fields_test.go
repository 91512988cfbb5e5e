package corpus

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Front matter, a manifest entry and a JSON record read the same fields by
// the same names and aliases, and a key wins over its alias.
func TestFieldsSameInEveryReader(t *testing.T) {
	want := fields{ID: "7", Outlet: "CGTN", Title: "T", Published: "2018-09-07", URL: "https://x.example/", Event: "e", Kind: "primary", Language: "en"}
	yml := "id: 7\noutlet: CGTN\ntitle: T\ndate: 2018-09-07\nurl: https://x.example/\nevent: e\nkind: primary\nlang: fr\nlanguage: en\n"
	front, ws := parseFields([]byte(yml), 1)
	if len(ws) > 0 {
		t.Errorf("front matter warnings: %v", ws)
	}
	if diff := cmp.Diff(want, front); diff != "" {
		t.Errorf("front matter (-want +got):\n%s", diff)
	}
	// The YAML parser's path (a list makes the quick reader give up).
	full, _ := parseFieldsYAML([]byte(yml+"extra: [a]\n"), 1)
	if diff := cmp.Diff(want, full); diff != "" {
		t.Errorf("front matter through YAML (-want +got):\n%s", diff)
	}
	m, mws := parseManifest("manifest.yaml", []byte("a.txt:\n  "+strings.ReplaceAll(strings.TrimSuffix(yml, "\n"), "\n", "\n  ")))
	if len(mws) > 0 {
		t.Errorf("manifest warnings: %v", mws)
	}
	if diff := cmp.Diff(want, m["a.txt"]); diff != "" {
		t.Errorf("manifest (-want +got):\n%s", diff)
	}
	jsonl := `{"id":"7","outlet":"CGTN","title":"T","date":"2018-09-07","url":"https://x.example/","event":"e","kind":"primary","lang":"fr","language":"en","text":"One sentence of text."}
{"id":7,"outlet":"CGTN","title":"T","date":"2018-09-07","url":"https://x.example/","event":"e","kind":"primary","language":"en","lang":"fr","text":"One sentence of text."}
`
	arts, jws := NewReader().ReadJSONL("a.jsonl", strings.NewReader(jsonl))
	if len(jws) > 0 || len(arts) != 2 {
		t.Fatalf("ReadJSONL: %d articles, warnings %v", len(arts), jws)
	}
	for i, a := range arts {
		got := fields{ID: strings.TrimSuffix(a.ID, "#2"), Outlet: a.Outlet, Title: a.Title, Published: a.Published.String(), URL: a.URL, Event: a.Event, Kind: a.Kind.String(), Language: a.Language}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("JSONL line %d (-want +got):\n%s", i+1, diff)
		}
	}
}

// A key in front matter or a manifest that is no field is a warning naming
// its line, with the field it likely misspells; the article still reads.
func TestUnknownFieldWarns(t *testing.T) {
	_, ws := parseFields([]byte("title: T\ntitel: U\ntags: x\n"), 1)
	want := []lineWarning{
		{3, `unknown field "titel" ignored (did you mean "title"?)`},
		{4, `unknown field "tags" ignored`},
	}
	if diff := cmp.Diff(want, ws, cmp.AllowUnexported(lineWarning{})); diff != "" {
		t.Errorf("front matter warnings (-want +got):\n%s", diff)
	}
	// The same through the YAML parser (a list makes the quick reader give up).
	_, ws = parseFieldsYAML([]byte("title: T\ntitel: U\ntags: [x]\n"), 1)
	want[1].reason = `field "tags" is not a single value; ignored`
	if diff := cmp.Diff(want, ws, cmp.AllowUnexported(lineWarning{})); diff != "" {
		t.Errorf("front matter through YAML (-want +got):\n%s", diff)
	}
	m, mws := parseManifest("dir/manifest.yaml", []byte("a.txt:\n  outlet: X\n  evnet: e\n"))
	wantM := []Warning{{File: "dir/manifest.yaml", Line: 3, Reason: `unknown field "evnet" ignored (did you mean "event"?)`}}
	if diff := cmp.Diff(wantM, mws); diff != "" {
		t.Errorf("manifest warnings (-want +got):\n%s", diff)
	}
	if m["a.txt"].Outlet != "X" {
		t.Errorf("manifest entry lost its fields: %+v", m["a.txt"])
	}
}

// fields.at gives each of articleFields the struct field of its name.
func TestFieldsAt(t *testing.T) {
	v := reflect.TypeFor[fields]()
	if v.NumField() != len(articleFields) {
		t.Fatalf("fields has %d fields, articleFields %d", v.NumField(), len(articleFields))
	}
	for i, af := range articleFields {
		var f fields
		*f.at(i) = "x"
		got := reflect.ValueOf(f)
		for j := range v.NumField() {
			set := got.Field(j).String() == "x"
			if want := strings.ToLower(v.Field(j).Name) == af.key; set != want {
				t.Errorf("at(%d) (%s) set field %s: %v", i, af.key, v.Field(j).Name, set)
			}
		}
	}
}
