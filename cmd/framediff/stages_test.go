package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/framediff/framediff/compare"
	"github.com/framediff/framediff/framing"
	"github.com/framediff/framediff/report/text"
)

// oneEventCompared matches the progress bar of a comparison of one event.
var oneEventCompared = regexp.MustCompile(`comparing events[^\r]*\(\d+/1\)`)

// TestCommandsRunOnlyTheirStages checks that terms, events and align print
// what they printed from the whole pipeline while running only the stages
// they need: terms matches (quotations and events only for --kwic), events
// stops after grouping, and align compares the one event asked for.
func TestCommandsRunOnlyTheirStages(t *testing.T) {
	corpora := map[string][]string{"seeds": nil}
	real := filepath.Join("..", "..", "..", "shared", "data", "events-newswcl50.jsonl")
	if _, err := os.Stat(real); err == nil {
		corpora["newswcl50"] = []string{real}
	} else {
		t.Logf("%s absent: only the seeds", real)
	}
	for name, paths := range corpora {
		t.Run(name, func(t *testing.T) {
			var sink bytes.Buffer
			app := &App{Stdin: strings.NewReader(""), Stdout: &sink, Stderr: &sink, Now: time.Now}
			full, _, err := app.build(context.Background(), &inputOptions{window: compare.DefaultDateWindowDays}, paths)
			if err != nil {
				t.Fatal(err)
			}
			if len(full.Events) == 0 {
				t.Fatal("no events")
			}
			event := full.Events[0].ID
			for _, ev := range full.Events {
				if len(ev.Articles) > 1 {
					event = ev.ID
					break
				}
			}
			var table, kwic, events, align bytes.Buffer
			text.WritePoleTable(&table, full, 0)
			if err := text.WriteKWIC(&kwic, full, "government", framing.DefaultContextChars); err != nil {
				t.Fatal(err)
			}
			text.WriteEvents(&events, full)
			text.WriteAlignments(&align, full, event, false)

			cases := []struct {
				args    []string
				want    string
				stages  []string // progress bars drawn
				skipped []string // progress bars never drawn
			}{
				{[]string{"terms"}, table.String(), []string{"analysing articles"}, []string{"grouping events", "comparing events"}},
				{[]string{"terms", "--kwic", "government"}, kwic.String(), []string{"grouping events"}, []string{"comparing events"}},
				{[]string{"events"}, events.String(), []string{"grouping events"}, []string{"comparing events"}},
				{[]string{"align", "--color", "never", "--event", event}, align.String(), []string{"comparing events"}, nil},
			}
			for _, c := range cases {
				var out, errb bytes.Buffer
				app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: time.Now, Terminal: true}
				args := append(c.args, paths...)
				if code := app.ExitCode(app.Run(context.Background(), args)); code != exitOK {
					t.Fatalf("%v: exit %d: %s", args, code, errb.String())
				}
				if out.String() != c.want {
					t.Errorf("%v: output differs from the whole pipeline's:\n got: %.400q\nwant: %.400q", args, out.String(), c.want)
				}
				for _, s := range c.stages {
					if !strings.Contains(errb.String(), s) {
						t.Errorf("%v: no progress %q: %q", args, s, errb.String())
					}
				}
				if c.args[0] == "align" && !oneEventCompared.MatchString(errb.String()) {
					t.Errorf("%v: compared more than one event: %q", args, errb.String())
				}
				for _, s := range c.skipped {
					if strings.Contains(errb.String(), s) {
						t.Errorf("%v: ran %q", args, s)
					}
				}
			}
		})
	}
}
