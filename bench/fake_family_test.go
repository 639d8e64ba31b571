package bench

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// buildSquares is a workload defined here, outside package workloads: task
// i of squares/n=N returns (i mod N)². It reaches the cases through
// Case.Build (a strategies.Lookup), not through the workloads registry,
// which is fixed at compile time; worker processes could not build it, so
// the fake family picks in-process strategies only.
func buildSquares(spec workloads.Spec) (workloads.Workload, error) {
	v, _ := spec.Get("n")
	n, err := strconv.Atoi(v)
	if spec.Name != "squares" || err != nil || n < 1 {
		return nil, fmt.Errorf("squares: spec %s is not squares/n=N with N ≥ 1", spec)
	}
	return workloads.Func[struct{}]{Name: spec, Do: func(_ context.Context, _ struct{}, i int) (uint64, error) {
		return uint64((i % n) * (i % n)), nil
	}}, nil
}

// fakeFamily is a family added through the extension points alone: a
// Pick, and Cases built from a Batch sized by PerScale whose cases carry
// their Build.
func fakeFamily(build strategies.Lookup) Family {
	return Family{
		Name: "Squares", Doc: "a workload defined outside package workloads",
		Pick: func(c Candidate) bool { return !c.Processes && !c.Model },
		Cases: func(s Scale, h Host, sts []string) []Case {
			var cs []Case
			for _, st := range sts {
				c := batch(PerScale(s, 64, 16, 4), "squares", "n", "3").Case(st, h.NumCPU)
				c.Build = build
				cs = append(cs, c)
			}
			return cs
		},
	}
}

// TestFakeFamily adds a family with a workload of its own, lists its names
// and runs it through Family.Bench (RunFamily) at the tiny scale, where
// every batch must reproduce sequential's checksum; a workload whose
// checksum depends on the strategy must fail the same run.
func TestFakeFamily(t *testing.T) {
	tiny, err := ScaleByName("tiny")
	if err != nil {
		t.Fatal(err)
	}
	f := fakeFamily(buildSquares)
	var names []string
	for _, c := range f.CasesAt(tiny, Host{NumCPU: 2}) {
		names = append(names, c.Name())
	}
	want := []string{
		"n=3/tasks=4/strategy=sequential/procs=2",
		"n=3/tasks=4/strategy=spawn/procs=2",
		"n=3/tasks=4/strategy=pool/procs=2",
	}
	if len(names) != 8 || !slices.Equal(names[:3], want) {
		t.Errorf("fake family's names %q, want %q and the five library pools", names, want)
	}
	if c := f.CasesAt(tiny, Host{NumCPU: 2})[0]; c.Workload != "squares/n=3" {
		t.Errorf("fake family's spec %q, want squares/n=3", c.Workload)
	}

	if testing.Short() {
		t.Skip("runs the family's benchmarks")
	}
	prev := flag.Lookup("test.benchtime").Value.String()
	if err := flag.Set("test.benchtime", "1x"); err != nil {
		t.Fatal(err)
	}
	defer flag.Set("test.benchtime", prev)
	run := func(f Family) (ran []string, failed bool) {
		f.Run = func(b *testing.B, cases []Case) {
			RunFamily(b, cases)
			failed = b.Failed()
		}
		inner := f.Cases
		f.Cases = func(s Scale, h Host, sts []string) []Case {
			cs := inner(s, h, sts)
			for _, c := range cs {
				ran = append(ran, c.Name())
			}
			return cs
		}
		testing.Benchmark(func(b *testing.B) { f.Bench(b, tiny) })
		return ran, failed
	}
	if ran, failed := run(f); failed || len(ran) != 8 {
		t.Errorf("the fake family ran %q and failed=%v; want its 8 cases, passing", ran, failed)
	}
	// A workload whose value depends on the worker that runs it
	// (here: on the state Setup gives each worker) differs from
	// sequential's checksum under spawn, and the run must fail.
	liar := fakeFamily(func(spec workloads.Spec) (workloads.Workload, error) {
		return workloads.Func[*int]{Name: spec,
			Setup: func(context.Context) (*int, error) { return new(int), nil },
			Do: func(_ context.Context, calls *int, i int) (uint64, error) {
				*calls++
				return uint64(*calls), nil
			}}, nil
	})
	if _, failed := run(liar); !failed {
		t.Errorf("a workload whose checksum depends on the strategy passed RunFamily")
	}
}
