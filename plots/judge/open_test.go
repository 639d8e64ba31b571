package judge

import (
	"fmt"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// decidable projects an interval's 1/√n narrowing to Horizon samples.
func TestDecidable(t *testing.T) {
	e := func(v, lo, hi float64) stat.Estimate { return stat.Estimate{V: v, Lo: lo, Hi: hi} }
	for _, tc := range []struct {
		e    stat.Estimate
		n    int
		thr  float64
		want bool
	}{
		{e(1.05, 0.99, 1.11), 6, 1.1, true},   // needs about 6·(0.06/0.05)² = 9
		{e(1.09, 1.03, 1.15), 6, 1.1, false},  // needs about 6·(0.06/0.01)² = 216
		{e(1.10, 1.00, 1.20), 6, 1.1, false},  // on the threshold: never
		{e(1.05, 0.99, 1.11), 60, 1.1, false}, // at Horizon already
		{stat.Nan(), 3, 1.1, true},            // no interval yet
	} {
		if got := decidable(tc.e, tc.n, tc.thr); got != tc.want {
			t.Errorf("decidable(%v, %d, %v) = %v, want %v", tc.e, tc.n, tc.thr, got, tc.want)
		}
	}
}

// roundsRun writes rounds of the coarse hash under sequential and spawn,
// spawn 0.5 % faster in every round, and the A/A control's twins on sleep
// with arm b at b times arm a's time, each round scaled by its own drift.
func roundsRun(t *testing.T, rounds int, b []float64) string {
	var s strings.Builder
	s.WriteString("numcpu: 2\n" + testrun.StrategyLines)
	for r := 1; r <= rounds; r++ {
		drift := 1 + 0.02*float64(r%3)
		fmt.Fprintf(&s, "round: %d\n", r)
		fmt.Fprintf(&s, "BenchmarkHash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2 1 %g ns/op\n", 1e7*drift)
		fmt.Fprintf(&s, "BenchmarkHash/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2 1 %g ns/op\n", 0.995e7*drift)
		fmt.Fprintf(&s, "BenchmarkTwin/d=10ms/tasks=64/twin=a/strategy=spawn/procs=2 1 %g ns/op\n", 1e7*drift)
		fmt.Fprintf(&s, "BenchmarkTwin/d=10ms/tasks=64/twin=b/strategy=spawn/procs=2 1 %g ns/op\n", b[(r-1)%len(b)]*1e7*drift)
	}
	return testrun.Write(t, s.String())
}

// What is open: sequential is as good as spawn at 95 % after 6 rounds,
// but its paired interval at 99 % needs 8, so the comparison stays open
// until then; twins alike are the same and close, twins whose ratio
// straddles 1.1 but could leave it within Horizon stay open.
func TestOpen(t *testing.T) {
	whats := func(dir string) string {
		run, err := rundir.ReadRun(dir)
		if err != nil {
			t.Fatal(err)
		}
		var ws []string
		for _, o := range Open(run) {
			ws = append(ws, o.What)
		}
		return strings.Join(ws, "\n")
	}
	alike := []float64{1}
	if w := whats(roundsRun(t, 6, alike)); !strings.Contains(w, "sequential, as good as the fastest, spawn, at 95 % confidence, not yet at 99 %") || strings.Contains(w, "A/A") {
		t.Errorf("6 rounds, twins alike: open\n%s", w)
	}
	if w := whats(roundsRun(t, 10, alike)); w != "" {
		t.Errorf("10 rounds, twins alike: open\n%s", w)
	}
	if w := whats(roundsRun(t, 10, []float64{1.0, 1.02, 1.04, 1.06, 1.08, 1.10, 1.12, 1.14})); !strings.Contains(w, "the A/A control on sleep d=10ms tasks=64 is undecided") {
		t.Errorf("10 rounds, twins apart: open\n%s", w)
	}
}
