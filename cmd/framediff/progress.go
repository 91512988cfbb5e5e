package main

import (
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress draws one bar per pipeline stage on a terminal. Its update method
// is compare.Options.Progress.
type progress struct {
	w     io.Writer
	mu    sync.Mutex
	stage string
	bar   *progressbar.ProgressBar
}

// newProgress returns a progress bar writer on stderr, or nil when stderr is
// not a terminal (a CI log wants no bars).
func (a *App) newProgress() *progress {
	if !a.Terminal {
		return nil
	}
	return &progress{w: a.Stderr}
}

// update moves the bar of stage to done of total, starting a new bar when
// the stage changes. It is safe for concurrent use.
func (p *progress) update(stage string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if stage != p.stage {
		p.finishLocked()
		p.stage = stage
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(stage),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond),
		)
	}
	p.bar.Set(done)
}

// finish clears the last bar.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finishLocked()
}

func (p *progress) finishLocked() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
}
