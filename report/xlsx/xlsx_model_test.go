package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/internal/reporttest"
	"github.com/xuri/excelize/v2"
)

// TestHitsSheetReadsStoredContext checks that the Hits sheet shows each
// hit's context as the Result stores it (Hit.ContextStart, ContextEnd),
// not one it cuts itself: with every context narrowed to the hit alone,
// every row shows nothing but "…" either side.
func TestHitsSheetReadsStoredContext(t *testing.T) {
	res := reporttest.Seeds(t)
	hits := res.Framing.Hits
	for i := range hits {
		hits[i].ContextStart, hits[i].ContextEnd = hits[i].Start, hits[i].End
	}
	rows := sheetRows(t, res, "Hits")
	if len(rows)-1 != len(hits) {
		t.Fatalf("%d rows, want one per hit (%d)", len(rows)-1, len(hits))
	}
	for _, r := range rows[1:] {
		for len(r) < 9 {
			r = append(r, "")
		}
		left, right := r[6], r[8]
		if strings.Trim(left, "…") != "" || strings.Trim(right, "…") != "" {
			t.Errorf("%s %q: context %q … %q, want none beyond the stored one", r[1], r[7], left, right)
		}
	}
}

// TestArticleWithoutOutletNamedAsElsewhere checks that the workbook names
// an article that gives no outlet as the handout, the web page and the
// summary do (compare.UnknownOutlet), so that a reader can match rows
// across the outputs.
func TestArticleWithoutOutletNamedAsElsewhere(t *testing.T) {
	res := reporttest.Seeds(t)
	id := res.Articles[0].ID
	res.Articles[0].Outlet = ""
	rows := sheetRows(t, res, "Articles")
	for _, r := range rows[1:] {
		if len(r) > 1 && r[0] == id {
			if r[1] != compare.UnknownOutlet {
				t.Errorf("article %s without outlet is named %q, want %q", id, r[1], compare.UnknownOutlet)
			}
			return
		}
	}
	t.Fatalf("no row for article %s", id)
}

// sheetRows writes res as a workbook and reads back the rows of sheet
// with excelize.
func sheetRows(t *testing.T, res *compare.Result, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(writeXLSX(t, res, Options{})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
