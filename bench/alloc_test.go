package bench

import (
	"slices"
	"testing"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

func TestAllocCases(t *testing.T) {
	cs := casesOf(t, "Alloc", fullScale(t))
	var got []string
	for _, c := range cs {
		got = append(got, c.Strategy)
	}
	if !slices.Equal(got, strategies.Names()) {
		t.Errorf("Alloc strategies %q, want every registered strategy %q", got, strategies.Names())
	}
	if name := cs[0].Name(); name != "size=1MiB/tasks=16/strategy=sequential/procs=2" {
		t.Errorf("first Alloc name %q", name)
	}
	for _, sc := range Scales() {
		for _, c := range casesOf(t, "Alloc", sc) {
			if _, err := workloads.Parse(c.Workload); err != nil {
				t.Errorf("%s: %s: %v", sc.Name, c.Name(), err)
			}
		}
	}
}
