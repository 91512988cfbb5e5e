package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readSettings returns the settings.entities of a report.json.
func readEntitiesSetting(t *testing.T, path string) (name, digest string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Settings struct {
			Entities struct{ Name, Digest string } `json:"entities"`
		} `json:"settings"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r.Settings.Entities.Name, r.Settings.Entities.Digest
}

// A gazetteer file given by --entities or the config's entities: key is
// merged over the embedded one and named in report.json; a bad one stops
// the run with its file and line.
func TestEntitiesFlag(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "people.yaml")
	if err := os.WriteFile(user, []byte("people:\n  - name: Sadiq Khan\n    aliases: [Khan]\nremove: [Peskov]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("people:\n  - name: Ann Lee\n    roles: [x]\n    alias: [Lee]\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	def := filepath.Join(dir, "default")
	if code, _, stderr := runApp(t, "", "report", "--format", "json", "-o", def); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	name, digest := readEntitiesSetting(t, filepath.Join(def, "report.json"))
	if name != "default" || len(digest) != 64 {
		t.Errorf("default run: entities %q %q", name, digest)
	}

	flag := filepath.Join(dir, "flag")
	if code, _, stderr := runApp(t, "", "report", "--format", "json", "--entities", user, "-o", flag); code != 0 {
		t.Fatalf("report --entities: exit %d: %s", code, stderr)
	}
	fname, fdigest := readEntitiesSetting(t, filepath.Join(flag, "report.json"))
	if fname != "default+"+user || fdigest == digest || len(fdigest) != 64 {
		t.Errorf("--entities run: entities %q %q", fname, fdigest)
	}

	cfg := filepath.Join(dir, "framediff.yaml")
	if err := os.WriteFile(cfg, []byte("entities: people.yaml\nformat: json\nout: cfg\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runApp(t, "", "report", "--config", cfg); code != 0 {
		t.Fatalf("report with entities: in config: exit %d: %s", code, stderr)
	}
	if cname, cdigest := readEntitiesSetting(t, filepath.Join(dir, "cfg", "report.json")); cname != fname || cdigest != fdigest {
		t.Errorf("config run: entities %q %q, want %q %q", cname, cdigest, fname, fdigest)
	}

	for _, args := range [][]string{
		{"report", "--entities", bad, "-o", filepath.Join(dir, "bad")},
		{"events", "--entities", bad},
		{"entities", "check", bad},
	} {
		code, _, stderr := runApp(t, "", args...)
		if want := bad + `:4: unknown key "alias" (did you mean "aliases"?)`; code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", args, code, stderr, exitUsage, want)
		}
	}
	if code, _, stderr := runApp(t, "", "events", "--entities", filepath.Join(dir, "missing.yaml")); code != exitUsage || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("missing --entities file: exit %d, stderr %q", code, stderr)
	}
	code, out, _ := runApp(t, "", "entities", "check", user)
	if code != 0 || !strings.Contains(out, "ok: default+"+user+": 9 people") {
		t.Errorf("entities check: exit %d, %q", code, out)
	}
	if code, out, _ := runApp(t, "", "entities", "show"); code != 0 || !strings.Contains(out, "people:") {
		t.Errorf("entities show: exit %d", code)
	}
}
