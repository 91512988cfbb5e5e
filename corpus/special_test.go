//go:build unix

package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/framediff/framediff/corpus"
)

// Symbolic links in a walked directory get the checks a named file gets:
// a link to a device, a FIFO or a file over the size limit is refused
// before it is read, and the walk neither blocks nor streams forever.
func TestReadFSSpecialTargets(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("---\noutlet: RT\n---\nThe summit ended without a truce.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(outside, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A sparse file of 16 GiB: reading it would take minutes and exhaust
	// memory, stating it takes nothing.
	huge := filepath.Join(outside, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(16 << 30); err != nil {
		f.Close()
		t.Skipf("sparse file: %v", err)
	}
	f.Close()
	links := map[string]string{
		"zero.txt":    "/dev/zero",
		"urandom.txt": "/dev/urandom",
		"pipe.txt":    fifo,
		"huge.txt":    huge,
		"noext":       "/dev/zero",
	}
	for name, target := range links {
		if _, err := os.Stat(target); err != nil {
			t.Skipf("%s: %v", target, err)
		}
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	// A FIFO in the directory itself is skipped by the walk.
	if err := syscall.Mkfifo(filepath.Join(dir, "own-pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}

	type result struct {
		arts []corpus.Article
		ws   []corpus.Warning
	}
	done := make(chan result, 1)
	go func() {
		arts, ws := testReader().ReadFS(os.DirFS(dir), "in")
		done <- result{arts, ws}
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(30 * time.Second):
		// Unblock a reader stuck on the FIFO so the test process can end.
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("ReadFS did not return within 30s")
	}
	if len(res.arts) != 1 || res.arts[0].Source != "in/good.txt" {
		var got []string
		for _, a := range res.arts {
			got = append(got, a.Source)
		}
		t.Errorf("articles %q, want only in/good.txt", got)
	}
	reasons := map[string]string{}
	for _, w := range res.ws {
		reasons[w.File] = w.Reason
	}
	for file, want := range map[string]string{
		"in/zero.txt":     "not a regular file (character device)",
		"in/urandom.txt":  "not a regular file (character device)",
		"in/noext":        "not a regular file (character device)",
		"in/pipe.txt":     "not a regular file (named pipe)",
		"in/huge.txt":     "file is 17179869184 bytes, over the limit of",
		"in/own-pipe.txt": "not a regular file",
	} {
		if !strings.Contains(reasons[file], want) {
			t.Errorf("%s: warning %q, want %q", file, reasons[file], want)
		}
	}
}
