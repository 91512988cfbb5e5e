package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// tmpMarker is part of every temporary output's name, so that a later run
// can remove what a killed run left behind.
const tmpMarker = ".framediff-tmp-"

// lockName is the lock file in an output directory; a run holds it while it
// clears old temporary files and writes its reports.
const lockName = ".framediff.lock"

// errLocked is wrapped by the error of a run that finds another run writing
// into the same output directory.
var errLocked = errors.New("another framediff run is writing to this directory")

// output is one file of a report set: its name in the output directory and
// what writes it.
type output struct {
	name  string
	write func(io.Writer) error
}

// renameFile is os.Rename, replaced in tests to fail part-way through.
var renameFile = os.Rename

// writeSet writes the outputs into dir as a set: each is written to a fresh
// temporary directory inside dir and synced, and only when all are complete
// are they renamed into place, one after the other with nothing in between.
// A failed or cancelled write, or an output name taken by a directory,
// leaves the previous files untouched; a rename that fails part-way puts
// the previous files back. The temporary directory is always removed.
//
// dir is locked for the duration (see lockDir): a second run into the same
// directory fails at once with an error wrapping errLocked instead of
// removing the first run's temporary files.
func writeSet(ctx context.Context, dir string, outs []output) (err error) {
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	removeStaleTemps(dir)
	for _, o := range outs {
		if info, err := os.Lstat(filepath.Join(dir, o.name)); err == nil && info.IsDir() {
			return fmt.Errorf("write %s: a directory is in the way", filepath.Join(dir, o.name))
		}
	}
	stage, err := os.MkdirTemp(dir, tmpMarker+"*")
	if err != nil {
		return fmt.Errorf("create temporary output directory: %w", err)
	}
	defer os.RemoveAll(stage)
	for _, o := range outs {
		if err := writeFile(ctx, filepath.Join(stage, o.name), o.write); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, o.name), err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Keep the previous files by a second name inside the temporary
	// directory, so that a failed rename can put them back.
	backup := map[string]string{}
	for _, o := range outs {
		old := filepath.Join(stage, ".previous-"+o.name)
		if err := os.Link(filepath.Join(dir, o.name), old); err == nil {
			backup[o.name] = old
		}
	}
	for i, o := range outs {
		if err := renameFile(filepath.Join(stage, o.name), filepath.Join(dir, o.name)); err != nil {
			for _, done := range outs[:i] {
				dst := filepath.Join(dir, done.name)
				if old, ok := backup[done.name]; ok {
					os.Rename(old, dst)
				} else {
					os.Remove(dst)
				}
			}
			return fmt.Errorf("write %s: %w", filepath.Join(dir, o.name), err)
		}
	}
	syncDir(dir)
	return nil
}

// writeFile creates path and writes it, then syncs and closes it.
func writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if err := write(&ctxWriter{ctx: ctx, w: f}); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes renames in dir durable, best effort.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// removeStaleTemps deletes temporary outputs that a killed run left in dir.
// Only a run holding dir's lock calls it.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), tmpMarker) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Type().IsRegular():
			os.Remove(p)
		case e.IsDir():
			os.RemoveAll(p)
		}
	}
}

// lockedError names the directory and the lock file.
func lockedError(dir string) error {
	return fmt.Errorf("%s: %w (lock %s held); wait for it to finish or choose another -o", dir, errLocked, filepath.Join(dir, lockName))
}

// ctxWriter fails writes once ctx is cancelled, so that a long report
// stops promptly on an interrupt.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
