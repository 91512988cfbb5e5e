package compare_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
)

func readDirs(t *testing.T, dirs ...string) []corpus.Article {
	t.Helper()
	var arts []corpus.Article
	for _, d := range dirs {
		as, ws := corpus.NewReader().ReadFS(os.DirFS(d))
		if len(ws) > 0 {
			t.Fatalf("%s: %v", d, ws)
		}
		arts = append(arts, as...)
	}
	return arts
}

func eventsOf(res *compare.Result) [][]string {
	var out [][]string
	for _, e := range res.Events {
		out = append(out, e.Articles)
	}
	return out
}

// Five reports of the Tehran summit in five languages name the same people
// and places in their own scripts and group as one event; with the English
// examples, the reports of the same day join them and the 2020 report
// stays apart.
func TestEventsAcrossLanguages(t *testing.T) {
	langs := filepath.Join("..", "testdata", "languages")
	examples := filepath.Join("..", "testdata", "examples")
	summit := []string{"aa-tr-2018-09-07", "cgtn-ar-2018-09-07", "cgtn-zh-2018-09-07", "iranpress-fa-2018-09-07", "tass-ru-2018-09-07"}
	tests := []struct {
		name string
		dirs []string
		want [][]string
	}{
		{"five languages", []string{langs}, [][]string{summit}},
		{"with English", []string{langs, examples}, [][]string{
			{"aa-tr-2018-09-07", "cgtn-2018-09-07", "cgtn-ar-2018-09-07", "cgtn-zh-2018-09-07", "globepost-2018-09-07", "iranpress-fa-2018-09-07", "newarab-2018-09-07", "tass-ru-2018-09-07"},
			{"iranpress"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := compare.Build(context.Background(), readDirs(t, tt.dirs...), compare.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, eventsOf(res)); d != "" {
				t.Errorf("events (-want +got):\n%s", d)
			}
			for _, e := range res.Events {
				if len(e.Articles) > 1 && e.Label == "" {
					t.Errorf("event %s has no label", e.ID)
				}
			}
		})
	}
}

// The same summit in Russian a month later is another event: names alone
// do not join articles outside the date window.
func TestEventsAcrossLanguagesKeepDateWindow(t *testing.T) {
	arts := readDirs(t, filepath.Join("..", "testdata", "languages"))
	for i := range arts {
		if arts[i].Language == "ru" {
			arts[i].Published.Time = arts[i].Published.Time.AddDate(0, 1, 0)
		}
	}
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(res.Events); got != 2 {
		t.Errorf("%d events, want 2: %v", got, eventsOf(res))
	}
}

// Hits in the Turkish and Russian summit reports, as read by hand.
func TestLanguageHitsInSummitReports(t *testing.T) {
	res, err := compare.Build(context.Background(), readDirs(t, filepath.Join("..", "testdata", "languages")), compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, h := range res.Framing.Hits {
		got[h.Article] = append(got[h.Article], h.Axis+"/"+h.Pole+" "+h.Match)
	}
	want := map[string][]string{
		"aa-tr-2018-09-07": {
			"military_action/offensive saldırının", "casualties/catastrophe katliama", "casualties/catastrophe insani felakete",
			"ceasefire/ceasefire ateşkes", "state/regime Esad rejiminin", "military_action/offensive saldırıları",
			"casualties/civilians sivillerin", "armed_groups/terrorists teröristlerin", "casualties/civilians masum sivillerin",
			"casualties/civilians sivili", "state/government Suriye hükümetinin", "territory/capture ele geçirme",
			"armed_groups/rebels muhalif grupların",
		},
		"tass-ru-2018-09-07": {
			"state/government законное правительство", "territory/liberation восстановить контроль",
			"armed_groups/terrorists террористических группировок", "armed_groups/militants боевики",
			"casualties/civilians мирных жителей", "ceasefire/ceasefire перемирию", "military_action/offensive наступление",
			"casualties/catastrophe гуманитарной катастрофе", "foreign_forces/occupation незаконное присутствие",
			"foreign_forces/presence американских войск", "military_action/counter_terrorism борьба с терроризмом",
			"named_group/islamic_state ИГИЛ",
		},
	}
	for id, w := range want {
		if d := cmp.Diff(w, got[id]); d != "" {
			t.Errorf("%s hits (-want +got):\n%s", id, d)
		}
	}
	for _, id := range []string{"cgtn-ar-2018-09-07", "cgtn-zh-2018-09-07", "iranpress-fa-2018-09-07"} {
		if len(got[id]) < 8 {
			t.Errorf("%s: %d hits, want at least 8: %v", id, len(got[id]), got[id])
		}
	}
}
