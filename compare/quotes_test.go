package compare

import (
	"testing"

	"github.com/framediff/framediff/corpus"
	"github.com/google/go-cmp/cmp"
)

// quoteCase is one text and the quotations a reader finds in it.
type quoteCase struct {
	name string
	text string
	want []string // "speaker|verb|text"
}

func TestExtractQuotes(t *testing.T) {
	tests := []quoteCase{
		{"name after", `"We will stay," Putin said.`, []string{"Putin|said|We will stay"}},
		{"verb before name", `"We will stay," said Russian President Vladimir Putin.`, []string{"Putin|said|We will stay"}},
		{"colon before", `But Erdogan retorted: "There is no mention of a truce."`, []string{"Erdogan|retorted|There is no mention of a truce."}},
		{"pronoun", "Turkish President Tayyip Erdogan spoke first.\n\n\"We never want a bloodbath,\" he told the summit.", []string{"Erdogan|told|We never want a bloodbath"}},
		{"role", "Putin and Erdogan met in Sochi.\n\n\"The deal holds,\" the Turkish president said.", []string{"Erdogan|said|The deal holds"}},
		{"generic role", "Hassan Rouhani spoke in Tehran.\n\n\"Talks must go on,\" the president added.", []string{"Rouhani|added|Talks must go on"}},
		{"interrupted", `"The talks were hard," Lavrov said, "but we have an agreement."`, []string{"Lavrov|said|The talks were hard but we have an agreement."}},
		{"curly and sentences", "Putin noted: “I believe he is right. It would be good.”", []string{"Putin|noted|I believe he is right. It would be good."}},
		{"guillemets", "Foreign Minister Jean Dupont said: «We will see tomorrow morning».", []string{"Jean Dupont|said|We will see tomorrow morning"}},
		{"scare quote skipped", `The so-called "de-escalation" zones remain.`, nil},
		{"organisation", `The communique said the leaders "took up the situation in the zone".`, []string{"communique|said|took up the situation in the zone"}},
		{"apposition", `Belmar's water minister, Tomas Reyes, said the deal was "a fair compromise for both peoples".`, []string{"Tomas Reyes|said|a fair compromise for both peoples"}},
		{"title kept apart, initial inside", `"We will keep talking to every side," Secretary of State John F. Kerry said.`, []string{"John F. Kerry|said|We will keep talking to every side"}},
		{"suffix inside", `"The vote is not over yet," said Rep. Mark Ellison Jr., a Democrat.`, []string{"Mark Ellison Jr.|said|The vote is not over yet"}},
		{"description apposition", `"The wards are full every night," Anna Kowal, a doctor at the city hospital, said.`, []string{"Anna Kowal|said|The wards are full every night"}},
		{"according to", `According to a joint statement, "the parties will meet again within a month."`, []string{"joint statement|according to|the parties will meet again within a month."}},
		{"told reporters", "Mayor Lena Ostrova visited the port.\n\n\"We will rebuild the harbour wall,\" Ostrova told reporters.", []string{"Lena Ostrova|told|We will rebuild the harbour wall"}},
		{"loaded verb", `Senator Dan Pryce slammed the plan as "a giveaway to the banks and nobody else".`, []string{"Dan Pryce|slammed|a giveaway to the banks and nobody else"}},
		{"continued paragraph keeps speaker", "\"We are not leaving,\" Ostrova said.\n\n\"The city needs this port and it will have it.\"", []string{"Ostrova|said|We are not leaving", "Ostrova|said|The city needs this port and it will have it."}},
		{"second sentence carries verb", `"We have done our part," Reyes said. "Now the others must do theirs."`, []string{"Reyes|said|We have done our part", "Reyes|said|Now the others must do theirs."}},
		{"no attribution, no guess", "Putin met Erdogan in Sochi.\n\nResidents were not convinced.\n\n\"Nothing has changed here in a year.\"", []string{"||Nothing has changed here in a year."}},
		{"adverb and pronoun are not names", `Clearly, "this will not stand for long," I'll say.`, []string{"|say|this will not stand for long"}},
		{"transcript lines", "KERRY: We have made real progress today.\n\nLAVROV: We agree on the first steps.", []string{"Kerry||We have made real progress today.", "Lavrov||We agree on the first steps."}},
		{"typewriter quotes", "``We will not give up the city,'' Lavrov said.", []string{"Lavrov|said|We will not give up the city"}},
	}
	r := corpus.NewReader()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, warns := r.Read("q.md", []byte("---\ntitle: Test\n---\n"+tt.text+"\n"))
			if len(as) != 1 {
				t.Fatalf("read: %v", warns)
			}
			a := &as[0]
			ws := words(a.Text)
			var got []string
			for _, q := range extractQuotes(DefaultEntities(), a, ws, DefaultEntities().mentions(a.Text, ws)) {
				got = append(got, q.Speaker+"|"+q.Verb+"|"+q.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("quotes (-want +got):\n%s", diff)
			}
		})
	}
}
