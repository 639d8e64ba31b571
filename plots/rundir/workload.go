package rundir

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// Kind is the workload a benchmark family measures.
type Kind string

// The workloads of concbench.
const (
	KindSleep   Kind = "sleep"
	KindHash    Kind = "hash"
	KindCounter Kind = "counter"
	KindOther   Kind = "other"
)

// IsSweepKey reports whether a name part describes how a batch runs rather
// than what it does; every other part (besides the family) identifies the
// workload.
func IsSweepKey(key string) bool {
	return key == runfile.KeyStrategy || key == runfile.KeyWorkers || key == runfile.KeyProcs
}

// Kind returns the workload of the benchmark: its family's kind
// (KindOf) in the suite's matrix, KindOther in a user's package.
func (b *Benchmark) Kind() Kind {
	if !b.Suite {
		return KindOther
	}
	return KindOf(b.Family)
}

// KindOf returns the workload of a family of the suite's matrix: Sleep and
// SleepWorkers are sleep, …
func KindOf(family string) Kind {
	switch {
	case strings.HasPrefix(family, runfile.FamilySleep):
		return KindSleep
	case strings.HasPrefix(family, runfile.FamilyHash):
		return KindHash
	case strings.HasPrefix(family, runfile.FamilyCounter):
		return KindCounter
	}
	return KindOther
}

// IsMain reports whether family is a strategy comparison (Sleep, Hash,
// Counter, Pycpu, Fetch, File, a user's own workload) rather than a worker
// or GOMAXPROCS sweep (a name ending in Workers or Procs), the A/A control
// (Twin: one strategy twice, never ranked) or the crash,
// whose time is a child process's start and whose lesson is in its
// metrics (see lessonCrashIsolation): no recommendation, heatmap or time chart
// reads it.
func IsMain(family string) bool {
	return family != "" && family != runfile.FamilyCrash && family != runfile.FamilyTwin && !strings.HasSuffix(family, "Workers") && !strings.HasSuffix(family, "Procs")
}

// TimeFamilies returns the main families that get time and latency charts,
// in order of first appearance: all but Counter, which has its own.
func TimeFamilies(rows []*Row) []string {
	var fams []string
	for _, r := range rows {
		if f := r.Bench.Family; IsMain(f) && f != runfile.FamilyCounter && !slices.Contains(fams, f) {
			fams = append(fams, f)
		}
	}
	return fams
}

// workloadOf names the workload a benchmark runs: its kind and the name parts
// that are not strategy, workers or procs, e.g. "hash size=64KiB rounds=8
// tasks=64". Benchmarks of different families with the same workload share
// it, so a sweep can borrow the main family's sequential baseline.
func workloadOf(b *Benchmark) string {
	parts := []string{string(b.Kind())}
	if b.Kind() == KindOther {
		parts[0] = b.Family
	}
	for _, p := range b.Params {
		if !IsSweepKey(p.Key) {
			parts = append(parts, p.Key+"="+p.Value)
		}
	}
	return strings.Join(parts, " ")
}

// intParam returns a positive integer name part, or 0 when absent or bad.
func intParam(b *Benchmark, key string) int {
	n, err := strconv.Atoi(b.Param(key))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// HashBytes is the work of one hash task: size × rounds bytes hashed, or 0.
func HashBytes(b *Benchmark) int64 {
	size, err := runfile.ParseSize(b.Param(runfile.KeySize))
	if err != nil {
		return 0
	}
	rounds := intParam(b, runfile.KeyRounds)
	if rounds == 0 {
		rounds = 1
	}
	return size * int64(rounds)
}

// CoarseBytes is the per-task work (size × rounds) from which a hash
// workload counts as coarse-grained; below it, it is fine-grained.
const CoarseBytes = 32 << 10

// HashGrain returns "coarse" or "fine" for a hash benchmark.
func HashGrain(b *Benchmark) string {
	if HashBytes(b) >= CoarseBytes {
		return "coarse"
	}
	return "fine"
}

// Cores is the number of CPUs the run could use: numcpu from the
// configuration, lowered by a numeric cgroup-cpus quota; +Inf if unknown.
func (r *Run) Cores() float64 {
	c := math.Inf(1)
	if n, err := strconv.Atoi(r.ConfigValue(runfile.ConfigNumCPU)); err == nil && n > 0 {
		c = float64(n)
	}
	if q, err := strconv.ParseFloat(r.ConfigValue(runfile.ConfigCgroupCPUs), 64); err == nil && q > 0 {
		c = math.Min(c, math.Ceil(q))
	}
	return c
}
