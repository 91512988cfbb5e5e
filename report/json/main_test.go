package jsonreport

import "fmt"

// failWriter fails after n bytes.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, fmt.Errorf("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}
