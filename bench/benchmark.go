package bench

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/concbench/concbench/workloads"
)

// A Family is one top-level benchmark of the matrix, BenchmarkName: its
// cases at each scale and the strategies that run them. Families returns
// the table of them; each must have a func BenchmarkName(b *testing.B)
// { Benchmark(b) } in the package's tests (a test checks both ways).
type Family struct {
	// Name is the benchmark's name without "Benchmark": "Sleep".
	Name string
	// Doc is one line saying what the family asks.
	Doc string
	// Pick chooses the strategies that run the family by their
	// properties; nil for a probe that runs no strategy.
	Pick func(Candidate) bool
	// Cases returns the family's cases at scale s on host h, under the
	// strategies Pick chose (in registration order). Each case should
	// come from a Batch, so that its name and spec agree.
	Cases func(s Scale, h Host, strategies []string) []Case
	// Server reports whether the family needs a workloads.FetchServer
	// for its lifetime; its port is Host.FetchPort.
	Server bool
	// Run runs the cases as sub-benchmarks of b; nil means RunFamily.
	Run func(b *testing.B, cases []Case)
}

// A Host is what the cases depend on besides the scale.
type Host struct {
	// NumCPU is the machine's CPU count (runtime.NumCPU()): the
	// GOMAXPROCS of most cases.
	NumCPU int
	// FetchPort is the port of the family's FetchServer; it is part of
	// a fetch workload's spec, never of a name, and may be 0 for listing.
	FetchPort int
}

// Strategies returns the names of the strategies that Pick chooses, in
// registration order; none for a probe.
func (f Family) Strategies() []string {
	if f.Pick == nil {
		return nil
	}
	return pick(f.Pick)
}

// CasesAt returns the family's cases at scale s on host h.
func (f Family) CasesAt(s Scale, h Host) []Case { return f.Cases(s, h, f.Strategies()) }

// FamilyByName returns the family of the table called name, or an error
// that lists the families.
func FamilyByName(name string) (Family, error) {
	for _, f := range Families() {
		if f.Name == name {
			return f, nil
		}
	}
	return Family{}, fmt.Errorf("bench: unknown family %q; the families are %s", name, strings.Join(FamilyNames(), ", "))
}

// FamilyNames returns the names of the families of the table, in order.
func FamilyNames() []string {
	var names []string
	for _, f := range Families() {
		names = append(names, f.Name)
	}
	return names
}

// Benchmark runs the family of the table that b's top-level benchmark
// names (BenchmarkSleep runs Sleep) at the scale ScaleEnv names.
func Benchmark(b *testing.B) {
	f, err := FamilyByName(strings.TrimPrefix(b.Name(), "Benchmark"))
	if err != nil {
		b.Fatal(err)
	}
	s, err := ScaleFromEnv()
	if err != nil {
		b.Fatal(err)
	}
	f.Bench(b, s)
}

// Bench runs the family at scale s as sub-benchmarks of b, starting its
// FetchServer first if it needs one and closing it after.
func (f Family) Bench(b *testing.B, s Scale) {
	h := Host{NumCPU: runtime.NumCPU()}
	if f.Server {
		srv, err := workloads.NewFetchServer()
		if err != nil {
			b.Fatalf("%s: %v", f.Name, err)
		}
		b.Cleanup(func() {
			if err := srv.Close(); err != nil {
				b.Errorf("%s: closing the fetch server: %v", f.Name, err)
			}
		})
		h.FetchPort = srv.Port()
	}
	run := f.Run
	if run == nil {
		run = RunFamily
	}
	run(b, f.CasesAt(s, h))
}

// FamilyCases returns the cases of the family called name at scale s on
// host h.
func FamilyCases(name string, s Scale, h Host) ([]Case, error) {
	f, err := FamilyByName(name)
	if err != nil {
		return nil, err
	}
	return f.CasesAt(s, h), nil
}
