package fleet

import (
	"math"
	"slices"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// A Point is one speedup of a strategy measured on one machine.
type Point struct {
	// Machine is the index of the machine in Fleet.Machines.
	Machine int
	// Procs is the GOMAXPROCS of the benchmark, N = min(procs, cores)
	// the cores it could use.
	Procs int
	N     float64
	// Speedup is over the machine's sequential, with its interval.
	Speedup stat.Estimate
}

// A Scaling is one strategy's speedup against cores across the fleet on
// the CPU-bound workload of the GOMAXPROCS sweep (HashProcs, the coarse
// hash), with the law fitted to every machine's points.
type Scaling struct {
	Workload, Strategy string
	// Points are by machine, then increasing procs.
	Points []Point
	Fit    stat.ScalingFit
}

// scalings collects the HashProcs points of every parallel strategy (not
// the ones that keep one core busy, as plots.FitAmdahl) from every machine
// and fits each strategy's, in order of first appearance.
func scalings(ms []*Machine) []Scaling {
	var out []Scaling
	index := map[[2]string]int{}
	for i, m := range ms {
		cores := m.Run.Cores()
		rows := slices.Clone(m.Rows)
		slices.SortStableFunc(rows, func(a, b *rundir.Row) int { return a.Procs - b.Procs })
		for _, r := range rows {
			if r.Bench.Family != runfile.FamilyHashProcs || r.Props.OneCore || r.Procs < 1 || !r.Speedup.Valid() {
				continue
			}
			k := [2]string{r.Workload, r.Strategy}
			j, ok := index[k]
			if !ok {
				j = len(out)
				index[k] = j
				out = append(out, Scaling{Workload: rundir.Label(r), Strategy: r.Strategy})
			}
			out[j].Points = append(out[j].Points, Point{Machine: i, Procs: r.Procs, N: math.Min(float64(r.Procs), cores), Speedup: r.Speedup})
		}
	}
	for k := range out {
		var ns, ss []float64
		for _, p := range out[k].Points {
			ns, ss = append(ns, p.N), append(ss, p.Speedup.V)
		}
		out[k].Fit = stat.FitScaling(ns, ss)
	}
	return out
}

// PredictAt returns the core counts the report predicts each strategy's
// speedup at: 8 and 64.
func PredictAt() []float64 { return []float64{8, 64} }
