package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

func TestSummary(t *testing.T) {
	res := &compare.Result{
		Articles: []corpus.Article{
			{ID: "a1", Outlet: "Outlet A", Words: 1000},
			{ID: "b1", Outlet: "B | <script>x</script>", Words: 500},
			{ID: "b2", Outlet: "B | <script>x</script>", Words: 500},
			{ID: "c1", Words: 200},
		},
		Events: []compare.Event{
			{ID: "e1", Label: "Summit", Start: "2020-01-01", End: "2020-01-02", Articles: []string{"a1", "b1"}},
			{ID: "e2", Articles: []string{"b2"}},
		},
	}
	res.Framing = &compare.Framing{Counts: []framing.Count{
		{Outlet: "Outlet A", Axis: "armed_groups", Pole: "rebels", Term: "rebels", Voice: framing.Narrator, Count: 4, Per1000Words: 4, Words: 1000},
		{Outlet: "B | <script>x</script>", Axis: "armed_groups", Pole: "terrorists", Term: "terrorists", Voice: framing.Narrator, Count: 2, Per1000Words: 2, Words: 1000},
		{Outlet: "B | <script>x</script>", Axis: "armed_groups", Pole: "terrorists", Term: "terrorists", Voice: framing.Quoted, Count: 9, Words: 1000},
		{Outlet: "Outlet A", Axis: "state", Pole: "government", Term: "government", Voice: framing.Narrator, Count: 1, Words: 1000},
		{Outlet: "B | <script>x</script>", Axis: "state", Pole: "government", Term: "government", Voice: framing.Narrator, Count: 3, Words: 1000},
	}}
	res.Quotes = []compare.Quote{
		{Outlet: "Outlet A", Speaker: "Putin", Fidelity: "verbatim"},
		{Outlet: "Outlet A", Speaker: "Putin", Fidelity: "trimmed"},
		{Outlet: "Outlet A", Speaker: "", Fidelity: "unique"},
		{Outlet: "Outlet A", Speaker: "Erdogan", Fidelity: "unique", Headline: true},
	}
	var b bytes.Buffer
	if err := WriteSummary(&b, res); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"4 articles from 3 outlets, 2 events.",
		// named as the handout and the workbook name it
		"| Unknown outlet |  |  | 1 | 200 |",
		"| B \\| \\<script\\>x\\</script\\> |  |  | 2 | 1000 |",
		"| Summit | 2020-01-01 – 2020-01-02 | 2 | B \\| \\<script\\>x\\</script\\>, Outlet A |",
		"| e2 | undated | 1 | B \\| \\<script\\>x\\</script\\> |",
		// Only armed groups differ (the state axis leads with government
		// everywhere); quoted hits are left out.
		"- **armed\\_groups**: B \\| \\<script\\>x\\</script\\>: terrorists 2 (2.0); Outlet A: rebels 4 (4.0)\n",
		"| Outlet A | 3 | 1 | 1 | 0 | 0 | 1 | Putin (2) |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "**state**") {
		t.Errorf("summary lists an axis on which no outlet differs:\n%s", got)
	}
	if strings.Contains(got, "<script>") {
		t.Errorf("summary has unescaped HTML")
	}
}

// TestSummaryReadsOutletFigures checks that the summary states the
// Result's stored outlet figures rather than counting articles and
// quotations itself.
func TestSummaryReadsOutletFigures(t *testing.T) {
	res := &compare.Result{
		Articles: []corpus.Article{{ID: "a1", Outlet: "Outlet A", Words: 1000}},
		Quotes:   []compare.Quote{{Outlet: "Outlet A", Speaker: "Putin", Fidelity: "verbatim"}},
	}
	figs := compare.FiguresOfOutlets(res)
	if len(figs) != 1 || figs[0].Articles != 1 || figs[0].Quotes != 1 || figs[0].Fidelities[0].Quotes != 1 {
		t.Fatalf("figures %+v, want one outlet with one article and one verbatim quotation", figs)
	}
	figs[0].Articles, figs[0].Words, figs[0].Quotes = 7, 4321, 12
	figs[0].Fidelities[1].Quotes = 11
	figs[0].Speakers = []compare.SpeakerCount{{Speaker: "Stored Speaker", Quotes: 12}}
	res.OutletFigures = figs
	var b bytes.Buffer
	if err := WriteSummary(&b, res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"| Outlet A |  |  | 7 | 4321 |", "| Outlet A | 12 | 1 | 11 | 0 | 0 | 0 | Stored Speaker (12) |"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks the stored figures %q:\n%s", want, out)
		}
	}
}
