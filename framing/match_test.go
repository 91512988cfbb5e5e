package framing

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/internal/seedtest"
	"github.com/google/go-cmp/cmp"
)

// truthLine renders a hit in the format of testdata/seeds_truth.txt.
func truthLine(h Hit) string {
	fl := ""
	if h.ScareQuoted {
		fl += " scare"
	}
	if h.Distanced {
		fl += " distanced"
	}
	return fmt.Sprintf("%s | %s/%s | %s | %s | %s |%s", h.Article, h.Axis, h.Pole, h.Term, h.Match, h.Voice, fl)
}

func readTruth(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), " ")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, l)
	}
	return lines
}

func TestSeedsTruth(t *testing.T) {
	want := readTruth(t, "testdata/seeds_truth.txt")
	m := NewMatcher(DefaultLexicon())
	var got []string
	for _, a := range seedtest.Read(t) {
		checkVoices(t, a.Text, m.Match(&a))
		for _, h := range m.Match(&a) {
			got = append(got, strings.TrimRight(truthLine(h), " "))
			if a.Text[h.Start:h.End] != h.Match {
				t.Errorf("%s: hit %q does not sit at [%d,%d)", a.ID, h.Match, h.Start, h.End)
			}
			if s := a.Sentences[h.Sentence]; h.Start < s.Start || h.End > s.End {
				t.Errorf("%s: hit %q at [%d,%d) outside its sentence %d [%d,%d)", a.ID, h.Match, h.Start, h.End, h.Sentence, s.Start, s.End)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seed hits differ from testdata/seeds_truth.txt (-want +got):\n%s", diff)
	}
}

// TestSeedsFacts checks the counts a careful reader sees in the seeds.
func TestSeedsFacts(t *testing.T) {
	arts := seedtest.Read(t)
	m := NewMatcher(DefaultLexicon())
	var hits []Hit
	for i := range arts {
		hits = append(hits, m.Match(&arts[i])...)
	}
	counts := CountHits(arts, hits, nil)
	poles := PoleTotals(counts)
	get := func(cs []Count, outlet, axis, pole, term string, v Voice) int {
		n := 0
		for _, c := range cs {
			if c.Outlet == outlet && c.Axis == axis && c.Pole == pole && c.Term == term && c.Voice == v {
				n += c.Count
			}
		}
		return n
	}
	outlets := []string{"CGTN", "Sahar News", "Iran Press", "The New Arab", "The Globe Post"}
	tests := []struct {
		name string
		want map[string]int
		got  func(outlet string) int
	}{
		{"narrator regime", map[string]int{"The New Arab": 2, "The Globe Post": 2},
			func(o string) int { return get(poles, o, "state", "regime", "", Narrator) }},
		{"liberate family", map[string]int{"Iran Press": 1, "Sahar News": 1},
			func(o string) int {
				return get(counts, o, "territory", "liberation", "liberate", Narrator) + get(counts, o, "territory", "liberation", "liberate", Quoted)
			}},
		{"distanced", map[string]int{"The Globe Post": 2},
			func(o string) int {
				n := 0
				for _, c := range counts {
					if c.Outlet == o {
						n += c.Distanced
					}
				}
				return n
			}},
		{"narrator terrorists", map[string]int{"CGTN": 3, "Sahar News": 3, "Iran Press": 1, "The New Arab": 1},
			func(o string) int { return get(poles, o, "armed_groups", "terrorists", "", Narrator) }},
		{"quoted bloodbath", map[string]int{"CGTN": 2},
			func(o string) int { return get(counts, o, "casualties", "catastrophe", "bloodbath", Quoted) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, o := range outlets {
				if got := tt.got(o); got != tt.want[o] {
					t.Errorf("%s: got %d, want %d", o, got, tt.want[o])
				}
			}
		})
	}
	t.Run("scare-quoted terrorism", func(t *testing.T) {
		found := false
		for _, h := range hits {
			if h.Article == "003_957c7875958cbde8" && h.Term == "terrorism" {
				found = h.ScareQuoted && h.Voice == Narrator
			}
		}
		if !found {
			t.Error("The New Arab's 'terrorism' is not a scare-quoted narrator hit")
		}
	})
	t.Run("Erdogan's bloodbath quoted", func(t *testing.T) {
		for _, h := range hits {
			if h.Term != "bloodbath" || h.Article != "000_d8a36f4a2c9001dd" {
				continue
			}
			a := arts[0]
			sent := a.Sentence(h.Sentence)
			if strings.Contains(sent, "We never want") && h.Voice != Quoted {
				t.Errorf("bloodbath in %q is %s", sent, h.Voice)
			}
		}
	})
}

// article builds an article of one sentence per line of text.
func article(id, text string) *corpus.Article {
	a := &corpus.Article{ID: id, Outlet: "Test", Text: text}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				a.Sentences = append(a.Sentences, corpus.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return a
}

const testLexicon = `
axes:
  - id: state
    poles:
      - id: regime
        terms:
          - regime
          - Assad regime
      - id: government
        terms:
          - text: government
            exclude: [governing]
          - Syrian government
          - text: Damascus
            match: exact
  - id: group
    poles:
      - id: daesh
        terms: [Daesh]
      - id: is
        terms:
          - {text: IS, match: case}
          - {text: Islamic State, match: exact}
  - id: armed
    poles:
      - id: rebels
        terms: [rebels]
      - id: terrorists
        terms: [terrorists]
  - id: territory
    poles:
      - id: capture
        terms:
          - text: capture
            exclude: [captured on camera]
      - id: liberate
        terms: [liberate]
markers:
  distancing: [so-called]
`

func TestMatch(t *testing.T) {
	lex, err := ParseLexicon("test.yaml", []byte(testLexicon))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(lex)
	tests := []struct {
		name string
		text string
		want []string // "term=match voice flags"
	}{
		{"stem", "They liberated the town, a liberation.", []string{"liberate=liberated narrator", "liberate=liberation narrator"}},
		{"longest wins", "The Syrian government and the government.", []string{"Syrian government=Syrian government narrator", "government=government narrator"}},
		{"exclusion", "The governing party and the Government.", []string{"government=Government narrator"}},
		{"phrase exclusion", "It was captured on camera. They captured the town.", []string{"capture=captured narrator"}},
		{"case sensitive", "This is IS, or is it? IS's fighters.", []string{"IS=IS narrator", "IS=IS's narrator"}},
		{"possessive and phrase", "Assad's regime, Assad’s regime, al-Assad‘s regime.", []string{"Assad regime=Assad's regime narrator", "Assad regime=Assad’s regime narrator", "Assad regime=Assad‘s regime narrator"}},
		{"hyphen", "the rebel-held town", []string{"rebels=rebel narrator"}},
		{"invisible characters", "the re\u00adgime and IS\u200f", []string{"regime=re\u00adgime narrator", "IS=IS\u200f narrator"}},
		{"phrase not across punctuation", "Syrian. Government", []string{"government=Government narrator"}},
		{"phrase not across paragraphs", "Assad\n\nregime", []string{"regime=regime narrator"}},
		{"quoted", `He said: "the regime must go."`, []string{"regime=regime quoted"}},
		{"scare", `they called it 'terrorists' there`, []string{"terrorists=terrorists narrator scare"}},
		{"scare inside quote", "“There is no mention of ‘Daesh’. None.”", []string{"Daesh=Daesh quoted scare"}},
		{"distanced", "the so-called Islamic State and so-called “rebels”", []string{"Islamic State=Islamic State narrator distanced", "rebels=rebels narrator scare distanced"}},
		{"not distanced at distance", "so-called big rebels", []string{"rebels=rebels narrator"}},
		{"exact not stemmed", "Damascus and Damascene", []string{"Damascus=Damascus narrator"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range m.Match(article("a", tt.text)) {
				s := h.Term + "=" + h.Match + " " + string(h.Voice)
				if h.ScareQuoted {
					s += " scare"
				}
				if h.Distanced {
					s += " distanced"
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Match(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// naiveMatch is a slow reference: every word stemmed, every term tried at
// every position. It checks the matcher's shortcuts.
func naiveMatch(m *Matcher, text string) []string {
	toks := Tokenize(text)
	var out []string
	for i := 0; i < len(toks); {
		best, bestLen := -1, 0
		for ti := range m.terms {
			ct := &m.terms[ti]
			n := len(ct.keys)
			if n <= bestLen || i+n > len(toks) {
				continue
			}
			ok := true
			for k := 0; k < n && ok; k++ {
				tok := toks[i+k]
				if k > 0 && !plainGap(text[toks[i+k-1].End:tok.Start]) {
					ok = false
					break
				}
				var key string
				switch ct.mode {
				case modeStem:
					key = Stem(tok.Lower)
				case modeExact:
					key = tok.Lower
				case modeCase:
					key = surfaceKey(tok.Text)
				}
				ok = key == ct.keys[k] && !ct.exclude[tok.Lower]
			}
			for _, seq := range ct.excludePhrases {
				if ok && i+len(seq) <= len(toks) {
					all := true
					for k, l := range seq {
						all = all && toks[i+k].Lower == l && (k == 0 || plainGap(text[toks[i+k-1].End:toks[i+k].Start]))
					}
					ok = !all
				}
			}
			if ok && ct.mode == modeCase && i > 0 && i+n < len(toks) {
				ok = !inCapitals(toks[i-1].Text, toks[i+n].Text)
			}
			if ok {
				best, bestLen = ti, n
			}
		}
		if best < 0 {
			i++
			continue
		}
		out = append(out, fmt.Sprintf("%s@%d", m.terms[best].text, toks[i].Start))
		i += bestLen
	}
	return out
}

func hitKeys(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, fmt.Sprintf("%s@%d", h.Term, h.Start))
	}
	return out
}

// senseless returns lex with every term's Sense cleared: the words the
// naive reference matches, before sense conditions are read.
func senseless(lex *Lexicon) *Lexicon {
	c := *lex
	c.Axes = append([]Axis(nil), lex.Axes...)
	for i := range c.Axes {
		c.Axes[i].Poles = append([]Pole(nil), c.Axes[i].Poles...)
		for j := range c.Axes[i].Poles {
			p := &c.Axes[i].Poles[j]
			p.Terms = append([]Term(nil), p.Terms...)
			for k := range p.Terms {
				p.Terms[k].Sense = Sense{}
			}
		}
	}
	return &c
}

func TestMatchAgreesWithNaive(t *testing.T) {
	m := NewMatcher(senseless(DefaultLexicon()))
	checkWords(t, m, "a.B c:d E'f x.y 3,000 U.S. it's IS_x __ _a é’s café")
	for _, a := range seedtest.Read(t) {
		checkWords(t, m, a.Text)
		if diff := cmp.Diff(naiveMatch(m, a.Text), hitKeys(m.Match(&a))); diff != "" {
			t.Errorf("%s (-naive +matcher):\n%s", a.ID, diff)
		}
	}
}

func TestMatchConcurrent(t *testing.T) {
	arts := seedtest.Read(t)
	m := NewMatcher(DefaultLexicon())
	want := make([][]Hit, len(arts))
	for i := range arts {
		want[i] = m.Match(&arts[i])
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range arts {
				if diff := cmp.Diff(want[i], m.Match(&arts[i])); diff != "" {
					t.Errorf("concurrent match of %s differs:\n%s", arts[i].ID, diff)
				}
			}
		}()
	}
	wg.Wait()
}

func TestKWIC(t *testing.T) {
	a := article("a", "First line.\nThe presidents agreed to work within a spirit of cooperation to stabilize the situation in Syria's Idlib after the trilateral summit.")
	lex, _ := ParseLexicon("t", []byte("axes:\n- id: x\n  poles:\n  - id: a\n    terms: [stabilize]\n  - id: b\n    terms: [war]\n"))
	hits := NewMatcher(lex).Match(a)
	if len(hits) != 1 {
		t.Fatalf("got %d hits", len(hits))
	}
	tests := []struct {
		width              int
		left, match, right string
	}{
		{100, "The presidents agreed to work within a spirit of cooperation to ", "stabilize", " the situation in Syria's Idlib after the trilateral summit."},
		{20, "…of cooperation to ", "stabilize", " the situation in…"},
		{0, "", "stabilize", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.width), func(t *testing.T) {
			l, m, r := KWIC(a, hits[0], tt.width)
			if diff := cmp.Diff([]string{tt.left, tt.match, tt.right}, []string{l, m, r}); diff != "" {
				t.Errorf("KWIC (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPathological runs inputs that would take quadratic time or memory in
// a careless matcher; it fails by timing out.
func TestPathological(t *testing.T) {
	m := NewMatcher(DefaultLexicon())
	tests := map[string]string{
		"many quotes and hits":  strings.Repeat(`"Assad regime" said "the Assad regime" `, 10000),
		"runaway opening marks": strings.Repeat("“Assad regime ", 25000),
		"marks without words":   strings.Repeat(`" ' “ ” ‘ ’ `, 25000) + "'Assad regime'",
		"one long word":         strings.Repeat("a", 1<<18) + " Assad regime",
		"one long line":         strings.Repeat("the Syrian government and rebels, ", 15000),
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			hits := m.Match(article("p", text))
			if len(hits) == 0 {
				t.Error("no hits")
			}
			FindQuotations(text)
		})
	}
}

// TestDefaultLexiconTerms checks how the default lexicon's terms behave on
// the phrasings the seeds and similar reporting use.
func TestDefaultLexiconTerms(t *testing.T) {
	m := NewMatcher(DefaultLexicon())
	tests := []struct {
		text string
		want []string // "axis/pole/term=match"
	}{
		{"Regime forces shelled the town held by the regime.", []string{"state/regime/regime forces=Regime forces", "state/regime/regime=regime"}},
		{"The Syrian government and the government, not the governing party.", []string{"state/government/Syrian government=Syrian government", "state/government/government=government"}},
		{"The Syrian army and the Syrian Arab Army advanced.", []string{"state/government/Syrian army=Syrian army", "state/government/Syrian Arab Army=Syrian Arab Army"}},
		{"Damascus regained control of the area.", []string{"state/government/Damascus=Damascus", "territory/capture/regain=regained"}},
		{"They liberated, were liberating, sought liberation; liberal critics disagreed.", []string{"territory/liberation/liberate=liberated", "territory/liberation/liberate=liberating", "territory/liberation/liberate=liberation"}},
		{"The army reclaimed and recaptured villages, then retook a town.", []string{"territory/liberation/reclaim=reclaimed", "territory/capture/recapture=recaptured", "territory/capture/retook=retook"}},
		{"He had defeated Daesh Takfiri terrorists.", []string{"named_group/daesh/Daesh=Daesh", "armed_groups/terrorists/Takfiri terrorists=Takfiri terrorists"}},
		{"This is what IS and ISIS want; the Islamic State is weak.", []string{"named_group/islamic_state/IS=IS", "named_group/islamic_state/ISIS=ISIS", "named_group/islamic_state/Islamic State=Islamic State"}},
		{"Scenes captured on camera showed fighters capture a hill.", []string{"territory/capture/capture=capture"}},
		{"Restoring stability after the shelling needs stabilisation, to stabilize the region.", []string{"ceasefire/de_escalation/stabilisation=stabilisation", "ceasefire/de_escalation/stabilization=stabilize"}},
		{"A cease-fire, a ceasefire and a truce in the de-escalation zone.", []string{"ceasefire/ceasefire/cease-fire=cease-fire", "ceasefire/ceasefire/ceasefire=ceasefire", "ceasefire/ceasefire/truce=truce", "ceasefire/de_escalation/de-escalation=de-escalation"}},
		{"The anti-terror campaign and the counter-terrorism operation, not operators.", []string{"military_action/counter_terrorism/anti-terror=anti-terror", "military_action/counter_terrorism/campaign=campaign", "military_action/counter_terrorism/counter-terrorism=counter-terrorism", "military_action/counter_terrorism/operation=operation"}},
		{"Free and fair elections, free trade; they will free the town.", []string{"territory/liberation/free=free"}},
		{"The Syrian authorities, not the authors, warned of a humanitarian disaster.", []string{"state/government/authorities=authorities", "casualties/catastrophe/humanitarian disaster=humanitarian disaster"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, h := range m.Match(article("d", tt.text)) {
				got = append(got, h.Axis+"/"+h.Pole+"/"+h.Term+"="+h.Match)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestStemFilter checks words whose stems change their first letters
// ("using" → "use", "dying" → "die", "added" → "ad") still match, against
// the naive matcher that stems every word.
func TestStemFilter(t *testing.T) {
	lex, err := ParseLexicon("t.yaml", []byte(`axes:
  - id: x
    poles:
      - id: a
        terms: [use, die, ad, owe, eke, fly, sky]
      - id: b
        terms: [army, casualty, liberate]
`))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(lex)
	text := "Using it, dying, lying, he added; owing, eking out, flies and skies; armies, casualties, liberation."
	want := []string{"use@0", "die@10", "ad@27", "owe@34", "eke@41", "fly@52", "sky@62", "army@69", "casualty@77", "liberate@89"}
	got := hitKeys(m.Match(article("s", text)))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(naiveMatch(m, text), got); diff != "" {
		t.Errorf("(-naive +matcher):\n%s", diff)
	}
}

// TestContextSpan checks the one cutting rule every output shows a hit's
// context by: the stored span is the default width's, HitContext reads it
// back as KWIC cuts it, and a cut keeps whole words only.
func TestContextSpan(t *testing.T) {
	text := "First line.\nThe presidents agreed to work within a spirit of cooperation to stabilize the situation in Syria's Idlib after the trilateral summit.\n\nA   spaced\tout  war   ends here."
	a := article("a", text)
	lex, _ := ParseLexicon("t", []byte("axes:\n- id: x\n  poles:\n  - id: a\n    terms: [stabilize]\n  - id: b\n    terms: [war]\n"))
	hits := NewMatcher(lex).Match(a)
	if len(hits) != 2 {
		t.Fatalf("got %d hits", len(hits))
	}
	// At the default width the left side of the first hit is cut to whole
	// words and the right side reaches the sentence's end; the second
	// hit's sentence fits whole, its spaces squeezed.
	stored := [][]string{
		{"…agreed to work within a spirit of cooperation to ", "stabilize", " the situation in Syria's Idlib after the trilateral summit."},
		{"A spaced out ", "war", " ends here."},
	}
	for i, h := range hits {
		if l, m, r := HitContext(a, h); !slices.Equal([]string{l, m, r}, stored[i]) {
			t.Errorf("%s: stored context %q %q %q, want %q", h.Match, l, m, r, stored[i])
		}
		start, end := ContextSpan(a, h, DefaultContextChars)
		if h.ContextStart != start || h.ContextEnd != end {
			t.Errorf("%s: stored context [%d,%d), want [%d,%d)", h.Match, h.ContextStart, h.ContextEnd, start, end)
		}
		l1, m1, r1 := HitContext(a, h)
		l2, m2, r2 := KWIC(a, h, DefaultContextChars)
		if l1 != l2 || m1 != m2 || r1 != r2 {
			t.Errorf("%s: HitContext %q %q %q, KWIC %q %q %q", h.Match, l1, m1, r1, l2, m2, r2)
		}
	}
	tests := []struct {
		hit, width         int
		left, match, right string
	}{
		{0, 20, "…of cooperation to ", "stabilize", " the situation in…"},
		{0, 12, "…to ", "stabilize", " the…"},
		{1, 100, "A spaced out ", "war", " ends here."},
		{1, 8, "…out ", "war", " ends…"},
	}
	// Offsets that do not fit the text give no context.
	for _, h := range []Hit{{Start: 5, End: 5000}, {Start: 10, End: 5}, {Start: -1, End: 3}} {
		h.Sentence = -1
		if l, m, r := KWIC(a, h, 20); l != "" || m != "" || r != "" {
			t.Errorf("KWIC of %d:%d = %q %q %q, want nothing", h.Start, h.End, l, m, r)
		}
	}
	for _, tt := range tests {
		l, m, r := KWIC(a, hits[tt.hit], tt.width)
		if diff := cmp.Diff([]string{tt.left, tt.match, tt.right}, []string{l, m, r}); diff != "" {
			t.Errorf("KWIC(%s, %d) (-want +got):\n%s", hits[tt.hit].Match, tt.width, diff)
		}
		start, end := ContextSpan(a, hits[tt.hit], tt.width)
		if start > 0 && !unicode.IsSpace(rune(text[start-1])) || end < len(text) && !unicode.IsSpace(rune(text[end])) && text[end] != '.' {
			t.Errorf("KWIC(%s, %d): span [%d,%d) cuts a word: %q", hits[tt.hit].Match, tt.width, start, end, text[start:end])
		}
	}
}
