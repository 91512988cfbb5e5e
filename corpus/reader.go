package corpus

import (
	"fmt"
	"io/fs"
)

// Warning is a problem with one input: the file (and line, when there is
// one) and the reason.
type Warning struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Reason string `json:"reason"`
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Reason)
	}
	return fmt.Sprintf("%s: %s", w.File, w.Reason)
}

// Reader turns input files into cleaned Articles.
type Reader struct {
	Registry *Registry
}

// Registry is the set of known outlets.
type Registry struct {
	Outlets []Outlet
}

// Read parses one input file named name (its extension and content pick the
// format) into articles. Problems are returned as warnings; a file that
// yields no article returns at least one warning.
func (r *Reader) Read(name string, data []byte) ([]Article, []Warning) {
	return nil, []Warning{{File: name, Reason: "not implemented"}}
}

// ReadFS reads every input file under fsys in a deterministic order,
// skipping hidden files, and applies a manifest.yaml found beside them.
func (r *Reader) ReadFS(fsys fs.FS) ([]Article, []Warning) {
	return nil, nil
}
