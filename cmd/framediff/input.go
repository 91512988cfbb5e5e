package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/seeds"
)

// inputOptions are the flags shared by every command that reads articles.
type inputOptions struct {
	strict    bool
	lexicon   string
	entities  string
	registry  string
	rules     string
	window    int
	threshold float64
	workers   int
	verbose   bool
	cache     string
	// noMarkers and noDistinctive are set by commands that show no
	// marker hits or no distinctive terms, so that none are found.
	noMarkers, noDistinctive bool
}

func (o *inputOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.strict, "strict", false, "fail (exit 1) when any input draws a warning (notes, such as an outlet missing from the registry, do not count)")
	f.BoolVar(&o.verbose, "verbose", false, "print every warning, not one line per kind")
	f.StringVar(&o.cache, "cache", "", "keep what reading each input file produced in `DIR`, so that unchanged files are not read again")
	f.StringVar(&o.lexicon, "lexicon", "", "framing lexicon: a YAML `FILE`, an embedded one (default, politics), or several joined by commas (default,politics); see 'framediff lexicon show'")
	f.StringVar(&o.entities, "entities", "", "gazetteer YAML `FILE` of people, places, organisations, titles and event nouns, merged over the embedded one (or replacing it: replace: true); see 'framediff entities show'")
	f.StringVar(&o.registry, "registry", "", "outlet registry YAML `FILE` merged over the embedded one")
	f.StringVar(&o.rules, "rules", "", "boilerplate rules YAML `FILE` added to the embedded ones")
	f.IntVar(&o.window, "window", compare.DefaultDateWindowDays, "days two articles' dates may differ and still report one event")
	f.Float64Var(&o.threshold, "threshold", 0, "similarity two articles need to join one event (0: the documented default)")
	f.IntVar(&o.workers, "workers", 0, "parallel workers (0: one per core)")
}

// loaded is what a command read: the articles, the warnings about them and
// the absolute paths of the files and directories they came from.
type loaded struct {
	articles []corpus.Article
	warnings []corpus.Warning
	inputs   []string // absolute paths of input files and directories
	// roots maps the name each input path is given in sources and warnings
	// (see sourceName) to its absolute path.
	roots    map[string]string
	lexicon  *framing.Lexicon
	entities *compare.Entities // nil: the embedded gazetteer
	registry *corpus.Registry
}

// load reads the lexicon, the registry and the articles named by paths (the
// embedded seeds when paths is empty). Unreadable inputs become warnings; a
// bad lexicon or registry file is a UsageError.
func (a *App) load(ctx context.Context, o *inputOptions, paths []string) (*loaded, error) {
	l := &loaded{lexicon: framing.DefaultLexicon(), registry: corpus.DefaultRegistry()}
	if o.lexicon != "" {
		lex, files, err := loadLexicon(o.lexicon)
		if err != nil {
			return nil, err
		}
		l.lexicon = lex
		for _, f := range files {
			l.inputs = append(l.inputs, absPath(f))
		}
	}
	if o.entities != "" {
		data, err := os.ReadFile(o.entities)
		if err != nil {
			return nil, &UsageError{Err: fmt.Errorf("entities: %w", err)}
		}
		ents, err := compare.ParseEntities(o.entities, data)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		l.entities = ents
		l.inputs = append(l.inputs, absPath(o.entities))
	}
	if o.registry != "" {
		data, err := os.ReadFile(o.registry)
		if err != nil {
			return nil, &UsageError{Err: fmt.Errorf("registry: %w", err)}
		}
		user, err := corpus.ParseRegistry(o.registry, data)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		l.registry = corpus.MergeRegistries(l.registry, user)
		l.inputs = append(l.inputs, absPath(o.registry))
	}
	r := corpus.NewReader()
	r.Registry = l.registry
	if o.rules != "" {
		data, err := os.ReadFile(o.rules)
		if err != nil {
			return nil, &UsageError{Err: fmt.Errorf("rules: %w", err)}
		}
		user, err := corpus.ParseRules(o.rules, data)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		r.Rules = corpus.MergeRules(r.Rules, user)
		l.inputs = append(l.inputs, absPath(o.rules))
	}
	r.Now = a.Now()
	if o.cache != "" {
		c, err := corpus.OpenCache(o.cache)
		if err != nil {
			return nil, err
		}
		r.Cache = c
		defer func() {
			hits, misses := c.Counts()
			fmt.Fprintf(a.Stderr, "cache: %d file(s) read, %d from %s\n", misses, hits, o.cache)
		}()
	}
	if len(paths) == 0 {
		paths = a.configInputs
	}
	if len(paths) == 0 {
		l.articles, l.warnings = r.ReadFS(seeds.FS, "seeds")
		return l, nil
	}
	stdinUsed := false
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if p == "-" {
			if stdinUsed {
				return nil, usageErrorf("- (standard input) given more than once")
			}
			stdinUsed = true
			data, err := readStdin(ctx, a.Stdin, corpus.MaxFileBytes)
			if err != nil && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if err != nil {
				l.warnings = append(l.warnings, corpus.Warning{File: "-", Reason: err.Error()})
				continue
			}
			arts, warns := r.Read("-", data)
			l.add(arts, warns)
			continue
		}
		name := sourceName(p)
		if l.roots == nil {
			l.roots = map[string]string{}
		}
		l.roots[name] = absPath(p)
		info, err := os.Stat(p)
		if err != nil {
			l.warnings = append(l.warnings, corpus.Warning{File: name, Reason: describe(err)})
			continue
		}
		l.inputs = append(l.inputs, absPath(p))
		if info.IsDir() {
			arts, warns := r.ReadFS(os.DirFS(p), name)
			l.add(arts, warns)
			continue
		}
		// A JSONL file is read a line at a time when it can be, so that it
		// is never held whole beside the articles made from it.
		if arts, warns, ok := readJSONLFile(r, p, name, info); ok {
			l.add(arts, warns)
			continue
		}
		data, err := readFile(p, info)
		if err != nil {
			l.warnings = append(l.warnings, corpus.Warning{File: name, Reason: describe(err)})
			continue
		}
		arts, warns := r.Read(name, data)
		l.add(arts, warns)
	}
	l.articles, l.warnings = corpus.Dedupe(l.articles, l.warnings)
	return l, nil
}

func (l *loaded) add(arts []corpus.Article, warns []corpus.Warning) {
	l.articles = append(l.articles, arts...)
	l.warnings = append(l.warnings, warns...)
}

// readJSONLFile reads the regular JSONL file at path through
// corpus.Reader.ReadJSONLFile; ok is false when the file is not one, or
// needs reading whole (see ReadJSONLFile), or cannot be opened.
func readJSONLFile(r *corpus.Reader, path, name string, info fs.FileInfo) ([]corpus.Article, []corpus.Warning, bool) {
	if !info.Mode().IsRegular() || info.Size() == 0 || info.Size() > corpus.MaxFileBytes || corpus.DetectFormat(name, nil) != corpus.FormatJSONL {
		return nil, nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, false
	}
	defer f.Close()
	return r.ReadJSONLFile(name, f)
}

// readFile reads a regular file of at most corpus.MaxFileBytes.
func readFile(path string, info fs.FileInfo) ([]byte, error) {
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > corpus.MaxFileBytes {
		return nil, fmt.Errorf("file is %d bytes, over the limit of %d", info.Size(), corpus.MaxFileBytes)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readSized(f, info.Size(), corpus.MaxFileBytes)
}

// readSized reads at most limit bytes from r into one buffer of the size
// the file had when it was opened, growing it only if the file grew.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	data := make([]byte, 0, min(size, limit)+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("input is over the limit of %d bytes", limit)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("input is over the limit of %d bytes", limit)
	}
	return data, nil
}

// describe turns an os error into a reason without repeating the path.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// realPath returns the file a source or warning name stands for: the input
// it starts with, joined with the rest of the name.
func (l *loaded) realPath(src string) string {
	best := ""
	for name := range l.roots {
		if (src == name || strings.HasPrefix(src, name+"/")) && len(name) > len(best) {
			best = name
		}
	}
	if best == "" {
		return absPath(filepath.FromSlash(src))
	}
	return filepath.Join(l.roots[best], filepath.FromSlash(strings.TrimPrefix(src, best)))
}

// sourceName is how an input path is named in reports and warnings:
// relative to the working directory when it lies inside it, else by its
// own base name, so the same corpus gives the same bytes wherever it is
// checked out and however it is named on the command line.
func sourceName(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if wd, err := os.Getwd(); err == nil {
		rel, err := filepath.Rel(wd, abs)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(abs)
}

func absPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return abs
}

// reportWarnings prints the warnings to stderr, summarised per kind unless
// --verbose, and under --strict fails when any is more than a note.
func (a *App) reportWarnings(o *inputOptions, warns []corpus.Warning, arts []corpus.Article) error {
	n := writeWarnings(a.Stderr, problems(warns, arts), o.verbose)
	if o.strict && n > 0 {
		return fmt.Errorf("%d warning(s) under --strict: %w", n, errWarnings)
	}
	return nil
}

// build loads the inputs and runs the whole pipeline.
func (a *App) build(ctx context.Context, o *inputOptions, paths []string) (*compare.Result, *loaded, error) {
	return a.buildStages(ctx, o, paths, func(ctx context.Context, p *compare.Pipeline) error {
		return p.Compare(ctx)
	})
}

// buildStages loads the inputs and runs the stages of the pipeline that
// run asks for, so that a command computes only what it shows.
func (a *App) buildStages(ctx context.Context, o *inputOptions, paths []string, run func(context.Context, *compare.Pipeline) error) (*compare.Result, *loaded, error) {
	l, err := a.load(ctx, o, paths)
	if err != nil {
		return nil, nil, err
	}
	if err := a.reportWarnings(o, l.warnings, l.articles); err != nil {
		return nil, nil, err
	}
	if len(l.articles) == 0 {
		return nil, nil, errors.New("no article could be read")
	}
	opts := compare.Options{
		Lexicon:        l.lexicon,
		Entities:       l.entities,
		Registry:       l.registry,
		DateWindowDays: o.window,
		EventThreshold: o.threshold,
		Workers:        o.workers,
		NoMarkers:      o.noMarkers,
		NoDistinctive:  o.noDistinctive,
	}
	bar := a.newProgress()
	if bar != nil {
		opts.Progress = bar.update
	}
	p, err := compare.NewPipeline(l.articles, opts)
	if err == nil {
		err = run(ctx, p)
	}
	bar.finish()
	if err != nil {
		return nil, nil, err
	}
	res := p.Result()
	for _, w := range l.warnings {
		res.Warnings = append(res.Warnings, w.String())
	}
	sort.Strings(res.Warnings)
	return res, l, nil
}

// insideAny reports whether path is one of roots or lies below one of them.
func insideAny(path string, roots []string) (string, bool) {
	for _, r := range roots {
		if path == r || strings.HasPrefix(path, r+string(filepath.Separator)) {
			return r, true
		}
	}
	return "", false
}
