package compare

import (
	"strings"
	"testing"

	"github.com/framediff/framediff/corpus"
	"golang.org/x/tools/txtar"
)

// TestSpeakersHandRead checks speakers and verbs against a sample of real
// news read by hand: every quotation of four or more words in five
// articles, with the speaker a reader gives it (the full name the article
// first uses) and the verb that introduces it.
func TestSpeakersHandRead(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/speakers/polnear_sample.txtar")
	if err != nil {
		t.Fatal(err)
	}
	quotes := map[string][]quote{}
	var want string
	r := corpus.NewReader()
	for _, f := range ar.Files {
		if f.Name == "want.txt" {
			want = string(f.Data)
			continue
		}
		as, warns := r.Read(f.Name, f.Data)
		if len(as) != 1 {
			t.Fatalf("%s: %d articles: %v", f.Name, len(as), warns)
		}
		a := &as[0]
		ws := words(a.Text)
		quotes[strings.TrimSuffix(f.Name, ".md")] = extractQuotes(DefaultEntities(), a, ws, DefaultEntities().mentions(a.Text, ws))
	}
	n, speakers, verbs := 0, 0, 0
	for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
		f := strings.SplitN(line, "|", 4)
		if len(f) != 4 {
			t.Fatalf("want.txt: bad line %q", line)
		}
		art, speaker, verb, start := f[0], f[1], f[2], f[3]
		n++
		var q *quote
		for i := range quotes[art] {
			if strings.HasPrefix(quotes[art][i].Text, start) || strings.Contains(quotes[art][i].Text, start) {
				q = &quotes[art][i]
				break
			}
		}
		if q == nil {
			t.Errorf("%s: no quotation %q", art, start)
			continue
		}
		if q.Speaker == speaker {
			speakers++
		} else {
			t.Logf("%s %q: speaker %q, want %q", art, start, q.Speaker, speaker)
		}
		if verb == "*" || q.Verb == verb {
			verbs++
		} else {
			t.Logf("%s %q: verb %q, want %q", art, start, q.Verb, verb)
		}
	}
	t.Logf("%d quotations: %d speakers and %d verbs right", n, speakers, verbs)
	if speakers < n || verbs < n {
		t.Errorf("%d of %d speakers and %d verbs right, want %d and %d", speakers, n, verbs, n, n)
	}
}

// TestRoleNounSpeakers checks that a role noun ("the senator", "the
// lawmaker") refers back to the person named before with that role, by a
// title or an apposition, not to the last speaker.
func TestRoleNounSpeakers(t *testing.T) {
	tests := []speakerCase{
		{"title", "Sen. Ted Cruz spoke in Iowa on Monday about many things.\n\nTrump answered him. \"I will win this thing easily, believe me,\" Trump said.\n\nThe senator said: \"He is not fit to be the president at all.\"", "Ted Cruz"},
		{"apposition", "Maria Lopez, a lawmaker from Texas, filed a bill on Monday.\n\n\"We are letting people in from everywhere,\" Trump said.\n\nThe lawmaker, who represents a district near El Paso, said \"the remarks were a disgrace to the country.\"", "Maria Lopez"},
		{"apposition with the", "Tom Baker, the former governor, met the press.\n\n\"This will pass very soon, believe me,\" Trump said.\n\n\"We never had a chance to talk about it,\" the former governor told reporters.", "Tom Baker"},
		{"named since the last quotation", "\"We are letting people in from everywhere,\" Trump said.\n\nSalceda, citing data, said that four million people live there. The lawmaker, who represents a district in Albay province, said Trump's remarks \"have had widespread dissemination and more of it.\"", "Salceda"},
	}
	checkLastSpeakers(t, tests)
}

// TestTimePhraseNotSpeaker checks that a time phrase between the speaker
// and the verb ("Obama on Friday declared") is passed over, not taken for
// the speaker, nor is a possessive name before the speaker's ("Clinton's
// pollster Joel Benenson"), and that a name that is also a month, a modal
// or an adverb ("Theresa May", "Megyn Kelly") keeps its last word, and
// one joined by "&" keeps its words.
func TestTimePhraseNotSpeaker(t *testing.T) {
	tests := []speakerCase{
		{"on a day", "Barack Obama visited the inn.\n\nObama on Friday declared the site a monument \"to tell the story of the struggle for rights.\"", "Barack Obama"},
		{"later a day", "Reince Priebus later Thursday told Fox News: \"Both of them are meeting up next week to talk about these things.\"", "Reince Priebus"},
		{"a day and its part", "An email sent out by Bernie Sanders on Tuesday night warned of the fight ahead: \"There are fourteen primaries over the next three weeks.\"", "Bernie Sanders"},
		// the gazetteer's name for him
		{"a dated month", "Donald Trump on April 11 said \"I did what he had asked me to do last time.\"", "Trump"},
		{"a month in a name", "Theresa May said \"we will leave the union on time, whatever happens.\"", "Theresa May"},
		{"a possessive before the name", "Hillary Clinton's chief pollster and strategist Joel Benenson on Monday lashed out: \"That is not what the numbers say at all, not even close.\"", "Joel Benenson"},
		{"an ampersand in a name", "The drugmaker Johnson & Johnson said in a statement that \"the safety of patients comes first, always and everywhere.\"", "Johnson & Johnson"},
		{"an adverb's ending in a name", "Megyn Kelly reportedly said \"we will leave the studio on time, whatever happens.\"", "Megyn Kelly"},
	}
	checkLastSpeakers(t, tests)
}

// speakerCase is an article's text and the speaker of its last quotation.
type speakerCase struct{ name, text, want string }

// checkLastSpeakers checks each case's last quotation's speaker.
func checkLastSpeakers(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastSpeaker(t, tt.text); got != tt.want {
				t.Errorf("speaker %q, want %q", got, tt.want)
			}
		})
	}
}

// lastSpeaker reads text as an article under a headline and returns the
// speaker of its last quotation.
func lastSpeaker(t *testing.T, text string) string {
	t.Helper()
	as, warns := corpus.NewReader().Read("article.txt", []byte("A headline\n\n"+text))
	if len(as) != 1 {
		t.Fatalf("%d articles: %v", len(as), warns)
	}
	a := &as[0]
	ws := words(a.Text)
	qs := extractQuotes(DefaultEntities(), a, ws, DefaultEntities().mentions(a.Text, ws))
	if len(qs) == 0 {
		t.Fatal("no quotations")
	}
	return qs[len(qs)-1].Speaker
}

func TestSpeechVerbGrade(t *testing.T) {
	for _, tt := range []struct {
		form string
		want VerbGrade
	}{
		{"said", "neutral"},
		{"According to", "neutral"},
		{"insisted", "emphatic"},
		{"claimed", "doubtful"},
		{"slammed", "loaded"},
		{"fired back", "loaded"},
		{"tweeted", "neutral"},
		{"ate", ""},
	} {
		if got := SpeechVerbGrade(tt.form); got != tt.want {
			t.Errorf("SpeechVerbGrade(%q) = %q, want %q", tt.form, got, tt.want)
		}
	}
}
