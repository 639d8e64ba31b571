package driver

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/bench"
)

func TestEstimateFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := drive([]string{"-scale", "flood", "-count", "6", "-warmup", "0", "-benchtime", "1x", "-estimate"}, &stdout, &stderr, nil, testHooks); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"estimate: about ", "for 6 rounds of ", "d=1ms/tasks=20000: 19 cases", "d=10ms/tasks=1000000: 19 cases", "4.8 GB"} {
		if !strings.Contains(out, want) {
			t.Errorf("the estimate lacks %q:\n%s", want, out)
		}
	}
	err := drive([]string{"-scale", "full", "-estimate"}, &stdout, &stderr, nil, testHooks)
	if err == nil || !strings.Contains(err.Error(), "no published flood") {
		t.Errorf("-estimate at the full scale: %v", err)
	}
}

func TestFloodEstimateOfTheSelection(t *testing.T) {
	o := options{scale: "flood-tiny", benchtime: "1x", count: 6}
	s, _ := bench.ScaleByName(o.scale)
	var names []string
	for _, c := range familyCases(t, "Flood", s) {
		if strings.Contains(c.Name(), "strategy=spawn/") {
			names = append(names, floodFamily+c.Name())
		}
	}
	e, ok, err := floodEstimate(o, names)
	if err != nil || !ok || len(e.Sizes) != 2 || e.Sizes[0].Cases != 1 || e.Sizes[1].Cases != 1 {
		t.Errorf("estimate of the spawn rows: %+v, %t, %v", e, ok, err)
	}
	if _, ok, err := floodEstimate(o, []string{"BenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2"}); ok || err != nil {
		t.Errorf("no flood selected: ok %t, %v", ok, err)
	}
	if _, ok, err := floodEstimate(options{scale: "tiny", benchtime: "1x", count: 6}, nil); ok || err != nil {
		t.Errorf("tiny scale: ok %t, %v", ok, err)
	}
}

func TestParseMemAvailable(t *testing.T) {
	if n, ok := parseMemAvailable("MemTotal:       24576000 kB\nMemFree:  100 kB\nMemAvailable:   20000000 kB\n"); !ok || n != 20000000<<10 {
		t.Errorf("got %d, %t", n, ok)
	}
	for _, bad := range []string{"", "MemTotal: 1 kB\n", "MemAvailable: x kB\n", "MemAvailable: 12 MB\n"} {
		if _, ok := parseMemAvailable(bad); ok {
			t.Errorf("%q read as known", bad)
		}
	}
}

// TestProgressGuess checks run 1's ETA of a flood run: the estimate of
// each benchmark, scaled by the pace so far, not the mean of the first.
func TestProgressGuess(t *testing.T) {
	var out syncBuffer
	t0 := time.Unix(0, 0)
	p := newProgress(&out, 0, 3, []string{"small", "big"}, t0)
	p.guess = map[string]time.Duration{"small": time.Second, "big": 9 * time.Second}
	p.startRun(1, t0)
	if got := p.eta(t0); got != ", ETA ~30s" { // nothing ran: 3 rounds of 10 s
		t.Errorf("ETA at the start of run 1 %q", got)
	}
	if !strings.Contains(out.String(), "run 1/3: 2 benchmarks, 0s elapsed, ETA ~30s") {
		t.Errorf("run 1's first line: %q", out.String())
	}
	p.result("small", "", t0.Add(2*time.Second))
	// Twice as slow as estimated: big 18 s, then 2 rounds of 20 s.
	if got := p.eta(t0.Add(2 * time.Second)); got != ", ETA ~58s" {
		t.Errorf("run 1 ETA %q", got)
	}
}
