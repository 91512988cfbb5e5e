package pdf

import (
	"embed"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// The handout draws each character with the first of its faces that has a
// glyph for it: the Go fonts (Latin, Greek, Cyrillic), then Noto Sans
// Arabic (Arabic and Persian, with the presentation forms that shaping
// picks), Noto Sans Hebrew, and Noto Sans CJK. The Arabic and Hebrew fonts
// are embedded (fonts/, with their licence in fonts/OFL.txt); the CJK font
// is some 19 MB, so it is read from the system when installed (see
// Options.CJKFont) and only the glyphs the document uses are kept.
//
//go:embed fonts/NotoSansArabic-Regular.ttf fonts/NotoSansArabic-Bold.ttf fonts/NotoSansHebrew-Regular.ttf fonts/NotoSansHebrew-Bold.ttf fonts/arabic-forms.txt fonts/OFL.txt
var pdfFontFiles embed.FS

const (
	pdfFaceGo = iota
	pdfFaceArabic
	pdfFaceHebrew
	pdfFaceCJK
	pdfFaceCount
)

// pdfFaceFamilies are the fpdf family names of the faces.
var pdfFaceFamilies = [pdfFaceCount]string{pdfFamily, "noto-arabic", "noto-hebrew", "noto-cjk"}

// CJKFonts are the places Write looks for a CJK font when
// Options.CJKFont is empty: Noto Sans CJK as Debian and Ubuntu
// (fonts-noto-cjk), Fedora and Arch install it.
var CJKFonts = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
}

// pdfFace is one parsed font.
type pdfFace struct {
	font *sfnt.Font
	// styles gives the font file for each fpdf style ("", "B", "I", "BI").
	styles map[string][]byte
}

func pdfEmbeddedFace(regular, bold string) (*pdfFace, error) {
	r, err := pdfFontFiles.ReadFile(regular)
	if err != nil {
		return nil, err
	}
	b, err := pdfFontFiles.ReadFile(bold)
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", regular, err)
	}
	// No italic Arabic or Hebrew exists: italic runs use the upright face.
	return &pdfFace{font: f, styles: map[string][]byte{"": r, "I": r, "B": b, "BI": b}}, nil
}

var (
	pdfGoFace = sync.OnceValues(func() (*pdfFace, error) {
		f, err := sfnt.Parse(goregular.TTF)
		if err != nil {
			return nil, fmt.Errorf("parse embedded font: %w", err)
		}
		return &pdfFace{font: f, styles: map[string][]byte{"": goregular.TTF, "B": gobold.TTF, "I": goitalic.TTF, "BI": gobolditalic.TTF}}, nil
	})
	pdfArabicFace = sync.OnceValues(func() (*pdfFace, error) {
		return pdfEmbeddedFace("fonts/NotoSansArabic-Regular.ttf", "fonts/NotoSansArabic-Bold.ttf")
	})
	pdfHebrewFace = sync.OnceValues(func() (*pdfFace, error) {
		return pdfEmbeddedFace("fonts/NotoSansHebrew-Regular.ttf", "fonts/NotoSansHebrew-Bold.ttf")
	})
)

// pdfGlyphs answers which face draws a rune, and remembers the runes no
// face could draw. All four Go text faces share one character set, so the
// regular face's cmap decides for every style; likewise for the others.
type pdfGlyphs struct {
	mu      sync.Mutex
	faces   [pdfFaceCount]*pdfFace
	buf     sfnt.Buffer
	known   map[rune]int
	missing map[rune]bool
}

// pdfGoGlyphs gives glyphs of the Go fonts alone.
func pdfGoGlyphs() (*pdfGlyphs, error) {
	gf, err := pdfGoFace()
	if err != nil {
		return nil, err
	}
	g := &pdfGlyphs{known: make(map[rune]int), missing: make(map[rune]bool)}
	g.faces[pdfFaceGo] = gf
	return g, nil
}

// pdfAllGlyphs gives the Go fonts followed by the Noto fallbacks; cjk is
// the CJK face, or nil when none is installed.
func pdfAllGlyphs(cjk *pdfFace) (*pdfGlyphs, error) {
	g, err := pdfGoGlyphs()
	if err != nil {
		return nil, err
	}
	if g.faces[pdfFaceArabic], err = pdfArabicFace(); err != nil {
		return nil, err
	}
	if g.faces[pdfFaceHebrew], err = pdfHebrewFace(); err != nil {
		return nil, err
	}
	g.faces[pdfFaceCJK] = cjk
	return g, nil
}

// face returns the index of the first face with a glyph for r, or -1.
func (g *pdfGlyphs) face(r rune) int {
	if g == nil {
		return pdfFaceGo
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if i, seen := g.known[r]; seen {
		return i
	}
	found := -1
	for i, f := range g.faces {
		if f == nil {
			continue
		}
		if idx, err := f.font.GlyphIndex(&g.buf, r); err == nil && idx != 0 {
			found = i
			break
		}
	}
	g.known[r] = found
	return found
}

func (g *pdfGlyphs) has(r rune) bool { return g.face(r) >= 0 }

func (g *pdfGlyphs) noteMissing(r rune) {
	g.mu.Lock()
	g.missing[r] = true
	g.mu.Unlock()
}

// missingRunes lists the runes no face could draw, in code point order.
func (g *pdfGlyphs) missingRunes() []rune {
	g.mu.Lock()
	defer g.mu.Unlock()
	var rs []rune
	for r := range g.missing {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return rs
}

// pdfMissingWarning names the characters the handout could not draw, or
// returns "" when there are none.
func pdfMissingWarning(rs []rune, cjkFound bool) string {
	if len(rs) == 0 {
		return ""
	}
	const show = 12
	var names []string
	cjk := false
	for i, r := range rs {
		if pdfIsCJK(r) {
			cjk = true
		}
		if i < show {
			names = append(names, fmt.Sprintf("%q (U+%04X)", r, r))
		}
	}
	msg := fmt.Sprintf("report.pdf: no font has %d character(s), shown as \uFFFD: %s", len(rs), strings.Join(names, ", "))
	if len(rs) > show {
		msg += fmt.Sprintf(" and %d more", len(rs)-show)
	}
	if cjk && !cjkFound {
		msg += "; install Noto Sans CJK (Debian: fonts-noto-cjk) for Chinese, Japanese and Korean"
	}
	return msg
}

// pdfIsCJK reports whether r is a Chinese, Japanese or Korean character or
// punctuation mark, which the CJK face draws.
func pdfIsCJK(r rune) bool {
	if r < 0x02EA { // the first CJK character, Bopomofo's ˪; most text is below it
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r >= 0x31C0 && r <= 0x31EF
}

// pdfCJKRunes lists the CJK characters in any string of vs (the parts of
// a Result the handout quotes: articles, lexicon, outlets, and the title),
// sorted: the CJK subset must be built before the first page is drawn.
func pdfCJKRunes(vs ...any) []rune {
	set := map[rune]bool{}
	seen := map[uintptr]bool{}
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			for _, r := range v.String() {
				if pdfIsCJK(r) {
					set[r] = true
				}
			}
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
				return
			}
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			iter := v.MapRange()
			for iter.Next() {
				walk(iter.Key())
				walk(iter.Value())
			}
		}
	}
	for _, v := range vs {
		walk(reflect.ValueOf(v))
	}
	rs := make([]rune, 0, len(set))
	for r := range set {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return rs
}

// pdfLoadCJK builds the CJK face for runes from the font at path (a TTC
// collection, whose Simplified Chinese member is used, or a single font).
// It returns nil, nil when path does not exist.
func pdfLoadCJK(path string, runes []rune) (*pdfFace, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read CJK font: %w", err)
	}
	var src *sfnt.Font
	if c, err := sfnt.ParseCollection(data); err == nil && c.NumFonts() > 1 {
		var buf sfnt.Buffer
		for i := range c.NumFonts() {
			f, err := c.Font(i)
			if err != nil {
				continue
			}
			if src == nil {
				src = f
			}
			if name, _ := f.Name(&buf, sfnt.NameIDFull); strings.HasSuffix(name, " SC") {
				src = f
				break
			}
		}
	} else if src, err = sfnt.Parse(data); err != nil {
		return nil, fmt.Errorf("parse CJK font %s: %w", path, err)
	}
	if src == nil {
		return nil, fmt.Errorf("parse CJK font %s: no font in the collection", path)
	}
	var buf sfnt.Buffer
	copyright, _ := src.Name(&buf, sfnt.NameIDCopyright)
	ttf, err := pdfTrueTypeSubset(src, runes, copyright)
	if err != nil {
		return nil, fmt.Errorf("CJK font %s: %w", path, err)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("CJK font %s: subset: %w", path, err)
	}
	return &pdfFace{font: f, styles: map[string][]byte{"": ttf, "B": ttf, "I": ttf, "BI": ttf}}, nil
}

// pdfFindCJK loads the CJK face for runes from path, or from the first of
// CJKFonts that exists when path is empty. "none" turns it off.
func pdfFindCJK(path string, runes []rune) (*pdfFace, error) {
	if len(runes) == 0 || path == "none" {
		return nil, nil
	}
	if path != "" {
		f, err := pdfLoadCJK(path, runes)
		if err == nil && f == nil {
			return nil, fmt.Errorf("CJK font %s: no such file", path)
		}
		return f, err
	}
	for _, p := range CJKFonts {
		// A broken system font is passed over: the warning then names the
		// characters it would have drawn.
		if f, err := pdfLoadCJK(p, runes); err == nil && f != nil {
			return f, nil
		}
	}
	return nil, nil
}

// useFace selects face i in style st for drawing or measuring, adding its
// font to the document the first time.
func (d *pdfDoc) useFace(i int, st pdfStyle) {
	fam := pdfFaceFamilies[i]
	if i != pdfFaceGo {
		key := fam + "\x00" + st.Font
		if d.fontsAdded == nil {
			d.fontsAdded = map[string]bool{}
		}
		if !d.fontsAdded[key] {
			d.fontsAdded[key] = true
			d.f.AddUTF8FontFromBytes(fam, st.Font, d.g.faces[i].styles[st.Font])
		}
	}
	d.f.SetFont(fam, st.Font, st.Size)
}

// pdfSpan is a piece of text one face draws.
type pdfSpan struct {
	face int
	text string
}

// spans cuts s into pieces by the face that draws them. Text the Go fonts
// draw whole is one span, so Latin text is drawn exactly as before.
func (d *pdfDoc) spans(s string) []pdfSpan {
	var out []pdfSpan
	start, cur := 0, -1
	for i, r := range s {
		f := d.g.face(r)
		if f < 0 || r == ' ' {
			f = max(cur, pdfFaceGo) // a space or a replacement joins its neighbour
		}
		if cur >= 0 && f != cur {
			out = append(out, pdfSpan{cur, s[start:i]})
			start = i
		}
		cur = f
	}
	if cur < 0 {
		cur = pdfFaceGo
	}
	return append(out, pdfSpan{cur, s[start:]})
}
