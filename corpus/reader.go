package corpus

import (
	"fmt"
	"path"
	"runtime"
	"strings"
	"time"
)

// Size limits. A file over MaxFileBytes is refused; an article over
// MaxArticleBytes is cut at the last paragraph break before the limit.
// Both draw a warning naming the file.
const (
	// MaxFileBytes is the largest input file read (64 MiB).
	MaxFileBytes int64 = 64 << 20
	// MaxArticleBytes is the most text kept of one article (8 MiB).
	MaxArticleBytes = 8 << 20
	// MaxWordBytes is the longest word accepted without a warning; longer
	// runs of letters are usually encoded data pasted into text.
	MaxWordBytes = 1000
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

// Reader turns input files into cleaned Articles. Make one with NewReader
// and adjust its fields before use; a Reader is safe for concurrent use
// once set up.
type Reader struct {
	// Registry identifies and canonicalises outlets.
	Registry *Registry
	// Rules remove boilerplate from article text.
	Rules *Rules
	// Now is the time against which a publication date counts as in the
	// future; the zero value turns that check off.
	Now time.Time
	// MaxFileBytes and MaxArticleBytes override the package limits when
	// positive.
	MaxFileBytes    int64
	MaxArticleBytes int
	// Workers bounds how many files ReadFS reads at once; 0 means
	// GOMAXPROCS. The result does not depend on it.
	Workers int
	// Cache, when set, keeps what reading each file produced, so that an
	// unchanged file is not read again; the result is the same with and
	// without it.
	Cache *Cache
}

// NewReader returns a Reader with the embedded registry and boilerplate
// rules and the package's size limits.
func NewReader() *Reader {
	return &Reader{
		Registry:        DefaultRegistry(),
		Rules:           DefaultRules(),
		MaxFileBytes:    MaxFileBytes,
		MaxArticleBytes: MaxArticleBytes,
	}
}

func (r *Reader) maxFile() int64 {
	if r.MaxFileBytes > 0 {
		return r.MaxFileBytes
	}
	return MaxFileBytes
}

func (r *Reader) workers() int {
	if r.Workers > 0 {
		return r.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (r *Reader) maxArticle() int {
	if r.MaxArticleBytes > 0 {
		return r.MaxArticleBytes
	}
	return MaxArticleBytes
}

// Format is an input file format.
type Format int

// The input formats.
const (
	FormatText Format = iota
	FormatMarkdown
	FormatHTML
	FormatJSON
	FormatJSONL
)

// DetectFormat picks a format from name's extension and, when the
// extension says nothing (or name is "-"), from the first bytes of data:
// "<" is HTML, "[" JSON, "{" JSONL, anything else text.
func DetectFormat(name string, data []byte) Format {
	if f, ok := formatByExt[strings.ToLower(path.Ext(name))]; ok {
		return f
	}
	head := strings.TrimLeft(string(data[:min(len(data), 512)]), "\ufeff \t\r\n")
	switch {
	case strings.HasPrefix(head, "<"):
		return FormatHTML
	case strings.HasPrefix(head, "["):
		return FormatJSON
	case strings.HasPrefix(head, "{"):
		return FormatJSONL
	}
	return FormatText
}

// formatByExt maps the file name extensions of article formats to formats.
var formatByExt = map[string]Format{
	".txt": FormatText, ".text": FormatText,
	".md": FormatMarkdown, ".markdown": FormatMarkdown, ".mdown": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML, ".shtml": FormatHTML,
	".json":  FormatJSON,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL, ".jsonlines": FormatJSONL,
}

// isArticleFile reports whether a directory walk reads the file name: one
// with an article format's extension, or with no extension at all.
func isArticleFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	_, ok := formatByExt[ext]
	return ok || ext == ""
}

// Read parses one input file named name (its extension and content pick
// the format; see DetectFormat) into finished articles, with Source set to
// name ("name:line" for JSONL records). Problems that concern the file as
// a whole come back as warnings; an article's own problems are in its
// Warnings. A file that yields no article returns at least one warning.
func (r *Reader) Read(name string, data []byte) ([]Article, []Warning) {
	return r.readCached(name, name, data, nil)
}

// read is Read with the source name used in warnings separate from the
// name giving the format and default id, and manifest fields to apply.
func (r *Reader) read(name, source string, data []byte, over *fields) ([]Article, []Warning) {
	if int64(len(data)) > r.maxFile() {
		return nil, []Warning{{File: source, Reason: fmt.Sprintf("file is %d bytes, over the limit of %d", len(data), r.maxFile())}}
	}
	if len(data) == 0 {
		return nil, []Warning{{File: source, Reason: "empty file"}}
	}
	format := DetectFormat(name, data)
	switch format {
	case FormatJSON, FormatJSONL:
		return r.readJSON(source, data, format, over)
	case FormatHTML:
		return r.readHTML(name, source, data, over)
	}
	text, notes, err := decodeText(data)
	if err != nil {
		return nil, []Warning{{File: source, Reason: err.Error()}}
	}
	a, ws := r.readText(name, source, text, format == FormatMarkdown, over)
	for i := len(notes) - 1; i >= 0; i-- {
		if a != nil {
			a.Warnings = append([]string{notes[i]}, a.Warnings...)
		} else {
			ws = append(ws, Warning{File: source, Reason: notes[i]})
		}
	}
	if a == nil {
		return nil, ws
	}
	return []Article{*a}, ws
}

// defaultID is a file name without directory and extension.
func defaultID(name string) string {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	if base == "-" || base == "." || base == "/" {
		return "stdin"
	}
	if ext := path.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
