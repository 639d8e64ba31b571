package answer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

// floodSizesRun writes a raw.txt of 6 rounds ("round: k" lines) of the
// flood at the sizes given (workload name part → row name part → ns/op),
// each sample ×(1 + k/100) in round k, as a whole round running slow
// together, and reads it back.
func floodSizesRun(t *testing.T, sizes map[string]map[string]float64) *rundir.Run {
	t.Helper()
	var b strings.Builder
	b.WriteString("numcpu: 2\n" + testrun.StrategyLines)
	for k := 1; k <= 6; k++ {
		fmt.Fprintf(&b, "round: %d\n", k)
		f := 1 + float64(k)/100
		for size, rows := range sizes {
			for name, v := range rows {
				fmt.Fprintf(&b, "BenchmarkFlood/%s/%s/procs=2 \t 1 \t %.0f ns/op \t %.0f peak-stack-B \t %.0f peak-rss-B\n", size, name, v*f, v/10, v/5)
			}
		}
	}
	return testrows.ReadRaw(t, b.String())
}

const (
	smallFlood = "d=1ms/tasks=20000"
	bigFlood   = "d=10ms/tasks=1000000"
)

func TestFloodSizesCarriedOver(t *testing.T) {
	run := floodSizesRun(t, map[string]map[string]float64{
		smallFlood: {"strategy=spawn": 100e6, "strategy=pool/workers=1000": 40e6, "strategy=ants/workers=100000": 150e6},
		bigFlood:   {"strategy=spawn": 3e9, "strategy=pool/workers=1000": 1.3e9, "strategy=ants/workers=100000": 4.2e9},
	})
	fs := CompareFloodSizes(run.Derive())
	if fs == nil {
		t.Fatal("no comparison in a run with both sizes")
	}
	if !strings.Contains(fs.Small, "tasks=20000") || !strings.Contains(fs.Big, "tasks=1000000") {
		t.Errorf("sizes %q and %q", fs.Small, fs.Big)
	}
	if fs.Outcome != stat.Pass || len(fs.Ratios) != 2 {
		t.Fatalf("outcome %s (%s), %d ratios: %+v", fs.Outcome, fs.Note, len(fs.Ratios), fs.Ratios)
	}
	for _, cr := range fs.Ratios {
		if cr.Outcome != stat.Pass {
			t.Errorf("%s: %s (%s)", cr.Name, cr.Outcome, cr.Why)
		}
		// Every round is slow by the same factor for all rows: the
		// paired change has no width.
		if cr.Change.Hi-cr.Change.Lo > 1e-9 {
			t.Errorf("%s: change %s, want a paired interval of no width", cr.Name, unitfmt.Est(cr.Change))
		}
	}
}

func TestFloodSizesDidNotCarryOver(t *testing.T) {
	run := floodSizesRun(t, map[string]map[string]float64{
		smallFlood: {"strategy=spawn": 100e6, "strategy=pool/workers=1000": 40e6, "strategy=ants/workers=100000": 150e6},
		// pool turns slower than spawn; ants stays slower but by ×3, not ×1.5.
		bigFlood: {"strategy=spawn": 3e9, "strategy=pool/workers=1000": 10e9, "strategy=ants/workers=100000": 9e9},
	})
	fs := CompareFloodSizes(run.Derive())
	if fs == nil || fs.Outcome != stat.Fail {
		t.Fatalf("comparison %+v, want FAIL", fs)
	}
	why := map[string]string{}
	for _, cr := range fs.Ratios {
		if cr.Outcome != stat.Fail {
			t.Errorf("%s: %s (%s), want FAIL", cr.Name, cr.Outcome, cr.Why)
		}
		why[cr.Name] = cr.Why
	}
	if !strings.Contains(why["pool workers=1000"], "faster than the unbounded strategy on the small flood, slower than it on the big one") {
		t.Errorf("pool: %s", why["pool workers=1000"])
	}
	if !strings.Contains(why["ants workers=100000"], "wholly outside 0.80× to 1.25×") {
		t.Errorf("ants: %s", why["ants workers=100000"])
	}
	if !strings.Contains(fs.Note, "2 of 2 ratios did not carry over") {
		t.Errorf("note %q", fs.Note)
	}
}

func TestFloodSizesOneSize(t *testing.T) {
	run := floodSizesRun(t, map[string]map[string]float64{
		smallFlood: {"strategy=spawn": 100e6, "strategy=pool/workers=1000": 40e6},
	})
	rows := run.Derive()
	if fs := CompareFloodSizes(rows); fs != nil {
		t.Errorf("a run with one flood size compares %+v", fs)
	}
}

func TestCarriedOpen(t *testing.T) {
	e := func(v, lo, hi float64) stat.Estimate { return stat.Estimate{V: v, Lo: lo, Hi: hi} }
	for _, tc := range []struct {
		small, big, change stat.Estimate
		want               stat.Outcome
	}{
		{e(0.4, 0.38, 0.42), e(0.45, 0.43, 0.47), e(1.1, 1.05, 1.15), stat.Pass},
		{e(0.4, 0.38, 0.42), e(0.45, 0.43, 0.47), e(1.1, 1.05, 1.3), stat.Inconclusive}, // change reaches outside
		{e(0.97, 0.9, 1.05), e(0.45, 0.43, 0.47), e(0.5, 0.45, 0.55), stat.Fail},        // moved out of the band
		{e(0.97, 0.9, 1.05), e(0.9, 0.85, 0.95), e(0.95, 0.9, 1.0), stat.Inconclusive},  // 1 straddled, then below
		{e(0.97, 0.9, 1.05), e(1.0, 0.95, 1.05), e(1.03, 0.95, 1.1), stat.Pass},         // not different at both
	} {
		got, why := carried(CarriedRatio{Small: tc.small, Big: tc.big, Change: tc.change}, 0)
		if got != tc.want {
			t.Errorf("small %s big %s change %s: %s (%s), want %s", unitfmt.Est(tc.small), unitfmt.Est(tc.big), unitfmt.Est(tc.change), got, why, tc.want)
		}
	}
	if got, why := carried(CarriedRatio{}, 3); got != stat.Inconclusive || !strings.Contains(why, "n=3") {
		t.Errorf("too few samples: %s (%s)", got, why)
	}
}
