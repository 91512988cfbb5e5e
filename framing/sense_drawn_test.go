package framing

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/framediff/framediff/corpus"
)

// drawnCase is one labelled candidate of a drawn sample
// (testdata/sense_dev_*.tsv, testdata/sense_heldout.tsv).
type drawnCase struct {
	inSense          bool
	stratum          string // "counted" or "rejected" by the lexicon it was drawn with
	article, term    string
	offset           int    // of the match in the article's text
	match            string // the matched words
	text             string // the sentence, marks removed
	start, end, line int    // the match in text
}

// drawnSample is a sample drawn at random from each stratum of the
// candidates: population holds each stratum's size, drawn how many of it
// the sample holds.
type drawnSample struct {
	name              string
	population, drawn map[string]int
	cases             []drawnCase
}

// weight is how many candidates of the population c stands for.
func (s *drawnSample) weight(c drawnCase) float64 {
	return float64(s.population[c.stratum]) / float64(s.drawn[c.stratum])
}

func readDrawnSample(t *testing.T, name string) *drawnSample {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := &drawnSample{name: name, population: map[string]int{}, drawn: map[string]int{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "population" {
			for k := 1; k+1 < len(f); k += 2 {
				v, err := strconv.Atoi(f[k+1])
				if err != nil {
					t.Fatalf("%s:%d: population of %s: %v", name, n, f[k], err)
				}
				s.population[f[k]] = v
			}
			continue
		}
		if len(f) != 6 || (f[0] != "0" && f[0] != "1") || (f[1] != "counted" && f[1] != "rejected") {
			t.Fatalf("%s:%d: want label, stratum, article, offset, term, sentence", name, n)
		}
		off, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("%s:%d: offset: %v", name, n, err)
		}
		i, j := strings.Index(f[5], "[["), strings.Index(f[5], "]]")
		if i < 0 || j < i {
			t.Fatalf("%s:%d: no [[match]]", name, n)
		}
		c := drawnCase{inSense: f[0] == "1", stratum: f[1], article: f[2], offset: off, term: f[4],
			match: f[5][i+2 : j], text: f[5][:i] + f[5][i+2:j] + f[5][j+2:], start: i, end: j - 2, line: n}
		s.cases = append(s.cases, c)
		s.drawn[c.stratum]++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for k := range s.drawn {
		if s.population[k] < s.drawn[k] {
			t.Fatalf("%s: %d drawn from stratum %q of %d", name, s.drawn[k], k, s.population[k])
		}
	}
	return s
}

// senseScore is how a lexicon's hits meet the labels of a drawn sample:
// raw counts of drawn candidates, and the same weighted by the share of
// the population each stands for.
type senseScore struct {
	tp, fp, fn    int
	wtp, wfp, wfn float64
}

func (s *senseScore) add(counted, inSense bool, w float64) {
	switch {
	case counted && inSense:
		s.tp++
		s.wtp += w
	case counted:
		s.fp++
		s.wfp += w
	case inSense:
		s.fn++
		s.wfn += w
	}
}

// merge adds o's counts to s.
func (s *senseScore) merge(o senseScore) {
	s.tp, s.fp, s.fn = s.tp+o.tp, s.fp+o.fp, s.fn+o.fn
	s.wtp, s.wfp, s.wfn = s.wtp+o.wtp, s.wfp+o.wfp, s.wfn+o.wfn
}

func (s senseScore) precision() float64 { return s.wtp / max(1e-9, s.wtp+s.wfp) }
func (s senseScore) recall() float64    { return s.wtp / max(1e-9, s.wtp+s.wfn) }

// scoreSentences matches each sentence of the sample on its own.
func scoreSentences(t *testing.T, m *Matcher, s *drawnSample) senseScore {
	var sc senseScore
	for _, c := range s.cases {
		counted := false
		for _, h := range m.Match(article(c.article, c.text)) {
			counted = counted || h.Start <= c.start && c.start < h.End
		}
		sc.add(counted, c.inSense, s.weight(c))
		logMiss(t, s, c, counted)
	}
	return sc
}

// scoreArticles matches each candidate in its whole article, as a report
// reads it; ok is false when ../shared/data is absent.
func scoreArticles(t *testing.T, m *Matcher, s *drawnSample) (sc senseScore, ok bool) {
	arts, ok := sharedArticles(t)
	if !ok {
		return sc, false
	}
	counted := map[string]map[int]bool{}
	for _, c := range s.cases {
		a := arts[c.article]
		if a == nil {
			t.Fatalf("%s:%d: no article %s in ../shared/data", s.name, c.line, c.article)
		}
		if c.offset+len(c.match) > len(a.Text) || a.Text[c.offset:c.offset+len(c.match)] != c.match {
			t.Fatalf("%s:%d: %s has no %q at %d", s.name, c.line, c.article, c.match, c.offset)
		}
		if counted[c.article] == nil {
			counted[c.article] = map[int]bool{}
			for _, h := range m.Match(a) {
				for k := h.Start; k < h.End; k++ {
					counted[c.article][k] = true
				}
			}
		}
		got := counted[c.article][c.offset]
		sc.add(got, c.inSense, s.weight(c))
		logMiss(t, s, c, got)
	}
	return sc, true
}

func logMiss(t *testing.T, s *drawnSample, c drawnCase, counted bool) {
	if counted == c.inSense {
		return
	}
	what := "missed in sense"
	if counted {
		what = "counted out of sense"
	}
	t.Logf("%s:%d: %s: %s: %s[[%s]]%s", s.name, c.line, what, c.term, c.text[:c.start], c.text[c.start:c.end], c.text[c.end:])
}

var (
	sharedArtsOnce sync.Once
	sharedArts     map[string]*corpus.Article
	sharedArtsErr  error
)

// sharedArticles returns the articles of ../shared/data by id, or false
// when the data is absent.
func sharedArticles(t *testing.T) (map[string]*corpus.Article, bool) {
	sharedArtsOnce.Do(func() {
		out := map[string]*corpus.Article{}
		for _, name := range []string{"events-newswcl50.jsonl", "events-pac-dev.jsonl", "quotes-polnear-train.jsonl", "loaded-ptc-train.jsonl"} {
			f, err := os.Open(filepath.Join(sharedDataDir, name))
			if err != nil {
				sharedArtsErr = err
				return
			}
			arts, _ := corpus.NewReader().ReadJSONL(name, f)
			f.Close()
			for i := range arts {
				out[arts[i].ID] = &arts[i]
			}
		}
		sharedArts = out
	})
	if errors.Is(sharedArtsErr, fs.ErrNotExist) {
		return nil, false
	}
	if sharedArtsErr != nil {
		t.Fatal(sharedArtsErr)
	}
	return sharedArts, true
}

// senseFloors are the least precision and recall a drawn sample must show,
// in whole articles and with each sentence alone. A sentence alone lacks
// its article, whose topic some conditions read ("attack" in an article
// about a shooting), so its recall is a floor under the article's.
type senseFloors struct {
	articleP, articleR, sentenceP, sentenceR float64
}

// checkDrawn reports the default lexicon's precision and recall on drawn
// samples, each sentence alone and in its article, and fails below floors.
// Several samples drawn from disjoint candidates are pooled: each weighs
// its candidates by its own population, so the weighted counts add.
func checkDrawn(t *testing.T, minCounted int, floors senseFloors, names ...string) {
	m := NewMatcher(DefaultLexicon())
	var sentences, articles senseScore
	counted, drawn, inArticles := 0, 0, true
	for _, name := range names {
		s := readDrawnSample(t, name)
		counted += s.drawn["counted"]
		drawn += len(s.cases)
		sc := scoreSentences(t, m, s)
		sentences.merge(sc)
		logScore(t, name+", each sentence alone", sc, len(s.cases))
		if sc, ok := scoreArticles(t, m, s); ok {
			articles.merge(sc)
			logScore(t, name+", in its article", sc, len(s.cases))
		} else {
			inArticles = false
			t.Logf("no ../shared/data: %s not read in its articles", name)
		}
	}
	if counted < minCounted {
		t.Fatalf("%s: %d candidates drawn from those counted, want at least %d", strings.Join(names, ", "), counted, minCounted)
	}
	check := func(how string, sc senseScore, minP, minR float64) {
		if len(names) > 1 {
			logScore(t, "pooled, "+how, sc, drawn)
		}
		if p := sc.precision(); p < minP {
			t.Errorf("%s, %s: precision %.3f, want >= %.2f", strings.Join(names, ", "), how, p, minP)
		}
		if r := sc.recall(); r < minR {
			t.Errorf("%s, %s: recall %.3f, want >= %.2f", strings.Join(names, ", "), how, r, minR)
		}
	}
	check("each sentence alone", sentences, floors.sentenceP, floors.sentenceR)
	if inArticles {
		check("in its article", articles, floors.articleP, floors.articleR)
	}
}

func logScore(t *testing.T, what string, sc senseScore, drawn int) {
	t.Logf("%s: %d counted in sense, %d counted out of sense, %d missed (of %d drawn); weighted by stratum: precision %.3f, recall %.3f",
		what, sc.tp, sc.fp, sc.fn, drawn, sc.precision(), sc.recall())
}

// TestSenseDev measures the default lexicon on the candidates its sense
// conditions were developed against, and checks that they still hold
// there.
func TestSenseDev(t *testing.T) {
	for _, name := range []string{"sense_dev_a.tsv", "sense_dev_b.tsv"} {
		t.Run(name, func(t *testing.T) { checkDrawn(t, 300, senseFloors{0.9, 0.9, 0.9, 0.75}, name) })
	}
}

// TestSenseHeldOut measures the default lexicon on candidates drawn after
// its sense conditions were revised on the development samples. The last
// revision read this sample's errors too, so its figures here are no
// longer held out; TestSenseFresh's are.
func TestSenseHeldOut(t *testing.T) {
	checkDrawn(t, 300, senseFloors{0.9, 0.95, 0.9, 0.75}, "sense_heldout.tsv")
}

// TestSenseFresh measures the default lexicon on candidates drawn once its
// sense conditions were final, which no revision of them read then: every
// counted candidate the articles of the other drawn samples had left, and
// a draw from the articles of sense_sample.tsv. A later revision (dates
// and names naming an attack, criminal assault) read the six in-sense
// candidates these samples found rejected, so they no longer measure it
// out of sample; TestSenseConfirm's sample does. Its floors are the
// figures measured, rounded down: pooled, precision 0.907 and recall
// 0.980 in whole articles.
func TestSenseFresh(t *testing.T) {
	checkDrawn(t, 300, senseFloors{0.9, 0.97, 0.9, 0.85}, "sense_fresh.tsv", "sense_fresh_b.tsv")
}

// TestSenseConfirm measures the default lexicon on candidates drawn after
// its last revision, which no revision read: the confirmation of the
// figures TestSenseFresh can no longer give out of sample. Its rejected
// stratum is large and thinly drawn (100 of about 5,000), so its recall
// is a rough figure. Floors: the figures measured (in whole articles
// precision 0.936, recall 1.000; each sentence alone 0.948 and 0.893),
// less a small margin.
func TestSenseConfirm(t *testing.T) {
	checkDrawn(t, 100, senseFloors{0.9, 0.95, 0.9, 0.85}, "sense_confirm.tsv")
}
