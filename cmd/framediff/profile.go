package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// profiler writes a CPU profile of a run and a heap profile at its end.
type profiler struct {
	dir string
	cpu *os.File
}

// startProfile creates dir and starts writing dir/cpu.pprof. It returns
// an error when dir cannot be created or a CPU profile is already running.
func startProfile(dir string) (*profiler, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--profile: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, fmt.Errorf("--profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--profile: %w", err)
	}
	return &profiler{dir: dir, cpu: f}, nil
}

// stop ends the CPU profile and writes dir/heap.pprof: every allocation of
// the run (alloc_space, alloc_objects) and what is still held at its end
// (inuse_space, inuse_objects).
func (p *profiler) stop() error {
	pprof.StopCPUProfile()
	err := p.cpu.Close()
	runtime.GC() // up-to-date in-use figures
	path := filepath.Join(p.dir, "heap.pprof")
	f, ferr := os.Create(path)
	if ferr != nil {
		return fmt.Errorf("--profile: %w", ferr)
	}
	if werr := pprof.Lookup("heap").WriteTo(f, 0); werr != nil && err == nil {
		err = werr
	}
	if cerr := f.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--profile: %w", err)
	}
	return nil
}
