package rundir

import (
	"math"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// PerTask returns the ns/task summary of a row, or ns/op ÷ tasks.
func PerTask(r *Row) stat.Summary {
	if !math.IsNaN(r.PerTask.Center) {
		return r.PerTask
	}
	t := float64(max(r.Tasks, 1))
	return stat.Summary{Center: r.Time.Center / t, Lo: r.Time.Lo / t, Hi: r.Time.Hi / t, N: r.Time.N}
}

// PerTaskSample is the sample behind perTask.
func PerTaskSample(r *Row) *Metric {
	if m := r.Bench.Metric(runfile.UnitNsPerTask); m != nil {
		return m
	}
	return r.Bench.Metric(runfile.UnitNsPerOp)
}

// Throughput is the counter throughput in increments per second:
// tasks × incs / ns/op, with its interval.
func Throughput(r *Row) stat.Summary {
	incs := float64(max(intParam(r.Bench, "incs"), 1))
	per := float64(max(r.Tasks, 1)) * incs * 1e9
	return stat.Summary{Center: per / r.Time.Center, Lo: per / r.Time.Hi, Hi: per / r.Time.Lo, N: r.Time.N}
}

// CpuPerTask is a row's cpu-ns/op divided by its tasks; NaN without it.
func CpuPerTask(r *Row) stat.Summary {
	m := r.Bench.Metric(runfile.UnitCPUNsPerOp)
	if m == nil {
		return stat.Summary{Center: stat.Nan().V, Lo: stat.Nan().V, Hi: stat.Nan().V}
	}
	t := float64(max(r.Tasks, 1))
	s := m.Summary
	return stat.Summary{Center: s.Center / t, Lo: s.Lo / t, Hi: s.Hi / t, Confidence: s.Confidence, N: s.N}
}
