package fleet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A fakeRun is a run folder for the tests: a few configuration lines, the
// coarse hash at procs = cores and the GOMAXPROCS sweep, over 8 rounds.
type fakeRun struct {
	name          string // the folder's name
	cores         int
	commit, scale string
	// hash maps a strategy to its time per batch (ns) on the coarse hash.
	hash map[string]float64
	// sweep maps a strategy to its time per batch (ns) by procs on the
	// GOMAXPROCS sweep.
	sweep map[string]map[int]float64
}

// fakeProps are the strategy lines of the fake runs, as make bench writes
// them.
const fakeProps = `strategy-sequential: concurrency=one cores=one rank=1 model=false processes=false backlog=false process-per-task=false
strategy-spawn: concurrency=per-task cores=all rank=2 model=false processes=false backlog=false process-per-task=false
strategy-pool: concurrency=workers cores=all rank=3 model=false processes=false backlog=false process-per-task=false
strategy-gil: concurrency=per-task cores=one rank=2 model=true processes=false backlog=false process-per-task=false
`

// fakeRounds is how many samples each configuration of a fake run gets.
const fakeRounds = 8

// write writes the run folder under parent and returns its path.
func (f fakeRun) write(t *testing.T, parent string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "goos: linux\ngoarch: amd64\ncpu: Test CPU %d\ngo: go1.26.8\nnumcpu: %d\ngomaxprocs: %d\ncommit: %s\nkernel: 6.1.0\ncgroup-cpus: max\ndate: 2026-12-02T06:00:00Z\nscale: %s\n%s",
		f.cores, f.cores, f.cores, f.commit, f.scale, fakeProps)
	for round := 1; round <= fakeRounds; round++ {
		fmt.Fprintf(&b, "round: %d\n", round)
		// ±0.3 %, different in every round and row, so that intervals
		// are narrow but not empty.
		jitter := func(k int) float64 { return 1 + 0.001*float64((round*7+k*3)%7-3) }
		k := 0
		for _, s := range sortedStrategies(f.hash) {
			k++
			fmt.Fprintf(&b, "BenchmarkHash/size=64KiB/rounds=8/tasks=64/strategy=%s/procs=%d \t1\t%.0f ns/op\n", s, f.cores, f.hash[s]*jitter(k))
		}
		for _, s := range sortedStrategies(f.sweep) {
			for p := 1; p <= 16; p++ {
				if ns, ok := f.sweep[s][p]; ok {
					k++
					fmt.Fprintf(&b, "BenchmarkHashProcs/size=64KiB/rounds=8/tasks=64/strategy=%s/procs=%d \t1\t%.0f ns/op\n", s, p, ns*jitter(k))
				}
			}
		}
	}
	dir := filepath.Join(parent, f.name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "raw.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sortedStrategies returns the keys of m, sequential first, then in
// alphabetical order.
func sortedStrategies[V any](m map[string]V) []string {
	var out []string
	if _, ok := m["sequential"]; ok {
		out = append(out, "sequential")
	}
	for _, s := range []string{"gil", "pool", "spawn"} {
		if _, ok := m[s]; ok {
			out = append(out, s)
		}
	}
	return out
}

// twoCores is a machine with 2 cores on which spawn and pool halve the
// coarse hash's time: spawn is the answer.
func twoCores(name, commit string) fakeRun {
	return fakeRun{
		name: name, cores: 2, commit: commit, scale: "full",
		hash: map[string]float64{"sequential": 20e6, "spawn": 10.1e6, "pool": 10.3e6, "gil": 20.1e6},
		sweep: map[string]map[int]float64{
			"sequential": {1: 20e6},
			"spawn":      {1: 20.2e6, 2: 10.4e6},
		},
	}
}

// oneCore is a machine with 1 core on which nothing beats sequential on
// the coarse hash: sequential is the answer.
func oneCore(name, commit string) fakeRun {
	return fakeRun{
		name: name, cores: 1, commit: commit, scale: "full",
		hash: map[string]float64{"sequential": 20e6, "spawn": 20.05e6, "pool": 20.1e6, "gil": 20.1e6},
		sweep: map[string]map[int]float64{
			"sequential": {1: 20e6},
			"spawn":      {1: 20.1e6},
		},
	}
}
