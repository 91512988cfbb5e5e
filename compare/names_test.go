package compare

import (
	"testing"

	"github.com/framediff/framediff/corpus"
)

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Ken Fredette", "Kenneth Fredette", true},
		{"Mike Pence", "Michael Pence", true},
		{"Bob Casey", "Robert Casey", true},
		{"K. Fredette", "Kenneth Fredette", true},
		{"Fredette", "Kenneth Fredette", true},
		{"Gov. Greg Abbott", "Greg Abbott", true},
		{"Sen. Mitch McConnell", "Mitch McConnell of Kentucky", true},
		{"Speaker Nancy Pelosi", "Pelosi", true},
		{"Justice Samuel Alito", "Samuel A. Alito", true},
		{"Martin Luther King Jr.", "Martin Luther King", true},
		{"Hillary Rodham Clinton", "Hillary Clinton", true},
		{"State Rex Tillerson", "Rex Tillerson", true},
		{"Erdoğan", "Recep Tayyip Erdogan", true},
		{"Karen Pence", "Mike Pence", false},
		{"Bill Clinton", "Hillary Clinton", false},
		{"Joe Biden", "Joe Manchin", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			a, okA := parsePerson(DefaultEntities(), tt.a)
			b, okB := parsePerson(DefaultEntities(), tt.b)
			if !okA || !okB {
				t.Fatalf("parsePerson(%q) ok=%v, parsePerson(%q) ok=%v", tt.a, okA, tt.b, okB)
			}
			if got := samePerson(a, b); got != tt.want {
				t.Errorf("samePerson(%+v, %+v) = %v, want %v", a, b, got, tt.want)
			}
		})
	}
}

func TestParsePersonRejectsGarbledNames(t *testing.T) {
	for _, key := range []string{"Jr|Obama", "Trump/Pence", "E", "Mr.", "One Two Three Four Five", "2018 Trump"} {
		if p, ok := parsePerson(DefaultEntities(), key); ok {
			t.Errorf("parsePerson(%q) = %+v, want rejected", key, p)
		}
	}
}

// TestNameVariantsAvoidPenalty reads two reports of one event that name
// the same two people differently (a nickname, a title, a middle initial)
// and expects them to count as naming people in common, where two reports
// naming different people do not.
func TestNameVariantsAvoidPenalty(t *testing.T) {
	features := func(text string) docFeatures {
		return articleFeatures(DefaultEntities(), &corpus.Article{ID: "x", Text: text})
	}
	a := features("Gov. Ken Fredette said on Monday that the bill would pass. Sen. Mike Thibodeau agreed with him.")
	b := features("Kenneth Fredette, the House minority leader, and Senate President Michael D. Thibodeau backed the bill.")
	c := features("Rep. Anna Kowalski and Sen. Tomas Brennan opposed the budget in a vote on Monday.")
	if a.persons.distinct < 2 || c.persons.distinct < 2 {
		t.Fatalf("people found: a %+v, c %+v; want at least two each", a.persons, c.persons)
	}
	if !a.persons.sharesPerson(b.persons) {
		t.Errorf("a %+v and b %+v share no person", a.persons, b.persons)
	}
	if a.persons.sharesPerson(c.persons) {
		t.Errorf("a %+v and c %+v share a person", a.persons, c.persons)
	}
}
