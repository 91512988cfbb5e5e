package compare

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/framediff/framediff/framing"
)

// TestFindSwaps checks hand-labelled sentence pairs, taken from the seeds or
// edited from their sentences as another outlet might, for what is and is
// not a word swap.
func TestFindSwaps(t *testing.T) {
	poles := newPoleIndex(framing.DefaultLexicon())
	tests := []struct {
		name string
		a, b string
		want []swapPair
	}{
		{
			name: "replacement between content words",
			a:    "Russian air raids pounded rebel positions",
			b:    "Russian airplanes pounded rebel positions",
			want: []swapPair{{"air raids", "airplanes"}},
		},
		{
			name: "replacement opening the passage",
			a:    "Air raids pounded rebel positions in the south of the province",
			b:    "Airplanes pounded rebel positions in the south of the province",
			want: []swapPair{{"air raids", "airplanes"}},
		},
		{
			name: "framing swap",
			a:    "Throughout the seven-year conflict, the Syrian regime and its allies have designated many of their rebel opponents as terrorists",
			b:    "Throughout the seven-year conflict, the Syrian government and its allies have designated many of their rebel opponents as terrorists",
			want: []swapPair{{"regime", "government"}},
		},
		{
			name: "framing swap with only stopwords after it",
			a:    "areas recaptured by the regime and by the",
			b:    "areas recaptured by the government and by the",
			want: []swapPair{{"regime", "government"}},
		},
		{
			name: "framing swap of two-word terms",
			a:    "Russia and Iran are key allies of the Assad regime, which has vowed to retake Idlib",
			b:    "Russia and Iran are key allies of the Syrian government, which has vowed to retake Idlib",
			want: []swapPair{{"assad regime", "syrian government"}},
		},
		{
			name: "two swaps in one pair",
			a:    "Russian air raids pounded rebel positions as the regime massed troops",
			b:    "Russian airplanes pounded rebel positions as the government massed troops",
			want: []swapPair{{"air raids", "airplanes"}, {"regime", "government"}},
		},
		{
			name: "only a stopword as context after",
			a:    "the situation in (the) Idlib de-escalation area and decided to",
			b:    "the situation in the Idlib de-escalation zone and have decided to",
		},
		{
			name: "name against a definite description, and an added word",
			a:    "summit in Tehran to discuss the fate of Syria's last rebel bastion",
			b:    "summit to discuss the fate of the country’s last major rebel bastion",
		},
		{
			name: "a word added and another dropped",
			a:    "last rebel-held bastion of Idlib",
			b:    "last major rebel bastion of Idlib",
		},
		{
			name: "stopword-only sides",
			a:    "Erdogan said Ankara was in indirect contact with the Syrian government",
			b:    "Erdogan said Ankara had been in indirect contact with the Syrian government",
		},
		{
			name: "inflection only",
			a:    "Russian air raid pounded rebel positions",
			b:    "Russian air raids pounded rebel positions",
		},
		{
			name: "side longer than three words",
			a:    "Turkish President Recep Tayyip Erdogan has threatened the Syrian government in recent days",
			b:    "Turkey's leader has threatened the Syrian government in recent days",
		},
		{
			name: "side that only adds words",
			a:    "Turkey backs opposition fighters and has warned against an offensive on Idlib",
			b:    "Turkey backs some opposition fighters and has warned against an offensive on Idlib",
		},
		{
			name: "whole passage replaced",
			a:    "Russian air raids pounded rebel positions",
			b:    "Putin rejected the call",
		},
		{
			name: "identical passages",
			a:    "Russian air raids pounded rebel positions",
			b:    "Russian air raids pounded rebel positions",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findSwaps(tt.a, tt.b, poles)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(swapPair{})); diff != "" {
				t.Errorf("findSwaps(%q, %q) (-want +got):\n%s", tt.a, tt.b, diff)
			}
		})
	}
}
