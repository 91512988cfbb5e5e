package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// The scanners over whole texts work on several bytes at a time or jump
// with strings.IndexByte; these byte-at-a-time versions are what they must
// agree with.

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

func quoteRangesRef(p string) [][2]int {
	if strings.IndexByte(p, '"') < 0 && !strings.Contains(p, "“") {
		return nil
	}
	var out [][2]int
	var stack []int
	straight := -1
	nStraight := strings.Count(p, "\"")
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '"' && nStraight%2 == 0:
			if straight < 0 {
				straight = i
			} else {
				out = append(out, [2]int{straight, i})
				straight = -1
			}
		case p[i] == 0xE2 && strings.HasPrefix(p[i:], "“"):
			stack = append(stack, i)
		case p[i] == 0xE2 && strings.HasPrefix(p[i:], "”"):
			if len(stack) > 0 {
				out = append(out, [2]int{stack[len(stack)-1], i})
				stack = stack[:len(stack)-1]
			}
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

func controlRatioHighRef(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			n++
		}
	}
	return n > 0 && n*10 > len(s)
}

// scanSeeds are the lines of the seed articles and some awkward strings.
func scanSeeds(t testing.TB) []string {
	out := []string{
		"", " ", "a", "a  b", "plain text of more than eight bytes",
		"tab\there", "del\x7f in the middle of a long line", "no\u00a0break space here",
		"zero\u200bwidth", "soft\u00adhyphen", "bom\ufeff", "mojibake Ã© and \ufffd here",
		"al-Assad’s U.S. 2,000 troops — ‘quoted’ words", "ends with a joiner-", "x\u0301y",
		"\x80\xff invalid bytes in a line", "12345678\x01", "1234567\xc2\xa0",
		"abcdefg  hijklmnop", "abcdef  ghijklmnop", "abcdefgh  ijklmnop", "a b c d e f g h i j k",
		"abcdefghijklmno  p", `He said "no" and “she said “yes” and "maybe”`, `odd " quote “`, "abcdefghijklmnop  q", "\x01\x02\x03 abcdefghijklmnop", "\x00\x1f\x7f\t\n\r\f\v",
		"no terminator in this long line at all", "twelve bytes. Then!", "…ellipsis first", "ab?", "abcdefgh.",
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
	if diff := cmp.Diff(quoteRangesRef(s), quoteRanges(s)); diff != "" {
		t.Errorf("quoteRanges(%q) (-want +got):\n%s", s, diff)
	}
	if got, want := controlRatioHigh(s), controlRatioHighRef(s); got != want {
		t.Errorf("controlRatioHigh(%q) = %v, want %v", s, got, want)
	}
	if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
		t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
	}
	for i := 0; i <= len(s); i++ {
		want := i
		for want < len(s) && !terminatorStart[s[want]] {
			want++
		}
		if got := nextTerminator(s, i); got != want {
			t.Fatalf("nextTerminator(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
	gw, gl := countWords(s)
	ww, wl := countWordsRef(s)
	if gw != ww || gl != wl {
		t.Errorf("countWords(%q) = %d, %d, want %d, %d", s, gw, gl, ww, wl)
	}
}
