package compare_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/corpus"
)

func ExampleBuild() {
	r := corpus.NewReader()
	var arts []corpus.Article
	for _, f := range []struct{ name, text string }{
		{"cgtn.md", "---\noutlet: CGTN\npublished: 2018-09-07\ntitle: Summit in Tehran\n---\n" +
			"Turkish President Tayyip Erdogan called for a ceasefire in the region after Russian air raids pounded rebel positions.\n\n" +
			"\"If we can ensure a ceasefire here, this will be one of the most important steps of the summit,\" Erdogan added.\n"},
		{"globepost.md", "---\noutlet: The Globe Post\npublished: 2018-09-07\ntitle: Clash over Idlib\n---\n" +
			"But as Russian airplanes pounded rebel positions in the Syrian province, Erdogan insisted: " +
			"\"If we can ensure a ceasefire here, this will be one of the most important steps of the summit.\"\n"},
	} {
		as, _ := r.Read(f.name, []byte(f.text))
		arts = append(arts, as...)
	}
	res, err := compare.Build(context.Background(), arts, compare.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range res.Events {
		fmt.Println(e.Articles)
	}
	for _, al := range res.Alignments {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %.2f %s", al.Kind, al.Similarity, al.Speaker)))
		for _, op := range al.Diff {
			fmt.Printf("  %-6s %s\n", op.Op, op.Text)
		}
	}
	for _, q := range res.Quotes {
		fmt.Println(q.Outlet, q.Speaker, q.Verb, q.Fidelity)
	}
	// Output:
	// [cgtn globepost]
	// near 0.73
	//   equal  Russian
	//   delete air raids
	//   insert airplanes
	//   equal  pounded rebel positions
	// verbatim 1.00 Erdogan
	//   equal  If we can ensure a ceasefire here, this will be one of the most important steps of the summit
	// CGTN Erdogan added verbatim
	// The Globe Post Erdogan insisted verbatim
}
