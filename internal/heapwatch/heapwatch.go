// Package heapwatch measures the peak live heap of a stretch of work, for
// the benchmarks that report memory per stage.
package heapwatch

import (
	"runtime/metrics"
	"sync"
	"time"
)

// Start samples the live heap every 5 ms until the returned stop is
// called; stop returns the highest sample in bytes, including one taken as
// it stops.
func Start() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	// peak is written by the sampler, then by stop only after wg.Wait.
	var peak uint64
	read := func() {
		metrics.Read(sample)
		peak = max(peak, sample[0].Value.Uint64())
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			read()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		read()
		return peak
	}
}
