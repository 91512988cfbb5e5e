package xlsx

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The rows of a stream-written sheet, after its header row, are written
// here as worksheet XML rather than through excelize's StreamWriter, whose
// per-cell structures, re-escaping and growing buffers cost more than the
// rest of the workbook together. The bytes are the ones excelize v2.11.0
// writes for the same values (xlsx_rows_test.go compares the two), so that
// a workbook does not change with the way its rows are written. The rows
// are inserted into the sheet part before its </sheetData> as the package
// is written.

// maxBlock is the largest block of a blockBuffer.
const maxBlock = 1 << 20

// blockBuffer holds bytes, worksheet rows or a compressed part, as a list of
// blocks, so that a large sheet is never copied to grow its buffer. Blocks
// double from 4 KiB to maxBlock, so that small parts stay small.
type blockBuffer struct {
	full [][]byte
	cur  []byte
	n    int // bytes in full
	// spill, when set, is the directory where full blocks go once they
	// hold more than spillAt bytes, so that a large sheet's rows do not
	// all stay in memory; file holds spilled bytes, and free the blocks
	// written to it, for reuse.
	spill    bool
	spillDir string
	file     *os.File
	spilled  int
	free     [][]byte
	err      error
}

// spillAt is how many bytes of full blocks a spilling blockBuffer keeps
// in memory, as excelize's StreamWriter keeps 16 MiB of a sheet.
const spillAt = 16 << 20

// reserve makes room for at least n more bytes in the current block.
func (b *blockBuffer) reserve(n int) {
	if cap(b.cur)-len(b.cur) >= n {
		return
	}
	size := max(min(maxBlock, 2*cap(b.cur)), 4<<10, n)
	if len(b.cur) > 0 {
		b.full = append(b.full, b.cur)
		b.n += len(b.cur)
		if b.spill && b.n > spillAt {
			b.spillFull()
		}
	}
	if k := len(b.free); k > 0 && cap(b.free[k-1]) >= size {
		b.cur, b.free = b.free[k-1][:0], b.free[:k-1]
		return
	}
	b.cur = make([]byte, 0, size)
}

// spillFull writes the full blocks to the spill file and keeps them for
// reuse. The first error is kept in b.err, and the blocks stay in memory.
func (b *blockBuffer) spillFull() {
	if b.err != nil {
		return
	}
	if b.file == nil {
		if b.file, b.err = os.CreateTemp(b.spillDir, "framediff-rows-"); b.err != nil {
			b.err = fmt.Errorf("buffer rows: %w", b.err)
			return
		}
	}
	for _, c := range b.full {
		if _, err := b.file.Write(c); err != nil {
			b.err = fmt.Errorf("buffer rows: %w", err)
			return
		}
	}
	b.spilled += b.n
	b.free = append(b.free, b.full...)
	b.full, b.n = b.full[:0], 0
}

// discard removes the spill file, if any.
func (b *blockBuffer) discard() {
	if b.file != nil {
		b.file.Close()
		os.Remove(b.file.Name())
		b.file = nil
	}
}

// Write appends p; it never fails.
func (b *blockBuffer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if cap(b.cur) == len(b.cur) {
			b.reserve(1)
		}
		k := min(len(p), cap(b.cur)-len(b.cur))
		b.cur = append(b.cur, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// len returns the number of bytes held.
func (b *blockBuffer) len() int { return b.spilled + b.n + len(b.cur) }

// bytes returns the bytes held, in one slice, for a buffer that does not
// spill.
func (b *blockBuffer) bytes() []byte {
	out := make([]byte, 0, b.len())
	for _, c := range b.full {
		out = append(out, c...)
	}
	return append(out, b.cur...)
}

// writeTo writes the bytes to w, those spilled first, and releases them.
func (b *blockBuffer) writeTo(w func([]byte) error) error {
	if b.err != nil {
		return b.err
	}
	if b.file != nil {
		defer b.discard()
		if _, err := b.file.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("read buffered rows: %w", err)
		}
		chunk := make([]byte, maxBlock)
		for left := b.spilled; left > 0; {
			k, err := io.ReadFull(b.file, chunk[:min(left, len(chunk))])
			if err != nil {
				return fmt.Errorf("read buffered rows: %w", err)
			}
			if err := w(chunk[:k]); err != nil {
				return err
			}
			left -= k
		}
	}
	for _, c := range append(b.full, b.cur) {
		if err := w(c); err != nil {
			return err
		}
	}
	b.full, b.cur, b.free, b.n, b.spilled = nil, nil, nil, 0, 0
	return nil
}

// rowWriter writes the data rows of one stream-written page.
type rowWriter struct {
	buf blockBuffer
	// cols are the column letters, "A", "B", ….
	cols []string
	num  []byte
}

// newRowWriter returns a rowWriter for ncols columns whose rows beyond
// the first 16 MiB are buffered in a temporary file in tempDir (the
// system's when empty).
func newRowWriter(ncols int, tempDir string) (*rowWriter, error) {
	rw := &rowWriter{cols: make([]string, ncols), buf: blockBuffer{spill: true, spillDir: tempDir}}
	for i := range rw.cols {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return nil, err
		}
		rw.cols[i] = name
	}
	return rw, nil
}

// rowCell is one cell as cellValue prepared it.
type rowCell struct {
	val   any
	style int
}

// writeRow writes row number row of cells; nil values leave their cell
// out. It returns an error for a value kind excelize would not write as
// the same XML.
func (rw *rowWriter) writeRow(row int, cells []rowCell) error {
	rw.num = strconv.AppendInt(rw.num[:0], int64(row), 10)
	b := &rw.buf
	b.reserve(64)
	b.cur = append(b.cur, `<row r="`...)
	b.cur = append(b.cur, rw.num...)
	b.cur = append(b.cur, `">`...)
	for i, c := range cells {
		if c.val == nil {
			continue
		}
		if err := rw.writeCell(i, c); err != nil {
			return err
		}
	}
	b.reserve(8)
	b.cur = append(b.cur, `</row>`...)
	return b.err
}

// writeCell writes one cell as excelize's writeCell does.
func (rw *rowWriter) writeCell(col int, c rowCell) error {
	b := &rw.buf
	b.reserve(96)
	b.cur = append(b.cur, `<c r="`...)
	b.cur = append(b.cur, rw.cols[col]...)
	b.cur = append(b.cur, rw.num...)
	b.cur = append(b.cur, '"')
	if c.style != 0 {
		b.cur = append(b.cur, ` s="`...)
		b.cur = strconv.AppendInt(b.cur, int64(c.style), 10)
		b.cur = append(b.cur, '"')
	}
	switch v := c.val.(type) {
	case string:
		b.cur = append(b.cur, ` t="inlineStr"><is><t`...)
		if preserveSpace(v) {
			b.cur = append(b.cur, ` xml:space="preserve"`...)
		}
		b.cur = append(b.cur, '>')
		b.reserve(len(v) + 32)
		b.cur = appendInlineText(b.cur, v)
		b.cur = append(b.cur, `</t></is></c>`...)
	case []excelize.RichTextRun:
		b.cur = append(b.cur, ` t="inlineStr"><is>`...)
		for _, r := range v {
			rpr, err := runProps(r.Font)
			if err != nil {
				return err
			}
			b.reserve(len(rpr) + len(r.Text) + 64)
			b.cur = append(b.cur, `<r>`...)
			b.cur = append(b.cur, rpr...)
			b.cur = append(b.cur, `<t`...)
			if preserveSpace(r.Text) {
				b.cur = append(b.cur, ` xml:space="preserve"`...)
			}
			b.cur = append(b.cur, '>')
			b.cur = appendEscaped(b.cur, bstrMarshal(r.Text), true)
			b.cur = append(b.cur, `</t></r>`...)
		}
		b.cur = append(b.cur, `</is></c>`...)
	case int:
		b.cur = append(b.cur, `><v>`...)
		b.cur = strconv.AppendInt(b.cur, int64(v), 10)
		b.cur = append(b.cur, `</v></c>`...)
	case float64:
		// cellValue passes only finite numbers.
		b.cur = append(b.cur, `><v>`...)
		b.cur = strconv.AppendFloat(b.cur, v, 'f', -1, 64)
		b.cur = append(b.cur, `</v></c>`...)
	case bool:
		if v {
			b.cur = append(b.cur, ` t="b"><v>1</v></c>`...)
		} else {
			b.cur = append(b.cur, ` t="b"><v>0</v></c>`...)
		}
	default:
		return fmt.Errorf("cell of unexpected type %T", v)
	}
	return nil
}

// preserveSpace reports whether excelize marks s xml:space="preserve":
// when it begins or ends with a tab, line feed, carriage return or space.
func preserveSpace(s string) bool {
	if s == "" {
		return false
	}
	ws := func(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }
	return ws(s[0]) || ws(s[len(s)-1])
}

// appendInlineText appends the text of an inline string cell: escaped as
// XML character data with line feeds kept, then with excelize's escaping
// of _xHHHH_ sequences.
func appendInlineText(dst []byte, s string) []byte {
	if !strings.Contains(s, "_x") {
		return appendEscaped(dst, s, false)
	}
	return append(dst, bstrMarshal(string(appendEscaped(nil, s, false)))...)
}

// appendEscaped appends s escaped as encoding/xml's EscapeText does; a
// line feed stays as it is unless escapeNL.
func appendEscaped(dst []byte, s string, escapeNL bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' {
			i++
			continue
		}
		r, width := rune(c), 1
		if c >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			if !escapeNL {
				i += width
				continue
			}
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlCharRange(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			i += width
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, esc...)
		i += width
		last = i
	}
	return append(dst, s[last:]...)
}

// xmlCharRange is encoding/xml's isInCharacterRange.
func xmlCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is excelize's escaping of text that reads as an _xHHHH_
// character escape, reproduced so that such text is written as excelize
// writes it.
func bstrMarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var result strings.Builder
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result.WriteString(s[cursor:match[0]])
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`); err == nil {
					result.WriteString(subStr + "x005F" + subStr)
					continue
				}
			}
			result.WriteString(subStr + "x005F_")
			continue
		}
		cursor = match[1]
		if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
			result.WriteString("_x005F" + subStr)
		}
	}
	if cursor < l {
		result.WriteString(s[cursor:])
	}
	return result.String()
}

// runPropsCache holds the run properties element of each rich text font.
var runPropsCache sync.Map // excelize.Font → string

// runProps returns the <rPr> element excelize writes for a rich text run
// in font, "" for none. It is taken, once per font, from a one-cell
// workbook that excelize writes, since excelize does not export it.
func runProps(font *excelize.Font) (string, error) {
	if font == nil {
		return "", nil
	}
	if s, ok := runPropsCache.Load(*font); ok {
		return s.(string), nil
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return "", err
	}
	if err := sw.SetRow("A1", []any{[]excelize.RichTextRun{{Font: font, Text: "x"}}}); err != nil {
		return "", err
	}
	if err := sw.Flush(); err != nil {
		return "", err
	}
	p := newPackageParts()
	f.SetZipWriter(p.zipWriter)
	if _, err := f.WriteToBuffer(); err != nil {
		return "", err
	}
	if err := p.finishOpen(); err != nil {
		return "", err
	}
	part := p.parts["xl/worksheets/sheet1.xml"]
	if part == nil {
		return "", fmt.Errorf("rich text font: no sheet written")
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(part.buf.bytes())))
	if err != nil {
		return "", err
	}
	start := bytes.Index(raw, []byte("<is><r>"))
	end := bytes.Index(raw, []byte("<t>x</t>"))
	if start < 0 || end < start {
		return "", fmt.Errorf("rich text font: run not found")
	}
	s := string(raw[start+len("<is><r>") : end])
	runPropsCache.Store(*font, s)
	return s, nil
}
