package jsonreport

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendIndentMatchesIndent checks appendIndent against json.Indent
// on what the encoder writes: nesting, empty objects and arrays, and
// strings holding quotes, backslashes and JSON punctuation.
func TestAppendIndentMatchesIndent(t *testing.T) {
	values := map[string]any{
		"scalars": []any{1, -2.5, 1e21, true, false, nil, "", "plain"},
		"empty":   map[string]any{"o": map[string]any{}, "a": []any{}, "s": ""},
		"strings": []string{`"`, `\`, `\\`, `a\"b`, `ends with \`, `{"not":["json"]}`, "tab\tnewline\nreturn\r",
			"<html> & 'quotes'", "\u2028\u2029", "é 中文 🙂", ",:[]{}"},
		"nested": []any{[]any{[]any{}}, map[string]any{"k": []any{map[string]any{"x": []int{1, 2}}}}},
		"keys":   map[string]int{`"quoted"`: 1, `back\slash`: 2, "": 3},
	}
	for _, prefix := range []string{"", "  ", "      "} {
		for name, v := range values {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			src := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
			var want bytes.Buffer
			if err := json.Indent(&want, src, prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if got := appendIndent([]byte("keep"), src, prefix, "  "); string(got) != "keep"+want.String() {
				t.Errorf("%s, prefix %q:\n got %s\nwant %s", name, prefix, got[4:], want.Bytes())
			}
		}
	}
}
