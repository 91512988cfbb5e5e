package framing

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEmbeddedLexicons(t *testing.T) {
	if got, want := LexiconNames(), []string{"default", "politics"}; !cmp.Equal(got, want) {
		t.Fatalf("LexiconNames() = %q, want %q", got, want)
	}
	for _, name := range LexiconNames() {
		lex, err := EmbeddedLexicon(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if lex.Name != name {
			t.Errorf("%s: Name %q", name, lex.Name)
		}
	}
	if _, err := EmbeddedLexicon("nonesuch"); err == nil || !strings.Contains(err.Error(), "default, politics") {
		t.Errorf("unknown name: err %v", err)
	}
}

// TestPoliticsLexiconTerms checks the politics lexicon on sentences from
// real reporting.
func TestPoliticsLexiconTerms(t *testing.T) {
	lex, err := EmbeddedLexicon("politics")
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(lex)
	tests := []struct {
		text string
		want []string // "axis/pole/term=match"
	}{
		{"Trump slammed the FBI as Republicans pounced on the bombshell report.", []string{"speech/hostile/slammed=slammed", "speech/hostile/pounced=pounced", "evaluation/pejorative/bombshell=bombshell"}},
		{"His cronies excoriated the brash senator.", []string{"evaluation/pejorative/cronies=cronies", "speech/hostile/excoriated=excoriated", "evaluation/pejorative/brash=brash"}},
		{"Thugs of the regime beat protesters, a radical group said.", []string{"labels/enemy/thugs=Thugs", "labels/enemy/regime=regime", "labels/enemy/radical=radical"}},
		{"The negotiators hammered out a deal under the new sanctions regime.", nil},
		{"It was an utterly absurd and unprecedented move.", []string{"intensity/amplifiers/utterly=utterly", "evaluation/pejorative/absurd=absurd", "intensity/amplifiers/unprecedented=unprecedented"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, h := range m.Match(article("p", tt.text)) {
				got = append(got, h.Axis+"/"+h.Pole+"/"+h.Term+"="+h.Match)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCombineLexicons(t *testing.T) {
	def, pol := DefaultLexicon(), mustLexicon(t, "politics")
	both, err := CombineLexicons(def, pol)
	if err != nil {
		t.Fatal(err)
	}
	if both.Name != "default+politics" || len(both.Axes) != len(def.Axes)+len(pol.Axes) {
		t.Fatalf("combined %q with %d axes", both.Name, len(both.Axes))
	}
	// "regime" is in both; the first lexicon's term counts, once.
	var got []string
	for _, h := range NewMatcher(both).Match(article("c", "The regime slammed the onslaught of shelling.")) {
		got = append(got, h.Axis+"/"+h.Term)
	}
	if want := []string{"state/regime", "speech/slammed", "military_action/onslaught"}; !cmp.Equal(got, want) {
		t.Errorf("combined hits %q, want %q", got, want)
	}
	if _, ok := both.Term("labels", "enemy", "regime"); ok {
		t.Error("politics' regime kept beside the default's")
	}
	if _, err := CombineLexicons(def, def); err == nil || !strings.Contains(err.Error(), `axis "state"`) {
		t.Errorf("combining a lexicon with itself: err %v", err)
	}
	if both.Digest == def.Digest || len(both.Digest) != 64 {
		t.Errorf("digest %q", both.Digest)
	}
}

func mustLexicon(t *testing.T, name string) *Lexicon {
	t.Helper()
	lex, err := EmbeddedLexicon(name)
	if err != nil {
		t.Fatal(err)
	}
	return lex
}
