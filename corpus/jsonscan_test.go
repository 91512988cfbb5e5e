package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The quick record scanner agrees with decoding through encoding/json
// whenever it answers.
func TestScanFlatRecord(t *testing.T) {
	tests := []string{
		`{"id":"a","text":"one\ntwo \"q\" \\ \/ \u00e9 \ud83d\ude00 \t"}`,
		` { "title" : "x" , "outlet":"RT" } `,
		`{}`,
		`{"id":"a","extra":"ignored"}`,
		`{"ID":"case"}`,
		`{"id":5}`,
		`{"id":"a"`,
		`{"id":"a"} x`,
		`{"text":"bad \ud800 surrogate"}`,
		`{"text":"bad \x escape"}`,
		"{\"text\":\"raw \n newline\"}",
		`{"id":"a","id":"b"}`,
		`{"lang":"fr","language":"en","date":"2020-01-01"}`,
		`{"Text":"upper","text":"lower"}`,
	}
	for _, in := range tests {
		got, ok := scanFlatRecord([]byte(in))
		want, err := decodeRecord([]byte(in))
		if !ok {
			continue
		}
		if err != nil {
			t.Errorf("%s: scanner accepted what encoding/json rejects: %v", in, err)
			continue
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(jsonRecord{}, jsonValue{})); diff != "" {
			t.Errorf("%s (-json +scan):\n%s", in, diff)
		}
	}
	if _, ok := scanFlatRecord([]byte(tests[0])); !ok {
		t.Error("scanner refused a plain record with escapes")
	}
}

func FuzzScanFlatRecord(f *testing.F) {
	f.Add(`{"id":"a","text":"one\ntwo"}`)
	f.Add(`{"text":"\ud83d\ude00"}`)
	f.Fuzz(func(t *testing.T, in string) {
		got, ok := scanFlatRecord([]byte(in))
		if !ok {
			return
		}
		want, err := decodeRecord([]byte(in))
		if err != nil {
			t.Fatalf("scanner accepted what encoding/json rejects: %v", err)
		}
		if want != got {
			t.Fatalf("scan %+v, json %+v", got, want)
		}
	})
}
