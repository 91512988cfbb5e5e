package framing

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/synth"
)

// scoreScopeSorted is scoreScope as first written: every word scored and
// sorted, then the first TopN kept. scoreScope must return the same.
func scoreScopeSorted(scope string, byOutlet map[string]map[string]int, opt DistinctiveOptions, known func(string) bool) []DistinctiveTerm {
	if len(byOutlet) < 2 {
		return nil
	}
	var outlets []string
	total := map[string]int{}
	nOf := map[string]int{}
	n := 0
	for o, c := range byOutlet {
		outlets = append(outlets, o)
		for w, k := range c {
			total[w] += k
			n += k
			nOf[o] += k
		}
	}
	slices.Sort(outlets)
	var vocab []string
	for w, k := range total {
		if k >= opt.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.Sort(vocab)
	a0 := opt.PriorScale * float64(n)
	var out []DistinctiveTerm
	for _, o := range outlets {
		ni := float64(nOf[o])
		nj := float64(n) - ni
		var terms []DistinctiveTerm
		for _, w := range vocab {
			yi := float64(byOutlet[o][w])
			yj := float64(total[w]) - yi
			z := logOddsZ(yi, yj, ni, nj, opt.PriorScale*float64(total[w]), a0)
			terms = append(terms, DistinctiveTerm{Scope: scope, Outlet: o, Term: w, Z: z, Count: int(yi), Suggested: z > 1.96 && !known(w)})
		}
		slices.SortFunc(terms, func(a, b DistinctiveTerm) int {
			return cmp.Or(cmp.Compare(math.Abs(b.Z), math.Abs(a.Z)), cmp.Compare(a.Term, b.Term))
		})
		out = append(out, terms[:min(len(terms), opt.TopN)]...)
	}
	return out
}

// scoreScopeStrings is scoreScope over counts by word, numbering the
// words in a shuffled order so that no result can follow the numbers.
func scoreScopeStrings(scope string, byOutlet map[string]map[string]int, dense bool, opt DistinctiveOptions, known func(string) bool) []DistinctiveTerm {
	var words []string
	for _, c := range byOutlet {
		for w := range c {
			if !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
	}
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	counts := map[string]*wordCounts{}
	for o, c := range byOutlet {
		wc := &wordCounts{dense: dense}
		for id, w := range words {
			for range c[w] {
				wc.add([]int32{int32(id)})
			}
		}
		counts[o] = wc
	}
	return scoreScope(scope, counts, words, opt, known)
}

func TestScoreScopeKeepsTopN(t *testing.T) {
	known := func(w string) bool { return len(w)%3 == 0 }
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		outlets := 2 + rng.IntN(6)
		words := 1 + rng.IntN(200)
		byOutlet := map[string]map[string]int{}
		for o := range outlets {
			c := map[string]int{}
			for range rng.IntN(3 * words) {
				// Few distinct counts, so that many words tie on |z|.
				c[fmt.Sprintf("w%03d", rng.IntN(words))] += 1 + rng.IntN(2)
			}
			byOutlet[fmt.Sprintf("o%d", o)] = c
		}
		opt := DistinctiveOptions{TopN: 1 + rng.IntN(25), MinCount: 1 + rng.IntN(3), PriorScale: []float64{0.5, 1, 2}[rng.IntN(3)]}
		got := scoreScopeStrings("s", byOutlet, trial%2 == 0, opt, known)
		want := scoreScopeSorted("s", byOutlet, opt, known)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (%d outlets, %d words, %+v):\n got %v\nwant %v", trial, outlets, words, opt, got, want)
		}
	}
	// One word in the whole scope: the log-odds are not finite.
	byOutlet := map[string]map[string]int{"a": {"x": 2}, "b": {"x": 3}}
	opt := DistinctiveOptions{}.withDefaults()
	got, want := scoreScopeStrings("s", byOutlet, false, opt, known), scoreScopeSorted("s", byOutlet, opt, known)
	if len(got) != len(want) {
		t.Fatalf("one word: got %v, want %v", got, want)
	}
	for k := range got {
		g, w := got[k], want[k]
		if g.Term != w.Term || g.Outlet != w.Outlet || g.Count != w.Count || !(g.Z == w.Z || math.IsNaN(g.Z) && math.IsNaN(w.Z)) {
			t.Fatalf("one word: got %v, want %v", got, want)
		}
	}
}

// contentWordsOfTokens is contentWords over Tokenize's tokens, as first
// written; contentWords must return the same.
func contentWordsOfTokens(text string, stop map[string]bool, abbr map[string]string, capital map[string]int) []string {
	var ws []string
	for _, t := range Tokenize(text) {
		w := strings.ReplaceAll(t.Lower, ".", "")
		if full, ok := abbr[w]; ok {
			w = full
		}
		if stop[w] || !strings.ContainsFunc(w, unicode.IsLetter) || len([]rune(w)) < 2 {
			continue
		}
		if r := []rune(t.Text)[0]; unicode.IsUpper(r) {
			capital[w]++
		}
		ws = append(ws, w)
	}
	return ws
}

func TestContentWords(t *testing.T) {
	stop, abbr := Stopwords(), Abbreviations()
	texts := []string{
		"The F.B.I. said Rep. Smith's aide, THE Aide, met Gov. O’Neil's staff. A U.S. e.g. I i.e. Sen. x Ü Über über 3.5 The THE",
		"Mr. Al-Assad’s regime: «Die Regierung» sagt, ÉTAT, état; don't Don’t it's It's 'quoted' Ωmega ωmega",
	}
	texts = append(texts, articleTexts(t)...)
	for _, text := range texts {
		c1, c2 := map[string]int{}, map[string]int{}
		got, want := contentWords(text, stop, abbr, c1), contentWordsOfTokens(text, stop, abbr, c2)
		if !slices.Equal(got, want) {
			t.Fatalf("%.60q:\n got %q\nwant %q", text, got, want)
		}
		if !maps.Equal(c1, c2) {
			t.Fatalf("%.60q: capitals %v, want %v", text, c1, c2)
		}
	}
}

// articleTexts returns the texts of 200 generated articles and, when
// ../../shared/data is present, of PolNeAR's real ones.
func articleTexts(t *testing.T) []string {
	t.Helper()
	r := corpus.NewReader()
	var out []string
	for _, d := range synth.Generate(200, 1) {
		as, _ := r.Read(d.ID+".txt", synth.Text(d))
		for _, a := range as {
			out = append(out, a.Text)
		}
	}
	path := "../../shared/data/quotes-polnear-train.jsonl"
	if data, err := os.ReadFile(path); err == nil {
		as, _ := r.Read(path, data)
		for _, a := range as {
			out = append(out, a.Title+"\n\n"+a.Text)
		}
	}
	return out
}
