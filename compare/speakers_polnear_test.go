package compare

import (
	"bufio"
	"encoding/json"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/framediff/framediff/corpus"
)

// polnearDir is where the PolNeAR train split lives, relative to this
// package: ../shared/data from the repository root.
var polnearDir = filepath.Join("..", "..", "shared", "data")

type polnearSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type polnearAttribution struct {
	ID      string        `json:"id"`
	Source  *polnearSpan  `json:"source"`
	Cue     *polnearSpan  `json:"cue"`
	Content []polnearSpan `json:"content"`
	Direct  bool          `json:"direct"`
}

// polnearScore is what the PolNeAR evaluation counts.
type polnearScore struct {
	articles               int
	quotes, found          int // direct quotations of four or more quoted words; found by extractQuotes
	speakers, speakerRight int // found quotations whose source resolves to a name
	verbs, verbRight       int // found quotations whose cue has a word
	unresolved             int // found quotations whose source is "I", "we", "it"… or empty
	misses                 []string
}

func (s polnearScore) recall() float64  { return ratio(s.found, s.quotes) }
func (s polnearScore) speaker() float64 { return ratio(s.speakerRight, s.speakers) }
func (s polnearScore) verb() float64    { return ratio(s.verbRight, s.verbs) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestPolNeARAttribution measures quotation recall, speaker accuracy and
// verb accuracy over PolNeAR's direct quotations (Newell et al., LREC 2018,
// train split). A quotation counts when four or more of its words stand
// inside quotation marks: shorter quoted terms are scare quotes here. A
// pronoun source is compared as the nearest named source labelled before
// it in the same article; "who" as the name just before it. The figures
// are given for a tuning part and a held-out third of the articles.
func TestPolNeARAttribution(t *testing.T) {
	arts := filepath.Join(polnearDir, "quotes-polnear-train.jsonl")
	attrs := filepath.Join(polnearDir, "quotes-polnear-train-attributions.jsonl")
	if _, err := os.Stat(attrs); err != nil {
		t.Skipf("PolNeAR data absent: %v", err)
	}
	if testing.Short() {
		t.Skip("PolNeAR evaluation reads 840 articles")
	}
	parts := scorePolNeAR(t, arts, attrs)
	for _, p := range []struct {
		name string
		s    polnearScore
	}{{"tuning part", parts[0]}, {"held-out part", parts[1]}, {"all", parts[0].add(parts[1])}} {
		s := p.s
		t.Logf("PolNeAR train, %s: %d direct quotations in %d articles; recall %.3f (%d); speaker accuracy %.3f (%d of %d; %d with an unnamed source left out); verb accuracy %.3f (%d of %d)",
			p.name, s.quotes, s.articles, s.recall(), s.found, s.speaker(), s.speakerRight, s.speakers, s.unresolved, s.verb(), s.verbRight, s.verbs)
	}
	// Only the tuning part's misses are listed: the held-out part stays
	// unread, so its figures say how the rules do on news not studied.
	if testing.Verbose() {
		for _, m := range parts[0].misses {
			t.Log(m)
		}
	}
	// Floors at the level reached on each part; the aims are recall 0.95,
	// speaker accuracy 0.85 and verb accuracy 0.9.
	for i, s := range parts {
		for _, c := range []struct {
			name       string
			got, floor float64
		}{
			{"recall", s.recall(), polnearFloorRecall},
			{"speaker accuracy", s.speaker(), polnearFloorSpeaker},
			{"verb accuracy", s.verb(), polnearFloorVerb},
		} {
			if c.got < c.floor {
				t.Errorf("part %d: %s %.3f, below %.2f", i, c.name, c.got, c.floor)
			}
		}
	}
}

// polnearHeldOut reports whether an article belongs to the held-out part:
// a third of the articles, chosen by a fixed hash of the id so that the
// parts do not follow outlet or date.
func polnearHeldOut(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%3 == 0
}

func (s polnearScore) add(o polnearScore) polnearScore {
	s.articles += o.articles
	s.quotes += o.quotes
	s.found += o.found
	s.speakers += o.speakers
	s.speakerRight += o.speakerRight
	s.verbs += o.verbs
	s.verbRight += o.verbRight
	s.unresolved += o.unresolved
	s.misses = append(append([]string(nil), s.misses...), o.misses...)
	return s
}

const (
	polnearFloorRecall  = 0.97
	polnearFloorSpeaker = 0.83
	polnearFloorVerb    = 0.89
)

// scorePolNeAR scores the tuning part and the held-out part of PolNeAR.
func scorePolNeAR(t testing.TB, artsPath, attrsPath string) [2]polnearScore {
	t.Helper()
	raw := map[string]string{}
	f, err := os.Open(artsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", artsPath, err)
		}
		raw[r.ID] = r.Text
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	byArticle := map[string][]polnearAttribution{}
	g, err := os.Open(attrsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	sc = bufio.NewScanner(g)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a polnearAttribution
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", attrsPath, err)
		}
		byArticle[a.ID] = append(byArticle[a.ID], a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var parts [2]polnearScore
	for _, id := range ids {
		s := &parts[0]
		if polnearHeldOut(id) {
			s = &parts[1]
		}
		s.articles++
		text := raw[id]
		a := polnearArticle(id, text)
		ws := words(a.Text)
		qs := extractQuotes(DefaultEntities(), a, ws, DefaultEntities().mentions(a.Text, ws))
		at := byArticle[id]
		toByte := runeToByte(text)
		for i := range at {
			for _, sp := range append([]*polnearSpan{at[i].Source, at[i].Cue}, spanPtrs(at[i].Content)...) {
				if sp != nil {
					sp.Start, sp.End = toByte(sp.Start), toByte(sp.End)
				}
			}
		}
		sort.SliceStable(at, func(i, j int) bool { return firstStart(at[i]) < firstStart(at[j]) })
		for i, r := range at {
			if !r.Direct || len(r.Content) == 0 || quotedWords(text, r.Content) < 4 {
				continue
			}
			s.quotes++
			q := quoteOver(text, qs, r.Content)
			if q == nil {
				s.misses = append(s.misses, "MISSED "+id+": "+clip(text[r.Content[0].Start:r.Content[0].End]))
				continue
			}
			s.found++
			if r.Cue != nil && strings.IndexFunc(r.Cue.Text, unicode.IsLetter) >= 0 {
				s.verbs++
				if cueHas(r.Cue.Text, q.Verb) {
					s.verbRight++
				} else {
					s.misses = append(s.misses, "VERB "+id+": want "+r.Cue.Text+" got "+q.Verb+": "+clip(q.Text))
				}
			}
			want, head := goldSpeaker(text, at, i)
			if want == "" {
				s.unresolved++
				continue
			}
			s.speakers++
			if sameSpeaker(want, q.Speaker) || head != "" && sameSpeaker(head, q.Speaker) {
				s.speakerRight++
			} else {
				s.misses = append(s.misses, "SPEAKER "+id+": want "+want+" ("+r.Source.Text+") got "+q.Speaker+": "+clip(q.Text))
			}
		}
	}
	return parts
}

func clip(s string) string {
	if len(s) > 90 {
		return s[:90] + "…"
	}
	return s
}

func spanPtrs(ss []polnearSpan) []*polnearSpan {
	out := make([]*polnearSpan, len(ss))
	for i := range ss {
		out[i] = &ss[i]
	}
	return out
}

func firstStart(a polnearAttribution) int {
	if a.Source != nil {
		return a.Source.Start
	}
	if len(a.Content) > 0 {
		return a.Content[0].Start
	}
	return 0
}

// polnearArticle reads one PolNeAR text as an article without cleaning it,
// so that the labelled offsets hold.
func polnearArticle(id, text string) *corpus.Article {
	a := &corpus.Article{ID: id, Text: text}
	start := 0
	for _, p := range strings.SplitAfter(text, "\n\n") {
		body := strings.TrimRight(p, "\n")
		a.Paragraphs = append(a.Paragraphs, corpus.Span{Start: start, End: start + len(body)})
		for _, s := range corpus.SplitSentences(body) {
			a.Sentences = append(a.Sentences, corpus.Span{Start: start + s.Start, End: start + s.End})
		}
		start += len(p)
	}
	return a
}

// runeToByte converts the labels' code point offsets into byte offsets.
func runeToByte(text string) func(int) int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	return func(r int) int {
		if r < 0 {
			return 0
		}
		if r >= len(offs) {
			return len(text)
		}
		return offs[r]
	}
}

// quotedWords counts the words inside the quotation marks of a labelled
// content, its marks being inside the span or just outside it.
func quotedWords(text string, content []polnearSpan) int {
	n := 0
	for _, c := range content {
		lo, hi := max(0, c.Start-3), min(len(text), c.End+3)
		ext := text[lo:hi]
		i := strings.IndexAny(ext, "\"“«")
		j := strings.LastIndexAny(ext, "\"”»")
		if i < 0 || j <= i {
			continue
		}
		n += len(words(ext[i+1 : j]))
	}
	return n
}

// quoteOver returns the found quotation that covers most of the quoted
// part of a labelled content (from its first quotation mark to its last),
// or nil when none covers half of it.
func quoteOver(text string, qs []quote, content []polnearSpan) *quote {
	var spans [][2]int
	total := 0
	for _, c := range content {
		lo, hi := max(0, c.Start-3), min(len(text), c.End+3)
		ext := text[lo:hi]
		i := strings.IndexAny(ext, "\"“«")
		j := strings.LastIndexAny(ext, "\"”»")
		if i < 0 || j <= i {
			continue
		}
		spans = append(spans, [2]int{lo + i + 1, lo + j})
		total += j - i - 1
	}
	var best *quote
	bestN := 0
	for i := range qs {
		n := 0
		for _, p := range qs[i].parts {
			for _, c := range spans {
				n += max(0, min(p[1], c[1])-max(p[0], c[0]))
			}
		}
		if n > bestN {
			best, bestN = &qs[i], n
		}
	}
	if bestN*2 < total && bestN < 40 {
		return nil
	}
	return best
}

var polnearPronoun = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true}
var polnearUnnamed = map[string]bool{"i": true, "we": true, "you": true, "it": true, "they": true, "me": true, "us": true, "one": true, "this": true}

// goldSpeaker returns the labelled source of at[i] as a name: itself
// when it names someone; for a pronoun or a description ("the Ohio
// governor"), the nearest named source labelled before it, the
// description's head noun also accepted; for "who" the name just before
// it. It returns "" when the source names no one.
func goldSpeaker(text string, at []polnearAttribution, i int) (name, head string) {
	src := at[i].Source
	if src == nil {
		return "", ""
	}
	s := strings.TrimSpace(src.Text)
	low := strings.ToLower(s)
	switch {
	case s == "" || polnearUnnamed[low]:
		return "", ""
	case low == "who" || low == "which" || low == "that":
		return nameBefore(text, src.Start), ""
	}
	if n := sourceName(s); n != "" {
		return n, ""
	}
	if !polnearPronoun[low] {
		head = s
	}
	for k := i - 1; k >= 0; k-- {
		if p := at[k].Source; p != nil && p.Start < src.Start {
			if n := sourceName(p.Text); n != "" {
				return n, head
			}
		}
	}
	if n := nameBefore(text, src.Start); n != "" {
		return n, head
	}
	return head, ""
}

// sourceName returns the name a labelled source gives: the first
// comma-separated part ending in a capitalised word ("Harry Bond, 30, of
// Raleigh" → "Harry Bond"; "the GOP nominee, Donald Trump," → "Donald
// Trump"), or "" for a pronoun or a description.
func sourceName(s string) string {
	for _, part := range strings.Split(s, ",") {
		part = headName(strings.TrimSpace(part))
		ws := words(part)
		if len(ws) == 0 {
			continue
		}
		switch ws[0].Lower {
		case "some", "many", "others", "other", "neither", "both", "all", "most", "several", "few", "another", "one", "two", "three", "critics", "supporters":
			return ""
		}
		last := ws[len(ws)-1]
		if isCapitalised(last.Text) && !polnearPronoun[last.Lower] && !polnearUnnamed[last.Lower] && !isStop(last.Lower) {
			return part
		}
	}
	return ""
}

// nameBefore returns the capitalised words just before off.
func nameBefore(text string, off int) string {
	ws := words(text[max(0, off-120):off])
	j := len(ws)
	for j > 0 && isCapitalised(ws[j-1].Text) {
		j--
	}
	var out []string
	for _, w := range ws[j:] {
		out = append(out, w.Text)
	}
	return strings.Join(out, " ")
}

// sameSpeaker compares a labelled name with a found speaker: the same
// person when either's last name word is among the other's words; the
// same description when the found speaker holds its head noun.
func sameSpeaker(want, got string) bool {
	if got == "" {
		return false
	}
	wt, gt := nameTokens(headName(want)), nameTokens(got)
	if len(wt) == 0 || len(gt) == 0 {
		return false
	}
	has := func(ts []string, x string) bool {
		for _, t := range ts {
			if t == x {
				return true
			}
		}
		return false
	}
	return has(gt, wt[len(wt)-1]) || has(wt, gt[len(gt)-1])
}

// headName cuts a labelled source to the name or description it starts
// with: "Harry Bond, 30, of Raleigh" → "Harry Bond"; "Rep. Tom Cole of
// Oklahoma" → "Rep. Tom Cole".
func headName(s string) string {
	for _, sep := range []string{",", " who ", " --", " — ", " – ", " (", " and "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	if i := strings.Index(s, " of "); i > 0 && len(strings.Fields(s[:i])) >= 2 {
		s = s[:i]
	}
	return s
}

func nameTokens(s string) []string {
	var out []string
	for _, w := range words(s) {
		l := possessiveless(w.Lower)
		if l == "the" || l == "a" || l == "an" || l == "jr" || l == "sr" || l == "of" {
			continue
		}
		out = append(out, l)
	}
	return out
}

// cueHas reports whether the labelled cue holds the found verb's words.
func cueHas(cue, verb string) bool {
	if verb == "" {
		return false
	}
	c := " " + strings.Join(nameTokensAll(cue), " ") + " "
	return strings.Contains(c, " "+strings.Join(nameTokensAll(verb), " ")+" ")
}

func nameTokensAll(s string) []string {
	var out []string
	for _, w := range words(s) {
		out = append(out, w.Lower)
	}
	return out
}
