package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/framediff/framediff/internal/synth"
	"github.com/framediff/framediff/seeds"
)

// TestMain lets the test binary act as the framediff command, so that tests
// can run it as a separate process.
func TestMain(m *testing.M) {
	if os.Getenv("FRAMEDIFF_AS_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// command returns the test binary set up to run as framediff with args.
func command(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "FRAMEDIFF_AS_MAIN=1"), env...)
	return cmd
}

// seedFiles copies the embedded seeds to dir and returns their paths.
func seedFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := seeds.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		data, err := seeds.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	return paths
}

func TestSameBytesAcrossProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command four times")
	}
	files := seedFiles(t, t.TempDir())
	reversed := append([]string(nil), files...)
	for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	runs := []struct {
		name  string
		env   []string
		paths []string
	}{
		{"embedded, one core", []string{"GOMAXPROCS=1"}, nil},
		{"embedded, four cores", []string{"GOMAXPROCS=4"}, nil},
		{"files, one core", []string{"GOMAXPROCS=1"}, files},
		{"files reversed, three cores", []string{"GOMAXPROCS=3"}, reversed},
	}
	outputs := make([]map[string][]byte, len(runs))
	for i, r := range runs {
		out := t.TempDir()
		args := append([]string{"report", "-o", out}, r.paths...)
		cmd := command(t, r.env, args...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", r.name, err, b)
		}
		outputs[i] = map[string][]byte{}
		for _, f := range []string{"report.json", "report.xlsx", "report.pdf"} {
			data, err := os.ReadFile(filepath.Join(out, f))
			if err != nil {
				t.Fatalf("%s: %v", r.name, err)
			}
			outputs[i][f] = data
		}
	}
	// The embedded seeds name their sources "seeds/…" and come with their
	// manifest, files on disk by path, so only runs reading the same kind of
	// input are compared whole.
	for _, pair := range [][2]int{{0, 1}, {2, 3}} {
		a, b := runs[pair[0]], runs[pair[1]]
		for f, data := range outputs[pair[0]] {
			if !bytes.Equal(data, outputs[pair[1]][f]) {
				t.Errorf("%s differs between %q and %q", f, a.name, b.name)
			}
		}
	}
}

// bigCorpus writes a generated JSONL corpus large enough that a report takes
// a noticeable time.
func bigCorpus(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "big.jsonl")
	if err := os.WriteFile(p, synth.JSONL(synth.Generate(n, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitFor polls until cond holds or the deadline passes.
func waitFor(deadline time.Duration, cond func() bool) bool {
	end := time.Now().Add(deadline)
	for time.Now().Before(end) {
		if cond() {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

func TestKilledRunKeepsPreviousReport(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command on a large corpus")
	}
	corpusPath := bigCorpus(t, 600)
	out := t.TempDir()
	previous := map[string][]byte{}
	for _, f := range []string{"report.json", "report.xlsx", "report.pdf"} {
		previous[f] = []byte(fmt.Sprintf("previous %s\n", f))
		if err := os.WriteFile(filepath.Join(out, f), previous[f], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			for _, f := range temps(t, out) {
				os.RemoveAll(filepath.Join(out, f))
			}
			cmd := command(t, nil, "report", "-o", out, corpusPath)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Kill while a temporary output exists, i.e. mid-write.
			writing := waitFor(60*time.Second, func() bool { return len(temps(t, out)) > 0 })
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if !writing {
				t.Fatalf("never saw a temporary output; stderr:\n%s", stderr.String())
			}
			if sig == syscall.SIGINT {
				if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
					t.Errorf("exit code after SIGINT = %d (%v), want %d; stderr:\n%s", code, err, exitInterrupted, stderr.String())
				}
				if left := temps(t, out); len(left) > 0 {
					t.Errorf("SIGINT left temporary files: %v", left)
				}
			}
			kept := 0
			for f, want := range previous {
				got, err := os.ReadFile(filepath.Join(out, f))
				if err != nil {
					t.Fatal(err)
				}
				// A report is either the previous one or a complete new one.
				if bytes.Equal(got, want) {
					kept++
				} else if !complete(f, got) {
					t.Errorf("%s is neither the previous report nor a complete one (%d bytes)", f, len(got))
				}
			}
			// and the three are one set: all previous or all new.
			if kept != 0 && kept != len(previous) {
				t.Errorf("%d of %d reports are the previous ones, the others new", kept, len(previous))
			}
		})
	}
}

func temps(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), tmpMarker) {
			out = append(out, e.Name())
		}
	}
	return out
}

// complete reports whether data is a whole report of its kind.
func complete(name string, data []byte) bool {
	switch filepath.Ext(name) {
	case ".json":
		return bytes.HasSuffix(bytes.TrimSpace(data), []byte("}"))
	case ".pdf":
		return bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF"))
	case ".xlsx":
		// A zip ends with its end-of-central-directory record.
		return len(data) > 22 && bytes.Contains(data[max(0, len(data)-1024):], []byte("PK\x05\x06"))
	}
	return false
}

// TestNoNetwork reads a saved page full of remote references with every
// proxy pointing at a local listener, and expects no connection: pages are
// parsed, never fetched or executed.
func TestNoNetwork(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var conns atomic.Int64
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	page := filepath.Join(t.TempDir(), "page.html")
	write(t, page, `<!DOCTYPE html><html><head><title>Leaders meet over Idlib</title>
<link rel="canonical" href="https://www.reuters.com/world/idlib-talks">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://cdn.example.com/app.js"></script>
<script>fetch("https://tracker.example.com/p")</script>
</head><body><article><h1>Leaders meet over Idlib</h1>
<img src="https://images.example.com/photo.jpg">
<iframe src="https://video.example.com/embed"></iframe>
<p>Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Tehran on Friday to discuss the future of Idlib province.</p>
<p>The two leaders disagreed about a ceasefire, while Iranian President Hassan Rouhani called for dialogue between the parties.</p>
</article></body></html>`)
	proxy := "http://" + ln.Addr().String()
	env := []string{"HTTP_PROXY=" + proxy, "HTTPS_PROXY=" + proxy, "http_proxy=" + proxy, "https_proxy=" + proxy, "NO_PROXY=", "no_proxy="}
	cmd := command(t, env, "report", "-o", t.TempDir(), page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the command made %d connection(s)", n)
	}
}
