package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSchemaDocumented checks that every field report.json carries on the
// sample corpus is documented in docs/report-json.md.
func TestSchemaDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "report-json.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if code, _, stderr := runApp(t, "", "report", "--format", "json", "-o", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]any
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	sections := docSections(string(doc))
	var missing []string
	for name, v := range top {
		if !strings.Contains(sections["Top level"], "`"+name+"`") {
			missing = append(missing, name+" (top level)")
		}
		keys := map[string]bool{}
		collectKeys(v, keys)
		section, ok := sectionFor(sections, name)
		for k := range keys {
			if !ok || !strings.Contains(section, "`"+k+"`") {
				missing = append(missing, name+"."+k)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("fields missing from their section of docs/report-json.md: %v", missing)
	}
}

// docSections splits a Markdown document at its "## " headings.
func docSections(doc string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(doc, "\n## ")[1:] {
		heading, body, _ := strings.Cut(part, "\n")
		out[heading] = body
	}
	return out
}

// sectionFor finds the section whose heading names the top-level field,
// as in "## quotes[] and quote_groups[]".
func sectionFor(sections map[string]string, field string) (string, bool) {
	for heading, body := range sections {
		for _, w := range strings.Fields(heading) {
			if strings.TrimSuffix(strings.TrimRight(w, ","), "[]") == field {
				return body, true
			}
		}
	}
	return "", false
}

func collectKeys(v any, keys map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			keys[k] = true
			collectKeys(e, keys)
		}
	case []any:
		for _, e := range x {
			collectKeys(e, keys)
		}
	}
}
