// Command framediff shows how different news outlets report the same event.
//
// Usage:
//
//	framediff report   [PATH...] [-o DIR] [--format json,xlsx,pdf,html]  write the reports
//	framediff articles [PATH...]                   list what was read
//	framediff terms    [PATH...] [--kwic TERM]      framing terms per outlet
//	framediff events   [PATH...]                   list the events found
//	framediff align    [PATH...] --event ID        aligned passages with word diffs
//	framediff diff     OLD NEW [--markdown|--json] [--fail-on RULE]  what changed between two reports
//	framediff lexicon  show [NAME] | check FILE    print or validate a lexicon
//	framediff entities show | check FILE           print or validate a gazetteer
//
// PATH is a file (text, Markdown, HTML, JSON or JSONL), a directory read
// recursively, or - for JSONL on standard input. No PATH reads the embedded
// sample corpus.
//
// Exit codes: 0 success, 1 failure (including warnings under --strict and
// internal errors), 2 usage error (bad flag or flag value, bad lexicon,
// gazetteer or registry file), 130 interrupted (SIGINT or SIGTERM). A crash of the Go
// runtime itself (out of memory, a panic in a worker goroutine) exits 2
// with a trace on standard error: the runtime decides that code.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	app := NewApp(os.Stdin, os.Stdout, os.Stderr)
	err := app.Run(ctx, os.Args[1:])
	stop()
	os.Exit(app.ExitCode(err))
}
