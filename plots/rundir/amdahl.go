package rundir

import (
	"math"
	"slices"

	"github.com/concbench/concbench/runfile"
	"github.com/montanaflynn/stats"
)

// An AmdahlFit is Amdahl's law fitted to the speedups of one strategy over
// the GOMAXPROCS sweep (BenchmarkHashProcs).
//
// Amdahl's law: S(p) = 1 / (f + (1−f)/p), with f the serial fraction and p
// the CPUs in use, here min(procs, cores). Rearranged, 1/S − 1/p = f·(1 − 1/p)
// is linear in f through the origin, so the least-squares f is
// Σxy / Σx² with x = 1 − 1/p and y = 1/S − 1/p, clamped to [0, 1].
// Residual is the root mean square of S − S_fit over the points, in speedup
// units. Points with p = 1 carry no information on f but count in Residual.
type AmdahlFit struct {
	Workload, Strategy string
	// Procs, CPUs and Speedups are the points, by increasing procs: the
	// GOMAXPROCS, the CPUs it could use, and the median speedup.
	Procs    []int
	CPUs     []float64
	Speedups []float64
	// F is the fitted serial fraction; Residual the RMS error in speedup.
	F, Residual float64
}

// Predict is the fitted speedup on p CPUs.
func (a AmdahlFit) Predict(p float64) float64 { return amdahl(a.F, p) }

func amdahl(f, p float64) float64 { return 1 / (f + (1-f)/p) }

// FitAmdahl fits Amdahl's law to the HashProcs rows of each parallel
// strategy that has a sequential baseline and at least one point with more
// than one CPU.
func FitAmdahl(rows []*Row, cores float64) []AmdahlFit {
	type key struct{ workload, strategy string }
	groups := map[key][]*Row{}
	var order []key
	for _, r := range rows {
		if r.Bench.Family != runfile.FamilyHashProcs || r.Props.OneCore || !r.Speedup.Valid() || r.Procs < 1 {
			continue
		}
		k := key{r.Workload, r.Strategy}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	var fits []AmdahlFit
	for _, k := range order {
		rs := groups[k]
		slices.SortFunc(rs, func(a, b *Row) int { return a.Procs - b.Procs })
		fit := AmdahlFit{Workload: k.workload, Strategy: k.strategy}
		var xy, xx stats.Float64Data
		for _, r := range rs {
			p := math.Min(float64(r.Procs), cores)
			fit.Procs = append(fit.Procs, r.Procs)
			fit.CPUs = append(fit.CPUs, p)
			fit.Speedups = append(fit.Speedups, r.Speedup.V)
			x, y := 1-1/p, 1/r.Speedup.V-1/p
			xy = append(xy, x*y)
			xx = append(xx, x*x)
		}
		sxx, _ := stats.Sum(xx)
		if sxx == 0 {
			continue // only p = 1: nothing to fit
		}
		sxy, _ := stats.Sum(xy)
		fit.F = math.Min(1, math.Max(0, sxy/sxx))
		var sq stats.Float64Data
		for i, s := range fit.Speedups {
			d := s - fit.Predict(fit.CPUs[i])
			sq = append(sq, d*d)
		}
		ms, _ := stats.Mean(sq)
		fit.Residual = math.Sqrt(ms)
		fits = append(fits, fit)
	}
	return fits
}
