package compare

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMentions(t *testing.T) {
	tests := []struct {
		text string
		want []string // "kind:key"
	}{
		{"Russian President Vladimir Putin met them.", []string{"place:Russia", "person:Putin"}},
		{"They backed President Bashar al-Assad's forces.", []string{"person:Assad"}},
		{"During the talks, Iran's President Rouhani spoke.", []string{"place:Iran", "person:Rouhani"}},
		{"The union leader Marta Lind said it. Later Lind left.", []string{"person:Marta Lind", "person:Marta Lind"}},
		{"The United Nations called for calm in Idlib.", []string{"place:Idlib", "other:United Nations"}},
		{"His Turkish counterpart Recep Tayyip Erdogan agreed.", []string{"place:Turkey", "person:Erdogan"}},
		{"Footage showed smoke. The footage was old.", nil},
		{"It happened on Friday in Tehran.", []string{"place:Tehran"}},
		// One surname, two people: a surname alone is the nearest before it.
		{"The former vice president, Dick Cheney, spoke. Liz Cheney is running. Cheney said so.", []string{"person:Dick Cheney", "other:Liz Cheney", "person:Liz Cheney"}},
		{"Former Vice President Dick Cheney backed Liz Cheney. Later Cheney said so.", []string{"other:Former Vice", "person:Dick Cheney", "other:Liz Cheney", "person:Liz Cheney"}},
		// A first-name variant is one person.
		{"Sen. Michael Bennet spoke. Mike Bennet agreed. Bennet left.", []string{"person:Michael Bennet", "other:Mike Bennet", "person:Michael Bennet"}},
	}
	kinds := map[entityKind]string{kindOther: "other", kindPerson: "person", kindPlace: "place"}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, m := range DefaultEntities().mentions(tt.text, words(tt.text)) {
				got = append(got, kinds[m.Kind]+":"+m.Key)
			}
			// Sort places and others after people for a stable comparison
			// of what was found, not of where.
			if diff := cmp.Diff(sorted(tt.want), sorted(got)); diff != "" {
				t.Errorf("mentions (-want +got):\n%s", diff)
			}
		})
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && strings.Compare(out[j-1], out[j]) > 0; j-- {
			out[j-1], out[j] = out[j], out[j-1]
		}
	}
	return out
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"2018-09-07 Tehran summit Putin Erdogan": "2018-09-07-tehran-summit-putin-erdogan",
		"undated  Call: Rouhani!":                "undated-call-rouhani",
		"Çavuşoğlu talks":                        "çavuşoğlu-talks",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSubjectPosition checks, on sentences from the seeds, which mentions of
// a person name who acts or speaks.
func TestSubjectPosition(t *testing.T) {
	tests := []struct {
		text string
		want []string // "key:subject" or "key:-" per person mention, in order
	}{
		{"On Wednesday, Putin and Erdogan held talks in Moscow, the capital of Russia.", []string{"Putin:subject", "Erdogan:subject"}},
		{"\u201cUnfortunately, there are many problems,\u201d said Putin.", []string{"Putin:subject"}},
		{"Putin added that if the withdrawal of US troops happens, it will be a positive step.", []string{"Putin:subject"}},
		{"Erdogan, for his part, said it was of the utmost importance.", []string{"Erdogan:subject"}},
		{"In December, US President Donald Trump announced abruptly that his country had defeated the group.", []string{"Trump:subject"}},
		{"Erdogan discussed a Turkey-controlled \u201csafe zone\u201d in northern Syria, suggested by Trump.", []string{"Erdogan:subject", "Trump:-"}},
		{"The last meeting between Putin, Erdogan and Iranian President Hassan Rouhani was in Tehran.", []string{"Putin:-", "Erdogan:-", "Rouhani:-"}},
		{"Iranian President Rouhani has told his Turkish counterpart Erdogan that innocent people should be protected.", []string{"Rouhani:subject", "Erdogan:-"}},
		{"US Lawmakers Urge President Trump to Remain Engaged in Syria", []string{"Trump:-"}},
		{"Rouhani was invited to Ankara.", []string{"Rouhani:-"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ws := words(tt.text)
			var got []string
			for _, m := range DefaultEntities().mentions(tt.text, ws) {
				if m.Kind != kindPerson {
					continue
				}
				pos := "-"
				if subjectPosition(tt.text, ws, m) {
					pos = "subject"
				}
				got = append(got, m.Key+":"+pos)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("subject positions (-want +got):\n%s", diff)
			}
		})
	}
}

// The entity and foreign-name files refuse keys they do not know, naming
// the line, so that a misspelt key does not silently drop its entries.
func TestEntityFilesRefuseUnknownKeys(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"person", "people:\n  - name: A B\n    alias: [B]\n", `data/entities.yaml:3: unknown key "alias" (did you mean "aliases"?)`},
		{"top level", "people: []\ntitle: [Mr]\n", `data/entities.yaml:2: unknown key "title" (did you mean "titles"?)`},
		{"event", "events:\n  - name: e\n    form: [x]\n", `data/entities.yaml:3: unknown key "form" (did you mean "forms"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeEntities("data/entities.yaml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("decodeEntities error %v, want one containing %q", err, tt.want)
			}
		})
	}
	_, err := parseForeignNames([]byte("people:\n  A: [a]\nplace:\n  B: [b]\n"))
	if want := `data/names_languages.yaml:3: unknown key "place" (did you mean "places"?)`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("parseForeignNames error %v, want one containing %q", err, want)
	}
}
