//go:build !unix

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// lockDir creates dir's lock file exclusively and returns the function that
// removes it. A lock file present gives an error wrapping errLocked; one
// left by a killed run must be removed by hand.
func lockDir(dir string) (func(), error) {
	p := filepath.Join(dir, lockName)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, lockedError(dir)
		}
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	f.Close()
	return func() { os.Remove(p) }, nil
}
