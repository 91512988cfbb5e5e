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
}
