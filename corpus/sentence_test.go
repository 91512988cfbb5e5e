package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "Mr. Smith went to the U.S. on Jan. 5. He said it was over.",
			[]string{"Mr. Smith went to the U.S. on Jan. 5.", "He said it was over."}},
		{"initialism then starter", "He flew to the U.S. He landed at noon.",
			[]string{"He flew to the U.S.", "He landed at noon."}},
		{"initialism then name", "The U.S. Army said so. It left.",
			[]string{"The U.S. Army said so.", "It left."}},
		{"quotation spanning sentences", `He said: "It is over. We won." Then he left.`,
			[]string{`He said: "It is over. We won."`, "Then he left."}},
		{"curly quotation", "“I believe he is right. It would be good,” Putin noted. He left.",
			[]string{"“I believe he is right. It would be good,” Putin noted.", "He left."}},
		{"closing quote stays", "Erdogan insisted: “If we can ensure a ceasefire here.” Then silence.",
			[]string{"Erdogan insisted: “If we can ensure a ceasefire here.”", "Then silence."}},
		{"unclosed quotation still splits", "“It goes on. And on. The quote continues",
			[]string{"“It goes on.", "And on.", "The quote continues"}},
		{"ellipsis mid-sentence", "which stipulate... a possibility of peace. Next.",
			[]string{"which stipulate... a possibility of peace.", "Next."}},
		{"initial", "George W. Bush spoke. Then Dr. Who.",
			[]string{"George W. Bush spoke.", "Then Dr. Who."}},
		{"numbers", "It grew 3.5 percent. No. 10 said no.",
			[]string{"It grew 3.5 percent.", "No. 10 said no."}},
		{"question and exclamation", "Why? Because! Fine.",
			[]string{"Why?", "Because!", "Fine."}},
		{"heading without period", "Coronavirus outbreak",
			[]string{"Coronavirus outbreak"}},
		{"parenthesis", "It was said (in Moscow.) Then more.",
			[]string{"It was said (in Moscow.)", "Then more."}},
		{"lowercase after period", "the so-called I.S. fighters left. Then.",
			[]string{"the so-called I.S. fighters left.", "Then."}},
		{"non-latin", "مرحبا بالعالم. هذا اختبار.",
			[]string{"مرحبا بالعالم.", "هذا اختبار."}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range SplitSentences(tc.in) {
				got = append(got, tc.in[s.Start:s.End])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitSentences(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// The quick front-matter reader agrees with YAML wherever it answers.
func TestParseSimpleFields(t *testing.T) {
	tests := []string{
		"id: a-1\noutlet: CGTN\ntitle: \"Leaders meet: Tehran\"\npublished: 2018-09-07\n",
		"title: 'It''s over'\nurl: https://example.com/x?y=1\n",
		"title: plain words here\nunknown: 3\n",
		"title: \"with \\\"escapes\\\"\"\n",
		"tags: [a, b]\n",
		"title: x # comment\n",
		"outlet:\n  - a\n",
	}
	for _, in := range tests {
		f, ws, ok := parseSimpleFields(in, 1)
		var want fields
		var wantWs []lineWarning
		want, wantWs = parseFieldsYAML([]byte(in), 1)
		if !ok {
			continue
		}
		if diff := cmp.Diff(want, f, cmp.AllowUnexported(fields{})); diff != "" {
			t.Errorf("%q: fields (-yaml +quick):\n%s", in, diff)
		}
		if diff := cmp.Diff(wantWs, ws, cmp.AllowUnexported(lineWarning{})); diff != "" {
			t.Errorf("%q: warnings (-yaml +quick):\n%s", in, diff)
		}
	}
}
