package framing_test

import (
	"fmt"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/framing"
)

func ExampleTokenize() {
	for _, t := range framing.Tokenize("Assad’s rebel-held “IS” town") {
		fmt.Printf("%d-%d %s %s\n", t.Start, t.End, t.Text, t.Lower)
	}
	// Output:
	// 0-9 Assad’s assad
	// 10-15 rebel rebel
	// 16-20 held held
	// 24-26 IS is
	// 30-34 town town
}

func ExampleFindQuotations() {
	text := `Erdogan warned of a "bloodbath". "We never want Idlib to turn into a bloodbath," he said.`
	for _, q := range framing.FindQuotations(text) {
		fmt.Printf("%q scare=%v\n", text[q.Start:q.End], q.Scare)
	}
	// Output:
	// "bloodbath" scare=true
	// "We never want Idlib to turn into a bloodbath," scare=false
}

func ExampleMatcher_Match() {
	text := `While Iran and Russia back the regime of Bashar al-Assad, Turkey backs opposition fighters. ` +
		`Rouhani said fighting "terrorism" was necessary. "We will liberate Idlib," he said.`
	a := &corpus.Article{ID: "x", Text: text, Sentences: []corpus.Span{{Start: 0, End: 91}, {Start: 92, End: 140}, {Start: 141, End: len(text)}}}
	m := framing.NewMatcher(framing.DefaultLexicon())
	for _, h := range m.Match(a) {
		fmt.Printf("%s/%s %q %s sentence=%d scare=%v\n", h.Axis, h.Pole, h.Match, h.Voice, h.Sentence, h.ScareQuoted)
	}
	// Output:
	// state/regime "regime" narrator sentence=0 scare=false
	// armed_groups/rebels "opposition fighters" narrator sentence=0 scare=false
	// military_action/counter_terrorism "terrorism" narrator sentence=1 scare=true
	// territory/liberation "liberate" quoted sentence=2 scare=false
}

func ExampleKWIC() {
	text := "Idlib is one of the so-called “de-escalation” zones set up last year."
	a := &corpus.Article{ID: "x", Text: text, Sentences: []corpus.Span{{Start: 0, End: len(text)}}}
	h := framing.NewMatcher(framing.DefaultLexicon()).Match(a)[0]
	left, match, right := framing.KWIC(a, h, 20)
	fmt.Printf("%s[%s]%s distanced=%v\n", left, match, right, h.Distanced)
	// Output:
	// …of the so-called “[de-escalation]” zones set up last… distanced=true
}

func ExampleParseLexicon() {
	_, err := framing.ParseLexicon("my.yaml", []byte(`axes:
  - id: state
    poles:
      - id: regime
        terms: [regime]
      - id: government
        colour: "#0072B2"
        terms: [government]
`))
	fmt.Println(err)
	// Output:
	// my.yaml:7: pole: unknown key "colour" (did you mean "color"?)
}
