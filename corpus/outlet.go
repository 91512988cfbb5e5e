package corpus

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
