package compare

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/seedtest"
)

// parseUser parses a user gazetteer or fails the test.
func parseUser(t *testing.T, data string) *Entities {
	t.Helper()
	g, err := ParseEntities("user.yaml", []byte(data))
	if err != nil {
		t.Fatalf("ParseEntities: %v", err)
	}
	return g
}

// seedQuoteSpeaker returns the speaker g gives the quotation of the seed
// article whose id starts with prefix and whose text starts with opening.
func seedQuoteSpeaker(t *testing.T, g *Entities, prefix, opening string) string {
	t.Helper()
	var a *corpus.Article
	arts := seedtest.Read(t)
	for i := range arts {
		if strings.HasPrefix(arts[i].ID, prefix) {
			a = &arts[i]
		}
	}
	if a == nil {
		t.Fatalf("no seed %s", prefix)
	}
	ws := words(a.Text)
	for _, q := range extractQuotes(g, a, ws, g.mentions(a.Text, ws)) {
		if strings.HasPrefix(a.Text[q.Start:q.End], opening) {
			return q.Speaker
		}
	}
	t.Fatalf("seed %s: no quotation starting %q", prefix, opening)
	return ""
}

// The seed from Press TV quotes Putin as "the Russian leader": the role
// comes from the gazetteer. Removing Putin, or overriding his entry
// without that role, leaves the description to the last person named
// before it (Erdogan, wrongly), a file that only adds people keeps Putin,
// and a file that gives the role to another entry names that entry.
func TestUserEntitiesSpeaker(t *testing.T) {
	const opening = "We are convinced"
	tests := []struct {
		name, file string
		want       string
	}{
		{"default", "", "Putin"},
		{"addition leaves others alone", "people:\n  - name: Sadiq Khan\n    aliases: [Khan]\n", "Putin"},
		{"removed", "remove: [Putin]\n", "Erdogan"},
		{"overridden without the role", "people:\n  - name: Putin\n    aliases: [Vladimir Putin]\n", "Erdogan"},
		{"role given to another", "remove: [Putin]\npeople:\n  - name: V. V. Putin\n    aliases: [Vladimir Putin]\n    roles: [Russian leader]\n", "V. V. Putin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := DefaultEntities()
			if tt.file != "" {
				g = parseUser(t, tt.file)
			}
			if got := seedQuoteSpeaker(t, g, "001_", opening); got != tt.want {
				t.Errorf("speaker = %q, want %q", got, tt.want)
			}
		})
	}
}

// khanArticle returns the USA Today report on London's mayor from the
// PolNeAR sample.
func khanArticle(t *testing.T) *corpus.Article {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/speakers/polnear_sample.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "khan.md" {
			return polnearArticle(f.Name, string(f.Data))
		}
	}
	t.Fatal("no khan.md in the PolNeAR sample")
	return nil
}

// The USA Today report names Donald Trump and Sadiq Khan, whom the
// embedded gazetteer does not know: it counts one person surely named, so
// the penalty for articles that name several people but none in common
// does not apply against the CGTN report on the Tehran summit of Rouhani,
// Putin and Erdogan. A file
// that adds Khan makes him a second known person, and the pair's score
// drops by that penalty (and a little more or less, as his name now
// counts as one entity in the entity overlap).
func TestUserEntitiesEventScore(t *testing.T) {
	khan := khanArticle(t)
	var seed corpus.Article
	for _, a := range seedtest.Read(t) {
		if strings.HasPrefix(a.ID, "000_") {
			seed = a
		}
	}
	score := func(g *Entities) (float64, int) {
		gr := &eventGrouper{window: DefaultDateWindowDays, threshold: DefaultEventThreshold, scores: map[pair]float64{}}
		gr.docs = []docFeatures{articleFeatures(g, khan), articleFeatures(g, &seed)}
		gr.weigh()
		return gr.pairScore(&gr.docs[0], &gr.docs[1]), gr.docs[0].persons.distinct
	}
	before, nBefore := score(DefaultEntities())
	after, nAfter := score(parseUser(t, "people:\n  - name: Sadiq Khan\n    aliases: [Khan]\n    roles: [mayor of London]\n"))
	if nBefore != 1 || nAfter != 2 {
		t.Errorf("people surely named in the Khan report: %d by default, %d with Khan added; want 1 and 2", nBefore, nAfter)
	}
	if ratio := after / before; before == 0 || ratio < disjointPeople*0.9 || ratio > disjointPeople*1.1 {
		t.Errorf("pair score %.6f by default, %.6f with Khan added; want the second about %.1f times the first", before, after, disjointPeople)
	}
}

// A merged file adds, overrides and removes entries; replace: true drops
// the embedded gazetteer; the name and digest say which was used.
func TestParseEntitiesMerge(t *testing.T) {
	def := DefaultEntities()
	if def.Name != "default" || len(def.Digest) != 64 {
		t.Fatalf("default gazetteer %q %q", def.Name, def.Digest)
	}
	g := parseUser(t, `
people:
  - name: Sadiq Khan
    aliases: [Khan]
  - name: Trump
    aliases: [Donald Trump, The Donald]
organisations:
  - name: Islamic State
    aliases: [ISIS, IS]
titles: [Mayor-elect]
remove: [Peskov, Monday, Sochi]
`)
	if g.Name != "default+user.yaml" || g.Digest == def.Digest || len(g.Digest) != 64 {
		t.Errorf("merged gazetteer %q %q", g.Name, g.Digest)
	}
	for _, c := range []struct {
		phrase string
		key    string
		kind   entityKind
		known  bool
	}{
		{"sadiq khan", "Sadiq Khan", kindPerson, true},
		{"khan", "Sadiq Khan", kindPerson, true},
		{"the donald", "Trump", kindPerson, true},
		{"donald j. trump", "", 0, false}, // the override replaces the whole entry
		{"isis", "Islamic State", kindOther, true},
		{"peskov", "", 0, false},
		{"dmitry peskov", "", 0, false},
		{"sochi", "", 0, false},
		{"putin", "Putin", kindPerson, true},
	} {
		m, ok := g.names[keyOf(c.phrase)]
		if ok != c.known || ok && (m.Key != c.key || m.Kind != c.kind) {
			t.Errorf("%q: %+v %v, want key %q kind %d known %v", c.phrase, m, ok, c.key, c.kind, c.known)
		}
	}
	if _, ok := g.roles["kremlin spokesman"]; ok {
		t.Error("removed Peskov's role still resolves")
	}
	if g.ignore["monday"] || !g.ignore["tuesday"] || !g.titles[keyOf("Mayor-elect")] || !g.titles["mr"] {
		t.Error("titles and ignored words not merged")
	}
	if p, _, _, _ := g.Counts(); p != len(def.data.People) {
		t.Errorf("%d people, want %d (one added, one removed)", p, len(def.data.People))
	}
	if def.names["sochi"].Key != "Sochi" || def.names["khan"].Key != "" {
		t.Error("merging changed the default gazetteer")
	}

	r := parseUser(t, "replace: true\npeople:\n  - name: Sadiq Khan\n    aliases: [Khan]\n")
	if r.Name != "user.yaml" {
		t.Errorf("replacing gazetteer named %q", r.Name)
	}
	if _, ok := r.names["putin"]; ok || r.titles["mr"] || len(r.events) != 0 {
		t.Error("replace: true kept embedded entries")
	}
	if r.names["khan"].Key != "Sadiq Khan" {
		t.Error("replace: true lost the file's entries")
	}
}

// Bad gazetteer files are refused with the file, the line and the reason.
func TestParseEntitiesErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"unknown key", "people:\n  - name: A B\n    alias: [B]\n", `user.yaml:3: unknown key "alias" (did you mean "aliases"?)`},
		{"unknown top key", "peeple: []\n", `user.yaml:1: unknown key "peeple" (did you mean "people"?)`},
		{"organizations", "organizations: []\n", `user.yaml:1: unknown key "organizations" (did you mean "organisations"?)`},
		{"no name", "people:\n  - aliases: [X]\n", "user.yaml:2: person has no name"},
		{"empty alias", "places:\n  - name: Tarn\n    aliases: [\"\"]\n", `user.yaml:2: place "Tarn" has an empty alias, role or form ""`},
		{"duplicate person", "people:\n  - name: Ann Lee\n  - name: ann lee\n", `user.yaml:3: person "ann lee" is listed twice (first at line 2)`},
		{"duplicate title", "titles:\n  - Imam\n  - Imam\n", `user.yaml:3: title "Imam" is listed twice (first at line 2)`},
		{"removed and defined", "remove: [Putin]\npeople:\n  - name: Putin\n", `user.yaml:1: "Putin" is both removed and defined (line 3)`},
		{"remove nothing", "remove:\n  - Nobody Here\n", `user.yaml:2: remove "Nobody Here": the embedded gazetteer has no`},
		{"remove with replace", "replace: true\nremove: [Putin]\n", "user.yaml:2: remove has nothing to remove from"},
		{"alias of another", "people:\n  - name: Donald\n    aliases: [Donald Trump]\n",
			`user.yaml:2: name "Donald Trump" of person "Donald" already belongs to person "Trump" (embedded gazetteer, data/entities.yaml:`},
		{"person named as a place", "people:\n  - name: Jordan\n",
			`user.yaml:2: name "Jordan" of person "Jordan" already belongs to place "Jordan"`},
		{"role of two", "people:\n  - name: Medvedev\n    roles: [Russian leader]\n",
			`user.yaml:2: role "Russian leader" of person "Medvedev" already belongs to person "Putin"`},
		{"form of two events", "events:\n  - name: parley\n    forms: [talks]\n",
			`user.yaml:2: form "talks" of event "parley" already belongs to event "talks"`},
		{"clash within the file", "replace: true\npeople:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [X]\n",
			`user.yaml:5: name "X" of person "B" already belongs to person "A" (user.yaml:3)`},
		{"not yaml", "people: [\n", "user.yaml: yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEntities("user.yaml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// The embedded gazetteer holds no clash a user file would be refused for,
// so that a file repeating it unchanged is accepted.
func TestEmbeddedEntitiesReplaceThemselves(t *testing.T) {
	g, err := ParseEntities("copy.yaml", append([]byte("replace: true\n"), EmbeddedEntitiesYAML()...))
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultEntities()
	if len(g.names) != len(def.names) || len(g.roles) != len(def.roles) || len(g.events) != len(def.events) || len(g.titles) != len(def.titles) {
		t.Error("the embedded gazetteer read as a user file differs from the default")
	}
}

func ExampleParseEntities() {
	g, err := ParseEntities("my-entities.yaml", []byte(`
people:
  - name: Sadiq Khan
    aliases: [Khan]
    roles: [mayor of London]
organisations:
  - {name: Islamic State, aliases: [ISIS]}
remove: [Peskov]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	people, places, orgs, events := g.Counts()
	fmt.Println(g.Name, people, places, orgs, events)

	_, err = ParseEntities("typo.yaml", []byte("people:\n  - name: Sadiq Khan\n    role: [mayor]\n"))
	fmt.Println(err)
	// Output:
	// default+my-entities.yaml 9 32 1 12
	// typo.yaml:3: unknown key "role" (did you mean "roles"?)
}
