package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// LanguageWarnings returns one warning per language of arts that lex has
// no terms for (see framing.HasLanguage), naming its articles: their
// framing counts come from the English terms alone and are not comparable
// with other outlets'. Languages are in code order.
func LanguageWarnings(arts []corpus.Article, lex *framing.Lexicon) []string {
	byLang := map[string][]string{}
	for i := range arts {
		a := &arts[i]
		if !framing.HasLanguage(lex, a.Language) {
			byLang[a.Language] = append(byLang[a.Language], a.ID)
		}
	}
	codes := make([]string, 0, len(byLang))
	for c := range byLang {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var out []string
	for _, c := range codes {
		ids := byLang[c]
		sort.Strings(ids)
		list := strings.Join(ids, ", ")
		if len(ids) > 5 {
			list = strings.Join(ids[:5], ", ") + fmt.Sprintf(" and %d more", len(ids)-5)
		}
		out = append(out, fmt.Sprintf("language %q has no lexicon terms: %d article(s) (%s) are matched against the lexicon's English terms only", c, len(ids), list))
	}
	return out
}
