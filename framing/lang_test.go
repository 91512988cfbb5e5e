package framing_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

// Every embedded language file parses and every term lies on an axis and
// pole of the default lexicon, with a gloss and a note.
func TestLanguagesOnDefaultAxes(t *testing.T) {
	lex := framing.DefaultLexicon()
	langs := framing.Languages(lex)
	var codes []string
	for _, l := range langs {
		codes = append(codes, l.Code)
		data, err := os.ReadFile(filepath.Join("data", "lang", l.Code+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		all, err := framing.ParseLanguage(l.Code+".yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		if len(all.Terms) != len(l.Terms) {
			for _, term := range all.Terms {
				if _, ok := lex.Pole(term.Axis, term.Pole); !ok {
					t.Errorf("%s.yaml:%d: %s/%s is not a pole of the default lexicon", l.Code, term.Line, term.Axis, term.Pole)
				}
			}
		}
		axes := map[string]bool{}
		for _, term := range l.Terms {
			axes[term.Axis] = true
		}
		for _, ax := range []string{"state", "armed_groups", "territory", "military_action", "foreign_forces", "named_group", "ceasefire", "casualties"} {
			if !axes[ax] {
				t.Errorf("%s: no terms on axis %s", l.Code, ax)
			}
		}
	}
	if d := cmp.Diff([]string{"ar", "fa", "ru", "tr", "zh"}, codes); d != "" {
		t.Errorf("languages (-want +got):\n%s", d)
	}
}

func TestParseLanguageErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"unknown key", "language: xx\nname: X\nstemming: none\ncolour: red\naxes: {}\n", `x.yaml:4: unknown key "colour" (known: language, name, stemming`},
		{"misspelt key", "language: xx\nname: X\nstemmign: none\naxes: {}\n", `x.yaml:3: unknown key "stemmign" (did you mean "stemming"?)`},
		{"unknown term key", "language: xx\nname: X\nstemming: none\naxes:\n  state:\n    regime:\n      - {text: a, gloss: b, not: c}\n", `x.yaml:7: unknown key "not" (did you mean "note"?)`},
		{"bad stemming", "language: xx\nname: X\nstemming: porter\naxes: {}\n", `bad stemming "porter"`},
		{"no snowball", "language: xx\nname: X\nstemming: snowball\naxes: {}\n", "no Snowball stemmer"},
		{"no gloss", "language: xx\nname: X\nstemming: none\naxes:\n  state:\n    regime:\n      - text: a\n        note: b\n", "x.yaml:7: a term needs text, gloss and note"},
		{"repeated", "language: xx\nname: X\nstemming: none\naxes:\n  state:\n    regime:\n      - {text: a, gloss: b, note: c}\n      - {text: a, gloss: b, note: c}\n", `x.yaml:8: term "a" repeated`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := framing.ParseLanguage("x.yaml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// article makes a one-paragraph article in a language.
func article(lang, text string) *corpus.Article {
	a := &corpus.Article{ID: "a", Language: lang, Text: text}
	a.Paragraphs = []corpus.Span{{Start: 0, End: len(text)}}
	a.Sentences = []corpus.Span{{Start: 0, End: len(text)}}
	return a
}

func hitList(hs []framing.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s/%s %s", h.Axis, h.Pole, h.Match))
	}
	return out
}

// Sentences written for each language, with the hits a reader expects.
func TestLanguageHits(t *testing.T) {
	m := framing.NewMatcher(framing.DefaultLexicon())
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"turkish inflected", "tr", "Esad rejiminin saldırıları sürerken Erdoğan, teröristlerin sivillerden ayrılması gerektiğini söyledi.",
			[]string{"state/regime Esad rejiminin", "military_action/offensive saldırıları", "armed_groups/terrorists teröristlerin", "casualties/civilians sivillerden"}},
		{"turkish regime alone", "tr", "Muhalifler, rejimin İdlib'e yönelik bir taarruz hazırladığını söylüyor.",
			[]string{"armed_groups/rebels Muhalifler", "state/regime rejimin", "military_action/offensive taarruz"}},
		{"turkish names and ceasefire", "tr", "DEAŞ ve PKK terör örgütleridir; Ankara İdlib'de ateşkesin korunmasını istiyor.",
			[]string{"named_group/daesh DEAŞ", "armed_groups/terrorists terör örgütleridir", "ceasefire/ceasefire ateşkesin"}},
		{"turkish seized", "tr", "Hükümet güçleri kasabayı ele geçirdi.",
			[]string{"state/government Hükümet", "territory/capture ele geçirdi"}},
		{"arabic regime and terrorists", "ar", "وقالت المعارضة إن قوات النظام قصفت المدنيين، فيما وصف الإعلام الرسمي القتلى بالإرهابيين.",
			[]string{"state/regime قوات النظام", "military_action/offensive قصفت", "casualties/civilians المدنيين", "armed_groups/terrorists بالإرهابيين"}},
		{"arabic government and ceasefire", "ar", "ودعت الحكومة السورية إلى وقف إطلاق النار ومكافحة الإرهاب في إدلب.",
			[]string{"state/government الحكومة السورية", "ceasefire/ceasefire وقف إطلاق النار", "military_action/counter_terrorism ومكافحة الإرهاب"}},
		{"arabic named group and opposition", "ar", "وقاتلت فصائل المعارضة المسلحة تنظيم داعش.",
			[]string{"armed_groups/rebels فصائل المعارضة المسلحة", "named_group/daesh داعش"}},
		{"persian terrorists and presence", "fa", "تروریست\u200cها از غیرنظامیان به عنوان سپر انسانی استفاده می\u200cکنند و حضور نظامی غیرقانونی آمریکا باید پایان یابد.",
			[]string{"armed_groups/terrorists تروریست\u200cها", "casualties/civilians غیرنظامیان", "foreign_forces/occupation حضور نظامی غیرقانونی"}},
		{"persian groups and ceasefire", "fa", "گروه\u200cهای تروریستی آتش\u200cبس را نقض کردند و دولت سوریه خواستار مبارزه با تروریسم شد.",
			[]string{"armed_groups/terrorists گروه\u200cهای تروریستی", "ceasefire/ceasefire آتش\u200cبس", "state/government دولت سوریه", "military_action/counter_terrorism مبارزه با تروریسم"}},
		{"russian inflected", "ru", "Боевики и террористы обстреливали позиции правительственных войск, а режим Асада объявил режим прекращения огня.",
			[]string{"armed_groups/militants Боевики", "armed_groups/terrorists террористы", "state/government правительственных войск", "state/regime режим Асада", "ceasefire/ceasefire режим прекращения огня"}},
		{"russian presence and catastrophe", "ru", "Незаконное присутствие американских войск грозит гуманитарной катастрофой, заявили в Тегеране.",
			[]string{"foreign_forces/occupation Незаконное присутствие", "foreign_forces/presence американских войск", "casualties/catastrophe гуманитарной катастрофой"}},
		{"chinese", "zh", "叙利亚政府表示，恐怖分子在伊德利卜把平民当作人盾，反恐斗争必须继续，各方应当停火。",
			[]string{"state/government 叙利亚政府", "armed_groups/terrorists 恐怖分子", "casualties/civilians 平民", "military_action/counter_terrorism 反恐", "ceasefire/ceasefire 停火"}},
		{"chinese regime and rebels", "zh", "西方媒体称阿萨德政权的军队向反对派武装发动进攻。",
			[]string{"state/regime 阿萨德政权", "armed_groups/rebels 反对派武装", "military_action/offensive 进攻"}},
		{"english unchanged", "en", "The regime's forces shelled the rebels.",
			[]string{"state/regime regime's forces", "armed_groups/rebels rebels"}},
		{"no language data: English terms", "fr", "Le régime a bombardé les rebels.",
			[]string{"armed_groups/rebels rebels"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hitList(m.Match(article(tt.lang, tt.text)))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("hits (-want +got):\n%s", d)
			}
		})
	}
}

// Every language term is found when it stands in a sentence on its own,
// so no term is written in a form its language's analysis cannot match.
func TestEveryLanguageTermMatchesItself(t *testing.T) {
	lex := framing.DefaultLexicon()
	m := framing.NewMatcher(lex)
	for _, l := range framing.Languages(lex) {
		for _, term := range l.Terms {
			text := term.Text + "."
			hits := m.Match(article(l.Code, text))
			if len(hits) != 1 || hits[0].Axis != term.Axis || hits[0].Pole != term.Pole || hits[0].Match != term.Text {
				t.Errorf("%s.yaml:%d: %q gives %v", l.Code, term.Line, term.Text, hitList(hits))
			}
		}
	}
}

func TestHasLanguage(t *testing.T) {
	lex := framing.DefaultLexicon()
	for code, want := range map[string]bool{"": true, "en": true, "ar": true, "zh": true, "tr": true, "fr": false, "de": false} {
		if got := framing.HasLanguage(lex, code); got != want {
			t.Errorf("HasLanguage(%q) = %v, want %v", code, got, want)
		}
	}
}

// Distinctive terms leave out each language's function words, and
// compare outlets only with outlets writing in the same language.
func TestDistinctiveLanguageStopwords(t *testing.T) {
	arts := []corpus.Article{
		{ID: "a", Outlet: "A", Language: "ar", Text: "قال الرئيس في طهران إن الحكومة في دمشق على حق. قال الرئيس في طهران إن الحكومة على حق."},
		{ID: "b", Outlet: "B", Language: "ar", Text: "قال المتحدث في أنقرة إن النظام في دمشق على خطأ. قال المتحدث في أنقرة إن النظام على خطأ."},
		{ID: "c", Outlet: "C", Language: "zh", Text: "普京在德黑兰表示，叙利亚政府有权恢复控制。普京在德黑兰表示，叙利亚政府有权恢复控制。"},
		{ID: "d", Outlet: "D", Language: "zh", Text: "埃尔多安在安卡拉表示，叙利亚政权必须停火。埃尔多安在安卡拉表示，叙利亚政权必须停火。"},
		{ID: "e", Outlet: "E", Language: "en", Text: "Putin said in Tehran that the government was right."},
	}
	scopeOf := map[string]string{}
	for _, d := range framing.Distinctive(arts, nil, nil) {
		scopeOf[d.Term] = d.Scope
	}
	for _, stop := range []string{"في", "إن", "على", "قال", "的", "在", "表示"} {
		if _, ok := scopeOf[stop]; ok {
			t.Errorf("stop word %q among distinctive terms", stop)
		}
	}
	for word, scope := range map[string]string{"طهران": "corpus/ar", "انقره": "corpus/ar", "德黑兰": "corpus/zh", "普京": "corpus/zh", "安卡拉": "corpus/zh"} {
		if scopeOf[word] != scope {
			t.Errorf("content word %q in scope %q, want %q", word, scopeOf[word], scope)
		}
	}
	if s, ok := scopeOf["tehran"]; ok {
		t.Errorf("the only English outlet has distinctive term tehran in scope %q", s)
	}
}
