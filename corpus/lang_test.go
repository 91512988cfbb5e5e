package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/framediff/framediff/corpus"
)

// readLanguages reads the five-language Tehran summit articles.
func readLanguages(t *testing.T) map[string]corpus.Article {
	t.Helper()
	dir := filepath.Join("..", "testdata", "languages")
	arts, ws := testReader().ReadFS(os.DirFS(dir))
	if len(ws) > 0 {
		t.Fatalf("warnings reading %s: %v", dir, ws)
	}
	by := map[string]corpus.Article{}
	for _, a := range arts {
		by[a.ID] = a
	}
	return by
}

func TestLanguageDetected(t *testing.T) {
	want := map[string]string{
		"aa-tr-2018-09-07":        "tr",
		"cgtn-ar-2018-09-07":      "ar",
		"cgtn-zh-2018-09-07":      "zh",
		"iranpress-fa-2018-09-07": "fa",
		"tass-ru-2018-09-07":      "ru",
	}
	got := map[string]string{}
	for id, a := range readLanguages(t) {
		got[id] = a.Language
		if len(a.Warnings) > 0 {
			t.Errorf("%s: warnings %v", id, a.Warnings)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("languages (-want +got):\n%s", d)
	}
}

func TestLanguageOfEnglishExamples(t *testing.T) {
	arts, _ := testReader().ReadFS(os.DirFS(filepath.Join("..", "testdata", "examples")))
	if len(arts) == 0 {
		t.Fatal("no example articles read")
	}
	for _, a := range arts {
		if a.Language != "en" {
			t.Errorf("%s: language %q, want en", a.ID, a.Language)
		}
	}
}

func TestLanguageGiven(t *testing.T) {
	r := testReader()
	tests := []struct {
		name, file, data string
		want             string
		warning          string
	}{
		{"front matter language", "a.md", "---\nid: a\noutlet: CGTN\nlanguage: zh-Hans\n---\nThe summit opened in Tehran on Friday.\n", "zh", ""},
		{"front matter lang", "b.md", "---\nid: b\noutlet: CGTN\nlang: FA\n---\nThe summit opened in Tehran on Friday.\n", "fa", ""},
		{"bad value detected instead", "c.md", "---\nid: c\noutlet: CGTN\nlanguage: Klingon tongue\n---\nThe summit opened in Tehran on Friday, and the three presidents spoke about Idlib.\n", "en", `language "Klingon tongue" is not a language code`},
		{"jsonl language", "d.jsonl", `{"id":"d","outlet":"TASS","language":"ru","text":"Саммит прошел в Тегеране."}` + "\n", "ru", ""},
		{"jsonl lang", "e.jsonl", `{"id":"e","outlet":"TASS","lang":"ar-SY","text":"The summit was held."}` + "\n", "ar", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, ws := r.Read(tt.file, []byte(tt.data))
			if len(ws) > 0 || len(arts) != 1 {
				t.Fatalf("read %d articles, warnings %v", len(arts), ws)
			}
			a := arts[0]
			if a.Language != tt.want {
				t.Errorf("language %q, want %q", a.Language, tt.want)
			}
			joined := strings.Join(a.Warnings, "; ")
			if tt.warning == "" && strings.Contains(joined, "language") || !strings.Contains(joined, tt.warning) {
				t.Errorf("warnings %q, want one containing %q", joined, tt.warning)
			}
		})
	}
}

func TestNormalizeLanguage(t *testing.T) {
	for in, want := range map[string]string{"ar": "ar", "fa-IR": "fa", "zh-Hans-CN": "zh", "rus": "ru", "TR": "tr", "": "", "Arabisch!": ""} {
		got, ok := corpus.NormalizeLanguage(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizeLanguage(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// The Chinese article's word count is comparable with that of its English
// translation (corpus/testdata/lang/cgtn-zh.en.txt, translated sentence
// by sentence): within 20%.
func TestChineseWordsComparableWithEnglish(t *testing.T) {
	zh := readLanguages(t)["cgtn-zh-2018-09-07"]
	data, err := os.ReadFile(filepath.Join("testdata", "lang", "cgtn-zh.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	arts, _ := testReader().Read("cgtn-zh.en.txt", data)
	en := arts[0].Words
	ratio := float64(zh.Words) / float64(en)
	t.Logf("Chinese %d words, English %d words, ratio %.2f", zh.Words, en, ratio)
	if ratio < 0.8 || ratio > 1.2 {
		t.Errorf("Chinese %d words vs English %d: ratio %.2f outside [0.8, 1.2]", zh.Words, en, ratio)
	}
}

// Hand-split sentences: names, numbers and compounds stay whole.
func TestHanWords(t *testing.T) {
	tests := []struct{ text, want string }{
		{"俄罗斯总统普京在德黑兰举行三方峰会", "俄罗斯|总统|普京|在|德黑兰|举行|三方|峰会"},
		{"恐怖分子把平民当作人盾", "恐怖分子|把|平民|当作|人|盾"},
		{"可能导致人道主义灾难和大屠杀", "可能|导致|人道主义|灾难|和|大屠杀"},
		{"2018年9月7日，埃尔多安呼吁停火。", "2018|年|9|月|7|日|埃尔多安|呼吁|停火"},
		{"Putin 与埃尔多安 met", "Putin|与|埃尔多安|met"},
	}
	for _, tt := range tests {
		var got []string
		corpus.ScriptWords(tt.text, func(s, e int) { got = append(got, tt.text[s:e]) })
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("ScriptWords(%q) = %s, want %s", tt.text, g, tt.want)
		}
	}
}

func TestDetectLanguageShortLatin(t *testing.T) {
	for text, want := range map[string]string{
		"":      "",
		"12345": "",
		"Idlib": "",
		"Die drei Präsidenten trafen sich am Freitag in Teheran, um über die Lage in Idlib zu beraten. Was die Türkei will, ist ein Waffenstillstand in der Provinz, an dem auch Russland beteiligt ist.": "de",
		"The summit was held on Friday.": "en",
		"The three presidents met in Tehran on Friday to discuss the situation in Idlib, where government forces are massing.": "en",
		"Üç cumhurbaşkanı cuma günü Tahran'da bir araya gelerek İdlib'deki durumu görüştü.":                                    "tr",
		"Президенты России, Ирана и Турции провели в пятницу трехсторонний саммит в Тегеране, посвященный ситуации в Идлибе.":  "ru",
		"普京在德黑兰": "zh",
	} {
		if got := corpus.DetectLanguage(text); got != want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", text, got, want)
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	var texts []string
	n := 0
	for _, dir := range []string{"languages", "examples"} {
		arts, _ := testReader().ReadFS(os.DirFS(filepath.Join("..", "testdata", dir)))
		for _, a := range arts {
			texts = append(texts, a.Text)
			n += min(len(a.Text), 1024)
		}
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range texts {
			corpus.DetectLanguage(s)
		}
	}
}
