package corpus_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadJSONLFile checks that reading a JSONL input a line at a time
// gives what Read gives for the same bytes, and that it declines the inputs
// Read must see whole.
func TestReadJSONLFile(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("The regime said so. ", 40000) + `"}`
	tests := []struct {
		name, data string
		ok         bool
	}{
		{"plain", `{"id":"a","outlet":"BBC","title":"T","published":"2020-02-29","text":"The regime said so. Rebels attacked the town."}` + "\n" + `{"id":"b","outlet":"RT","text":"Government forces liberated the village."}` + "\n", true},
		{"crlf and blank lines", `{"id":"a","text":"The regime said so."}` + "\r\n\r\n" + `{"id":"b","text":"Rebels attacked."}` + "\r\n", true},
		{"no final newline", `{"id":"a","text":"The government said so."}`, true},
		{"bad and duplicate lines", `{"id":"a","text":"x"}` + "\n[1]\n{bad\n" + `{"id":"a","text":"x"}` + "\n", true},
		{"only blank lines", "\n\n", true},
		{"line over the limit", long + "\n" + `{"id":"b","text":"Rebels attacked."}` + "\n", true},
		{"byte-order mark", "\xef\xbb\xbf" + `{"id":"a","text":"The regime said so."}` + "\n", false},
		{"not UTF-8", `{"id":"a","text":"Caf` + "\xe9" + ` regime."}` + "\n", false},
		{"NUL byte", `{"id":"a","text":"x` + "\x00" + `y"}` + "\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testReader()
			r.MaxArticleBytes = 100000
			arts, ws, ok := r.ReadJSONLFile("in.jsonl", bytes.NewReader([]byte(tt.data)))
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				if arts != nil || ws != nil {
					t.Errorf("declined, yet returned %d articles and %d warnings", len(arts), len(ws))
				}
				return
			}
			wantArts, wantWs := r.Read("in.jsonl", []byte(tt.data))
			if diff := cmp.Diff(summarize(wantArts, wantWs), summarize(arts, ws)); diff != "" {
				t.Errorf("ReadJSONLFile differs from Read (-Read +ReadJSONLFile):\n%s", diff)
			}
		})
	}
	t.Run("not a JSONL name", func(t *testing.T) {
		if _, _, ok := testReader().ReadJSONLFile("in.json", strings.NewReader(`{"id":"a","text":"x"}`)); ok {
			t.Error("read in.json as JSONL")
		}
	})
}
