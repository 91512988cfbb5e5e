package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

func TestCleanText(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"plain", "Idlib", 100, "Idlib"},
		{"formula stays text", "=HYPERLINK(\"x\")", 100, "=HYPERLINK(\"x\")"},
		{"tab kept", "\t=1", 100, "\t=1"},
		{"nul replaced", "a\x00b", 100, "a\uFFFDb"},
		{"vertical tab replaced", "a\vb", 100, "a\uFFFDb"},
		{"bad utf-8 replaced", "a\xffb", 100, "a\uFFFDb"},
		{"fits exactly", strings.Repeat("x", 20), 20, strings.Repeat("x", 20)},
		{"cut with marker", strings.Repeat("x", 21), 20, "xxxxxxx" + truncMarker},
		{"astral counts two units", strings.Repeat("😀", 11), 20, "😀😀😀" + truncMarker},
		{"cut on a rune boundary", "x" + strings.Repeat("😀", 10), 20, "x😀😀😀" + truncMarker},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanText(tc.in, tc.max)
			if got != tc.want {
				t.Errorf("cleanText(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
			}
			if n := utf16Len(got); n > tc.max {
				t.Errorf("result is %d units, limit %d", n, tc.max)
			}
		})
	}
}

func TestCleanRich(t *testing.T) {
	run := func(s string, f *excelize.Font) excelize.RichTextRun { return excelize.RichTextRun{Text: s, Font: f} }
	for _, tc := range []struct {
		name string
		in   richText
		max  int
		want richText
	}{
		{"fits", richText{run("Russian ", nil), run("air raids", deleteFont)}, 100,
			richText{run("Russian ", nil), run("air raids", deleteFont)}},
		{"empty runs dropped", richText{run("", boldFont), run("a", nil)}, 100, richText{run("a", nil)}},
		{"cut inside the second run", richText{run("0123456789", nil), run("abcdefghijklmnopqrstuvwxyz", insertFont)}, 30,
			richText{run("0123456789", nil), run("abcdefg", insertFont), run(truncMarker, nil)}},
		{"cut at a run boundary", richText{run(strings.Repeat("x", 17), nil), run(strings.Repeat("y", 14), boldFont)}, 30,
			richText{run(strings.Repeat("x", 17), nil), run(truncMarker, nil)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanRich(tc.in, tc.max)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDateCellSerial(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    corpus.Date
		want float64
	}{
		{"day", day("2018-09-07"), 43350},
		{"instant", seedArticles[0].published, 43350 + (18*3600+16*60+34)/86400.0},
		{"unknown", corpus.Date{}, math.NaN()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := dateValue(tc.d)
			if math.IsNaN(tc.want) {
				if v != nil {
					t.Errorf("dateValue = %v, want no cell", v)
				}
				return
			}
			if got := v.(dateCell).serial(); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("serial = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestUniqueHeaders(t *testing.T) {
	got := uniqueHeaders([]string{"CGTN narrator", "cgtn NARRATOR", "", "a\nb", strings.Repeat("y", 300)}, excelMaxCellChars)
	want := []string{"CGTN narrator", "cgtn NARRATOR (2)", "(none)", "a b", strings.Repeat("y", 255)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Long names cut to a small cell limit stay distinct.
	long := strings.Repeat("Outlet ", 10)
	got = uniqueHeaders([]string{long + "A", long + "B"}, 32)
	want = []string{cutUnits(long, 32), cutUnits(long, 28) + " (2)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cut to 32 (-want +got):\n%s", diff)
	}
}

// FuzzCleanText checks that any text becomes a valid, bounded cell.
func FuzzCleanText(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, 40)
	}
	seedTexts(f, func(s string) { f.Add(s, 32767) })
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 32 || max > excelMaxCellChars {
			return
		}
		got := cleanText(s, max)
		if !utf8.ValidString(got) || strings.IndexFunc(got, notXMLChar) >= 0 {
			t.Fatalf("cleanText(%q) = %q: not valid XML text", s, got)
		}
		if utf16Len(got) > max {
			t.Fatalf("cleanText(%q, %d) is %d units", s, max, utf16Len(got))
		}
		if utf16Len(s) <= max && utf8.ValidString(s) && strings.IndexFunc(s, notXMLChar) < 0 && got != s {
			t.Fatalf("cleanText changed text that fits: %q → %q", s, got)
		}
		runs := cleanRich(richText{{Text: s, Font: boldFont}, {Text: s}}, max)
		if n := utf16Len(richPlain(runs)); n > max {
			t.Fatalf("cleanRich is %d units, limit %d", n, max)
		}
	})
}

// seedTexts calls add with the seed articles' texts from testdata.
func seedTexts(f *testing.F, add func(string)) {
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(string(b))
	}
}

func ExampleWrite() {
	res := &compare.Result{
		Tool: compare.Tool{Name: "framediff", Version: "0.1.0"},
		Articles: []corpus.Article{{
			ID: "004", Outlet: "The Globe Post", Title: "Erdogan and Putin Clash Over Idlib ‘Ceasefire’",
			URL: "https://turkey.theglobepost.com/erdogan-putin-idlib-ceasefire/", Words: 508,
		}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, res, Options{}); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	title, _ := f.GetCellValue("Articles", "F2")
	fmt.Println(f.GetSheetList())
	fmt.Println(title)
	// Output:
	// [Overview Articles]
	// Erdogan and Putin Clash Over Idlib ‘Ceasefire’
}

func TestPackagePartLinksAcrossWrites(t *testing.T) {
	const sheet = `<worksheet><sheetData><row r="1"/></sheetData><tableParts/></worksheet>`
	want := `<worksheet><sheetData><row r="1"/></sheetData><hyperlinks><hyperlink ref="A1" r:id="rIdH1"/></hyperlinks><tableParts/></worksheet>`
	for _, chunk := range []int{1, 3, 11, len(sheet)} {
		t.Run(fmt.Sprint(chunk), func(t *testing.T) {
			p := newPackageParts()
			p.addLink("xl/worksheets/sheet2.xml", "A1", "https://example.org/?a=1&b=2")
			w, err := p.Create("xl/worksheets/sheet2.xml")
			if err != nil {
				t.Fatal(err)
			}
			part := p.parts["xl/worksheets/sheet2.xml"]
			part.fw = nil // keep it readable
			for i := 0; i < len(sheet); i += chunk {
				if _, err := w.Write([]byte(sheet[i:min(i+chunk, len(sheet))])); err != nil {
					t.Fatal(err)
				}
			}
			if got := string(part.raw); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
	rels, err := linkRels(nil, &sheetLinks{refs: []string{"A1"}, urls: []string{"https://example.org/?a=1&b=2"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(rels, []byte(`Id="rIdH1"`)) || !bytes.Contains(rels, []byte(`Target="https://example.org/?a=1&amp;b=2"`)) {
		t.Errorf("relationships: %s", rels)
	}
}

// FuzzWriteXLSX writes a small result carrying arbitrary text and checks
// that the workbook opens again, holds no formula and keeps the text.
func FuzzWriteXLSX(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, s)
	}
	f.Add("The Globe Post", "Russia and Iran are key allies of President Bashar al-Assad‘s regime.")
	f.Fuzz(func(t *testing.T, outlet, text string) {
		res := &compare.Result{
			Articles: []corpus.Article{{ID: "a", Outlet: outlet, Title: text, Text: text, URL: text}},
			Warnings: []string{text},
		}
		res.Framing = &compare.Framing{Hits: []framing.Hit{{Article: "a", Axis: text, Pole: outlet, Term: text, Match: text, Start: 0, End: len(text)}}}
		var buf bytes.Buffer
		if err := Write(&buf, res, Options{MaxCellChars: 64}); err != nil {
			t.Fatalf("Write: %v", err)
		}
		parts := unzipParts(t, buf.Bytes())
		for name, xml := range parts {
			if !strings.HasPrefix(name, "xl/charts/") && formulaElement.MatchString(xml) {
				t.Fatalf("%s has a formula element", name)
			}
		}
		wb, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer wb.Close()
		got, err := wb.GetCellValue("Articles", "F2")
		if err != nil {
			t.Fatal(err)
		}
		if want := cleanText(text, 64); got != want {
			t.Fatalf("title %q read back as %q", want, got)
		}
	})
}
