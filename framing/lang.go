package framing

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/yamlkeys"
)

//go:embed data/lang/*.yaml
var langFiles embed.FS

// Language is the framing data of one language other than English: its
// terms for the default lexicon's axes and poles, how its words are
// reduced for matching and its stop words.
type Language struct {
	// Code is the ISO 639-1 code of the articles the terms apply to.
	Code string `json:"code"`
	Name string `json:"name"`
	// Stemming is "snowball", "affixes" or "none" (see data/lang/README.md).
	Stemming string   `json:"stemming"`
	MinStem  int      `json:"min_stem,omitempty"`
	Prefixes []string `json:"prefixes,omitempty"`
	Suffixes []string `json:"suffixes,omitempty"`
	// TermSuffixes are stripped once from each word of a term (affixes).
	TermSuffixes []string `json:"term_suffixes,omitempty"`
	// Stopwords are left out of distinctive terms.
	Stopwords []string `json:"stopwords,omitempty"`
	// Terms in file order: by axis, then pole, then as listed.
	Terms []LanguageTerm `json:"terms"`
}

// LanguageTerm is a term of one language on an axis and pole of the
// default lexicon.
type LanguageTerm struct {
	Axis  string `json:"axis"`
	Pole  string `json:"pole"`
	Text  string `json:"text"`
	Gloss string `json:"gloss"`
	Note  string `json:"note"`
	// Line is the term's line in its file.
	Line int `json:"-"`
}

type langFile struct {
	Language  string   `yaml:"language"`
	Name      string   `yaml:"name"`
	Stemming  string   `yaml:"stemming"`
	MinStem   int      `yaml:"min_stem"`
	Prefixes  []string `yaml:"prefixes"`
	Suffixes  []string `yaml:"suffixes"`
	TermSuff  []string `yaml:"term_suffixes"`
	Stopwords []string `yaml:"stopwords"`
	Axes      yaml.Node
}

type langTermYAML struct {
	Text  string `yaml:"text"`
	Gloss string `yaml:"gloss"`
	Note  string `yaml:"note"`
}

// ParseLanguage parses one language file (see data/lang/README.md). It
// checks the file's own consistency: known keys, a stemming mode, every
// term with text, gloss and note, no term twice in one pole. Whether its
// axes and poles exist is checked against a lexicon by Languages.
func ParseLanguage(name string, data []byte) (*Language, error) {
	var f langFile
	if err := yamlkeys.Decode(name, data, &f); err != nil {
		return nil, err
	}
	if f.Language == "" || f.Name == "" {
		return nil, fmt.Errorf("%s: language and name are required", name)
	}
	switch f.Stemming {
	case "snowball":
		if f.Language != "ru" {
			return nil, fmt.Errorf("%s: no Snowball stemmer for %q (have: ru)", name, f.Language)
		}
	case "affixes", "none":
	default:
		return nil, fmt.Errorf("%s: bad stemming %q: want snowball, affixes or none", name, f.Stemming)
	}
	l := &Language{
		Code: f.Language, Name: f.Name, Stemming: f.Stemming, MinStem: max(f.MinStem, 1),
		Prefixes: f.Prefixes, Suffixes: f.Suffixes, TermSuffixes: f.TermSuff, Stopwords: f.Stopwords,
	}
	axes := &f.Axes
	if axes.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: axes must map axis ids to poles", name, axes.Line)
	}
	for i := 0; i+1 < len(axes.Content); i += 2 {
		axis, poles := axes.Content[i].Value, axes.Content[i+1]
		if poles.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: axis %q must map pole ids to terms", name, poles.Line, axis)
		}
		for j := 0; j+1 < len(poles.Content); j += 2 {
			pole, terms := poles.Content[j].Value, poles.Content[j+1]
			if terms.Kind != yaml.SequenceNode || len(terms.Content) == 0 {
				return nil, fmt.Errorf("%s:%d: pole %q must list terms", name, terms.Line, pole)
			}
			seen := map[string]bool{}
			for _, tn := range terms.Content {
				var t langTermYAML
				if err := yamlkeys.CheckIn(name, tn, &t); err != nil {
					return nil, err
				}
				if err := tn.Decode(&t); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", name, tn.Line, err)
				}
				if t.Text == "" || t.Gloss == "" || t.Note == "" {
					return nil, fmt.Errorf("%s:%d: a term needs text, gloss and note", name, tn.Line)
				}
				if seen[t.Text] {
					return nil, fmt.Errorf("%s:%d: term %q repeated in pole %q", name, tn.Line, t.Text, pole)
				}
				seen[t.Text] = true
				l.Terms = append(l.Terms, LanguageTerm{Axis: axis, Pole: pole, Text: t.Text, Gloss: t.Gloss, Note: t.Note, Line: tn.Line})
			}
		}
	}
	return l, nil
}

var (
	langOnce sync.Once
	langAll  map[string]*Language
	langErr  error
)

// embeddedLanguages parses the embedded language files once.
func embeddedLanguages() (map[string]*Language, error) {
	langOnce.Do(func() {
		langAll = map[string]*Language{}
		names, _ := fs.Glob(langFiles, "data/lang/*.yaml")
		for _, n := range names {
			data, err := langFiles.ReadFile(n)
			if err == nil {
				var l *Language
				if l, err = ParseLanguage(path.Base(n), data); err == nil {
					langAll[l.Code] = l
					continue
				}
			}
			langErr = err
			return
		}
	})
	return langAll, langErr
}

// Languages returns the embedded languages' terms that fall on lex's axes
// and poles, by code, sorted by code; terms on axes or poles lex does not
// have are left out. A language left with no terms is left out.
func Languages(lex *Lexicon) []*Language {
	all, err := embeddedLanguages()
	if err != nil {
		// The package's tests parse every embedded file.
		panic(fmt.Sprintf("framing: embedded language data: %v", err))
	}
	codes := make([]string, 0, len(all))
	for c := range all {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	var out []*Language
	for _, c := range codes {
		l := *all[c]
		l.Terms = nil
		for _, t := range all[c].Terms {
			if _, ok := lex.Pole(t.Axis, t.Pole); ok {
				l.Terms = append(l.Terms, t)
			}
		}
		if len(l.Terms) > 0 {
			out = append(out, &l)
		}
	}
	return out
}

// HasLanguage reports whether articles in language code have terms to be
// matched with lex: English (the lexicon's own language, also assumed for
// articles of unknown language) or a language with embedded terms on lex's
// axes.
func HasLanguage(lex *Lexicon, code string) bool {
	if code == "" || code == "en" {
		return true
	}
	for _, l := range Languages(lex) {
		if l.Code == code {
			return true
		}
	}
	return false
}

// languageStops returns the stop words of language code as keys (see
// langKey), or nil when the language has no embedded data.
func languageStops(code string) map[string]bool {
	all, err := embeddedLanguages()
	if err != nil || all[code] == nil {
		return nil
	}
	set := map[string]bool{}
	for _, w := range all[code].Stopwords {
		set[langKey(code, strings.TrimSpace(w))] = true
	}
	return set
}

// articleLanguageStops returns the stop words of a's language when it is
// not English and has embedded data, else nil.
func articleLanguageStops(a *corpus.Article) map[string]bool {
	if a.Language != "" && a.Language != "en" {
		return languageStops(a.Language)
	}
	return nil
}

// hasLanguageStops reports whether articleContentWords reads a by its
// language's data rather than as English.
func hasLanguageStops(a *corpus.Article) bool { return articleLanguageStops(a) != nil }

// articleContentWords returns a's content words: for a language with
// embedded data, its words (Chinese split by the segmenter) as keys,
// without that language's stop words; otherwise contentWords of its text.
func articleContentWords(a *corpus.Article, stop map[string]bool, abbr map[string]string, capital map[string]int) []string {
	ls := articleLanguageStops(a)
	if ls == nil {
		return contentWords(a.Text, stop, abbr, capital)
	}
	var ws []string
	corpus.ScriptWords(a.Text, func(s, e int) {
		k := langKey(a.Language, a.Text[s:e])
		if ls[k] || stop[k] || !strings.ContainsFunc(k, unicode.IsLetter) || utf8.RuneCountInString(k) < 2 {
			return
		}
		ws = append(ws, k)
	})
	return ws
}

// languageScope is the suffix of a's distinctive-term scopes: "" for
// English or unknown language, else "/" and the language code. Outlets
// writing in different languages share no words, so comparing their
// vocabularies would list every word of one language as distinctive.
func languageScope(a *corpus.Article) string {
	if a.Language == "" || a.Language == "en" {
		return ""
	}
	return "/" + a.Language
}
