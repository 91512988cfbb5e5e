package framing

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultLexicon(t *testing.T) {
	lex := DefaultLexicon()
	sum := sha256.Sum256(DefaultLexiconYAML())
	if lex.Digest != hex.EncodeToString(sum[:]) {
		t.Errorf("Digest = %s, want SHA-256 of the YAML", lex.Digest)
	}
	if lex.Name != "default" {
		t.Errorf("Name = %q", lex.Name)
	}
	wantAxes := []string{"state", "armed_groups", "territory", "military_action", "foreign_forces", "conflict", "named_group", "ceasefire", "casualties"}
	var gotAxes []string
	for _, ax := range lex.Axes {
		gotAxes = append(gotAxes, ax.ID)
		colors := map[string]bool{}
		for _, p := range ax.Poles {
			if !colorRE.MatchString(p.Color) || colors[p.Color] {
				t.Errorf("axis %s pole %s: colour %q missing or repeated", ax.ID, p.ID, p.Color)
			}
			colors[p.Color] = true
			for _, term := range p.Terms {
				if term.Note == "" {
					t.Errorf("%s/%s/%s (line %d) has no note", ax.ID, p.ID, term.Text, term.Line)
				}
			}
		}
	}
	if diff := cmp.Diff(wantAxes, gotAxes); diff != "" {
		t.Errorf("axes (-want +got):\n%s", diff)
	}
	if len(lex.Markers.Distancing) == 0 || len(lex.Markers.Hedges) == 0 || len(lex.Markers.Attribution) < 3 {
		t.Errorf("markers incomplete: %+v", lex.Markers)
	}
	if term, ok := lex.Term("state", "regime", "Assad regime"); !ok || term.Neutral != "Syrian government" {
		t.Errorf("Term(state, regime, Assad regime) = %+v, %v", term, ok)
	}
	if c := lex.PoleColor("state", "regime"); c != "#D55E00" {
		t.Errorf("PoleColor = %q", c)
	}
	if lex.PoleColor("state", "nope") != "" {
		t.Error("PoleColor of a missing pole is not empty")
	}
	for _, w := range []string{"regime", "liberated", "IS", "Daesh"} {
		if !lex.Contains(w) {
			t.Errorf("Contains(%q) = false", w)
		}
	}
	for verb, grade := range map[string]string{"said": "neutral", "Warned": "emphatic", "retorted": "loaded", "sang": ""} {
		if got := lex.AttributionGrade(verb); got != grade {
			t.Errorf("AttributionGrade(%q) = %q, want %q", verb, got, grade)
		}
	}
	if lex.Contains("summit") {
		t.Error(`Contains("summit") = true`)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"syntax", "axes:\n  - id: a\n    name: x: y\n", []string{"x.yaml:3: mapping values are not allowed"}},
		{"empty", "", []string{"x.yaml: empty lexicon: no axes"}},
		{"unknown key", "axes:\n  - id: a\n    colour: red\n    poles:\n      - {id: p, terms: [x]}\n      - {id: q, terms: [y]}\n",
			[]string{`x.yaml:3: axis: unknown key "colour" (known: id, name, description, subject, poles)`}},
		{"misspelt key", "axes:\n  - id: a\n    poles:\n      - {id: p, terms: [x]}\n      - {id: q, trems: [y]}\n",
			[]string{`x.yaml:5: pole: unknown key "trems" (did you mean "terms"?)`, `x.yaml:5: pole "q" has no terms`}},
		{"one pole", "axes:\n  - id: a\n    poles:\n      - id: p\n        terms: [x]\n",
			[]string{"x.yaml:4: axis \"a\" has 1 pole(s); it needs at least two"}},
		{"empty term", "axes:\n  - id: a\n    poles:\n      - id: p\n        terms: [x, \"\"]\n      - {id: q, terms: [y]}\n",
			[]string{"x.yaml:5: empty term in pole \"p\""}},
		{"duplicate across poles", "axes:\n  - id: a\n    poles:\n      - id: p\n        terms: [liberate]\n      - id: q\n        terms:\n          - liberation\n",
			[]string{`x.yaml:8: term "liberation" matches the same words as "liberate" on line 5`}},
		{"bad match", "axes:\n  - id: a\n    poles:\n      - id: p\n        terms:\n          - {text: x, match: fuzzy}\n      - {id: q, terms: [y]}\n",
			[]string{`x.yaml:6: bad match mode "fuzzy"`}},
		{"bad colour", "axes:\n  - id: a\n    poles:\n      - {id: p, color: red, terms: [x]}\n      - {id: q, terms: [y]}\n",
			[]string{`x.yaml:4: bad color "red"`}},
		{"repeated colour", "axes:\n  - id: a\n    poles:\n      - {id: p, color: \"#0072B2\", terms: [x]}\n      - {id: q, color: \"#0072b2\", terms: [y]}\n",
			[]string{`x.yaml:5: color #0072B2 of pole "q" already used`}},
		{"wrong type", "axes: 3\n", []string{"x.yaml:1: axes must be a non-empty list"}},
		{"two errors", "axes:\n  - id: a\n    poles:\n      - {id: p, terms: [x], what: 1}\n      - {id: q, terms: [x]}\n",
			[]string{`x.yaml:4: pole: unknown key "what"`, `x.yaml:5: term "x" matches the same words`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLexicon("x.yaml", []byte(tt.yaml))
			var errs LexiconErrors
			if !errors.As(err, &errs) {
				t.Fatalf("error %v (%T) is not LexiconErrors", err, err)
			}
			var le *LexiconError
			if !errors.As(err, &le) {
				t.Errorf("errors.As(*LexiconError) failed")
			}
			if len(errs) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(tt.want), err)
			}
			for i, e := range errs {
				if !strings.HasPrefix(e.Error(), tt.want[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, e.Error(), tt.want[i])
				}
			}
		})
	}
}

func TestParseLexiconDefaults(t *testing.T) {
	lex, err := ParseLexicon("mine.yaml", []byte("axes:\n  - id: a\n    poles:\n      - id: p\n        terms: [x]\n      - id: q\n        color: \"#0072B2\"\n        terms: [{text: IS, match: case}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if lex.Name != "mine.yaml" {
		t.Errorf("Name = %q", lex.Name)
	}
	p := lex.Axes[0].Poles
	if p[0].Color != "#D55E00" || p[1].Color != "#0072B2" {
		t.Errorf("colours %q %q: want the first unused palette colour", p[0].Color, p[1].Color)
	}
	if p[0].Name != "p" || !p[1].Terms[0].Exact || !p[1].Terms[0].CaseSensitive {
		t.Errorf("defaults not applied: %+v", p)
	}
}
