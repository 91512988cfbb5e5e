package compare

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framediff/framediff/framing"
)

//go:embed data
var dataFS embed.FS

// word is one word token of a text, with byte offsets into it; Lower is
// its match key (lower case, possessive dropped).
type word = framing.Token

// words splits text into word tokens.
func words(text string) []word { return framing.Tokenize(text) }

// wordCount returns len(words(text)) without making the tokens.
func wordCount(text string) int { return framing.CountWords(text) }

// stem reduces a lower-case word to the key used to compare content.
func stem(w string) string { return framing.Stem(w) }

// loadList reads an embedded one-entry-a-line list, skipping blank lines and
// "#" comments.
func loadList(name string) []string {
	f, err := dataFS.Open(name)
	if err != nil {
		panic("compare: embedded " + name + ": " + err.Error())
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

func loadSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range loadList(name) {
		m[strings.ToLower(w)] = true
	}
	return m
}

var (
	stopwords        = sync.OnceValue(func() map[string]bool { return loadSet("data/stopwords.txt") })
	attributionVerbs = sync.OnceValue(func() map[string]bool { return loadSet("data/attribution.txt") })
)

// isStop reports whether a lower-case word carries no content.
func isStop(lower string) bool {
	if stopwords()[lower] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(lower)
	return utf8.RuneCountInString(lower) == 1 && !unicode.IsDigit(r)
}

// isCapitalised reports whether s starts with an upper-case letter.
func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
