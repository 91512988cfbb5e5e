package xlsx

import (
	"bytes"
	"compress/flate"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeRows returns the sheet data excelize's StreamWriter writes for
// rows (the first row numbered 2), without the <sheetData> tags.
func excelizeRows(t *testing.T, rows [][]rowCell) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		vals := make([]any, len(row))
		for i, c := range row {
			if c.val != nil {
				vals[i] = &excelize.Cell{StyleID: c.style, Value: c.val}
			}
		}
		if err := sw.SetRow("A"+itoa(r+2), vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	p := newPackageParts()
	f.SetZipWriter(p.zipWriter)
	if _, err := f.WriteToBuffer(); err != nil {
		t.Fatal(err)
	}
	part := p.parts["xl/worksheets/sheet1.xml"]
	if err := p.finishOpen(); err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(part.buf.bytes())))
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(raw, []byte("<sheetData>")) + len("<sheetData>")
	end := bytes.Index(raw, []byte("</sheetData>"))
	return raw[start:end]
}

func itoa(n int) string { return string(appendInt(nil, n)) }

func appendInt(b []byte, n int) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

// TestRowWriterMatchesExcelize checks that rowWriter writes the bytes
// excelize's StreamWriter writes for every kind of value the workbook
// holds, text that needs escaping included.
func TestRowWriterMatchesExcelize(t *testing.T) {
	texts := []string{
		"", "plain", " lead", "trail ", "\ttab", "line\nfeed", "cr\r\nlf", "\n",
		`quote " and ' apostrophe`, "a & b < c > d", "]]> <![CDATA[",
		"_x0041_", "a_x005F_x0041_b", "_x005F_", "_x005f_x00zz_", "_xD800_ surrogate", "_x00e9__x00E9_",
		"ctrl \x01\x1f", "bad utf8 \xff\xfe", "nonchar \uFFFE\uFFFF", "é ü 中文 🙂 العربية",
		"=SUM(A1)", "+1", "-2", "@x", "0123", "1e5", "&#xA;",
	}
	fonts := []*excelize.Font{nil, boldFont, deleteFont, insertFont,
		{Family: "Arial", Size: 9, Italic: true, Color: "FF0000", VertAlign: "superscript", Underline: "double"}}
	var rows [][]rowCell
	for i, s := range texts {
		var runs []excelize.RichTextRun
		for j, f := range fonts {
			runs = append(runs, excelize.RichTextRun{Font: f, Text: texts[(i+j)%len(texts)] + "x"})
		}
		rows = append(rows, []rowCell{
			{val: s, style: i % 3},
			{},
			{val: runs, style: 5},
			{val: i - 7},
			{val: float64(i) / 7, style: 2},
			{val: i%2 == 0},
			{val: []float64{0, -0.5, 1e21, 123456789.125, 1e-7, 45678.5}[i%6]},
		})
	}
	rows = append(rows, make([]rowCell, 7)) // an empty row

	want := excelizeRows(t, rows)
	rw, err := newRowWriter(7, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		if err := rw.writeRow(r+2, row); err != nil {
			t.Fatal(err)
		}
	}
	var got []byte
	if err := rw.buf.writeTo(func(b []byte) error { got = append(got, b...); return nil }); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		g, w := string(got), string(want)
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Fatalf("rows differ at byte %d:\n got …%s\nwant …%s", i, snippet(g, i), snippet(w, i))
	}
}

func snippet(s string, i int) string {
	from, to := max(0, i-80), min(len(s), i+80)
	return strings.ToValidUTF8(s[from:to], "?")
}

// TestRowBufferBlocks checks that rows over many blocks, some of them
// the longest a cell holds, come out whole and in order, through the
// temporary file that holds all but the last 16 MiB.
func TestRowBufferBlocks(t *testing.T) {
	rw, err := newRowWriter(1, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("b&", excelMaxCellChars/2)
	var rows [][]rowCell
	for i := 0; i < 6000; i++ {
		v := strings.Repeat("s", i%700)
		if i%20 == 19 {
			v = big
		}
		rows = append(rows, []rowCell{{val: v}})
	}
	for r, row := range rows {
		if err := rw.writeRow(r+2, row); err != nil {
			t.Fatal(err)
		}
	}
	if rw.buf.file == nil {
		t.Fatal("rows not spilled to a file")
	}
	spill := rw.buf.file.Name()
	var got []byte
	if err := rw.buf.writeTo(func(b []byte) error { got = append(got, b...); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spill); !os.IsNotExist(err) {
		t.Errorf("spill file %s left behind: %v", spill, err)
	}
	if want := excelizeRows(t, rows); !bytes.Equal(got, want) {
		t.Fatalf("rows differ: got %d bytes, want %d", len(got), len(want))
	}
}
