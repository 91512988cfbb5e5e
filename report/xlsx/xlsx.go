// Package xlsx writes a compare.Result as report.xlsx, an Excel workbook
// of one sheet per table, with charts.
package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report"
	"github.com/xuri/excelize/v2"
)

// Options control Write. The zero value writes a workbook within
// Excel's own limits.
type Options struct {
	// ContextChars is how many characters of context the Hits sheet shows
	// either side of a match, cut as framing.KWIC cuts; 0 means
	// framing.DefaultContextChars, the context report.json keeps.
	ContextChars int
	// MaxRows is the most rows, header included, that one sheet holds before
	// its table continues on a further sheet ("Hits 2", …); 0 or anything
	// above Excel's 1,048,576 means Excel's limit.
	MaxRows int
	// MaxCellChars is the most characters (UTF-16 units) one cell holds;
	// longer text is cut and ends with "… [truncated]". 0 or anything above
	// Excel's 32,767 means Excel's limit; values below 32 are raised to 32.
	MaxCellChars int
	// TempDir is where large sheets are buffered while they are written;
	// empty means the system's temporary directory.
	TempDir string
}

func (o Options) withDefaults() Options {
	if o.ContextChars <= 0 {
		o.ContextChars = framing.DefaultContextChars
	}
	if o.MaxRows <= 0 || o.MaxRows > excelMaxRows {
		o.MaxRows = excelMaxRows
	}
	if o.MaxRows < 2 {
		o.MaxRows = 2
	}
	if o.MaxCellChars <= 0 || o.MaxCellChars > excelMaxCellChars {
		o.MaxCellChars = excelMaxCellChars
	}
	if o.MaxCellChars < 32 {
		o.MaxCellChars = 32
	}
	return o
}

// Write writes res to w as an Excel workbook: an Overview sheet, then
// one sheet per built section of res (Articles, Terms, Hits, Events,
// Alignments, Swaps, Quotes, Voice by outlet, Voice share, Coverage,
// Distinctive, Markers), each an Excel table.
// Sections that are nil or empty get no sheet. The same res always gives
// the same bytes. Big sheets are streamed through temporary files and the
// package is held compressed in memory until it is written to w. It returns
// an error, and may have written part of a file, when w fails or res needs
// more columns than a sheet holds.
func Write(w io.Writer, res *compare.Result, opts Options) error {
	if res == nil {
		return fmt.Errorf("write workbook: no result")
	}
	opts = opts.withDefaults()
	f := excelize.NewFile(excelize.Options{TmpDir: opts.TempDir})
	defer f.Close()
	x := &xlsxWriter{f: f, res: res, opts: opts, styles: map[styleKind]int{}, parts: newPackageParts()}
	defer x.parts.discard()
	if err := x.write(); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	stamp := x.stamp()
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "framediff report",
		Creator:        res.Tool.Name,
		LastModifiedBy: res.Tool.Name,
		Created:        stamp.Format(time.RFC3339),
		Modified:       stamp.Format(time.RFC3339),
		Version:        res.Tool.Version,
	}); err != nil {
		return fmt.Errorf("write workbook properties: %w", err)
	}
	parts := x.parts
	f.SetZipWriter(parts.zipWriter)
	if _, err := f.WriteToBuffer(); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	if err := parts.writeTo(w, stamp); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// stamp is the workbook's creation time, taken from its input so that the
// same input gives the same file: the latest publication date, or 1 January
// 1980 (the zip format's first day) when nothing is dated.
func (x *xlsxWriter) stamp() time.Time {
	first := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(2107, 12, 31, 0, 0, 0, 0, time.UTC) // the zip format's last day
	latest := first
	for _, a := range x.res.Articles {
		if a.Published.IsZero() {
			continue
		}
		if t := a.Published.Time.UTC(); t.After(latest) && t.Before(last) {
			latest = t
		}
	}
	return latest.Truncate(time.Second)
}

// xlsxWriter holds what writing one workbook needs.
type xlsxWriter struct {
	f      *excelize.File
	res    *compare.Result
	opts   Options
	styles map[styleKind]int
	parts  *packageParts
	// sheets are the written sheet names in order, pages included.
	sheets []string
	// extent is, by sheet written cell by cell, the largest column and
	// row setCell has written, for the sheet's dimension.
	extent map[string][2]int
}

// styleKind names a cell style; styleIDs are made on first use.
type styleKind int

const (
	stText styleKind = iota
	stWrap
	stRight
	stInt
	stDec2
	stDec3
	stPct
	stDate
	stDateTime
	stLink
	stPresent
	stAbsent
	stBold
)

func (x *xlsxWriter) style(k styleKind) (int, error) {
	if k == stText {
		return 0, nil
	}
	if id, ok := x.styles[k]; ok {
		return id, nil
	}
	var s excelize.Style
	custom := func(f string) *string { return &f }
	switch k {
	case stWrap:
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case stRight:
		s.Alignment = &excelize.Alignment{Horizontal: "right"}
	case stInt:
		s.NumFmt = 3 // #,##0
	case stDec2:
		s.CustomNumFmt = custom("0.00")
	case stDec3:
		s.CustomNumFmt = custom("0.000")
	case stPct:
		s.CustomNumFmt = custom("0.0%")
	case stDate:
		s.CustomNumFmt = custom("yyyy-mm-dd")
	case stDateTime:
		s.CustomNumFmt = custom("yyyy-mm-dd hh:mm:ss")
	case stLink:
		s.Font = &excelize.Font{Color: "0563C1", Underline: "single"}
	case stPresent:
		s.Font = &excelize.Font{Color: "006100"}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}
	case stAbsent:
		s.Font = &excelize.Font{Color: "9C0006"}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
	case stBold:
		s.Font = &excelize.Font{Bold: true}
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	default:
		return 0, fmt.Errorf("unknown cell style %d", k)
	}
	id, err := x.f.NewStyle(&s)
	if err != nil {
		return 0, fmt.Errorf("cell style: %w", err)
	}
	x.styles[k] = id
	return id, nil
}

// column is one column of a sheet's table.
type column struct {
	header string
	width  float64
	style  styleKind
}

// table is a sheet's main table: its columns and a source of rows.
type table struct {
	// sheet is the sheet's name; further pages are "sheet 2", "sheet 3", ….
	sheet string
	// name is the Excel table's name; pages get "_2", "_3", ….
	name string
	cols []column
	n    int
	// row fills r (len(cols) long, all nil) with the values of row i.
	row func(i int, r []any)
	// stream writes the sheet with excelize's StreamWriter; sheets that add
	// more than one table or charts are written cell by cell instead.
	stream bool
	// freezeCols is how many leading columns stay in view beside the
	// frozen header row.
	freezeCols int
	// extra adds side tables and charts to the first page, after the rows.
	extra func(sheet string) error
}

// plan returns the tables of every built section of x.res, in sheet order.
func (x *xlsxWriter) plan() []*table {
	var ts []*table
	for _, t := range []*table{
		x.articlesTable(),
		x.termsTable(),
		x.hitsTable(),
		x.eventsTable(),
		x.alignmentsTable(),
		x.swapsTable(),
		x.quotesTable(),
		x.voiceByOutletTable(),
		x.voiceShareTable(),
		x.coverageTable(),
		x.distinctiveTable(),
		x.markersTable(),
	} {
		if t != nil {
			ts = append(ts, t)
		}
	}
	return append([]*table{x.overviewTable(ts)}, ts...)
}

func (x *xlsxWriter) write() error {
	ts := x.plan()
	for _, t := range ts {
		if err := x.writeTable(t); err != nil {
			return fmt.Errorf("sheet %s: %w", t.sheet, err)
		}
	}
	return nil
}

// rowSink writes the rows of one page of a table.
type rowSink interface {
	setRow(row int, vals []any) error
	finish(tbl *excelize.Table) error
}

// writeTable writes t over as many pages as x.opts.MaxRows needs.
func (x *xlsxWriter) writeTable(t *table) error {
	header := make([]string, len(t.cols))
	for i, c := range t.cols {
		header[i] = c.header
	}
	header = uniqueHeaders(header, x.opts.MaxCellChars)
	perPage := x.opts.MaxRows - 1
	pages := (t.n + perPage - 1) / perPage
	if pages == 0 {
		pages = 1
	}
	t.cols = x.fitWidths(t, header)
	lastCol, err := excelize.ColumnNumberToName(len(t.cols))
	if err != nil {
		return err
	}
	vals := make([]any, len(t.cols))
	for p := 0; p < pages; p++ {
		sheet, name := t.sheet, t.name
		if p > 0 {
			sheet += " " + strconv.Itoa(p+1)
			name += "_" + strconv.Itoa(p+1)
		}
		from, to := p*perPage, min((p+1)*perPage, t.n)
		last := max(to-from+1, 2)
		sink, err := x.newSheet(sheet, t, len(t.cols), last)
		if err != nil {
			return err
		}
		hv := make([]any, len(header))
		for i, h := range header {
			hv[i] = styled{h, stBold}
		}
		if err := sink.setRow(1, hv); err != nil {
			return err
		}
		for i := from; i < to; i++ {
			clear(vals)
			t.row(i, vals)
			if err := sink.setRow(i-from+2, vals); err != nil {
				return err
			}
		}
		tbl := &excelize.Table{
			Range:     "A1:" + lastCol + strconv.Itoa(last),
			Name:      name,
			StyleName: "TableStyleMedium2",
		}
		if p == 0 && t.extra != nil {
			if err := t.extra(sheet); err != nil {
				return err
			}
		}
		if err := sink.finish(tbl); err != nil {
			return err
		}
		if _, cells := sink.(*cellSink); cells {
			// Charts' data may lie beyond the table.
			e := x.extent[sheet]
			if err := x.setDimension(sheet, max(e[0], len(t.cols)), max(e[1], last)); err != nil {
				return err
			}
		}
		x.sheets = append(x.sheets, sheet)
	}
	return nil
}

// widthSample is how many rows fitWidths reads.
const widthSample = 500

// fitWidths returns t's columns with each width fitted to its header and
// the first rows' contents, at most the column's declared width.
func (x *xlsxWriter) fitWidths(t *table, header []string) []column {
	cols := append([]column(nil), t.cols...)
	need := make([]int, len(cols))
	for i, h := range header {
		need[i] = utf16Len(h) + 3 // room for the filter button
	}
	vals := make([]any, len(cols))
	for r := 0; r < min(t.n, widthSample); r++ {
		clear(vals)
		t.row(r, vals)
		for i, v := range vals {
			need[i] = max(need[i], cellWidth(v))
		}
	}
	for i := range cols {
		cols[i].width = min(cols[i].width, float64(max(need[i], 6))+1)
	}
	return cols
}

// cellWidth estimates the characters v needs to show in full.
func cellWidth(v any) int {
	switch v := v.(type) {
	case styled:
		return cellWidth(v.v)
	case string:
		return utf16Len(v)
	case richText:
		return utf16Len(richPlain(v))
	case link:
		return utf16Len(v.text)
	case dateCell:
		if v.instant {
			return 19
		}
		return 10
	case int:
		return len(strconv.Itoa(v)) + len(strconv.Itoa(v))/3
	case float64:
		return 8
	case bool:
		return 5
	}
	return 0
}

// newSheet makes sheet (the first one renames excelize's default sheet),
// sets its column widths and freezes its header row.
// setDimension gives sheet the dimension A1 to (cols, rows), the range its
// cells fill. Excel works it out when it opens a file, but streaming
// readers (openpyxl's read-only mode among them) read only as far as it
// says.
func (x *xlsxWriter) setDimension(sheet string, cols, rows int) error {
	end, err := excelize.CoordinatesToCellName(cols, rows)
	if err != nil {
		return err
	}
	return x.f.SetSheetDimension(sheet, "A1:"+end)
}

// newSheet makes sheet for a page of t of cols columns and rows rows, the
// header included.
func (x *xlsxWriter) newSheet(sheet string, t *table, cols, rows int) (rowSink, error) {
	if len(x.sheets) == 0 {
		if err := x.f.SetSheetName("Sheet1", sheet); err != nil {
			return nil, err
		}
	} else if _, err := x.f.NewSheet(sheet); err != nil {
		return nil, err
	}
	panes := &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}
	if t.freezeCols > 0 {
		corner, err := excelize.CoordinatesToCellName(t.freezeCols+1, 2)
		if err != nil {
			return nil, err
		}
		panes = &excelize.Panes{
			Freeze: true, XSplit: t.freezeCols, YSplit: 1, TopLeftCell: corner, ActivePane: "bottomRight",
			Selection: []excelize.Selection{{SQRef: corner, ActiveCell: corner, Pane: "bottomRight"}},
		}
	}
	if t.stream {
		// A StreamWriter writes the dimension when it is made.
		if err := x.setDimension(sheet, cols, rows); err != nil {
			return nil, err
		}
		sw, err := x.f.NewStreamWriter(sheet)
		if err != nil {
			return nil, err
		}
		for i, c := range t.cols {
			if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
				return nil, err
			}
		}
		if err := sw.SetPanes(panes); err != nil {
			return nil, err
		}
		return &streamSink{x: x, sw: sw, cols: t.cols}, nil
	}
	for i, c := range t.cols {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return nil, err
		}
		if err := x.f.SetColWidth(sheet, name, name, c.width); err != nil {
			return nil, err
		}
	}
	if err := x.f.SetPanes(sheet, panes); err != nil {
		return nil, err
	}
	return &cellSink{x: x, sheet: sheet, cols: t.cols}, nil
}

// cellValue turns one of the row value kinds into what excelize writes and
// the style it needs; hyperlink is the URL to attach, if any.
func (x *xlsxWriter) cellValue(v any, k styleKind) (val any, style int, hyperlink string, err error) {
	if s, ok := v.(styled); ok {
		v, k = s.v, s.style
	}
	switch v := v.(type) {
	case nil:
		return nil, 0, "", nil
	case string:
		if v = cleanText(v, x.opts.MaxCellChars); v == "" {
			return nil, 0, "", nil
		}
		val = v
	case richText:
		runs := cleanRich(v, x.opts.MaxCellChars)
		if len(runs) == 0 {
			return nil, 0, "", nil
		}
		val = []excelize.RichTextRun(runs)
	case int, bool:
		val = v
	case float64:
		if val = finite(v); val == nil {
			return nil, 0, "", nil
		}
	case dateCell:
		val, k = v.serial(), stDate
		if v.instant {
			k = stDateTime
		}
	case link:
		val = cleanText(v.text, x.opts.MaxCellChars)
		if report.WebURL(v.url) && utf16Len(v.url) <= 2079 { // Excel's URL limit
			hyperlink, k = v.url, stLink
		}
	default:
		return nil, 0, "", fmt.Errorf("cell of unexpected type %T", v)
	}
	style, err = x.style(k)
	return val, style, hyperlink, err
}

// streamSink writes a page with excelize's StreamWriter: the header row
// through it, which its AddTable reads back, and the data rows with a
// rowWriter.
type streamSink struct {
	x    *xlsxWriter
	sw   *excelize.StreamWriter
	cols []column
	rows *rowWriter
	// cells is the row being written, reused row after row.
	cells []rowCell
	links int
}

// part is the name of the sheet's package part.
func (s *streamSink) part() string {
	return "xl/worksheets/sheet" + strconv.Itoa(s.sw.SheetID) + ".xml"
}

func (s *streamSink) setRow(row int, vals []any) error {
	if cap(s.cells) < len(vals) {
		s.cells = make([]rowCell, len(vals))
	}
	cells := s.cells[:len(vals)]
	var links []int
	var urls []string
	for i, v := range vals {
		val, style, url, err := s.x.cellValue(v, s.cols[i].style)
		if err != nil {
			return err
		}
		cells[i] = rowCell{val: val, style: style}
		if val != nil && url != "" {
			links = append(links, i)
			urls = append(urls, url)
		}
	}
	if err := s.writeRow(row, cells); err != nil {
		return err
	}
	for j, i := range links {
		if s.links >= excelize.TotalSheetHyperlinks {
			break // Excel's limit; the URL stays readable as text.
		}
		ref, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			return err
		}
		s.x.parts.addLink(s.part(), ref, urls[j])
		s.links++
	}
	return nil
}

// writeRow writes the header row through the StreamWriter and every
// later row with the rowWriter.
func (s *streamSink) writeRow(row int, cells []rowCell) error {
	if row > 1 {
		if s.rows == nil {
			rw, err := newRowWriter(len(s.cols), s.x.opts.TempDir)
			if err != nil {
				return err
			}
			s.rows = rw
			s.x.parts.addRows(s.part(), &rw.buf)
		}
		return s.rows.writeRow(row, cells)
	}
	vals := make([]any, len(cells))
	for i, c := range cells {
		if c.val != nil {
			vals[i] = excelize.Cell{StyleID: c.style, Value: c.val}
		}
	}
	return s.sw.SetRow("A"+strconv.Itoa(row), vals)
}

func (s *streamSink) finish(tbl *excelize.Table) error {
	if err := s.sw.AddTable(tbl); err != nil {
		return err
	}
	return s.sw.Flush()
}

// cellSink writes a page cell by cell, for sheets with charts and more
// than one table.
type cellSink struct {
	x     *xlsxWriter
	sheet string
	cols  []column
}

func (s *cellSink) setRow(row int, vals []any) error {
	for i, v := range vals {
		k := stText
		if i < len(s.cols) {
			k = s.cols[i].style
		}
		if err := s.x.setCell(s.sheet, i+1, row, v, k); err != nil {
			return err
		}
	}
	return nil
}

func (s *cellSink) finish(tbl *excelize.Table) error {
	return s.x.f.AddTable(s.sheet, tbl)
}

// setCell writes one value at (col, row) of a sheet written cell by cell.
func (x *xlsxWriter) setCell(sheet string, col, row int, v any, k styleKind) error {
	val, style, url, err := x.cellValue(v, k)
	if err != nil || val == nil {
		return err
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if x.extent == nil {
		x.extent = map[string][2]int{}
	}
	e := x.extent[sheet]
	x.extent[sheet] = [2]int{max(e[0], col), max(e[1], row)}
	switch val := val.(type) {
	case string:
		err = x.f.SetCellStr(sheet, ref, val)
	case []excelize.RichTextRun:
		err = x.f.SetCellRichText(sheet, ref, val)
	default:
		err = x.f.SetCellValue(sheet, ref, val)
	}
	if err != nil {
		return err
	}
	if style != 0 {
		if err := x.f.SetCellStyle(sheet, ref, ref, style); err != nil {
			return err
		}
	}
	if url != "" {
		return x.f.SetCellHyperLink(sheet, ref, url, "External")
	}
	return nil
}

// sideTable writes a small table of its own at (col, row) of a sheet written
// cell by cell, with header as its first row. It returns the table's
// range, or "" when there are no rows. At most x.opts.MaxRows-row rows are
// written; the last row says how many were left out.
func (x *xlsxWriter) sideTable(sheet, name string, col, row int, cols []column, rows [][]any) (string, error) {
	if len(rows) == 0 {
		return "", nil
	}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.header
	}
	header = uniqueHeaders(header, x.opts.MaxCellChars)
	room := x.opts.MaxRows - row
	if room < 2 {
		return "", nil
	}
	if len(rows) > room {
		left := len(rows) - room + 1
		rows = append(rows[:room-1:room-1], []any{fmt.Sprintf("… [%d more rows left out]", left)})
	}
	for i, c := range cols {
		name, err := excelize.ColumnNumberToName(col + i)
		if err != nil {
			return "", err
		}
		if cur, _ := x.f.GetColWidth(sheet, name); cur < c.width {
			if err := x.f.SetColWidth(sheet, name, name, c.width); err != nil {
				return "", err
			}
		}
		if err := x.setCell(sheet, col+i, row, styled{header[i], stBold}, stText); err != nil {
			return "", err
		}
	}
	for r, vals := range rows {
		for i, v := range vals {
			if err := x.setCell(sheet, col+i, row+1+r, v, cols[i].style); err != nil {
				return "", err
			}
		}
	}
	from, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return "", err
	}
	to, err := excelize.CoordinatesToCellName(col+len(cols)-1, row+max(len(rows), 1))
	if err != nil {
		return "", err
	}
	ref := from + ":" + to
	if err := x.f.AddTable(sheet, &excelize.Table{Range: ref, Name: name, StyleName: "TableStyleLight9"}); err != nil {
		return "", err
	}
	return ref, nil
}

// absRef returns the absolute reference 'sheet'!$A$1 of (col, row), or of
// the column range 'sheet'!$A$1:$A$9 when toRow is given.
func absRef(sheet string, col, row int, toRow ...int) string {
	name, _ := excelize.ColumnNumberToName(col)
	ref := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$" + name + "$" + strconv.Itoa(row)
	if len(toRow) > 0 {
		ref += ":$" + name + "$" + strconv.Itoa(toRow[0])
	}
	return ref
}

// share returns part/total, or 0 for an empty total.
func share(part, total float64) float64 {
	if total == 0 || math.IsNaN(total) {
		return 0
	}
	return part / total
}
