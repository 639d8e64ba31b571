package rundir

import (
	"math"
	"time"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// A Row holds the derived figures of one benchmark.
type Row struct {
	Bench    *Benchmark
	Workload string // see workloadOf
	Strategy string
	// Props are the strategy's properties, from the run's configuration
	// lines (see Run.Props).
	Props runfile.Props
	// Procs is the GOMAXPROCS of the benchmark; Tasks the batch size;
	// Workers the workers name part (0 when absent).
	Procs, Tasks, Workers int
	// Concurrency is how many tasks may be in flight at once, from
	// Props.Concurrency: 1 (sequential), tasks (spawn, gil) or workers,
	// default procs (pool, process, exec).
	Concurrency int
	// CPULimit is the most CPU parallelism the strategy can use:
	// 1 when Props.OneCore (sequential, gil), else
	// min(procs, cores, tasks, workers).
	CPULimit float64

	Time    stat.Summary // ns/op: batch wall time
	PerTask stat.Summary // ns/task; NaN when absent

	// Baseline is the sequential benchmark Speedup is measured against
	// (nil when the run has none for this workload).
	Baseline *Benchmark
	// Speedup is median(baseline ns/op) / median(ns/op), with the interval
	// [baseline.Lo / Hi, baseline.Hi / Lo] from the two confidence
	// intervals. P is the Mann-Whitney U p-value of ns/op against the
	// baseline's.
	Speedup stat.Estimate
	P       float64
	// Efficiency is the speedup against the ideal: for sleep,
	// ideal ns/op ÷ ns/op with ideal = ⌈tasks/concurrency⌉·d; for hash,
	// speedup / CPULimit. NaN for other workloads.
	Efficiency stat.Estimate
	// Parallelism is median(cpu-ns/op) / median(ns/op): how many CPUs were
	// busy on average. NaN without cpu-ns/op.
	Parallelism float64
	// Noisy marks a row whose ns/op interval is wider than ±5 %.
	Noisy bool
}

// strategyOf returns the strategy name part, "" when absent.
func strategyOf(b *Benchmark) string { return b.Param(runfile.KeyStrategy) }

// concurrency returns how many tasks a strategy with properties p runs at
// once: 1, every task of the batch, or its workers (default procs).
func concurrency(p runfile.Props, tasks, procs, workers int) int {
	switch p.Concurrency {
	case runfile.One:
		return 1
	case runfile.PerWorker:
		if workers > 0 {
			return workers
		}
		if procs > 0 {
			return procs
		}
		return 1
	}
	return tasks
}

// cpuLimit returns the most CPUs a strategy with properties p can keep
// busy: 1 if it keeps one core busy whatever GOMAXPROCS is, else
// coreLimit.
func cpuLimit(p runfile.Props, tasks, procs, workers int, cores float64) float64 {
	if p.OneCore {
		return 1
	}
	return CoreLimit(tasks, procs, workers, cores)
}

// CoreLimit is min(cores, procs, tasks, workers) over the positive ones:
// the most CPUs a batch can keep busy.
func CoreLimit(tasks, procs, workers int, cores float64) float64 {
	l := cores
	for _, n := range []int{procs, tasks, workers} {
		if n > 0 {
			l = math.Min(l, float64(n))
		}
	}
	if math.IsInf(l, 1) {
		return 1
	}
	return l
}

// findBaseline returns the baseline benchmark (isBaseline: sequential) to
// compare b with: the
// same workload in the same family at the same procs if there is one, then
// the same family at the lowest procs, then another family (Sleep for
// SleepWorkers, Hash for HashWorkers and HashProcs) at the same procs, then
// at the lowest procs.
func (r *Run) findBaseline(b *Benchmark) *Benchmark {
	w := workloadOf(b)
	procs := intParam(b, runfile.KeyProcs)
	var best *Benchmark
	bestRank, bestProcs := 5, 0
	for _, c := range r.Benchmarks {
		if !IsBaseline(r.PropsOf(strategyOf(c))) || workloadOf(c) != w || c.Metric(runfile.UnitNsPerOp) == nil {
			continue
		}
		cp := intParam(c, runfile.KeyProcs)
		rank := 4
		switch {
		case c.Family == b.Family && cp == procs:
			rank = 1
		case c.Family == b.Family:
			rank = 2
		case cp == procs:
			rank = 3
		}
		if rank < bestRank || rank == bestRank && cp < bestProcs {
			best, bestRank, bestProcs = c, rank, cp
		}
	}
	return best
}

// Derive computes the figures of every benchmark that has ns/op.
func (r *Run) Derive() []*Row {
	var rows []*Row
	cores := r.Cores()
	for _, b := range r.Benchmarks {
		t := b.Metric(runfile.UnitNsPerOp)
		if t == nil {
			continue
		}
		row := &Row{
			Bench:       b,
			Workload:    workloadOf(b),
			Strategy:    strategyOf(b),
			Props:       r.PropsOf(strategyOf(b)),
			Procs:       intParam(b, runfile.KeyProcs),
			Tasks:       intParam(b, runfile.KeyTasks),
			Workers:     intParam(b, runfile.KeyWorkers),
			Time:        t.Summary,
			PerTask:     stat.Summary{Center: math.NaN(), Lo: math.NaN(), Hi: math.NaN()},
			Speedup:     stat.Nan(),
			Efficiency:  stat.Nan(),
			Parallelism: math.NaN(),
			P:           math.NaN(),
		}
		row.Noisy = t.Summary.Noisy()
		row.Concurrency = concurrency(row.Props, row.Tasks, row.Procs, row.Workers)
		row.CPULimit = cpuLimit(row.Props, row.Tasks, row.Procs, row.Workers, cores)
		if m := b.Metric(runfile.UnitNsPerTask); m != nil {
			row.PerTask = m.Summary
		}
		if m := b.Metric(runfile.UnitCPUNsPerOp); m != nil && t.Summary.Center > 0 {
			row.Parallelism = m.Summary.Center / t.Summary.Center
		}
		if base := r.findBaseline(b); base != nil {
			row.Baseline = base
			row.Speedup = MetricRatio(base.Metric(runfile.UnitNsPerOp), t)
			if base != b {
				row.P = stat.Compare(base.Metric(runfile.UnitNsPerOp).Sample, t.Sample)
			}
		}
		switch b.Kind() {
		case KindSleep:
			if d, err := runfile.ParseDuration(b.Param(runfile.KeyDelay)); err == nil && row.Tasks > 0 {
				ideal := IdealSleep(row.Tasks, row.Concurrency, d)
				row.Efficiency = stat.Ratio(stat.Summary{Center: ideal, Lo: ideal, Hi: ideal}, t.Summary)
			}
		case KindHash:
			if row.Speedup.Valid() {
				row.Efficiency = stat.Scale(row.Speedup, 1/row.CPULimit)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// IdealSleep is the ideal batch time in ns of tasks sleeps of d run
// concurrency at a time: ⌈tasks/concurrency⌉·d.
func IdealSleep(tasks, concurrency int, d time.Duration) float64 {
	if concurrency < 1 {
		concurrency = 1
	}
	waves := (tasks + concurrency - 1) / concurrency
	return float64(waves) * float64(d.Nanoseconds())
}
