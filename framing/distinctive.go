package framing

import (
	"bufio"
	"bytes"
	_ "embed"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
)

//go:embed data/stopwords.txt
var stopwordsTxt []byte

//go:embed data/abbreviations.txt
var abbreviationsTxt []byte

// Abbreviations returns the embedded house-style abbreviations that
// distinctive terms fold into their full words ("rep" → "representative").
func Abbreviations() map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(abbreviationsTxt))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		m[f[0]] = f[1]
	}
	return m
}

// Stopwords returns the embedded list of function words that distinctive
// terms leave out, as a set of lower-case words.
func Stopwords() map[string]bool {
	set := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(stopwordsTxt))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		set[w] = true
	}
	return set
}

// DistinctiveOptions tune Distinctive. Zero values take the defaults.
type DistinctiveOptions struct {
	// PriorScale sets the informative Dirichlet prior: α_w = PriorScale ×
	// (count of w in the scope), α0 = PriorScale × (words in the scope).
	// Default 1: the scope's pooled counts are the prior.
	PriorScale float64
	// TopN is how many terms to keep per outlet per scope, by |z|.
	// Default 20.
	TopN int
	// MinCount leaves out words occurring fewer times in the scope.
	// Default 2.
	MinCount int
	// Tables, when not nil, holds a table of each article's text (NewTable),
	// by the articles' index, so that its words are not found again; an
	// article without one is tokenised.
	Tables []*Table
}

func (o DistinctiveOptions) withDefaults() DistinctiveOptions {
	if o.PriorScale <= 0 {
		o.PriorScale = 1
	}
	if o.TopN <= 0 {
		o.TopN = 20
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	return o
}

// Distinctive returns the words each outlet uses distinctively compared
// with the other outlets, with the default options. See DistinctiveWith.
func Distinctive(articles []corpus.Article, lex *Lexicon, eventOf map[string]string) []DistinctiveTerm {
	return DistinctiveWith(articles, lex, eventOf, DistinctiveOptions{})
}

// DistinctiveWith scores every content word of each outlet against the
// pooled words of the other outlets in the same scope by the weighted
// log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
// Quinn, "Fightin' Words", 2008, eqs. 16 and 20):
//
//	δ_w = log((y_iw+α_w)/(n_i+α0−y_iw−α_w)) − log((y_jw+α_w)/(n_j+α0−y_jw−α_w))
//	σ²  ≈ 1/(y_iw+α_w) + 1/(y_jw+α_w),   z = δ_w/σ
//
// where i is the outlet, j the rest. Scopes are the whole corpus ("corpus")
// and each event of eventOf with at least two outlets; words of articles in
// a language other than English are compared only with the same
// language's, in scopes named with the language code after a slash
// ("corpus/ar", "EVENT/ar"); a scope with fewer
// than two outlets is skipped, as are articles without an outlet. Words
// are Tokenize's Lower forms that hold a letter and are not stop words
// (Stopwords). For each scope and outlet the TopN words by |z| are kept,
// sorted by |z| descending then word; scopes come "corpus" first then by
// event id, outlets by name.
//
// House style is folded first: a dotted acronym counts without its dots
// ("F.B.I." is "fbi") and an abbreviation of Abbreviations as its full word
// ("Rep." is "representative"). Suggested marks the words worth adding to
// a lexicon: used significantly more by the outlet (z > 1.96), matched by
// no single-word lexicon term (lex may be nil), and not a name or title
// (a word written with a capital in at least 80% of its uses in the
// corpus, as "Trump", "Representative" and "FBI" are).
func DistinctiveWith(articles []corpus.Article, lex *Lexicon, eventOf map[string]string, opt DistinctiveOptions) []DistinctiveTerm {
	opt = opt.withDefaults()
	stop := Stopwords()
	abbr := Abbreviations()
	capital := map[string]int{}
	// Words are numbered in the order first read (articles are read in
	// order, so the numbers are the same every run) and counted by number:
	// one string lookup a word instead of one for each count it adds to.
	dict := map[string]int32{}
	var words []string
	var uses []int
	// scope → outlet → counts by word number
	counts := map[string]map[string]*wordCounts{}
	add := func(scope, outlet string, ids []int32) {
		byOutlet := counts[scope]
		if byOutlet == nil {
			byOutlet = map[string]*wordCounts{}
			counts[scope] = byOutlet
		}
		c := byOutlet[outlet]
		if c == nil {
			// The corpus scopes hold most words: dense counts; an event's
			// words are few.
			c = &wordCounts{dense: strings.HasPrefix(scope, "corpus")}
			byOutlet[outlet] = c
		}
		c.add(ids)
	}
	number := func(w string) int32 {
		id, ok := dict[w]
		if !ok {
			id = int32(len(words))
			dict[w] = id
			words = append(words, w)
			uses = append(uses, 0)
		}
		return id
	}
	// A word's number, or -1 when it is no content word, by its key as a
	// table gives it (Tokenize's Lower): whether a word counts, and as
	// which, depends on its key alone (contentWords), so each key is folded
	// once; only the count of capitals reads the word as written.
	byKey := map[string]int32{}
	var capitalByNumber []int // as capital, for the words read through byKey
	var ids []int32
	for i := range articles {
		a := &articles[i]
		if a.Outlet == "" {
			continue
		}
		var t *Table
		if i < len(opt.Tables) {
			t = opt.Tables[i]
		}
		ids = ids[:0]
		if t != nil && !hasLanguageStops(a) {
			t.each(a.Text, func(start, end int, key string, _ bool) {
				id, ok := byKey[key]
				if !ok {
					id = -1
					if ws := appendContentWord(nil, key, key, abbr, stop, nil); len(ws) == 1 {
						id = number(ws[0])
					}
					byKey[key] = id
				}
				if id < 0 {
					return
				}
				if startsUpper(a.Text[start:end]) {
					if int(id) >= len(capitalByNumber) {
						capitalByNumber = append(capitalByNumber, make([]int, int(id)+1-len(capitalByNumber))...)
					}
					capitalByNumber[id]++
				}
				ids = append(ids, id)
			})
		} else {
			for _, w := range articleContentWords(a, stop, abbr, capital) {
				ids = append(ids, number(w))
			}
		}
		for _, id := range ids {
			uses[id]++
		}
		sfx := languageScope(a)
		add("corpus"+sfx, a.Outlet, ids)
		if ev := eventOf[a.ID]; ev != "" {
			add(ev+sfx, a.Outlet, ids)
		}
	}
	lexWord := func(string) bool { return false }
	if lex != nil {
		lexWord = lexiconWords(lex)
	}
	known := func(w string) bool {
		id := dict[w]
		c := capital[w]
		if int(id) < len(capitalByNumber) {
			c += capitalByNumber[id]
		}
		return lexWord(w) || c*5 >= uses[id]*4
	}
	scopes := make([]string, 0, len(counts))
	for s := range counts {
		if s != "corpus" {
			scopes = append(scopes, s)
		}
	}
	slices.Sort(scopes)
	if _, ok := counts["corpus"]; ok {
		scopes = append([]string{"corpus"}, scopes...)
	}
	var out []DistinctiveTerm
	for _, scope := range scopes {
		out = append(out, scoreScope(scope, counts[scope], words, opt, known)...)
	}
	return out
}

// contentWords returns the lower-cased content words of text, house style
// folded (dotted acronyms without dots, abbreviations as full words), and
// counts in capital the words written with a capital first letter. Words
// are Tokenize's, by their Lower keys; a key is made as a string only for
// a word that is kept.
func contentWords(text string, stop map[string]bool, abbr map[string]string, capital map[string]int) []string {
	ws := make([]string, 0, len(text)/12+1)
	var buf []byte
	scanWords(text, func(start, end int) {
		t := text[start:end]
		w := t
		if !isPlainLower(t) {
			buf = appendKey(buf[:0], t)
			if string(buf) != t {
				if stop[string(buf)] && !slices.Contains(buf, '.') {
					if _, ok := abbr[string(buf)]; !ok {
						return // a stop word, kept out as below
					}
				}
				w = string(buf)
			}
		}
		ws = appendContentWord(ws, t, w, abbr, stop, capital)
	})
	return ws
}

// appendContentWord appends w, the key of the word t, to ws when it is a
// content word, folded as contentWords says.
func appendContentWord(ws []string, t, w string, abbr map[string]string, stop map[string]bool, capital map[string]int) []string {
	if strings.Contains(w, ".") {
		w = strings.ReplaceAll(w, ".", "")
	}
	if full, ok := abbr[w]; ok {
		w = full
	}
	if stop[w] || !strings.ContainsFunc(w, unicode.IsLetter) {
		return ws
	}
	if utf8.RuneCountInString(w) < 2 {
		return ws
	}
	if capital != nil && startsUpper(t) {
		capital[w]++
	}
	return append(ws, w)
}

// startsUpper reports whether t begins with an upper-case letter.
func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// lexiconWords returns a test for words that a single-word term matches.
func lexiconWords(lex *Lexicon) func(string) bool {
	stems, exact := map[string]bool{}, map[string]bool{}
	for _, ax := range lex.Axes {
		for _, p := range ax.Poles {
			for _, t := range p.Terms {
				keys := termTokenKeys(t)
				if len(keys) != 1 {
					continue
				}
				if t.Exact {
					exact[strings.ToLower(keys[0])] = true
				} else {
					stems[keys[0]] = true
				}
			}
		}
	}
	return func(w string) bool { return exact[w] || stems[Stem(w)] }
}

// wordCounts counts words by number (DistinctiveWith's numbering): in a
// slice indexed by number when dense, else in a map.
type wordCounts struct {
	dense  bool
	counts []int32
	sparse map[int32]int32
}

func (c *wordCounts) add(ids []int32) {
	if c.dense {
		for _, id := range ids {
			if int(id) >= len(c.counts) {
				c.counts = append(c.counts, make([]int32, int(id)+1-len(c.counts))...)
			}
			c.counts[id]++
		}
		return
	}
	if c.sparse == nil {
		c.sparse = make(map[int32]int32, len(ids))
	}
	for _, id := range ids {
		c.sparse[id]++
	}
}

// each calls fn with every counted word's number and count.
func (c *wordCounts) each(fn func(id, k int32)) {
	if c.dense {
		for id, k := range c.counts {
			if k > 0 {
				fn(int32(id), k)
			}
		}
		return
	}
	for id, k := range c.sparse {
		fn(id, k)
	}
}

// scoreScope scores the words of one scope, counted by outlet; words
// names each word number.
func scoreScope(scope string, byOutlet map[string]*wordCounts, words []string, opt DistinctiveOptions, known func(string) bool) []DistinctiveTerm {
	if len(byOutlet) < 2 {
		return nil
	}
	outlets := make([]string, 0, len(byOutlet))
	total := map[int32]int{}
	n := 0
	nOf := map[string]int{}
	for o, c := range byOutlet {
		outlets = append(outlets, o)
		c.each(func(id, k int32) {
			total[id] += int(k)
			n += int(k)
			nOf[o] += int(k)
		})
	}
	slices.Sort(outlets)
	vocabIDs := make([]int32, 0, len(total))
	for id, k := range total {
		if k >= opt.MinCount {
			vocabIDs = append(vocabIDs, id)
		}
	}
	slices.SortFunc(vocabIDs, func(a, b int32) int { return strings.Compare(words[a], words[b]) })
	vocab := make([]string, len(vocabIDs))
	index := make(map[int32]int32, len(vocab))
	tot := make([]float64, len(vocab))
	for v, id := range vocabIDs {
		vocab[v] = words[id]
		index[id] = int32(v)
		tot[v] = float64(total[id])
	}
	// Every word of the vocabulary is scored for every outlet, but only
	// TopN are kept: the outlet's counts are spread into a dense array
	// (cleared after) and the best kept in a small sorted list, so that a
	// scope costs its vocabulary times its outlets in arithmetic alone.
	yOf := make([]int32, len(vocab))
	var used []int32
	a0 := opt.PriorScale * float64(n)
	top := make([]scored, 0, opt.TopN+1)
	var out []DistinctiveTerm
	for _, o := range outlets {
		used = used[:0]
		byOutlet[o].each(func(id, k int32) {
			if v, ok := index[id]; ok {
				yOf[v] = k
				used = append(used, v)
			}
		})
		ni := float64(nOf[o])
		nj := float64(n) - ni
		top = top[:0]
		for v := range vocab {
			yi := float64(yOf[v])
			yj := tot[v] - yi
			aw := opt.PriorScale * tot[v]
			z := logOddsZ(yi, yj, ni, nj, aw, a0)
			abs := math.Abs(z)
			if math.IsNaN(z) {
				abs = -1 // after every number, as cmp.Compare orders NaN
			}
			top = keepTop(top, scored{v: int32(v), z: z, abs: abs}, opt.TopN)
		}
		for _, s := range top {
			w := vocab[s.v]
			out = append(out, DistinctiveTerm{
				Scope: scope, Outlet: o, Term: w, Z: s.z, Count: int(yOf[s.v]),
				Suggested: s.z > 1.96 && !known(w),
			})
		}
		for _, v := range used {
			yOf[v] = 0
		}
	}
	return out
}

// scored is one word of a scope's vocabulary (by index, the vocabulary
// sorted) with its z-score for an outlet.
type scored struct {
	v      int32
	z, abs float64
}

// keepTop inserts s into top, which holds at most n entries sorted by |z|
// descending then word, and drops the last entry beyond n. Words arrive in
// vocabulary order, so one that ties the last kept |z| comes after it.
func keepTop(top []scored, s scored, n int) []scored {
	if len(top) == n && !(s.abs > top[n-1].abs) {
		return top
	}
	k := len(top)
	for k > 0 && s.abs > top[k-1].abs {
		k--
	}
	top = slices.Insert(top, k, s)
	if len(top) > n {
		top = top[:n]
	}
	return top
}

// logOddsZ is the z-score of the weighted log-odds ratio of a word with
// counts yi and yj in groups of ni and nj words, prior αw of total α0.
func logOddsZ(yi, yj, ni, nj, aw, a0 float64) float64 {
	d := math.Log((yi+aw)/(ni+a0-yi-aw)) - math.Log((yj+aw)/(nj+a0-yj-aw))
	v := 1/(yi+aw) + 1/(yj+aw)
	return d / math.Sqrt(v)
}
