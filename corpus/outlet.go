package corpus

import "fmt"

// Outlet is a news organisation as the registry describes it.
type Outlet struct {
	Name    string   `yaml:"name" json:"name"`
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	Domains []string `yaml:"domains,omitempty" json:"domains,omitempty"`
	Country string   `yaml:"country,omitempty" json:"country,omitempty"`
	Owner   string   `yaml:"owner,omitempty" json:"owner,omitempty"`
	// OwnerSource is a URL citing the owner fact.
	OwnerSource string `yaml:"owner_source,omitempty" json:"owner_source,omitempty"`
	// Kind is one of "state broadcaster", "wire service", "private", "public".
	Kind string `yaml:"kind,omitempty" json:"kind,omitempty"`
	// Cues are the lines by which an article's own text names the outlet
	// when no metadata does: signatures, datelines, taglines, handles.
	Cues []Cue `yaml:"cues,omitempty" json:"-"`
}

// Cue is one way an article's text names its outlet. Exactly one of Line,
// Prefix and Contains is set; matching ignores case.
type Cue struct {
	// Line matches a whole line (a signature such as "(Sahar News
	// Monitoring Desk)" or a tagline); the line is removed from the text.
	Line string `yaml:"line,omitempty" json:"line,omitempty"`
	// Prefix matches the start of a line (a dateline such as "Tehran (IP) -");
	// the prefix is removed and the rest of the line kept.
	Prefix string `yaml:"prefix,omitempty" json:"prefix,omitempty"`
	// Contains matches anywhere in a line (a social handle); the line is
	// left to the boilerplate rules.
	Contains string `yaml:"contains,omitempty" json:"contains,omitempty"`
}

// Kinds lists the values Outlet.Kind may take.
var Kinds = []string{"state broadcaster", "wire service", "private", "public"}

// unifyOutletSpellings gives every spelling of one outlet name (the same
// words but for case and spacing: "USA TODAY", "USA Today") the spelling
// most articles use, the first in byte order on a tie, so that one outlet
// is counted and shown once whatever order the files come in. Registered
// outlets already carry the registry's name; this joins the names the
// registry lacks. Each article renamed gets a note.
func unifyOutletSpellings(arts []Article) {
	count := map[string]int{}
	for _, a := range arts {
		if a.Outlet != "" {
			count[a.Outlet]++
		}
	}
	best := map[string]string{} // normKey → spelling
	for name, n := range count {
		k := normKey(name)
		b, ok := best[k]
		if !ok || n > count[b] || n == count[b] && name < b {
			best[k] = name
		}
	}
	if len(best) == len(count) {
		return
	}
	for i := range arts {
		a := &arts[i]
		if a.Outlet == "" {
			continue
		}
		if b := best[normKey(a.Outlet)]; b != a.Outlet {
			a.Warnings = append(a.Warnings, fmt.Sprintf("outlet spelled %q read as %q, its spelling in most articles", a.Outlet, b))
			a.Outlet = b
		}
	}
}
