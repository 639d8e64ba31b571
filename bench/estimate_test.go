package bench

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFloodScaleHasBothSizes(t *testing.T) {
	s, err := ScaleByName("flood")
	if err != nil {
		t.Fatal(err)
	}
	cs := casesOf(t, "Flood", s)
	if len(cs) != 2*(1+6*3) {
		t.Fatalf("the flood scale's Flood has %d cases, want both sizes of spawn and 6 strategies × 3 worker counts", len(cs))
	}
	byName := map[string]Case{}
	for _, c := range cs {
		byName[c.Name()] = c
	}
	for name, probe := range map[string]int{
		"d=1ms/tasks=20000/strategy=pool/workers=1000/procs=2":      4_000,
		"d=10ms/tasks=1000000/strategy=spawn/procs=2":               1_000_000,
		"d=10ms/tasks=1000000/strategy=pool/workers=1000/procs=2":   4_000,
		"d=10ms/tasks=1000000/strategy=ants/workers=10000/procs=2":  40_000,
		"d=10ms/tasks=1000000/strategy=pond/workers=1000/procs=2":   1_000_000, // its queue grows with the batch
		"d=10ms/tasks=1000000/strategy=pool/workers=100000/procs=2": 400_000,
	} {
		c, ok := byName[name]
		if !ok {
			t.Errorf("no case %s", name)
			continue
		}
		if c.probeTasks() != probe {
			t.Errorf("%s: probe of %d tasks, want %d", name, c.probeTasks(), probe)
		}
		if c.reference().Name() != "pool" || c.RefWorkers != floodRefWorkers {
			t.Errorf("%s: reference checksum by %s of %d", name, c.reference().Name(), c.RefWorkers)
		}
	}
	// The small flood comes first in a round, as make bench runs it.
	if !strings.HasPrefix(cs[0].Name(), "d=1ms/tasks=20000/") {
		t.Errorf("first case %s", cs[0].Name())
	}
	full, _ := ScaleByName("full")
	if !slices.EqualFunc(casesOf(t, "Flood", full), cs[:19], func(a, b Case) bool { return a.Name() == b.Name() && a.probeTasks() == b.probeTasks() }) {
		t.Errorf("the flood scale's small flood differs from make bench's")
	}
}

func TestEstimateFlood(t *testing.T) {
	s, _ := ScaleByName("flood")
	cs := casesOf(t, "Flood", s)
	var pool1k Case
	for _, c := range cs {
		if c.Name() == "d=10ms/tasks=1000000/strategy=pool/workers=1000/procs=2" {
			pool1k = c
		}
	}
	// 1,000 waves of 10 ms timed, 4 waves probed, and the two reference
	// checksums (1,000,000 tasks at 10,000 workers: 2.1 s of CPU; 4,000:
	// one wave of 10 ms).
	e, err := EstimateFlood([]Case{pool1k}, "1x", 6)
	if err != nil {
		t.Fatal(err)
	}
	want := 10*time.Second + 40*time.Millisecond + 2100*time.Millisecond + 10*time.Millisecond
	if e.Round != want || e.Total != 6*want {
		t.Errorf("pool at 1,000 workers: round %s, total %s; want %s, %s", e.Round, e.Total, want, 6*want)
	}
	if e.PeakRSS != 1000*goroutineRSS {
		t.Errorf("peak RSS %d", e.PeakRSS)
	}

	e, err = EstimateFlood(cs, "1x", 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Sizes) != 2 || e.Sizes[0].Size != "d=1ms/tasks=20000" || e.Sizes[1].Size != "d=10ms/tasks=1000000" || e.Sizes[1].Cases != 19 {
		t.Errorf("sizes %+v", e.Sizes)
	}
	if e.Worst <= e.Total || e.Total < 10*time.Minute || e.Total > 40*time.Minute {
		t.Errorf("estimate %s (worst %s): the published flood's 6 rounds should take 10 to 40 minutes", e.Total, e.Worst)
	}
	if e.PeakRSS != 1_000_000*goroutineRSS {
		t.Errorf("peak RSS %d, want every goroutine of spawn's batch", e.PeakRSS)
	}
	t.Logf("estimate: %s", e)

	if _, err := EstimateFlood(cs, "fast", 6); err == nil {
		t.Errorf("benchtime fast: no error")
	}
	if d, err := timedBatches("50ms", 20*time.Millisecond); err != nil || d != 60*time.Millisecond {
		t.Errorf("50ms of 20 ms batches: %s, %v", d, err)
	}
	if d, err := timedBatches("50ms", 200*time.Millisecond); err != nil || d != 200*time.Millisecond {
		t.Errorf("50ms of 200 ms batches: %s, %v", d, err)
	}
}
