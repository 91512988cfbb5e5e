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
	}
	kinds := map[entityKind]string{kindOther: "other", kindPerson: "person", kindPlace: "place"}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, m := range entities().mentions(tt.text, words(tt.text)) {
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
