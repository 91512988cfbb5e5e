package framing

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []string // Text/Lower pairs
		start []int
	}{
		{"plain", "Russian air raids pounded", []string{"Russian/russian", "air/air", "raids/raids", "pounded/pounded"}, []int{0, 8, 12, 18}},
		{"possessive straight", "Assad's regime", []string{"Assad's/assad", "regime/regime"}, nil},
		{"possessive curly", "Assad’s regime", []string{"Assad’s/assad", "regime/regime"}, nil},
		{"possessive left quote", "al-Assad‘s regime", []string{"al/al", "Assad‘s/assad", "regime/regime"}, nil},
		{"contraction", "it’s", []string{"it’s/it"}, nil},
		{"hyphen", "rebel-held so‑called", []string{"rebel/rebel", "held/held", "so/so", "called/called"}, nil},
		{"punctuation dropped", "“de-escalation” zones, 2,000 U.S. troops!", []string{"de/de", "escalation/escalation", "zones/zones", "2,000/2,000", "U.S/u.s", "troops/troops"}, nil},
		{"case kept in Text", "IS is", []string{"IS/is", "is/is"}, nil},
		{"non-ASCII", "Ünal’s ÇAĞRI", []string{"Ünal’s/ünal", "ÇAĞRI/çağri"}, nil},
		{"invisible characters", "re\u00adgime IS\u200f", []string{"re\u00adgime/regime", "IS\u200f/is"}, nil},
		{"empty", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text)
			var got []string
			var starts []int
			for _, tok := range toks {
				got = append(got, tok.Text+"/"+tok.Lower)
				starts = append(starts, tok.Start)
				if tt.text[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %q: span [%d,%d) is %q", tok.Text, tok.Start, tok.End, tt.text[tok.Start:tok.End])
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.text, diff)
			}
			if tt.start != nil {
				if diff := cmp.Diff(tt.start, starts); diff != "" {
					t.Errorf("starts (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestStem(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"liberate", "liber"}, {"liberated", "liber"}, {"liberating", "liber"}, {"liberation", "liber"},
		{"Government", "govern"}, {"governing", "govern"}, {"regimes", "regim"}, {"is", "is"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// uax29Words is scanWords done by the uax29 iterator alone.
func uax29Words(text string) [][2]int {
	var out [][2]int
	_ = unicodeWords(text, 0, len(text), func(s, e int) { out = append(out, [2]int{s, e}) })
	return out
}

func fastWords(text string) [][2]int {
	var out [][2]int
	scanWords(text, func(s, e int) { out = append(out, [2]int{s, e}) })
	return out
}

func TestScanWordsAgreesWithUAX29(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "Z", "0", "9", "_", ":", ".", "'", ",", ";", " ", "-", "\"", "\n", "\t", "é", "’", "\u0301", "\u2060", "\u200d", "🇺", "👍", "א", "\u00a0", "‘", "“", "\xe9", "\xff", "\xc2", "\xe2\x80", "\xf3"}
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		text := b.String()
		if !utf8.ValidString(text) {
			continue // see FuzzTokenize
		}
		if diff := cmp.Diff(uax29Words(text), fastWords(text)); diff != "" {
			t.Fatalf("scanWords(%q) (-uax29 +fast):\n%s", text, diff)
		}
	}
}
