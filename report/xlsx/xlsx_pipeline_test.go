package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/framediff/framediff/internal/reporttest"
	"github.com/google/go-cmp/cmp"
)

func TestWriteXLSXSeedPipeline(t *testing.T) {
	res := reporttest.Seeds(t)
	data := writeXLSX(t, res, Options{})
	d := checkReadBack(t, res, Options{}, data)

	for _, s := range d.Sheets {
		if len(s.Tables) == 0 || s.Freeze == nil || (*s.Freeze != "A2" && *s.Freeze != "D2") {
			t.Errorf("sheet %s: tables %v, frozen at %v", s.Name, s.Tables, s.Freeze)
		}
	}
	names := strings.Join(sheetNames(d), " ")
	for _, section := range []struct {
		name  string
		built bool
	}{
		{"Terms", res.Framing != nil},
		{"Hits", res.Framing != nil && len(res.Framing.Hits) > 0},
		{"Events", len(res.Events) > 0},
		{"Alignments", len(res.Alignments) > 0},
		{"Quotes", len(res.Quotes) > 0},
	} {
		if got := strings.Contains(names, section.name); got != section.built {
			t.Errorf("sheet %s present = %v, section built = %v (sheets: %s)", section.name, got, section.built, names)
		}
	}

	// Narrator-voice "regime" (all terms of the regime pole: "regime",
	// "Assad regime", "Syrian regime", …), read from the seed text: The New
	// Arab 2, The Globe Post 2, every other outlet 0.
	if res.Framing == nil {
		return
	}
	terms := d.sheet(t, "Terms")
	want := map[string]float64{"CGTN": 0, "Iran Press": 0, "Sahar News": 0, "The Globe Post": 2, "The New Arab": 2}
	got := map[string]float64{}
	rows := 0
	for _, row := range terms.Rows[1:] {
		if row[0] != "state" || row[1] != "regime" {
			continue
		}
		rows++
		for i, h := range terms.Rows[0] {
			if name, ok := strings.CutSuffix(fmt.Sprint(h), " narrator"); ok {
				n, _ := row[i].(float64)
				got[name] += n
			}
		}
	}
	if rows == 0 {
		t.Fatalf("Terms has no rows for the state axis's regime pole")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("narrator regime-pole hits per outlet (-want +got):\n%s", diff)
	}
}
