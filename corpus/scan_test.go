package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The scanners over whole texts work on several bytes at a time; these
// byte-at-a-time versions are what they must agree with.

func normalLineRef(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < 0x7f {
			continue
		}
		switch {
		case c < 0x20 || c == 0x7f:
			return false
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c >= 0xC2 && i+1 < len(s):
			if specialAt(s, i) {
				return false
			}
		}
	}
	return true
}

func countWordsRef(s string) (words, longest int) {
	n := len(s)
	for i := 0; i < n; {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c] != classWord {
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
		}
		words++
		start := i
		for i < n {
			c := s[i]
			if c < utf8.RuneSelf {
				switch asciiClass[c] {
				case classWord:
					i++
					continue
				case classJoiner:
					if i+1 < n && nextIsWord(s[i+1:]) {
						i++
						continue
					}
				}
				break
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) || isJoiner(r) && i+size < n && nextIsWord(s[i+size:]) {
				i += size
				continue
			}
			break
		}
		longest = max(longest, i-start)
	}
	return words, longest
}

// scanSeeds are the lines of the seed articles and some awkward strings.
func scanSeeds(t testing.TB) []string {
	out := []string{
		"", " ", "a", "a  b", "plain text of more than eight bytes",
		"tab\there", "del\x7f in the middle of a long line", "no\u00a0break space here",
		"zero\u200bwidth", "soft\u00adhyphen", "bom\ufeff", "mojibake Ã© and \ufffd here",
		"al-Assad’s U.S. 2,000 troops — ‘quoted’ words", "ends with a joiner-", "x\u0301y",
		"\x80\xff invalid bytes in a line", "12345678\x01", "1234567\xc2\xa0",
	}
	files, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(string(data), "\n")...)
	}
	return out
}

func TestScannersAgree(t *testing.T) {
	for _, s := range scanSeeds(t) {
		checkScanners(t, s)
	}
}

func FuzzScanners(f *testing.F) {
	for _, s := range scanSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(checkScanners)
}

func checkScanners(t *testing.T, s string) {
	if got, want := normalLine(s), normalLineRef(s); got != want {
		t.Errorf("normalLine(%q) = %v, want %v", s, got, want)
	}
	gw, gl := countWords(s)
	ww, wl := countWordsRef(s)
	if gw != ww || gl != wl {
		t.Errorf("countWords(%q) = %d, %d, want %d, %d", s, gw, gl, ww, wl)
	}
}
