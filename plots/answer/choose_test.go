package answer

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrows"
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
