package compare

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/yamlkeys"
)

// foreignNames holds data/names_languages.yaml: written forms of the
// gazetteer's names in other languages and scripts.
type foreignNames struct {
	words []foreignForm // word-initial forms, longest first
	han   []foreignForm // Chinese forms, matched anywhere, longest first
}

type foreignForm struct {
	form  string // folded
	name  string // canonical
	kind  entityKind
	event bool // an event noun, not a name
}

var foreignNameData = sync.OnceValue(func() *foreignNames {
	raw, err := dataFS.ReadFile("data/names_languages.yaml")
	if err != nil {
		panic(fmt.Sprintf("compare: embedded names: %v", err))
	}
	fn, err := parseForeignNames(raw)
	if err != nil {
		panic(fmt.Sprintf("compare: embedded names: %v", err))
	}
	return fn
})

func parseForeignNames(raw []byte) (*foreignNames, error) {
	var d struct {
		People map[string][]string `yaml:"people"`
		Places map[string][]string `yaml:"places"`
		Events map[string][]string `yaml:"events"`
	}
	if err := yamlkeys.Decode("data/names_languages.yaml", raw, &d); err != nil {
		return nil, fmt.Errorf("parse names: %w", err)
	}
	fn := &foreignNames{}
	add := func(m map[string][]string, kind entityKind, event bool) {
		for name, forms := range m {
			for _, f := range forms {
				ff := foreignForm{form: foldName(f), name: name, kind: kind, event: event}
				if ff.form == "" {
					return
				}
				if r := []rune(ff.form); corpus.IsHan(r[0]) {
					fn.han = append(fn.han, ff)
				} else {
					fn.words = append(fn.words, ff)
				}
			}
		}
	}
	add(d.People, kindPerson, false)
	add(d.Places, kindPlace, false)
	add(d.Events, kindOther, true)
	order := func(a, b foreignForm) int {
		if d := len(b.form) - len(a.form); d != 0 {
			return d
		}
		return strings.Compare(a.form, b.form)
	}
	slices.SortFunc(fn.words, order)
	slices.SortFunc(fn.han, order)
	return fn, nil
}

// foldName lower-cases s (Turkish dotted capitals to plain i), drops
// invisible format characters and Arabic short vowels, and folds
// Arabic-script letter variants.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cf, r), r >= 0x064B && r <= 0x0652, r == 0x0640:
			continue
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ى', 'ي':
			r = 'ی'
		case 'ك':
			r = 'ک'
		case 'ة':
			r = 'ه'
		case 'İ':
			r = 'i'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return strings.ReplaceAll(b.String(), "i̇", "i")
}

// arabicClitics are stripped, one at a time, from the front of a word
// before it is compared with the forms.
var arabicClitics = loadList("data/arabicclitics.txt")

// addForeignNames adds to f the names and event nouns of the gazetteer
// that an article in another language writes in its own script, as
// mentions (so labels name them) and entity keys (so event grouping
// compares them with other languages' articles). English articles, and
// articles of unknown language, are left as they are.
func addForeignNames(g *Entities, f *docFeatures) {
	lang := f.art.Language
	if lang == "" || lang == "en" {
		return
	}
	// The capitalised-phrase heuristics read English: in other languages
	// they take sentence openings and titles for names. Keep only the
	// gazetteer's names (Latin-script names such as Putin are found there).
	kept := f.mentions[:0]
	clear(f.ents)
	var people []string
	for _, m := range f.mentions {
		if _, ok := g.names[keyOf(m.Key)]; !ok {
			continue
		}
		kept = append(kept, m)
		f.ents[entityKey(g, m)]++
		if m.Kind == kindPerson {
			people = append(people, m.Key)
		}
	}
	f.mentions = kept
	fn := foreignNameData()
	text := f.text
	found := func(ff foreignForm, start, end int) {
		if ff.event {
			f.nouns = append(f.nouns, eventNoun{ff.name, start})
			return
		}
		m := mention{Start: start, End: end, Key: ff.name, Kind: ff.kind}
		f.mentions = append(f.mentions, m)
		f.ents[entityKey(g, m)]++
		if ff.kind == kindPerson {
			people = append(people, ff.name)
		}
	}
	corpus.ScriptWords(text, func(s, e int) {
		w := foldName(text[s:e])
		if r := []rune(w); len(r) > 0 && corpus.IsHan(r[0]) {
			return
		}
		cands := []string{w}
		for _, c := range arabicClitics {
			if rest, ok := strings.CutPrefix(w, c); ok && len(rest) > 0 {
				cands = append(cands, rest)
			}
		}
		for _, ff := range fn.words {
			for _, c := range cands {
				if strings.HasPrefix(c, ff.form) {
					found(ff, s, e)
					return
				}
			}
		}
	})
	if len(fn.han) > 0 && strings.ContainsFunc(text, corpus.IsHan) {
		taken := make([]bool, len(text))
		for _, ff := range fn.han {
			for i := 0; ; {
				k := strings.Index(text[i:], ff.form)
				if k < 0 {
					break
				}
				start, end := i+k, i+k+len(ff.form)
				if !slices.Contains(taken[start:end], true) {
					for j := start; j < end; j++ {
						taken[j] = true
					}
					found(ff, start, end)
				}
				i = end
			}
		}
	}
	slices.SortStableFunc(f.mentions, func(a, b mention) int { return a.Start - b.Start })
	slices.SortStableFunc(f.nouns, func(a, b eventNoun) int { return a.at - b.at })
	f.persons = newPersonSet(g, people)
}

// entityKey is m's key among an article's entities, as articleFeatures
// makes it: a person by surname, anything else lower-cased.
func entityKey(g *Entities, m mention) string {
	if m.Kind == kindPerson {
		if p, ok := parsePerson(g, m.Key); ok {
			return "person:" + p.surname
		}
	}
	return strings.ToLower(m.Key)
}

// crossLanguageCandidates returns candidate pairs for event grouping that
// MinHash cannot find: articles in different languages share no words,
// only names. Documents are bucketed by each named entity they mention;
// within a bucket, every document in a language other than English is
// paired with the others that keep accepts (the date window), and a
// bucket larger than maxBucket pairs neighbours only, as lshCandidates
// does. Pairs are sorted and without repeats.
func crossLanguageCandidates(docs []docFeatures, keep func(a, b int) bool) []pair {
	foreign := func(d *docFeatures) bool { return d.art.Language != "" && d.art.Language != "en" }
	any := false
	for i := range docs {
		if foreign(&docs[i]) {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	buckets := map[string][]int{}
	for i := range docs {
		for e := range docs[i].ents {
			buckets[e] = append(buckets[e], i)
		}
	}
	var out []pair
	add := func(a, b int) {
		if a > b {
			a, b = b, a
		}
		if a != b && (foreign(&docs[a]) || foreign(&docs[b])) && docs[a].art.Language != docs[b].art.Language && keep(a, b) {
			out = append(out, pair{a, b})
		}
	}
	for _, members := range buckets {
		slices.Sort(members)
		if len(members) > maxBucket {
			for i := 1; i < len(members); i++ {
				add(members[i-1], members[i])
			}
			continue
		}
		for i := range members {
			for j := i + 1; j < len(members); j++ {
				add(members[i], members[j])
			}
		}
	}
	slices.SortFunc(out, comparePairs)
	return slices.Compact(out)
}

func comparePairs(a, b pair) int {
	if a.A != b.A {
		return a.A - b.A
	}
	return a.B - b.B
}

// withCrossLanguage adds crossLanguageCandidates to the MinHash
// candidates, keeping them sorted and without repeats.
func withCrossLanguage(cands []pair, docs []docFeatures, keep func(a, b int) bool) []pair {
	extra := crossLanguageCandidates(docs, keep)
	if len(extra) == 0 {
		return cands
	}
	out := append(slices.Clone(cands), extra...)
	slices.SortFunc(out, comparePairs)
	return slices.Compact(out)
}
