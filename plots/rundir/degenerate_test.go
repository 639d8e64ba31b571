package rundir

import (
	"math"
	"testing"

	"github.com/concbench/concbench/plots/stat"
)

// TestFitAmdahlDegenerate fits no point, one point at procs=1 and a
// speedup of 0 without a NaN or a panic.
func TestFitAmdahlDegenerate(t *testing.T) {
	if fits := FitAmdahl(nil, 2); len(fits) != 0 {
		t.Errorf("no rows: %v", fits)
	}
	row := func(procs int, s float64) *Row {
		return &Row{Bench: &Benchmark{Family: "HashProcs"}, Workload: "w", Strategy: "pool", Procs: procs, Speedup: stat.Estimate{V: s, Lo: s, Hi: s}}
	}
	if fits := FitAmdahl([]*Row{row(1, 1)}, 2); len(fits) != 0 {
		t.Errorf("only procs=1: %v", fits)
	}
	for _, f := range FitAmdahl([]*Row{row(1, 1), row(2, 2), row(2000000000, 1e-6)}, math.Inf(1)) {
		if math.IsNaN(f.F) || f.F < 0 || f.F > 1 || math.IsNaN(f.Residual) {
			t.Errorf("fit %+v", f)
		}
	}
}
