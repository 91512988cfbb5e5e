package corpus_test

import (
	"fmt"
	"strings"

	"github.com/framediff/framediff/corpus"
	"github.com/framediff/framediff/seeds"
)

func ExampleReader_Read() {
	r := corpus.NewReader()
	arts, _ := r.Read("ptv.txt", []byte(`---
outlet: PressTV
published: 2020-02-29
---
Syrian army liberates towns in Idlib

Home / World / Syrian army liberates towns in Idlib

The Syrian army has liberated several towns, Mr. Assad's office said. The U.S. condemned it.

Read More:

Iran is concerned over tensions in Syria
`))
	a := arts[0]
	fmt.Println(a.ID, "|", a.Outlet, "|", a.Published, "|", a.Title)
	for i := range a.Sentences {
		fmt.Println(a.Sentence(i))
	}
	// Output:
	// ptv | Press TV | 2020-02-29 | Syrian army liberates towns in Idlib
	// The Syrian army has liberated several towns, Mr. Assad's office said.
	// The U.S. condemned it.
}

func ExampleReader_ReadJSONL() {
	r := corpus.NewReader()
	arts, warns := r.ReadJSONL("scrape.jsonl", strings.NewReader(
		`{"id":"a1","outlet":"aa.com.tr","title":"Turkey warns","published":1582970400,"text":"Turkey warned on Saturday."}
{"id":"a2","outlet":"RT","text":"cut off
`))
	for _, a := range arts {
		fmt.Println(a.Source, a.ID, a.Outlet, a.Published)
	}
	for _, w := range warns {
		fmt.Println(w)
	}
	// Output:
	// scrape.jsonl:1 a1 Anadolu Agency 2020-02-29T10:00:00Z
	// scrape.jsonl:2: not a JSON object: unexpected end of JSON input
}

func ExampleReader_ReadFS() {
	arts, _ := corpus.NewReader().ReadFS(seeds.FS, "seeds")
	for _, a := range arts {
		fmt.Printf("%s | %s | %s\n", a.Source, a.Outlet, a.Published)
	}
	// Output:
	// seeds/000_d8a36f4a2c9001dd.txt | CGTN | 2018-09-07T18:16:34Z
	// seeds/001_a14845272985d99f.txt | Sahar News | 2019-01-24
	// seeds/002_04e7ac960a2816e0.txt | Iran Press | 2020-02-29
	// seeds/003_957c7875958cbde8.txt | The New Arab | 2018-09-07
	// seeds/004_dd6029a0ad11cc80.txt | The Globe Post | 2018-09-07
}

func ExampleRegistry_Lookup() {
	reg := corpus.DefaultRegistry()
	for _, key := range []string{"PressTV", "https://turkey.theglobepost.com/x/", "Daily Planet"} {
		o, ok := reg.Lookup(key)
		fmt.Printf("%q: %q %v %q\n", key, o.Name, ok, o.Kind)
	}
	// Output:
	// "PressTV": "Press TV" true "state broadcaster"
	// "https://turkey.theglobepost.com/x/": "The Globe Post" true "private"
	// "Daily Planet": "" false ""
}
