package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/framediff/framediff/corpus"
	"github.com/xuri/excelize/v2"
)

// Excel's hard limits.
const (
	excelMaxRows      = excelize.TotalRows      // 1,048,576 rows per sheet
	excelMaxCellChars = excelize.TotalCellChars // 32,767 UTF-16 units per cell
)

// truncMarker ends a cell whose text was cut to fit Excel's cell limit.
const truncMarker = "… [truncated]"

// The kinds of value a workbook cell holds before it is styled. A row is a
// []any of these: string, int, float64, bool, nil, richText, dateCell, link
// or styled.
type (
	// richText is a cell of differently formatted runs.
	richText []excelize.RichTextRun
	// dateCell is a publication date; Instant ones keep their time of day.
	dateCell struct {
		t       time.Time
		instant bool
	}
	// link is a text cell that is also an external hyperlink.
	link struct{ text, url string }
	// styled overrides a column's style for one cell.
	styled struct {
		v     any
		style styleKind
	}
)

// cleanText makes s safe to store as an Excel string: invalid UTF-8 and
// characters XML 1.0 cannot carry become U+FFFD, and text longer than max
// UTF-16 units is cut, on a character boundary, and ends with truncMarker.
// The result is always written as a string cell, never a formula, so text
// that looks like one (=, +, -, @) stays text.
func cleanText(s string, max int) string {
	if len(s) <= max && plainASCII(s) {
		return s // most cells: nothing to replace or cut
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, notXMLChar) >= 0 {
		s = strings.Map(func(r rune) rune {
			if notXMLChar(r) {
				return '\uFFFD'
			}
			return r
		}, s)
	}
	return truncateUnits(s, max)
}

// plainASCII reports whether s is ASCII without control characters other
// than tab, line feed and carriage return.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// notXMLChar reports whether r may not appear in an XML 1.0 document.
func notXMLChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20:
		return true
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// utf16Len returns the length of s in UTF-16 code units, Excel's unit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// truncateUnits cuts s to at most max UTF-16 units, marker included.
func truncateUnits(s string, max int) string {
	if len(s) <= max || utf16Len(s) <= max {
		return s
	}
	return cutUnits(s, max-utf16Len(truncMarker)) + truncMarker
}

// cutUnits returns the longest prefix of s of at most n UTF-16 units.
func cutUnits(s string, n int) string {
	if n <= 0 {
		return ""
	}
	used := 0
	for i, r := range s {
		used += utf16.RuneLen(r)
		if used > n {
			return s[:i]
		}
	}
	return s
}

// cleanRich cleans every run and cuts the runs so that together they fit in
// max units, ending with a plain truncMarker run when cut. Empty runs go.
func cleanRich(runs richText, max int) richText {
	out := make(richText, 0, len(runs))
	total := 0
	for _, r := range runs {
		if t := cleanText(r.Text, math.MaxInt); t != "" {
			out = append(out, excelize.RichTextRun{Font: r.Font, Text: t})
			total += utf16Len(t)
		}
	}
	if total <= max {
		return out
	}
	budget := max - utf16Len(truncMarker)
	cut := out[:0]
	for _, r := range out {
		n := utf16Len(r.Text)
		if n > budget {
			if t := cutUnits(r.Text, budget); t != "" {
				cut = append(cut, excelize.RichTextRun{Font: r.Font, Text: t})
			}
			break
		}
		cut = append(cut, r)
		budget -= n
	}
	return append(cut, excelize.RichTextRun{Text: truncMarker})
}

// richPlain returns the text a reader sees in runs.
func richPlain(runs richText) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// excelEpoch is day 0 of Excel's 1900 date system (with its 1900 leap-year
// bug folded in, valid for dates after February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial returns t as an Excel date serial number, in UTC.
func (d dateCell) serial() float64 {
	t := d.t.UTC()
	if !d.instant {
		t = time.Date(d.t.Year(), d.t.Month(), d.t.Day(), 0, 0, 0, 0, time.UTC)
	}
	secs := t.Sub(excelEpoch) / time.Second
	return float64(secs) / 86400
}

// dateValue returns the cell for a corpus date: nil when unknown.
func dateValue(d corpus.Date) any {
	switch d.Precision {
	case corpus.Day:
		return dateCell{t: d.Time}
	case corpus.Instant:
		return dateCell{t: d.Time, instant: true}
	}
	return nil
}

// parseDateString parses corpus.Date's string form back into a cell value;
// text it cannot parse is kept as text.
func parseDateString(s string) any {
	if s == "" {
		return nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return dateCell{t: t}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return dateCell{t: t, instant: true}
	}
	return s
}

// finite returns v, or nil (an empty cell) when v is NaN or infinite, which
// a workbook cannot hold.
func finite(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0'
}

// headerText makes s usable as a table column name: one line, no control
// characters, at most limit characters (Excel allows 255).
func headerText(s string, limit int) string {
	s = cleanText(s, math.MaxInt)
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < 0x20 || isSpace(r) }), " ")
	if s == "" {
		s = "(none)"
	}
	return cutUnits(s, limit)
}

// uniqueHeaders makes names usable and unique, case-insensitively as Excel
// requires, numbering repeats; each is at most 255 characters, and at most
// maxCell so that writing it in a cell leaves it whole.
func uniqueHeaders(names []string, maxCell int) []string {
	limit := min(excelize.MaxFieldLength, maxCell)
	seen := map[string]bool{}
	out := make([]string, len(names))
	for i, n := range names {
		n = headerText(n, limit)
		cand := n
		for k := 2; seen[strings.ToLower(cand)]; k++ {
			suffix := " (" + strconv.Itoa(k) + ")"
			cand = cutUnits(n, limit-len(suffix)) + suffix
		}
		seen[strings.ToLower(cand)] = true
		out[i] = cand
	}
	return out
}
