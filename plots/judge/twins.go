package judge

import (
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// A Twin is one workload of the A/A control (the bench family Twin): one
// strategy measured twice under two names, arm a and arm b, interleaved
// with the rest of every round. The rule should never call the arms
// different; a run in which it does shows a false alarm.
type Twin struct {
	A, B *rundir.Row
	// Ratio is b's time over a's, paired by round where both have six
	// common rounds; P the Mann-Whitney U p-value of their ns/op.
	Ratio stat.Estimate
	P     float64
	// Differs is the rule's call of a difference (stat.Differs); Same that
	// the whole interval of Ratio lies within 1 ± stat.SameWithin.
	Differs, Same bool
}

// Label names the twins' workload: "sleep d=10ms tasks=64".
func (t Twin) Label() string {
	if t.A.Bench.Param(runfile.KeySize) != "" {
		return "hash (" + rundir.HashGrain(t.A.Bench) + ") " + workloadParams(t.A)
	}
	return "sleep " + workloadParams(t.A)
}

// workloadParams is a twin row's workload parameters, without the arm.
func workloadParams(r *rundir.Row) string {
	s := ""
	for _, p := range r.Bench.Params {
		if rundir.IsSweepKey(p.Key) || p.Key == runfile.KeyTwin {
			continue
		}
		if s != "" {
			s += " "
		}
		s += p.Key + "=" + p.Value
	}
	return s
}

// Twins pairs the rows of the A/A control, in the run's order: each row of
// arm a with the row of arm b that differs from it only in the arm.
// Pairs with fewer than stat.MinSamples samples have no Ratio (NaN).
func Twins(rows []*rundir.Row) []Twin {
	var out []Twin
	for _, a := range rows {
		if a.Bench.Family != runfile.FamilyTwin || a.Bench.Param(runfile.KeyTwin) != "a" {
			continue
		}
		for _, b := range rows {
			if b.Bench.Family != runfile.FamilyTwin || b.Bench.Param(runfile.KeyTwin) != "b" || workloadParams(a) != workloadParams(b) || rundir.RowName(a) != rundir.RowName(b) || a.Procs != b.Procs {
				continue
			}
			t := Twin{A: a, B: b, Ratio: stat.Nan(), P: stat.Nan().V}
			if a.Time.N >= stat.MinSamples && b.Time.N >= stat.MinSamples {
				t.Ratio = rundir.TimeRatio(b, a)
				t.P = stat.Compare(a.Bench.Metric(runfile.UnitNsPerOp).Sample, b.Bench.Metric(runfile.UnitNsPerOp).Sample)
				t.Differs = stat.Differs(t.Ratio, t.P)
				t.Same = stat.Within(t.Ratio, 1-stat.SameWithin, 1+stat.SameWithin) == stat.Pass
			}
			out = append(out, t)
		}
	}
	return out
}
