package compare

import (
	"encoding/json"
	"testing"
)

// TestFidelityLabels checks that each fidelity reads differently: a
// paraphrased quotation is still quoted, reported speech is not.
func TestFidelityLabels(t *testing.T) {
	all := []Fidelity{FidelityVerbatim, FidelityTrimmed, FidelityExtended, FidelityParaphrased, FidelityUnique, FidelityReported, FidelityAbsent}
	seen := map[string]Fidelity{}
	for _, f := range all {
		l := f.Label()
		if prev, ok := seen[l]; ok {
			t.Errorf("%s and %s share the label %q", prev, f, l)
		}
		seen[l] = f
	}
	if got := FidelityParaphrased.Label(); got != "paraphrased" {
		t.Errorf("paraphrased reads %q", got)
	}
	if got := FidelityReported.Label(); got != "reported speech" {
		t.Errorf("reported reads %q", got)
	}
	if !FidelityParaphrased.Quoted() || FidelityReported.Quoted() || FidelityAbsent.Quoted() {
		t.Error("Quoted: a paraphrase is quoted, reported speech and absence are not")
	}
}

// TestKindsJSON checks that the typed kinds write the strings report.json
// always had.
func TestKindsJSON(t *testing.T) {
	al := Alignment{Kind: AlignParaphrase, Diff: []DiffOp{{Op: OpInsert, Text: "x"}}}
	q := QuoteVersion{Fidelity: FidelityReported}
	for _, tc := range []struct {
		v    any
		want string
	}{
		{al.Kind, `"paraphrase"`},
		{al.Diff[0], `{"op":"insert","text":"x"}`},
		{q.Fidelity, `"reported"`},
	} {
		b, err := json.Marshal(tc.v)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.want {
			t.Errorf("%v = %s, want %s", tc.v, b, tc.want)
		}
	}
}
