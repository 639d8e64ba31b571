package answer

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
)

func TestChooseFixture(t *testing.T) {
	_, rows := testrows.ReadFixture(t)
	cs := Choose(rows)
	sleep := cs[0]
	if sleep.Workload != "sleep d=10ms tasks=64" || sleep.TooFew != 0 {
		t.Fatalf("first choice %s, too few %d", sleep.Workload, sleep.TooFew)
	}
	// gil (10.56 ms) is a model: spawn (10.5 ms) is the fastest and used.
	if sleep.Fastest.Strategy != "spawn" || sleep.Recommended.Name() != "spawn" {
		t.Errorf("sleep: fastest %s, use %s", sleep.Fastest.Strategy, sleep.Recommended.Name())
	}
	for _, k := range append(append(sleep.AsGood, sleep.Unclear...), sleep.Avoid...) {
		if k.Row.Props.Model {
			t.Errorf("sleep ranks the model %s", k.Name())
		}
	}
	// Avoid is judged against the fastest: pool (320.7 ms) is 30.7× spawn.
	if got := Names(sleep.Avoid); !strings.Contains(got, "pool: 30.7× slower [30.4, 30.9]") || !strings.Contains(got, "sequential: 61.4× slower") {
		t.Errorf("sleep avoid = %s", got)
	}
	// Coarse hash: pool is fastest; spawn, 1.2 % slower, is simpler.
	coarse := cs[1]
	if coarse.Fastest.Strategy != "pool" || coarse.Recommended.Name() != "spawn" || Names(coarse.AsGood) != "process: 1.06× [1.05, 1.07]" {
		t.Errorf("coarse: fastest %s, use %s, as good %s", coarse.Fastest.Strategy, coarse.Recommended.Name(), Names(coarse.AsGood))
	}
}

// The use rule on synthetic rows: a simpler strategy is used only once the
// whole interval of its time ratio to the fastest lies within the band;
// while it may yet prove as good, the answer names the fastest and is
// undecided, with the rows that keep it open and how many more samples
// would decide.
func TestUseIsShownNotPresumed(t *testing.T) {
	const seq, pool = "Sleep/d=10ms/tasks=64/strategy=sequential/procs=2", "Sleep/d=10ms/tasks=64/strategy=pool/procs=2"
	choice := func(t *testing.T, raw string) Choice {
		t.Helper()
		cs := Choose(testrows.ReadRaw(t, "numcpu: 2\n"+testrun.StrategyLines+raw).Derive())
		if len(cs) != 1 || cs[0].Recommended == nil {
			t.Fatalf("choices %+v", cs)
		}
		return cs[0]
	}
	t.Run("noisy", func(t *testing.T) {
		// sequential is 5 % slower at the median, but its samples spread
		// from 0.8 to 1.4 times pool's: not shown as good, not slower.
		c := choice(t, testrun.Spread(pool, 100e6)+testrun.Samples(seq, 80e6, 95e6, 100e6, 105e6, 110e6, 140e6))
		if c.Recommended.Row.Strategy != "pool" || c.Decided() || len(c.Open) != 1 || c.Open[0].Row.Strategy != "sequential" {
			t.Fatalf("use %s, decided %v, open %s; want pool, undecided, sequential open", c.Recommended.Name(), c.Decided(), Names(c.Open))
		}
		if n := MoreSamples(c.Open[0]); n <= 0 {
			t.Errorf("MoreSamples = %d, want an estimate", n)
		}
	})
	t.Run("shown as good", func(t *testing.T) {
		c := choice(t, testrun.Spread(pool, 100e6)+testrun.Spread(seq, 103e6))
		if c.Recommended.Row.Strategy != "sequential" || !c.Decided() {
			t.Fatalf("use %s, decided %v; want sequential, decided", c.Recommended.Name(), c.Decided())
		}
	})
	t.Run("significantly slower", func(t *testing.T) {
		c := choice(t, testrun.Spread(pool, 100e6)+testrun.Spread(seq, 150e6))
		if c.Recommended.Row.Strategy != "pool" || !c.Decided() || len(c.Avoid) != 1 {
			t.Fatalf("use %s, decided %v, avoid %s; want pool, decided, sequential avoided", c.Recommended.Name(), c.Decided(), Names(c.Avoid))
		}
	})
}
