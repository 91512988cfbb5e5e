package framing

import (
	"errors"
	"io/fs"
	"path/filepath"

	"bufio"
	"github.com/framediff/framediff/corpus"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// senseCase is one labelled candidate of testdata/sense_sample.tsv.
type senseCase struct {
	inSense          bool
	article, term    string
	text             string // the sentence, marks removed
	start, end, line int    // the match in text
}

func readSenseSample(t *testing.T) []senseCase {
	t.Helper()
	f, err := os.Open("testdata/sense_sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []senseCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || (f[0] != "0" && f[0] != "1") {
			t.Fatalf("sense_sample.tsv:%d: want label, article, term, sentence", n)
		}
		s := strings.TrimSuffix(strings.TrimPrefix(f[3], "…"), "…")
		i, j := strings.Index(s, "[["), strings.Index(s, "]]")
		if i < 0 || j < i {
			t.Fatalf("sense_sample.tsv:%d: no [[match]]", n)
		}
		text := s[:i] + s[i+2:j] + s[j+2:]
		out = append(out, senseCase{inSense: f[0] == "1", article: f[1], term: f[2], text: text, start: i, end: j - 2, line: n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSenseSample measures the default lexicon on candidates read by hand
// in real news outside Syria: of the matches it counts, at least 90% must
// be in sense (precision), and of the in-sense uses at least 95% must be
// counted (recall). Each sentence is matched on its own, so conditions
// that read the paragraph or article see only the sentence.
func TestSenseSample(t *testing.T) {
	cases := readSenseSample(t)
	if len(cases) < 300 {
		t.Fatalf("%d labelled candidates, want at least 300", len(cases))
	}
	m := NewMatcher(DefaultLexicon())
	var tp, fp, fn int
	for _, c := range cases {
		counted := false
		for _, h := range m.Match(article(c.article, c.text)) {
			if h.Start == c.start {
				counted = true
			}
		}
		switch {
		case counted && c.inSense:
			tp++
		case counted:
			fp++
			t.Logf("line %d: counted out of sense: %s", c.line, c.text)
		case c.inSense:
			fn++
			t.Logf("line %d: missed in sense: %s", c.line, c.text)
		}
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("%d candidates: %d counted in sense, %d counted out of sense, %d missed; precision %.3f, recall %.3f", len(cases), tp, fp, fn, p, r)
	if p < 0.9 {
		t.Errorf("precision %.3f, want >= 0.9", p)
	}
	if r < 0.95 {
		t.Errorf("recall %.3f, want >= 0.95", r)
	}
}

// TestSenseConditions checks each kind of sense condition on sentences from
// real news, in and out of the sense the lexicon frames.
func TestSenseConditions(t *testing.T) {
	m := NewMatcher(DefaultLexicon())
	tests := []struct {
		name, text string
		want       []string // "term=match", in order
		rejected   []string // "term=match: reason"
	}{
		{"near: campaign needs a military word",
			"The US-led coalition has waged an air campaign against the group since 2014.",
			[]string{"campaign=campaign"}, nil},
		{"near: election campaign",
			"Sanders, who has made rebuilding the middle class a rallying cry of his campaign, praised Obama.",
			nil, []string{"campaign=campaign: no listed word near"}},
		{"not_near: attack on a rival",
			"He said his recent attacks on Trump have given his campaign momentum.",
			nil, []string{"attack=attacks: near \"campaign\"", "campaign=campaign: no listed word near"}},
		{"unless_near: violence lifts not_near",
			"Mr. Trump asked, repeating a broadside - that the 43rd president was responsible for the terrorist attacks of Sept. 11, 2001 - that he used in Saturday's Republican debate.",
			[]string{"terrorists=terrorist", "attack=attacks"}, nil},
		{"not_object: attacking a person",
			"Besides attacking the former president, while the audience booed loudly, Mr. Trump asserted that he would win.",
			nil, []string{"attack=attacking: object \"president\""}},
		{"not_after: heart attack",
			"His father's sudden death from a heart attack when he was 12 drives him.",
			nil, []string{"attack=attack: after \"heart\""}},
		{"not_after: Cold War",
			"For many who lived through the Cold War era, referring to oneself as a socialist elicits reactions.",
			nil, []string{"war=War: after \"cold\""}},
		{"not_after: trade war",
			"Markets fell as the trade war with China deepened.",
			nil, []string{"war=war: after \"trade\""}},
		{"not_before: war chest",
			"Party leaders armed his campaign with a record-shattering war chest of $100 million.",
			nil, []string{"campaign=campaign: near \"party\"", "war=war: before \"chest\""}},
		{"war in sense",
			"She sat down this week to discuss the United States' longest war.",
			[]string{"war=war"}, nil},
		{"not_object: capture a nomination",
			"Trump needs 1,237 delegates to capture the nomination outright.",
			nil, []string{"capture=capture: object \"nomination\""}},
		{"near: capture a state in an election",
			"His rival, Hillary Clinton, captured Virginia, Georgia, Arkansas, Alabama, Texas and Tennessee.",
			nil, []string{"capture=captured: no listed word near"}},
		{"capture in sense",
			"Iraqi forces captured the town from Islamic State militants on Sunday.",
			[]string{"capture=captured", "Islamic State=Islamic State", "militants=militants"}, nil},
		{"not_before: seize on a remark",
			"Republicans on Capitol Hill seized on the message, arguing that it showed intent.",
			nil, []string{"seize=seized: before \"on\""}},
		{"forms: offense as a wrong",
			"The government deceived the judge into thinking that prison time was normal for this kind of offense.",
			nil, []string{"government=government: not about the axis's subject", "offensive=offense: form \"offense\" not listed"}},
		{"near: offensive as insulting",
			"Many black voters did not recognize themselves in Trump's description and found it offensive.",
			nil, []string{"offensive=offensive: no listed word near"}},
		{"not_before: free market",
			"He argued that the free market, not the state, should set prices.",
			nil, nil},
		{"near: free college",
			"Clinton took some shots at Sanders on his plan to provide free college tuition.",
			nil, []string{"free=free: no listed word near"}},
		{"not_before: civilian leadership",
			"The memo stressed civilian leadership of the military.",
			nil, []string{"civilians=civilian: before \"leadership\""}},
		{"civilians in sense",
			"Members of Congress have expressed concern about the thousands of civilians killed in coalition airstrikes.",
			[]string{"civilians=civilians", "airstrikes=airstrikes"}, nil},
		{"forms: liberal is not liberate",
			"Sanders faces an unexpectedly well-financed liberal opponent.",
			nil, []string{"liberate=liberal: form \"liberal\" not listed"}},
		{"forms: military is not militants",
			"The militants fled as the military advanced.",
			[]string{"militants=militants"}, nil},
		{"forms: authorized is not authorities",
			"RNC Chairman Reince Priebus has authorized a significant staffing increase.",
			nil, []string{"authorities=authorized: form \"authorized\" not listed"}},
		{"scoped: the US administration",
			"The Obama administration has announced a delay in next year's enrollment period.",
			nil, []string{"administration=administration: not about the axis's subject"}},
		{"scoped: the government in Damascus",
			"Iran backs the government in Damascus, and Syria's authorities welcomed the deal.",
			[]string{"government=government", "Damascus=Damascus", "authorities=authorities"}, nil},
		{"near: conflict of interest",
			"Obama's endorsement would create a conflict of interest with the investigation.",
			nil, []string{"conflict=conflict: before \"of interest\""}},
		{"near: conflict in sense",
			"Azerbaijan declared war, leading to a four-year bloody conflict with more than 30,000 deaths.",
			[]string{"war=war", "conflict=conflict"}, nil},
		{"near: a water crisis",
			"Clinton was the first candidate to bring up the Flint water crisis during a debate.",
			nil, []string{"crisis=crisis: no listed word near"}},
		{"not_object: regain control of the Senate",
			"Democrats trying to regain control of the Senate in November say they have a new weapon.",
			nil, []string{"regain=regain: object \"Senate\""}},
		{"not_after: a testing regime",
			"The coalition united liberals who decried rote testing regimes and conservatives.",
			nil, []string{"liberate=liberals: form \"liberals\" not listed", "regime=regimes: after \"testing\""}},
		{"not_after: sexual assault",
			"Perry suggested that fossil fuels could help prevent sexual assault.",
			nil, []string{"assault=assault: after \"sexual\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, rej := m.Candidates(article("s", tt.text))
			var got, gotRej []string
			for _, h := range hits {
				got = append(got, h.Term+"="+h.Match)
			}
			for _, r := range rej {
				gotRej = append(gotRej, r.Term+"="+r.Match+": "+r.Reason)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.rejected, gotRej); diff != "" {
				t.Errorf("rejected (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSenseSampleInArticles measures the same labelled candidates in their
// whole articles, as a report reads them (sentences, paragraphs, the
// article's subject and topic), when ../shared/data is present.
func TestSenseSampleInArticles(t *testing.T) {
	cases := readSenseSample(t)
	want := map[string]map[string]bool{} // article → marked sentence → in sense
	for _, c := range cases {
		if want[c.article] == nil {
			want[c.article] = map[string]bool{}
		}
		want[c.article][c.text[:c.start]+"[["+c.text[c.start:c.end]+"]]"+c.text[c.end:]] = c.inSense
	}
	all := NewMatcher(senseless(DefaultLexicon()))
	m := NewMatcher(DefaultLexicon())
	var tp, fp, fn, found int
	for _, name := range []string{"events-newswcl50.jsonl", "events-pac-dev.jsonl", "quotes-polnear-train.jsonl"} {
		f, err := os.Open(filepath.Join(sharedDataDir, name))
		if errors.Is(err, fs.ErrNotExist) {
			t.Skipf("no ../shared/data/%s", name)
		}
		if err != nil {
			t.Fatal(err)
		}
		arts, _ := corpus.NewReader().ReadJSONL(name, f)
		f.Close()
		for i := range arts {
			a := &arts[i]
			marks := want[a.ID]
			if marks == nil {
				continue
			}
			counted := map[int]bool{}
			for _, h := range m.Match(a) {
				counted[h.Start] = true
			}
			for _, h := range all.Match(a) {
				l, mm, r := KWIC(a, h, 400)
				key := strings.TrimSuffix(strings.TrimPrefix(l+"[["+mm+"]]"+r, "…"), "…")
				inSense, ok := marks[key]
				if !ok {
					continue
				}
				found++
				switch {
				case counted[h.Start] && inSense:
					tp++
				case counted[h.Start]:
					fp++
					t.Logf("%s: counted out of sense: %s", a.ID, key)
				case inSense:
					fn++
					t.Logf("%s: missed in sense: %s", a.ID, key)
				}
			}
		}
	}
	if found < len(cases)*9/10 {
		t.Fatalf("found %d of the %d labelled candidates in their articles", found, len(cases))
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("%d candidates found in their articles: %d counted in sense, %d counted out of sense, %d missed; precision %.3f, recall %.3f", found, tp, fp, fn, p, r)
	if p < 0.9 {
		t.Errorf("precision %.3f, want >= 0.9", p)
	}
	if r < 0.95 {
		t.Errorf("recall %.3f, want >= 0.95", r)
	}
}
