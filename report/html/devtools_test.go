package html_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// devtools drives one page of a headless Chromium through the DevTools
// protocol over a pipe (--remote-debugging-pipe: the browser reads
// NUL-terminated JSON messages on fd 3 and writes on fd 4), so that a test
// can wait for the page's script, read timings and counters, and take
// screenshots without serialising the DOM.
type devtools struct {
	t       testing.TB
	cmd     *exec.Cmd
	w       *os.File
	session string

	mu      sync.Mutex
	next    int
	waiting map[int]chan json.RawMessage
	events  chan event
}

type event struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type message struct {
	ID     int             `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
	SessionID string `json:"sessionId"`
}

// startDevtools starts the browser and opens a blank page of the given
// size, with the network and page domains on.
func startDevtools(t testing.TB, bin string, width, height int) *devtools {
	t.Helper()
	toBrowser, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r, fromBrowser, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, browserArgs(t, "--remote-debugging-pipe", "--enable-precise-memory-info", "about:blank")...)
	cmd.ExtraFiles = []*os.File{toBrowser, fromBrowser}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toBrowser.Close()
	fromBrowser.Close()
	dt := &devtools{t: t, cmd: cmd, w: w, waiting: map[int]chan json.RawMessage{}, events: make(chan event, 4096)}
	t.Cleanup(func() {
		w.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		r.Close()
	})
	go dt.read(r)
	var created struct{ TargetID string }
	dt.call("Target.createTarget", map[string]any{"url": "about:blank"}, &created)
	var attached struct{ SessionID string }
	dt.call("Target.attachToTarget", map[string]any{"targetId": created.TargetID, "flatten": true}, &attached)
	dt.session = attached.SessionID
	dt.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, nil)
	for _, domain := range []string{"Page", "Network", "Performance"} {
		dt.call(domain+".enable", map[string]any{}, nil)
	}
	return dt
}

func (dt *devtools) read(r *os.File) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			dt.mu.Lock()
			for id, ch := range dt.waiting {
				close(ch)
				delete(dt.waiting, id)
			}
			dt.mu.Unlock()
			close(dt.events)
			return
		}
		var m message
		if json.Unmarshal(bytes.TrimSuffix(raw, []byte{0}), &m) != nil {
			continue
		}
		if m.ID == 0 {
			select {
			case dt.events <- event{m.Method, m.Params}:
			default: // nobody reads this many events
			}
			continue
		}
		dt.mu.Lock()
		ch := dt.waiting[m.ID]
		delete(dt.waiting, m.ID)
		dt.mu.Unlock()
		if ch != nil {
			if m.Error != nil {
				b, _ := json.Marshal(map[string]string{"error": m.Error.Message})
				ch <- b
			} else {
				ch <- m.Result
			}
		}
	}
}

// call sends a command to the page (or, before a page is attached, to the
// browser) and decodes its result into out.
func (dt *devtools) call(method string, params any, out any) {
	dt.t.Helper()
	dt.mu.Lock()
	dt.next++
	id := dt.next
	ch := make(chan json.RawMessage, 1)
	dt.waiting[id] = ch
	dt.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if dt.session != "" {
		msg["sessionId"] = dt.session
	}
	b, _ := json.Marshal(msg)
	if _, err := dt.w.Write(append(b, 0)); err != nil {
		dt.t.Fatalf("%s: %v", method, err)
	}
	select {
	case res, ok := <-ch:
		if !ok {
			dt.t.Fatalf("%s: the browser closed the pipe", method)
		}
		var e struct{ Error string }
		if json.Unmarshal(res, &e) == nil && e.Error != "" {
			dt.t.Fatalf("%s: %s", method, e.Error)
		}
		if out != nil {
			if err := json.Unmarshal(res, out); err != nil {
				dt.t.Fatalf("%s: %v", method, err)
			}
		}
	case <-time.After(3 * time.Minute):
		dt.t.Fatalf("%s: no answer in 3 minutes", method)
	}
}

// pageLoad is what open measured.
type pageLoad struct {
	// Ready is the time from the start of navigation until the page,
	// its script run, has painted: what a reader waits.
	Ready time.Duration
	// Metrics are Chromium's Performance.getMetrics counters, such as
	// TaskDuration (seconds the page's main thread was busy),
	// JSHeapUsedSize (bytes) and Nodes.
	Metrics map[string]float64
	// Requests are the URLs the page asked for beyond the page itself.
	Requests []string
}

// open loads url and waits until the page has run its script and painted.
func (dt *devtools) open(url string) pageLoad {
	dt.t.Helper()
	for len(dt.events) > 0 {
		<-dt.events
	}
	dt.call("Page.navigate", map[string]any{"url": url}, nil)
	var load pageLoad
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	for loaded := false; !loaded; {
		select {
		case ev, ok := <-dt.events:
			if !ok {
				dt.t.Fatal("the browser closed the pipe")
			}
			switch ev.Method {
			case "Page.loadEventFired":
				loaded = true
			case "Network.requestWillBeSent":
				var p struct{ Request struct{ URL string } }
				json.Unmarshal(ev.Params, &p)
				if p.Request.URL != url {
					load.Requests = append(load.Requests, p.Request.URL)
				}
			}
		case <-ctx.Done():
			dt.t.Fatalf("%s: no load event in 3 minutes", url)
		}
	}
	// the page's script has run by the load event; wait for the frame it
	// paints
	ms := dt.eval(`new Promise(function (done) {
		requestAnimationFrame(function () { setTimeout(function () { done(performance.now()); }); });
	})`)
	var f float64
	json.Unmarshal(ms, &f)
	load.Ready = time.Duration(f * float64(time.Millisecond))
	var m struct {
		Metrics []struct {
			Name  string
			Value float64
		}
	}
	dt.call("Performance.getMetrics", map[string]any{}, &m)
	load.Metrics = map[string]float64{}
	for _, x := range m.Metrics {
		load.Metrics[x.Name] = x.Value
	}
	return load
}

// eval runs a script in the page, awaiting a promise it returns, and
// returns its value as JSON.
func (dt *devtools) eval(expr string) json.RawMessage {
	dt.t.Helper()
	var res struct {
		Result struct {
			Value json.RawMessage
		}
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	dt.call("Runtime.evaluate", map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true}, &res)
	if e := res.ExceptionDetails; e != nil {
		dt.t.Fatalf("script: %s %s", e.Text, e.Exception.Description)
	}
	return res.Result.Value
}

// screenshot saves the page from the top of the element that selector
// finds (or of the page, for ""), at most maxHeight pixels of it, as a PNG.
func (dt *devtools) screenshot(file, selector string, maxHeight int) {
	dt.t.Helper()
	var box struct{ Y, Width, Height float64 }
	js, _ := json.Marshal(selector)
	// content-visibility skips what is outside the window, which a shot
	// beyond it would show blank
	json.Unmarshal(dt.eval(`(function (sel) {
		document.querySelectorAll(".event,.kw").forEach(function (e) { e.style.contentVisibility = "visible"; });
		var d = document.documentElement, e = sel ? document.querySelector(sel) : d, r = e.getBoundingClientRect();
		return {Y: r.top + window.scrollY, Width: d.scrollWidth, Height: sel ? r.height : d.scrollHeight};
	})(`+string(js)+`)`), &box)
	var shot struct{ Data string }
	dt.call("Page.captureScreenshot", map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": box.Y, "width": box.Width, "height": min(box.Height, float64(maxHeight)), "scale": 1},
	}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		dt.t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		dt.t.Fatal(err)
	}
}

func (l pageLoad) String() string {
	m := l.Metrics
	return fmt.Sprintf("ready after %v; main thread busy %.2f s (script %.2f s, style %.2f s, layout %.2f s); JS heap %.1f MB; %d DOM nodes",
		l.Ready.Round(time.Millisecond), m["TaskDuration"], m["ScriptDuration"], m["RecalcStyleDuration"], m["LayoutDuration"], m["JSHeapUsedSize"]/1e6, int(m["Nodes"]))
}
