package plots

import (
	"math"

	"github.com/concbench/concbench/runfile"
)

// perTask returns the ns/task summary of a row, or ns/op ÷ tasks.
func perTask(r *Row) Summary {
	if !math.IsNaN(r.PerTask.Center) {
		return r.PerTask
	}
	t := float64(max(r.Tasks, 1))
	return Summary{Center: r.Time.Center / t, Lo: r.Time.Lo / t, Hi: r.Time.Hi / t, N: r.Time.N}
}

// perTaskSample is the sample behind perTask.
func perTaskSample(r *Row) *Metric {
	if m := r.Bench.Metric("ns/task"); m != nil {
		return m
	}
	return r.Bench.Metric("ns/op")
}

// throughput is the counter throughput in increments per second:
// tasks × incs / ns/op, with its interval.
func throughput(r *Row) Summary {
	incs := float64(max(intParam(r.Bench, "incs"), 1))
	per := float64(max(r.Tasks, 1)) * incs * 1e9
	return Summary{Center: per / r.Time.Center, Lo: per / r.Time.Hi, Hi: per / r.Time.Lo, N: r.Time.N}
}

// cpuPerTask is a row's cpu-ns/op divided by its tasks; NaN without it.
func cpuPerTask(r *Row) Summary {
	m := r.Bench.Metric(runfile.UnitCPUNsPerOp)
	if m == nil {
		return Summary{Center: nan().V, Lo: nan().V, Hi: nan().V}
	}
	t := float64(max(r.Tasks, 1))
	s := m.Summary
	return Summary{Center: s.Center / t, Lo: s.Lo / t, Hi: s.Hi / t, Confidence: s.Confidence, N: s.N}
}
