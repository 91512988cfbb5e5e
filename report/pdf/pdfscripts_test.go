package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
)

func TestPDFShapeArabic(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"joining letters", "بوتين", "\uFE91\uFEEE\uFE97\uFEF4\uFEE6"},
		{"right-joining alef breaks the word", "ادلب", "\uFE8D\uFEA9\uFEDF\uFE90"},
		{"lam-alef ligature after a joining letter", "سلام", "\uFEB3\uFEFC\uFEE1"},
		{"lam-alef ligature alone", "لا", "\uFEFB"},
		{"lam with hamza-below alef", "الإرهاب", "\uFE8D\uFEF9\uFEAD\uFEEB\uFE8E\uFE8F"},
		{"Persian letters and the half-space", "می\u200cشود", "\uFEE3\uFBFD\u200c\uFEB7\uFEEE\uFEA9"},
		{"marks are transparent", "بَب", "\uFE91\u064E\uFE90"},
		{"Latin left alone", "Erdoğan", "Erdoğan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pdfShapeArabic(tt.in); got != tt.want {
				t.Errorf("pdfShapeArabic(%q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPDFShapeArabicRoundTrip checks that shaping only changes a letter's
// form: the compatibility decomposition of every shaped article gives its
// text back.
func TestPDFShapeArabicRoundTrip(t *testing.T) {
	for _, name := range []string{"cgtn-ar.md", "iranpress-fa.md"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "languages", name))
		if err != nil {
			t.Fatal(err)
		}
		text := norm.NFC.String(string(b))
		if got := norm.NFKC.String(pdfShapeArabic(text)); got != norm.NFKC.String(text) {
			t.Errorf("%s: shaping changed the text", name)
		}
	}
}

func TestPDFVisualString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"left to right untouched", "Tehran summit (7 September)", "Tehran summit (7 September)"},
		{"right-to-left line with a number", "في 7 سبتمبر", "ربمتبس 7 يف"},
		{"brackets mirror", "(ادلب) قمة", "ةمق (بلدا)"},
		{"Arabic phrase inside English", "the term مكافحة الإرهاب is used", "the term باهرإلا ةحفاكم is used"},
		{"quoted Arabic term in English", "uses “حملة” words", "uses “ةلمح” words"},
		{"Arabic comma stays after its word", "قال بوتين، أمس", "سمأ ،نيتوب لاق"},
		{"English name inside Arabic", "قال بوتين لوكالة TASS اليوم", "مويلا TASS ةلاكول نيتوب لاق"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pdfVisualString(tt.in); got != tt.want {
				t.Errorf("pdfVisualString(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPDFCJKBreaks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"between characters", "普京表示", []string{"普", "京", "表", "示"}},
		{"closing punctuation stays", "表示，叙利亚。", []string{"表", "示，", "叙", "利", "亚。"}},
		{"opening punctuation stays", "称「停火」", []string{"称", "「停", "火」"}},
		{"digits with characters", "2018年9月", []string{"2018", "年", "9", "月"}},
		{"latin word whole", "Erdoğan", []string{"Erdoğan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for tok := range pdfTokens(tt.in) {
				if tok != "" {
					got = append(got, tok)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("pieces of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPDFTrueTypeSubset builds a TrueType subset from the system's CJK
// font (PostScript outlines) and reads it back.
func TestPDFTrueTypeSubset(t *testing.T) {
	path := pdfTestCJKFont(t)
	runes := []rune("伊俄德停火")
	f, err := pdfLoadCJK(path, slices.Sorted(slices.Values(runes)))
	if err != nil || f == nil {
		t.Fatalf("pdfLoadCJK: %v", err)
	}
	var buf sfnt.Buffer
	if n := f.font.NumGlyphs(); n != len(runes)+1 {
		t.Errorf("subset has %d glyphs, want %d", n, len(runes)+1)
	}
	for _, r := range runes {
		gi, err := f.font.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			t.Errorf("subset lacks %q", r)
			continue
		}
		segs, err := f.font.LoadGlyph(&buf, gi, 1000<<6, nil)
		if err != nil || len(segs) < 4 {
			t.Errorf("glyph of %q: %d segments, %v", r, len(segs), err)
		}
	}
}

func pdfTestCJKFont(t *testing.T) string {
	t.Helper()
	for _, p := range CJKFonts {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skip("no Noto Sans CJK font installed (Debian: fonts-noto-cjk)")
	return ""
}

// TestWritePDFScripts renders the handout of the five-language corpus and
// reads it back with pdftotext: each article's headline and opening words,
// in Arabic, Persian, Russian, Turkish and Chinese, come back as written.
// Arabic comes back in its presentation forms, so both sides are compared
// after compatibility decomposition.
func TestWritePDFScripts(t *testing.T) {
	pdfNeedTool(t, "pdftotext")
	arts, _ := corpus.NewReader().ReadFS(os.DirFS(filepath.Join("..", "..", "testdata", "languages")))
	if len(arts) != 5 {
		t.Fatalf("read %d articles, want 5", len(arts))
	}
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, cjkErr := os.Stat(CJKFonts[0])
	for _, font := range []string{"", "none"} {
		var warned []string
		b := pdfWrite(t, res, Options{CJKFont: font, Warn: func(m string) { warned = append(warned, m) }})
		if font == "" && cjkErr != nil {
			continue
		}
		file := pdfSave(t, "scripts"+font+".pdf", b)
		pdfQPDFCheck(t, file)
		pdfCheckInsidePages(t, file)
		text := pdfComparable(pdfToText(t, file, 0, 0))
		want := []string{
			"قمة طهران الثلاثية تبحث الوضع في", // Arabic headline
			"عقد رؤساء روسيا وإيران وتركيا",
			"نشست سهجانبه تهران درباره ادلب", // Persian, half-space dropped
			"Путин, Роухани и Эрдоган",
			"Tahran'da üçlü zirve",
		}
		if font == "" {
			want = append(want, "俄土伊三国总统在德黑兰举行峰会", "普京表示，叙利亚合法政府有权恢复对")
			if len(warned) != 0 {
				t.Errorf("warnings %q, want none", warned)
			}
		} else {
			if len(warned) != 1 || !strings.Contains(warned[0], "'三' (U+4E09)") || !strings.Contains(warned[0], "fonts-noto-cjk") {
				t.Errorf("without a CJK font: warnings %q, want one naming 三 (U+4E09) and the package", warned)
			}
		}
		for _, w := range want {
			if !strings.Contains(text, pdfComparable(w)) {
				t.Errorf("CJK font %q: text lacks %q", font, w)
			}
		}
		if strings.ContainsRune(text, pdfReplacement) != (font == "none") {
			t.Errorf("CJK font %q: replacement characters shown: %v", font, strings.ContainsRune(text, pdfReplacement))
		}
	}
}

// pdfComparable folds text for comparison with pdftotext's: compatibility
// forms decomposed, format characters and line breaks gone, and CJK lines
// joined without the space pdftotext puts at a line end.
func pdfComparable(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	var prev rune
	for _, f := range strings.Fields(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)) {
		if b.Len() > 0 && !(pdfIsCJK(prev) || pdfIsCJK([]rune(f)[0])) {
			b.WriteByte(' ')
		}
		b.WriteString(f)
		r := []rune(f)
		prev = r[len(r)-1]
	}
	return b.String()
}

// TestWritePDFScriptsPNG renders the five-language handout's pages to PNG
// with pdftoppm, as a reader's viewer would; -pdfout keeps them to look at.
func TestWritePDFScriptsPNG(t *testing.T) {
	pdfNeedTool(t, "pdftoppm")
	arts, _ := corpus.NewReader().ReadFS(os.DirFS(filepath.Join("..", "..", "testdata", "languages")))
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		t.Fatal(err)
	}
	file := pdfSave(t, "scripts-png.pdf", pdfWrite(t, res, Options{}))
	dir := filepath.Dir(file)
	var stderr bytes.Buffer
	cmd := exec.Command("pdftoppm", "-png", "-r", "60", file, filepath.Join(dir, "scripts"))
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftoppm: %v %s", err, stderr.String())
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "scripts-*.png"))
	if len(pngs) != pdfPages(t, file) {
		t.Errorf("%d pages rendered, want %d", len(pngs), pdfPages(t, file))
	}
}

// BenchmarkWritePDFScripts writes the five-language handout: Arabic
// shaping, right-to-left layout, CJK line breaks and, when Noto Sans CJK
// is installed, reading it and building the subset of the glyphs used.
func BenchmarkWritePDFScripts(b *testing.B) {
	arts, _ := corpus.NewReader().ReadFS(os.DirFS(filepath.Join("..", "..", "testdata", "languages")))
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPDFWrapScripts lays right-to-left and CJK paragraphs out at several
// widths: no line runs past its width or starts left of it, and every
// character is kept (reordered, brackets mirrored, but none lost).
func TestPDFWrapScripts(t *testing.T) {
	g, err := pdfAllGlyphs(nil)
	if err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "mm", "A4", "")
	for _, st := range []string{"", "B", "I", "BI"} {
		f.AddUTF8FontFromBytes(pdfFamily, st, goregular.TTF)
	}
	f.AddPage()
	d := &pdfDoc{f: f, g: g}
	st := pdfStyle{Size: 9}
	hit := pdfStyle{Size: 9, Font: "B", Fill: &pdfRGB{200, 200, 200}}
	ar := pdfClean(g, "وقال بوتين إن الحكومة السورية الشرعية لها الحق في استعادة السيطرة (على كامل أراضيها)، مضيفا أن 3 ملايين مدني في إدلب.")
	he := pdfClean(g, "נשיאי רוסיה, איראן וטורקיה נפגשו בטהראן (סוריה) ב-2018.")
	tests := []struct {
		name string
		runs []pdfRun
	}{
		{"Arabic", []pdfRun{{Text: ar, Style: st}}},
		{"Arabic with a hit", []pdfRun{{Text: string([]rune(ar)[:15]), Style: st}, {Text: string([]rune(ar)[15:30]), Style: hit}, {Text: string([]rune(ar)[30:]), Style: st}}},
		{"Hebrew", []pdfRun{{Text: he, Style: st}}},
		{"Chinese", []pdfRun{{Text: "普京表示，叙利亚合法政府有权恢复对全部国家领土的控制。「停火」必须实现。Putin said so.", Style: st}}},
		{"English quoting Arabic", []pdfRun{{Text: "Outlets use “" + pdfClean(g, "مكافحة الإرهاب") + "” (counter-terrorism) words.", Style: st}}},
	}
	fold := func(s string) []rune {
		var rs []rune
		for _, r := range s {
			if r == ' ' {
				continue
			}
			if m, ok := pdfMirror[r]; ok && m < r {
				r = m
			}
			rs = append(rs, r)
		}
		return slices.Sorted(slices.Values(rs))
	}
	for _, tt := range tests {
		for _, width := range []float64{18, 45, 120} {
			lines := d.wrap(tt.runs, width)
			var got, want strings.Builder
			for _, r := range tt.runs {
				want.WriteString(r.Text)
			}
			for i, l := range lines {
				for _, it := range l.Items {
					got.WriteString(it.Text)
					if it.X < -1e-6 || it.X+it.W > width+1e-6 && len([]rune(it.Text)) > 1 {
						t.Errorf("%s at %.0f mm: line %d: %q spans %.2f..%.2f", tt.name, width, i, it.Text, it.X, it.X+it.W)
					}
				}
			}
			if string(fold(got.String())) != string(fold(want.String())) {
				t.Errorf("%s at %.0f mm: characters lost or added", tt.name, width)
			}
		}
	}
}
