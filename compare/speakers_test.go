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
		quotes[strings.TrimSuffix(f.Name, ".md")] = extractQuotes(a, ws, entities().mentions(a.Text, ws))
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
	// Floors at the level reached: "The lawmaker, who represents a
	// district…" is not linked to the lawmaker named before.
	if speakers < n-1 || verbs < n {
		t.Errorf("%d of %d speakers and %d verbs right, want at least %d and %d", speakers, n, verbs, n-1, n)
	}
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
