package framing

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// describe renders quotations as "content" with flags, for compact tests.
func describe(text string, qs []Quotation) []string {
	var out []string
	for _, q := range qs {
		s := fmt.Sprintf("%d:%s", q.Depth, text[q.Start:q.End])
		if q.Scare {
			s += " scare"
		}
		if q.Continued {
			s += " continued"
		}
		if q.Unterminated {
			s += " unterminated"
		}
		if q.Headline {
			s += " headline"
		}
		if q.Transcript {
			s += " transcript"
		}
		out = append(out, s)
	}
	return out
}

func TestFindQuotations(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"straight double", `He said "we will win." Then left.`, []string{"0:we will win."}},
		{"curly double", `“We never want Idlib to turn into a bloodbath,” he told the summit.`, []string{"0:We never want Idlib to turn into a bloodbath,"}},
		{"scare straight", `Erdogan warned of a "bloodbath" in Syria.`, []string{"0:bloodbath scare"}},
		{"scare single straight", `Rouhani said fighting 'terrorism' in Idlib was necessary.`, []string{"0:terrorism scare"}},
		{"scare curly three words", `a Turkey-controlled “safe zone” in northern Syria`, []string{"0:safe zone scare"}},
		{"four words not scare", `agree to work 'in spirit of cooperation' over Idlib`, []string{"0:in spirit of cooperation"}},
		{"whole sentence not scare", `“Ceasefire.” He said.`, []string{"0:Ceasefire."}},
		{"guillemets", `Il a dit « nous partons » hier.`, []string{"0: nous partons  scare"}},
		{"Russian guillemets", `Путин заявил: «Сирия имеет право восстановить контроль над всей своей территорией».`, []string{"0:Сирия имеет право восстановить контроль над всей своей территорией"}},
		{"Russian inner low-high quotes", `Он сказал: «Это не „перемирие“, а пауза».`, []string{"0:Это не „перемирие“, а пауза", "1:перемирие scare"}},
		{"German low-high quotes", `Erdoğan sagte: „Wir wollen kein Blutbad in Idlib.“`, []string{"0:Wir wollen kein Blutbad in Idlib."}},
		{"Chinese corner brackets", `鲁哈尼说：「反恐斗争必须持续到彻底消灭恐怖主义为止。」`, []string{"0:反恐斗争必须持续到彻底消灭恐怖主义为止。"}},
		{"Chinese nested corner brackets", `他表示：「所谓『停火』只是借口。」`, []string{"0:所谓『停火』只是借口。", "1:停火 scare"}},
		{"Chinese curly quotes", `普京表示：“叙利亚合法政府有权恢复对全部国家领土的控制。”`, []string{"0:叙利亚合法政府有权恢复对全部国家领土的控制。"}},
		{"Arabic guillemets", `وقال أردوغان: «لا نريد أن تتحول إدلب إلى حمام دم».`, []string{"0:لا نريد أن تتحول إدلب إلى حمام دم"}},
		{"typewriter quotes", "He said ``we will not leave the city,'' and left.", []string{"0:we will not leave the city,"}},
		{"transcript lines", "RAMOS: Did you lie to them?\n\nMR. TRUMP: We will win. Believe me.", []string{"0:Did you lie to them? transcript", "0:We will win. Believe me. transcript"}},
		{"one line in capitals is a headline", "Read more below.\n\nNATO: Alliance will stay", []string{"0:Alliance will stay headline"}},
		{"apostrophes not quotes", `al-Assad‘s regime and the country’s north; the countries' ministers`, nil},
		{"nested", `Erdogan retorted: “There is no mention of ‘truce’. It would be good.”`, []string{"0:There is no mention of ‘truce’. It would be good.", "1:truce scare"}},
		{"unterminated", "He said: “we will go on\n\nNext paragraph.", []string{"0:we will go on unterminated"}},
		{"reopened paragraph", "“First part.\n\n“Second part,” he said.", []string{"0:First part.", "0:Second part, continued"}},
		{"unclosed single dropped", "rock ’n roll and ‘90s music", nil},
		{"headline", "Erdogan: We never want Idlib to turn into a bloodbath\n\nBody text.", []string{"0:We never want Idlib to turn into a bloodbath headline"}},
		{"not headline", "Read More:\n\nFollow us on Twitter: @The_NewArab\n\nIran Press/Iran news: it said so.", nil},
		{"quote after colon straight", `Rouhani said: "Coronavirus has become a global issue."`, []string{"0:Coronavirus has become a global issue."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := FindQuotations(tt.text)
			for _, q := range qs {
				if q.Open > q.Start || q.Start > q.End || q.End > q.Close || q.Close > len(tt.text) {
					t.Errorf("bad offsets %+v", q)
				}
			}
			if diff := cmp.Diff(tt.want, describe(tt.text, qs)); diff != "" {
				t.Errorf("FindQuotations(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
