package bench

import (
	"slices"
	"testing"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

func TestPycpuCases(t *testing.T) {
	s := fullScale(t)
	var names []string
	for _, c := range casesOf(t, "Pycpu", s) {
		names = append(names, c.Name())
	}
	want := []string{
		"n=100000/tasks=16/strategy=sequential/procs=2",
		"n=100000/tasks=16/strategy=spawn/procs=2",
		"n=100000/tasks=16/strategy=pool/procs=2",
		"n=100000/tasks=16/strategy=gil/procs=2",
		"n=100000/tasks=16/strategy=process/procs=2",
		"n=100000/tasks=16/strategy=exec/procs=2",
	}
	if !slices.Equal(names, want) {
		t.Errorf("Pycpu names\n%q\nwant\n%q", names, want)
	}
	for _, sc := range Scales() {
		for _, c := range casesOf(t, "Pycpu", sc) {
			if _, err := workloads.Parse(c.Workload); err != nil {
				t.Errorf("%s: %s: %v", sc.Name, c.Name(), err)
			}
			if !slices.Contains(strategies.Names(), c.Strategy) {
				t.Errorf("%s: %s: strategy %s is not registered", sc.Name, c.Name(), c.Strategy)
			}
		}
	}
}
