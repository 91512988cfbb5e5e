package yamlkeys

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

type cue struct {
	Line   string `yaml:"line,omitempty"`
	Prefix string `yaml:"prefix,omitempty"`
}

type outlet struct {
	Name  string           `yaml:"name"`
	Cues  []cue            `yaml:"cues"`
	Forms map[string][]cue `yaml:"forms"`
	Raw   yaml.Node        `yaml:"raw"`
	Owner string
}

type file struct {
	Outlets []outlet `yaml:"outlets"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean", "outlets:\n  - name: A\n    owner: B\n    cues:\n      - line: x\n    raw: {anything: 1}\n", ""},
		{"top level", "outlet:\n  - name: A\n", `f.yaml:1: unknown key "outlet" (did you mean "outlets"?)`},
		{"field", "outlets:\n  - name: A\n    nmae: B\n", `f.yaml:3: unknown key "nmae" (did you mean "name"?)`},
		{"nested list", "outlets:\n  - name: A\n    cues:\n      - line: x\n      - prefx: y\n", `f.yaml:5: unknown key "prefx" (did you mean "prefix"?)`},
		{"inside a map", "outlets:\n  - forms:\n      any key:\n        - lines: x\n", `f.yaml:4: unknown key "lines" (did you mean "line"?)`},
		{"far from all", "outlets:\n  - colour: red\n", `f.yaml:2: unknown key "colour" (known: name, cues, forms, raw, owner)`},
		{"case", "outlets:\n  - Name: A\n", `f.yaml:2: unknown key "Name" (did you mean "name"?)`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f file
			err := Decode("f.yaml", []byte(tt.in), &f)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	known := []string{"language", "name", "stemming", "min_stem"}
	for key, want := range map[string]string{
		"langauge": "language", // exchanged letters
		"lang":     "",         // too far: half the letters
		"nam":      "name",
		"stemmin":  "stemming",
		"min-stem": "min_stem",
		"colour":   "",
	} {
		if got := Closest(key, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", key, got, want)
		}
	}
}
