package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

func TestPDFClean(t *testing.T) {
	g, err := pdfGoGlyphs()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"latin extended", "Erdoğan’s “truce” – fine — ok", "Erdoğan’s “truce” – fine — ok"},
		{"cyrillic", "Путин и Эрдоган", "Путин и Эрдоган"},
		{"emoji outside the BMP", "peace 😀 now", "peace \uFFFD now"},
		{"character the font lacks", "中文", "\uFFFD\uFFFD"},
		{"composed to NFC", "Erdog\u0306an", "Erdoğan"},
		{"invisible format characters dropped", "zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"},
		{"control character shown", "bell\x07", "bell\uFFFD"},
		{"invalid UTF-8 shown", "bad\xffbyte", "bad\uFFFDbyte"},
		{"line breaks become spaces", "one\ntwo\tthree", "one two three"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pdfClean(g, tt.in); got != tt.want {
				t.Errorf("pdfClean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPDFMasker(t *testing.T) {
	m := newPDFMasker(map[string][]string{
		"Iran Press":   {"Iran Press", "IP", "iranpress.com"},
		"The New Arab": {"The New Arab", "Al-Araby Al-Jadeed"},
	}, map[string]string{"Iran Press": "Source A", "The New Arab": "Source B"})
	tests := []struct {
		name, in, want string
	}{
		{"self-reference", "Iran Press/Iran news: “The Idlib issue”", "Source A/Iran news: “The Idlib issue”"},
		{"abbreviation", "Tehran (IP) - Iranian President", "Tehran (Source A) - Iranian President"},
		{"abbreviation is case-sensitive", "the ip address", "the ip address"},
		{"inside a word left alone", "IPhone and Iran Pressure", "IPhone and Iran Pressure"},
		{"domain", "see https://iranpress.com/news", "see https://Source A/news"},
		{"handle", "Follow us: @The_NewArab", "Follow us: @Source B"},
		{"without the article", "as New Arab reported", "as Source B reported"},
		{"case-insensitive name", "THE NEW ARAB said", "Source B said"},
		{"alias", "Al-Araby Al-Jadeed reported", "Source B reported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.apply(tt.in); got != tt.want {
				t.Errorf("apply(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPDFWrapFits checks that wrapped lines never exceed their width, and
// that wrapping loses no character, for ordinary, long and glued words.
func TestPDFWrapFits(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(pdfFamily, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "B", goregular.TTF)
	d := &pdfDoc{f: f}
	st := pdfStyle{Size: 9}
	hit := pdfStyle{Size: 9, Font: "B", Fill: &pdfRGB{200, 200, 200}}
	tests := []struct {
		name  string
		runs  []pdfRun
		width float64
	}{
		{"prose", []pdfRun{{Text: "The presidents of Iran, Russia, and Turkey on Friday agreed to work within a spirit of cooperation.", Style: st}}, 40},
		{"giant word", []pdfRun{{Text: strings.Repeat("x", 10000), Style: st}}, 50},
		{"url", []pdfRun{{Text: "see https://example.org/" + strings.Repeat("segment/", 30) + " now", Style: st}}, 30},
		{"punctuation glued to a hit", []pdfRun{{Text: "backs the Syrian ", Style: st}, {Text: "regime", Style: hit}, {Text: ", and more words follow here.", Style: st}}, 25},
		{"narrower than a letter", []pdfRun{{Text: "abc", Style: st}}, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := d.wrap(tt.runs, tt.width)
			var got, want strings.Builder
			for _, r := range tt.runs {
				want.WriteString(strings.ReplaceAll(r.Text, " ", ""))
			}
			for i, l := range lines {
				for _, it := range l.Items {
					got.WriteString(it.Text)
					if it.X+it.W > tt.width+1e-6 && utf8.RuneCountInString(it.Text) > 1 {
						t.Errorf("line %d: %q ends at %.2f, past %.2f", i, it.Text, it.X+it.W, tt.width)
					}
				}
			}
			if got.String() != want.String() {
				t.Errorf("wrapping lost or added text: got %d bytes, want %d", got.Len(), want.Len())
			}
		})
	}
}
