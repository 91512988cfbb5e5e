package corpus

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ManifestName is the file ReadFS reads in each directory for fields the
// articles beside it lack.
const ManifestName = "manifest.yaml"

// ReadFS reads every input file under fsys: directories recursively, in
// lexical order, skipping names that begin with "." and the manifests, and
// reading only files with an article format's extension (.txt, .md, .html,
// .json, .jsonl and their variants; see DetectFormat) or none. A
// manifest.yaml maps the file names of its directory to front-matter
// fields (articleFields: id, outlet, title, published, …), which win over
// both the file's own front matter and what the text suggests. Sources and
// warnings name files as prefix/path (just path when prefix is empty);
// pass "seeds" for the embedded corpus or the directory given on the
// command line. Files are read by up to Workers goroutines; the result is
// the same, in the same order, whatever their number. Ids repeated across
// files are made unique as Dedupe does.
func (r *Reader) ReadFS(fsys fs.FS, prefix ...string) ([]Article, []Warning) {
	pre := strings.TrimSuffix(strings.Join(prefix, "/"), "/")
	name := func(p string) string {
		if pre == "" {
			return p
		}
		return pre + "/" + p
	}
	// Walk first, collecting the files to read and, in walk order, the
	// warnings about what cannot be read.
	type job struct {
		path string
		over *fields
		arts []Article
		ws   []Warning // warnings in walk order before reading, then the read's
	}
	var jobs []*job
	var pending []Warning // warnings waiting for the next job
	manifests := map[string]map[string]fields{}
	manifestFor := func(dir string) map[string]fields {
		if m, ok := manifests[dir]; ok {
			return m
		}
		p := path.Join(dir, ManifestName)
		data, err := fs.ReadFile(fsys, p)
		var m map[string]fields
		if err == nil {
			var mws []Warning
			m, mws = parseManifest(name(p), data)
			pending = append(pending, mws...)
		}
		manifests[dir] = m
		return m
	}
	err := fs.WalkDir(fsys, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			pending = append(pending, Warning{File: name(p), Reason: describeFSError(err)})
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		base := path.Base(p)
		if p != "." && strings.HasPrefix(base, ".") {
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.IsDir() || base == ManifestName || !isArticleFile(base) {
			return nil
		}
		if !de.Type().IsRegular() && de.Type()&fs.ModeSymlink == 0 {
			pending = append(pending, Warning{File: name(p), Reason: "not a regular file; skipped"})
			return nil
		}
		var over *fields
		if m := manifestFor(path.Dir(p)); m != nil {
			if f, ok := m[base]; ok {
				over = &f
			}
		}
		jobs = append(jobs, &job{path: p, over: over, ws: pending})
		pending = nil
		return nil
	})
	if err != nil {
		pending = append(pending, Warning{File: name("."), Reason: describeFSError(err)})
	}
	readOne := func(j *job) {
		p := j.path
		data, reason := r.readRegular(fsys, p)
		if reason != "" {
			j.ws = append(j.ws, Warning{File: name(p), Reason: reason})
			return
		}
		a, w := r.readCached(p, name(p), data, j.over)
		j.arts = a
		j.ws = append(j.ws, w...)
	}
	parallel(r.workers(), len(jobs), func(i int) { readOne(jobs[i]) })
	var arts []Article
	var ws []Warning
	for _, j := range jobs {
		arts = append(arts, j.arts...)
		ws = append(ws, j.ws...)
	}
	ws = append(ws, pending...)
	return Dedupe(arts, ws)
}

// readRegular reads the file at p in fsys, following a symbolic link, with
// the checks a file named on the command line gets: the target must be a
// regular file no larger than the limit. The mode is checked before the
// file is opened, so that a link to a FIFO or a device never blocks or
// streams forever, and again on the opened file, whose read is cut at the
// limit in case it grew or was swapped in between. It returns the data, or
// the reason the file was not read.
func (r *Reader) readRegular(fsys fs.FS, p string) ([]byte, string) {
	limit := r.maxFile()
	check := func(info fs.FileInfo) string {
		switch {
		case info.IsDir():
			// A symbolic link to a directory: not followed, so that a
			// link loop cannot trap the walk.
			return "symbolic link to a directory; not followed"
		case !info.Mode().IsRegular():
			return fmt.Sprintf("not a regular file (%s); skipped", fileKind(info.Mode()))
		case info.Size() > limit:
			return fmt.Sprintf("file is %d bytes, over the limit of %d", info.Size(), limit)
		}
		return ""
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, describeFSError(err)
	}
	if reason := check(info); reason != "" {
		return nil, reason
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, describeFSError(err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, describeFSError(err)
	}
	if reason := check(info); reason != "" {
		return nil, reason
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, describeFSError(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Sprintf("file grew over the limit of %d bytes while read", limit)
	}
	return data, ""
}

// fileKind names a non-regular file's type for a warning.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return m.Type().String()
}

func describeFSError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// parseManifest reads a manifest: a mapping from file names to field
// mappings. Problems are warnings naming the manifest's line.
func parseManifest(name string, data []byte) (map[string]fields, []Warning) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []Warning{{File: name, Reason: fmt.Sprintf("not valid YAML: %v", err)}}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []Warning{{File: name, Line: root.Line, Reason: "manifest must map file names to fields"}}
	}
	m := map[string]fields{}
	var ws []Warning
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.MappingNode {
			ws = append(ws, Warning{File: name, Line: k.Line, Reason: fmt.Sprintf("entry %q must be a mapping of fields", k.Value)})
			continue
		}
		f, lws := fieldsFromNode(v, 0)
		for _, lw := range lws {
			ws = append(ws, Warning{File: name, Line: lw.line, Reason: lw.reason})
		}
		m[k.Value] = f
	}
	return m, ws
}

// Dedupe makes article ids unique: the second article with id X becomes
// "X#2" (the third "X#3", …), with a warning naming both sources. It also
// gives each outlet name the registry lacks one spelling across the corpus
// (see unifyOutletSpellings). Articles keep their order; ws is returned
// with the warnings appended.
func Dedupe(arts []Article, ws []Warning) ([]Article, []Warning) {
	unifyOutletSpellings(arts)
	first := make(map[string]string, len(arts))
	count := map[string]int{}
	taken := make(map[string]bool, len(arts))
	for _, a := range arts {
		taken[a.ID] = true
	}
	for i := range arts {
		a := &arts[i]
		src, dup := first[a.ID]
		if !dup {
			first[a.ID] = a.Source
			continue
		}
		n := count[a.ID]
		if n == 0 {
			n = 1
		}
		var id string
		for {
			n++
			id = fmt.Sprintf("%s#%d", a.ID, n)
			if !taken[id] {
				break
			}
		}
		count[a.ID] = n
		taken[id] = true
		first[id] = a.Source
		a.Warnings = append(a.Warnings, fmt.Sprintf("id %q is also used by %s; renamed %q", a.ID, src, id))
		a.ID = id
	}
	return arts, ws
}
