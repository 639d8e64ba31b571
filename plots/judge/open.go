package judge

import (
	"fmt"
	"math"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// Horizon is the most samples a configuration gets while a conclusion
// needs it, the driver's default -max-samples: a comparison that more
// samples could not decide before it is not open.
const Horizon = 60

// An Opening is a conclusion of the report that more samples could still
// decide, and the rows (Benchmark names, without "Benchmark") it rests on.
type Opening struct {
	What string
	Rows []string
}

// Open lists the conclusions still open, in the order of the report:
//
//   - an INCONCLUSIVE verdict, with its rows;
//   - in an answer, a comparison with the fastest neither decided as good
//     nor significantly slower (answer.Choice Open and Unclear), with the
//     two rows; one that decides the answer (Open) until Horizon samples;
//   - a comparison decided as good (the recommended, AsGood) whose paired
//     interval at 1 − stat.Alpha is not yet within the band, until Horizon
//     samples: stopping at the first look whose 95 % interval dips inside
//     would favour "as good" under repeated looks;
//   - a pair of the A/A control (Twins) neither called different nor
//     shown the same;
//   - the recommended strategy's speedup over sequential, which the
//     answer quotes, while its interval is wider than ±5 %;
//
// each of the others only while it is decidable: its interval, which
// narrows about as 1/√n, could reach the side of its threshold it leans to
// within Horizon samples. The driver samples only the rows of openings
// once every configuration has stat.MinSamples samples.
func Open(run *rundir.Run) []Opening {
	rows := run.Derive()
	var out []Opening
	for _, v := range Verdicts(run, rows) {
		if v.Outcome == stat.Inconclusive && len(v.Rows) > 0 {
			out = append(out, Opening{What: fmt.Sprintf("verdict %d is INCONCLUSIVE", v.Lesson), Rows: v.Rows})
		}
	}
	for _, c := range answer.Choose(rows) {
		if c.Recommended == nil {
			continue
		}
		for i, k := range append(append([]answer.Ranked{}, c.Open...), c.Unclear...) {
			// The comparisons that decide the answer (Open) stay open to
			// Horizon: near the threshold the centre itself moves, and a
			// projection from it closes too early.
			n := min(k.Row.Time.N, c.Fastest.Time.N)
			if i < len(c.Open) && n < Horizon || decidable(k.Ratio, n, 1+stat.SameWithin) {
				out = append(out, Opening{
					What: fmt.Sprintf("%s: %s against the fastest, %s, is undecided", rundir.Label(c.Fastest), k.Name(), rundir.RowName(c.Fastest)),
					Rows: []string{k.Row.Bench.Name, c.Fastest.Bench.Name}})
			}
		}
		// A comparison decided as good stays open until its paired
		// interval at 1 − Alpha is within the band too: stopping at the
		// first look whose 95 % interval dips inside would favour "as
		// good" under repeated looks.
		asGood := c.AsGood
		if c.Recommended.Row != c.Fastest {
			asGood = append([]answer.Ranked{*c.Recommended}, asGood...)
		}
		for _, k := range asGood {
			n := min(k.Row.Time.N, c.Fastest.Time.N)
			if e, ok := rundir.PairedTimeRatioAt(k.Row, c.Fastest, 1-stat.Alpha); k.PerTask || n >= Horizon || ok && e.Hi <= 1+stat.SameWithin {
				continue
			}
			out = append(out, Opening{
				What: fmt.Sprintf("%s: %s, as good as the fastest, %s, at %s confidence, not yet at %s", rundir.Label(c.Fastest), k.Name(), rundir.RowName(c.Fastest), unitfmt.Percent(stat.Confidence), unitfmt.Percent(1-stat.Alpha)),
				Rows: []string{k.Row.Bench.Name, c.Fastest.Bench.Name}})
		}
		r := c.Recommended.Row
		if e := r.Speedup; r.Baseline != nil && e.Valid() && e.RelHalfWidth() > stat.NoisyWidth &&
			float64(min(r.Time.N, baselineN(r)))*sq(e.RelHalfWidth()/stat.NoisyWidth) <= Horizon {
			out = append(out, Opening{
				What: fmt.Sprintf("%s: the speedup of %s, quoted by the answer, is wider than ±5 %%", rundir.Label(c.Fastest), c.Recommended.Name()),
				Rows: []string{r.Bench.Name, r.Baseline.Name}})
		}
	}
	for _, t := range Twins(rows) {
		n := min(t.A.Time.N, t.B.Time.N)
		if !t.Differs && !t.Same && n >= stat.MinSamples && decidable(t.Ratio, n, 1+stat.SameWithin) && decidable(t.Ratio, n, 1-stat.SameWithin) {
			out = append(out, Opening{What: fmt.Sprintf("the A/A control on %s is undecided", t.Label()), Rows: []string{t.A.Bench.Name, t.B.Bench.Name}})
		}
	}
	return out
}

// OpenRows is the set of the rows of every Opening of run: what the
// driver samples once every configuration has its first samples.
func OpenRows(run *rundir.Run) map[string]bool {
	set := map[string]bool{}
	for _, o := range Open(run) {
		for _, n := range o.Rows {
			set[n] = true
		}
	}
	return set
}

// decidable reports whether an interval e from n samples could lie wholly
// on the side of thr that its centre is on within Horizon samples: its
// half-width shrinks about as 1/√n, so it needs n·(half-width/distance)²
// samples. With no interval yet it is decidable while n < Horizon.
func decidable(e stat.Estimate, n int, thr float64) bool {
	if !e.Valid() || math.IsInf(e.Lo, 0) || math.IsInf(e.Hi, 0) {
		return n < Horizon
	}
	d := math.Abs(e.V - thr)
	if d == 0 || n >= Horizon {
		return false
	}
	return float64(n)*sq((e.Hi-e.Lo)/2/d) <= Horizon
}

func sq(x float64) float64 { return x * x }

// baselineN is the sample count of r's sequential baseline.
func baselineN(r *rundir.Row) int {
	if m := r.Baseline.Metric(runfile.UnitNsPerOp); m != nil {
		return m.Summary.N
	}
	return 0
}
