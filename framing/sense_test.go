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
// be in sense (precision), and of the in-sense uses at least 80% must be
// counted (recall). Each sentence is matched on its own, so conditions
// that read the paragraph or article see only the sentence: a term that
// asks for a word of violence near it, or an article about violence
// ("attack", "war"), loses the article's evidence, and recall here is a
// floor under recall in whole articles.
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
			if h.Start <= c.start && c.start < h.End { // "War" counts as part of "World War"
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
	if r < 0.8 {
		t.Errorf("recall %.3f, want >= 0.8", r)
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
			"President Donald Trump on Tuesday vetoed a resolution to end U.S. support of Saudi Arabia ’s military campaign in Yemen , which has been blamed for tens of thousands of deaths in the region .",
			[]string{"campaign=campaign"}, nil},
		{"phrase: an air campaign counts even beside election words",
			"The Democratic presidential front-runner and former secretary of state said the U.S. “clearly” needed a more robust air campaign against the Islamic State targeting the militant group’s leaders and its oil infrastructure.",
			[]string{"air campaign=air campaign", "Islamic State=Islamic State", "militants=militant"}, nil},
		{"near: election campaign",
			"Sanders, who has made rebuilding the middle class a rallying cry of his campaign, praised Obama.",
			nil, []string{"campaign=campaign: no listed word near"}},
		{"not_near: attack on a rival",
			"He said his recent attacks on Trump have given his campaign momentum.",
			nil, []string{"attack=attacks: near \"campaign\"", "campaign=campaign: no listed word near"}},
		{"unless_near: violence lifts not_near",
			"Mr. Trump asked, repeating a broadside - that the 43rd president was responsible for the terrorist attacks of Sept. 11, 2001 - that he used in Saturday's Republican debate.",
			[]string{"terrorists=terrorist", "attack=attacks"}, nil},
		{"named: a date names the attacks",
			"Bush spent much of his speech defending his personal response to the Sept. 11 attacks.",
			[]string{"attack=attacks"}, nil},
		{"named: a place in apposition names the attack",
			"The account adds a missing voice to the public record on Benghazi, an attack that remains politically charged.",
			[]string{"attack=attack"}, nil},
		{"named: a possessive is no name",
			"Mr Ryan and Sen McCain had both criticised Mr Trump's attacks on the parents in a debate.",
			nil, []string{"attack=attacks: near \"debate\""}},
		{"named: a party is no name",
			"The Republican attacks in the debate were sharp.",
			nil, []string{"attack=attacks: near \"Republican\""}},
		{"counts_after: a criminal charge",
			"He was charged with assault, but prosecutors declined to proceed with the case, which was dropped.",
			[]string{"assault=assault"}, nil},
		{"counts_after: not a sexual assault charge",
			"He was charged with sexual assault in a case that was dropped.",
			nil, []string{"assault=assault: after \"sexual\""}},
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
			"The administration announced Monday that it would wait another 30 days before deciding whether to impose tariffs on steel and aluminum imports from the European Union, Canada and Mexico -- temporarily avoiding a potential trade war wth the 28-member bloc ahead of crucial trade talks with China this week.",
			nil, []string{"administration=administration: not about the axis's subject", "war=war: after \"trade\""}},
		{"not_before: war chest",
			"Party leaders armed his campaign with a record-shattering war chest of $100 million.",
			nil, []string{"campaign=campaign: near \"party\"", "war=war: before \"chest\""}},
		{"near: war in sense",
			"A few weeks after Obama announced that the war in Afghanistan would not end on his watch, U.S. forces bombed a Doctors Without Borders hospital in Kunduz.",
			[]string{"war=war"}, nil},
		{"near: figurative war",
			"The senator told Mr. Trump that it made little sense to revisit the Obamacare wars in divided government.",
			nil, []string{"war=wars: no listed word near", "government=government: not about the axis's subject"}},
		{"not_after: tug of war",
			"Tug of war in Central Asia.",
			nil, []string{"war=war: after \"tug of\""}},
		{"phrase: World War",
			"Remember: The world also ignored the Holocaust during World War II.",
			[]string{"World War=World War"}, nil},
		{"near: attack needs a word of violence",
			"Republicans ’ false attacks on Medicare are n’t surprising.",
			nil, []string{"attack=attacks: after \"false\""}},
		{"near: attack on a compound",
			"Mr. Gowdy has sought to prevent his inquiry into the attacks in 2012 on an American diplomatic compound in Benghazi from being dismissed.",
			[]string{"attack=attacks"}, nil},
		{"not_object: assault on an ideal",
			"We also need to call for an investigation into this pernicious assault on our liberties by the fascist Left.",
			nil, []string{"assault=assault: object \"liberties\""}},
		{"near: physical assault",
			"The president tweeted a chart of crime statistics, just a day after supporters physically assaulted a protester at one of his rallies.",
			[]string{"assault=assaulted"}, nil},
		{"near: regime of a church",
			"It is not the integrity of the Faith that matters but only perpetuation of the post-conciliar regime of novelty.",
			nil, []string{"regime=regime: no listed word near"}},
		{"near: regime of a state",
			"Kerry had promised that the Iranian regime would be prohibited from testing ballistic missiles.",
			[]string{"regime=regime"}, nil},
		{"forms: invader is not invade",
			"But, at least for the next few billion years, the space invader is destined to continue its topsy-turvy spin.",
			nil, []string{"invade=invader: form \"invader\" not listed"}},
		{"not_near: a migrant invasion",
			"Orban has stood against illegal immigration and the invasion of Muslims into his country.",
			nil, []string{"invasion=invasion: near \"immigration\""}},
		{"invasion in sense",
			"Bernie Sanders Pins The Rise Of ISIS On ‘Disastrous’ Invasion Of Iraq",
			[]string{"ISIS=ISIS", "invasion=Invasion"}, nil},
		{"not_object: capture of a person",
			"Covert efforts to locate Al Qaeda leaders led in the past to the capture of wanted terrorists in the mountains, near the front line.",
			[]string{"terrorists=terrorists"}, []string{"capture=capture: object \"terrorists\""}},
		{"not_object: seize drugs",
			"Investigators tracked smugglers near the border and helped troops seize tons of marijuana and cocaine.",
			[]string{"troops=troops"}, []string{"seize=seize: object \"tons\""}},
		{"object: free passage",
			"We have told the Taliban that we want free passage through their checkpoints for documented Americans.",
			nil, []string{"free=free: no listed object"}},
		{"case: IS in a line of capitals is not a match",
			"America’s original national seal was “REBELLION TO TYRANTS IS OBEDIENCE TO GOD” with a picture of the Pharaoh.",
			nil, nil},
		{"case: IS in mixed case",
			"A suicide bomber from IS killed nine people at a checkpoint.",
			[]string{"IS=IS"}, nil},
		{"near: civilian in labour statistics",
			"Native born, 16 years and older Civilian population 213,377 214,722",
			nil, []string{"civilians=Civilian: no listed word near"}},
		{"not_object: capture a chamber",
			"Latest polls show some critical Senate races tightening , guaranteeing a night of drama and suspense on Tuesday , as Republicans strive for a net gain of six seats to capture the chamber .",
			nil, []string{"capture=capture: object \"chamber\""}},
		{"near: capture a state in an election",
			"His rival, Hillary Clinton, captured Virginia, Georgia, Arkansas, Alabama, Texas and Tennessee.",
			nil, []string{"capture=captured: no listed word near"}},
		{"capture in sense",
			"Palestinians want East Jerusalem, captured by Israel in the 1967 Middle East war, for their future state.",
			[]string{"capture=captured", "war=war"}, nil},
		{"not_before: seize on a remark",
			"Republicans on Capitol Hill seized on the message, arguing that it showed intent.",
			nil, []string{"seize=seized: before \"on\""}},
		{"forms: offense as a wrong",
			"The government deceived the judge into thinking that prison time was normal for this kind of offense.",
			nil, []string{"government=government: not about the axis's subject", "offensive=offense: form \"offense\" not listed"}},
		{"near: offensive as insulting",
			"Many black voters did not recognize themselves in Trump's description and found it offensive.",
			nil, []string{"offensive=offensive: no listed word near"}},
		{"exclude: free market; near: free thought",
			"Such movements, to put it mildly, have never been good for the Jews or allies of free thought and the free market.",
			nil, []string{"free=free: no listed object"}},
		{"object: free college",
			"Clinton took some shots at Sanders on his plan to provide free college tuition.",
			nil, []string{"free=free: no listed object"}},
		{"not_before: civilian government",
			"He cited the exclusion of the Rohingyas and the reservation of a quarter of parliamentary seats for the military as \"important structural and systematic impediments to the realization of full democratic and civilian government.\"",
			nil, []string{"civilians=civilian: before \"government\"", "government=government: not about the axis's subject"}},
		{"civilians in sense",
			"Members of Congress have expressed concern about the thousands of civilians killed in coalition airstrikes.",
			[]string{"civilians=civilians", "airstrikes=airstrikes"}, nil},
		{"forms: liberal is not liberate",
			"Sanders faces an unexpectedly well-financed liberal opponent.",
			nil, []string{"liberate=liberal: form \"liberal\" not listed"}},
		{"forms: militants",
			"He announced that France would ramp up its military efforts in Syria and Iraq and that the country's state of emergency, which had been imposed after Islamist militants killed 130 people in Paris last November, would be extended three months.",
			[]string{"militants=militants"}, nil},
		{"forms: authorized is not authorities",
			"RNC Chairman Reince Priebus has authorized a significant staffing increase.",
			nil, []string{"authorities=authorized: form \"authorized\" not listed"}},
		{"scoped: the US administration",
			"The Obama administration has announced a delay in next year's enrollment period.",
			nil, []string{"administration=administration: not about the axis's subject"}},
		{"scoped: a government in a paragraph about Syria",
			"Kerry has made, officials said, could easily be unraveled by external events, whether a new offensive by Turkey or the Nusra Front - which until recently had publicly aligned itself with Al Qaeda - or intensified bombing raids by the government of President Bashar al-Assad.",
			[]string{"offensive=offensive", "government=government"}, nil},
		{"near: conflict of interest",
			"Obama's endorsement would create a conflict of interest with the investigation.",
			nil, []string{"conflict=conflict: before \"of interest\""}},
		{"near: conflict in sense",
			"Azerbaijan declared war, leading to a four-year bloody conflict with more than 30,000 deaths.",
			[]string{"war=war", "conflict=conflict"}, nil},
		{"not_after: a water crisis",
			"Clinton was the first candidate to bring up the Flint water crisis during a debate.",
			nil, []string{"crisis=crisis: after \"water\""}},
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
// article's subject and topic), when ../shared/data is present. The sense
// conditions were first written on this sample, so it checks that they
// still hold here (precision and recall at least 0.9); the figures that
// count are those on candidates drawn after they were written
// (TestSenseHeldOut). Some in-sense uses name an attack no word of which
// says it was violent ("as the attacks were unfolding" in an article on a
// committee's report), and are missed.
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
				for k := h.Start; k < h.End; k++ {
					counted[k] = true
				}
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
	if r < 0.9 {
		t.Errorf("recall %.3f, want >= 0.9", r)
	}
}
