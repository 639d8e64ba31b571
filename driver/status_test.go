package driver

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// On a terminal, progress is one status line redrawn in place: the round,
// the samples done of the total, the ETA and the configuration now
// running; what else is written goes above it.
func TestStatusLine(t *testing.T) {
	var out bytes.Buffer
	sw := &statusWriter{w: &out}
	names := []string{"BenchmarkA/strategy=x/procs=2", "BenchmarkB/strategy=y/procs=2"}
	now := time.Now()
	p := newProgress(sw, 0, 2, names, now)
	p.status = sw
	p.startRun(1, now)
	p.result(names[0], names[0]+" 1 100 ns/op", now.Add(time.Second))
	sw.Write([]byte("a warning\n"))
	p.result(names[1], names[1]+" 1 100 ns/op", now.Add(2*time.Second))
	sw.Clear()
	s := out.String()
	if strings.Count(s, "\n") != 1 {
		t.Errorf("%d newlines, want only the warning's:\n%q", strings.Count(s, "\n"), s)
	}
	for _, want := range []string{"\r\033[K[run 1/2 · 0/4 samples] A/strategy=x/procs=2", "[run 1/2 · 1/4 samples, ETA ~3s] B/strategy=y/procs=2", "\r\033[Ka warning\n[run 1/2 · 1/4 samples", "[run 1/2 · 2/4 samples, ETA ~2s] B/strategy=y/procs=2"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%q", want, s)
		}
	}
	if !strings.HasSuffix(s, "\r\033[K") {
		t.Errorf("the status line is not cleared at the end: %q", s)
	}
}
