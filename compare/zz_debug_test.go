package compare

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	want := os.Getenv("ZZID")
	if want == "" {
		t.Skip()
	}
	f, _ := os.Open(filepath.Join(polnearDir, "quotes-polnear-train.jsonl"))
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ ID, Text string }
		json.Unmarshal(sc.Bytes(), &r)
		if !strings.Contains(r.ID, want) {
			continue
		}
		a := polnearArticle(r.ID, r.Text)
		ws := words(a.Text)
		for _, q := range extractQuotes(a, ws, entities().mentions(a.Text, ws)) {
			t.Logf("%-25s %-12s %s", q.Speaker, q.Verb, clip(q.Text))
		}
	}
}
