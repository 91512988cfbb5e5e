package main

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/framediff/framediff/corpus"
)

// warningsShown is how many files a summarised warning kind names before
// "and N more".
const warningsShown = 3

var (
	quotedValue = regexp.MustCompile(`"[^"]*"|“[^”]*”`)
	number      = regexp.MustCompile(`[0-9][0-9,.]*`)
)

// warningKind folds a warning's reason into its kind: quoted values and
// numbers are replaced, so `outlet "A" is not in the registry` and
// `outlet "B" is not in the registry` are one kind.
func warningKind(reason string) string {
	k := quotedValue.ReplaceAllString(reason, `"…"`)
	return number.ReplaceAllString(k, "N")
}

// isNote reports whether a warning kind is a note: worth saying, but not a
// problem with the input, so it does not fail --strict. An outlet missing
// from the registry is still read and reported under its given name, or
// under the spelling most articles give it.
func isNote(kind string) bool {
	return strings.Contains(kind, "is not in the registry") || strings.Contains(kind, "its spelling in most articles")
}

// inputProblem is one warning about one input: a file or an article.
type inputProblem struct {
	where, reason string
}

// problems lists every warning, of the corpus and of each article.
func problems(warns []corpus.Warning, arts []corpus.Article) []inputProblem {
	var out []inputProblem
	for _, w := range warns {
		where := w.File
		if w.Line > 0 {
			where = fmt.Sprintf("%s:%d", w.File, w.Line)
		}
		out = append(out, inputProblem{where, w.Reason})
	}
	for _, a := range arts {
		for _, w := range a.Warnings {
			out = append(out, inputProblem{a.Source, w})
		}
	}
	return out
}

// writeWarnings prints the warnings to w: every one when verbose or when a
// kind has few, else one line per kind with a count and the first files.
// It returns how many are warnings rather than notes.
func writeWarnings(w io.Writer, ps []inputProblem, verbose bool) int {
	byKind := map[string][]inputProblem{}
	var kinds []string
	for _, p := range ps {
		k := warningKind(p.reason)
		if byKind[k] == nil {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], p)
	}
	sort.Strings(kinds)
	n := 0
	for _, k := range kinds {
		list := byKind[k]
		label := "warning"
		if isNote(k) {
			label = "note"
		} else {
			n += len(list)
		}
		if verbose || len(list) <= warningsShown+1 {
			for _, p := range list {
				fmt.Fprintf(w, "%s: %s: %s\n", label, p.where, p.reason)
			}
			continue
		}
		var where []string
		for _, p := range list[:warningsShown] {
			where = append(where, p.where)
		}
		fmt.Fprintf(w, "%s: %d inputs: %s: %s and %d more (--verbose lists all)\n",
			label, len(list), k, strings.Join(where, ", "), len(list)-warningsShown)
	}
	return n
}
