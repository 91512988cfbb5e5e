package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"golang.org/x/text/language"
)

// minLatinConfidence is the least detection confidence (whatlanggo's
// relative distance between the best two languages, 0–1) at which a
// Latin-script text's language is taken. Measured: one English or Turkish
// sentence of a dozen words gives 0.17–0.31 (Turkish's nearest rival is
// Azerbaijani); a lone name gives 0.07.
const minLatinConfidence = 0.1

// detectBytes is how much of an article's text language detection reads:
// enough for a confident guess, bounded so long articles cost no more.
const detectBytes = 1024

// DetectLanguage returns the ISO 639-1 code of the language text is written
// in ("en", "ar", "zh"), or "" when no language can be told (no letters, or
// a script the detector does not know, or a Latin-script text too short to
// tell its language reliably). Detection reads trigrams of the text's
// dominant script (whatlanggo); it needs a sentence or two.
func DetectLanguage(text string) string {
	text = text[:cutAt(text, detectBytes)]
	if plainlyEnglish(text) {
		return "en"
	}
	info := whatlanggo.Detect(text)
	if info.Lang < 0 {
		return ""
	}
	// Many languages share the Latin script, and a short text's trigrams
	// can favour the wrong one: better unknown (matched as English) than a
	// confident mistake. Other scripts narrow the choice by themselves.
	if info.Script == unicode.Latin && info.Confidence < minLatinConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// NormalizeLanguage returns the ISO 639-1 code of a language given as a
// BCP 47 tag or ISO 639 code ("ar", "fa-IR", "zh-Hans", "rus"), and false
// when v is not one.
func NormalizeLanguage(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", false
	}
	tag, err := language.Parse(v)
	if err != nil {
		return "", false
	}
	base, conf := tag.Base()
	if conf == language.No || base.String() == "und" {
		return "", false
	}
	return base.String(), true
}

// setLanguage sets a.Language from the input's language field, else by
// detection from the title and text, and counts the words of a text
// holding Chinese characters by ScriptWords, so that its count compares
// with a translation's.
func (d *draft) setLanguage(a *Article) {
	if given := d.f.Language; given != "" {
		if code, ok := NormalizeLanguage(given); ok {
			a.Language = code
		} else {
			d.warn("language %q is not a language code (want ISO 639-1 such as \"ar\" or a tag such as \"zh-CN\"); detected instead", clip(given, 40))
		}
	}
	if a.Language == "" {
		// The title and the start of the text: DetectLanguage reads no more.
		a.Language = DetectLanguage(a.Title + "\n\n" + a.Text[:cutAt(a.Text, detectBytes)])
	}
	if hasHan(a.Text) {
		a.Words = countScriptWords(a.Text)
	}
}

// englishFunctionWords are frequent English words that are rare as words
// of other languages written in the Latin script.
var englishFunctionWords = func() map[string]bool {
	data, err := dataFS.ReadFile("data/englishwords.txt")
	if err != nil {
		panic("corpus: embedded data/englishwords.txt: " + err.Error())
	}
	m := map[string]bool{}
	for line := range strings.Lines(string(data)) {
		w := strings.TrimSpace(line)
		if w == "" || w[0] == '#' {
			continue
		}
		if len(w) > 5 {
			// plainlyEnglish looks up words of up to five letters only.
			panic("corpus: embedded data/englishwords.txt: " + w + " is longer than five letters")
		}
		m[w] = true
	}
	return m
}()

// plainlyEnglish reports whether at least a twelfth of the first 20 or more
// words of text are English function words (English prose has about a
// seventh, a news lede dense with names a tenth; words that are also
// common in other languages, such as "in", "was", "on" and "to", are not
// counted): most inputs are English, and
// this spares them the trigram detector, which costs about a millisecond
// an article.
func plainlyEnglish(text string) bool {
	words, hits := 0, 0
	for i := 0; i < len(text); {
		c := text[i] | 0x20
		if c < 'a' || c > 'z' {
			if text[i] >= utf8.RuneSelf {
				// a non-ASCII letter inside a word makes it no English word
				for i < len(text) && text[i] != ' ' && text[i] != '\n' {
					i++
				}
				words++
				continue
			}
			i++
			continue
		}
		j := i
		for j < len(text) && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z') {
			j++
		}
		words++
		if j-i <= 5 {
			var buf [5]byte
			for k := i; k < j; k++ {
				buf[k-i] = text[k] | 0x20
			}
			if englishFunctionWords[string(buf[:j-i])] {
				hits++
			}
		}
		i = j
	}
	return words >= 20 && hits*12 >= words
}

// cutAt returns the largest rune boundary of s at or before n.
func cutAt(s string, n int) int {
	if len(s) <= n {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}
