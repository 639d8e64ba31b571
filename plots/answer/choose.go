package answer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// A Choice is one row of the "which strategy for which work" table: for
// one workload at one procs (every family but the …Workers and …Procs
// sweeps, the probe and Crash), the
// strategy to use and the ones to avoid, each judged against the fastest.
//
// Strategies that are models (Props.Model: gil, which stands for CPython's
// GIL) take no part: they are neither the fastest, nor recommended, nor to
// be avoided; the verdicts and charts show them.
type Choice struct {
	Workload string
	Procs    int
	// Fastest is the strategy with the lowest median ns/op.
	Fastest *rundir.Row
	// Recommended is the simplest strategy (lowest Props.Rank; the faster
	// of a tie) shown as good as Fastest (the whole interval of its time
	// ratio to Fastest at most 1 + SameWithin), or Fastest itself. Nil
	// when TooFew.
	Recommended *Ranked
	// Open are the strategies simpler than Recommended that may yet prove
	// as good as Fastest: neither shown as good nor significantly slower.
	// While any is open the answer is undecided (Decided), and more
	// samples of them and of Fastest could decide it.
	Open []Ranked
	// AsGood are the strategies other than Recommended whose time is
	// within 10 % of Fastest's: the whole interval of the ratio is at most
	// 1.1. Fastest is in none of the lists.
	AsGood []Ranked
	// Unclear are the strategies other than Recommended neither as good
	// nor significantly slower: the interval straddles 1.1, or the
	// difference is not significant.
	Unclear []Ranked
	// Avoid are the strategies significantly slower than Fastest (Slower).
	Avoid []Ranked
	// TooFew is the smallest sample count of the workload's rows when it
	// is below MinSamples; then nothing is ranked and every list is empty.
	TooFew int
}

// A Ranked is one strategy of a Choice, compared with the fastest.
type Ranked struct {
	Row *rundir.Row
	// Ratio is median(ns/op) / median(fastest ns/op), with the interval
	// [lo / fastest.hi, hi / fastest.lo]; exactly 1 for the fastest.
	Ratio stat.Estimate
	// P is the Mann-Whitney U p-value against the fastest (NaN for the
	// fastest itself).
	P float64
	// PerTask marks a strategy measured on a smaller batch of the same
	// workload (see smallerBatches): Ratio and P compare ns/task.
	PerTask bool
}

// Name names the strategy, with its workers when the name has them:
// "pool", "pool workers=2".
func (k Ranked) Name() string {
	if k.PerTask {
		return fmt.Sprintf("%s (per task, at tasks=%d)", rundir.RowName(k.Row), k.Row.Tasks)
	}
	return rundir.RowName(k.Row)
}

// String is the strategy and how it compares with the fastest:
// "pool workers=2: 31× slower [30.2, 31.9]", "spawn: fastest",
// "pool: 1.02× [0.99, 1.05]".
func (k Ranked) String() string {
	switch {
	case k.Ratio.V == 1 && k.Ratio.Lo == 1 && k.Ratio.Hi == 1:
		return k.Name() + ": fastest"
	case Slower(k.Ratio, k.P):
		return fmt.Sprintf("%s: %s× slower [%s, %s]", k.Name(), unitfmt.Num(k.Ratio.V), unitfmt.Num(k.Ratio.Lo), unitfmt.Num(k.Ratio.Hi))
	}
	return fmt.Sprintf("%s: %s× [%s, %s]", k.Name(), unitfmt.Num(k.Ratio.V), unitfmt.Num(k.Ratio.Lo), unitfmt.Num(k.Ratio.Hi))
}

// Slower reports whether a strategy is significantly slower than the
// fastest, by the report's rule for a difference: p < Alpha and the whole
// interval of the time ratio above 1 + stat.SameWithin (more than 10 % slower).
func Slower(ratio stat.Estimate, p float64) bool {
	return p < stat.Alpha && ratio.Lo > 1+stat.SameWithin
}

// Choose builds the strategy table from the derived rows.
func Choose(rows []*rundir.Row) []Choice {
	type key struct {
		workload string
		procs    int
	}
	groups := map[key][]*rundir.Row{}
	var order []key
	for _, r := range rows {
		if !rundir.IsMain(r.Bench.Family) || r.Strategy == "" || r.Props.Model {
			continue
		}
		k := key{r.Workload, r.Procs}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	var out []Choice
	for _, k := range order {
		if IsSmallerBatch(rows, groups[k]) {
			continue // ranked per task within the larger batch's row
		}
		out = append(out, choose(k.workload, k.procs, groups[k], SmallerBatches(rows, groups[k])))
	}
	return out
}

// IsSmallerBatch reports whether the run measured group's workload, at its
// procs, with a larger batch too: then its rows are ranked in that one's
// Choice (see smallerBatches) and make no row of their own.
func IsSmallerBatch(rows []*rundir.Row, group []*rundir.Row) bool {
	g := group[0]
	return slices.ContainsFunc(rows, func(r *rundir.Row) bool {
		return r.Bench.Family == g.Bench.Family && r.Procs == g.Procs && r.Tasks > g.Tasks && r.Strategy != "" && batchless(r) == batchless(g)
	})
}

// batchless is a row's workload without its tasks part: rows of one family
// that differ only in their batch size share it.
func batchless(r *rundir.Row) string {
	parts := []string{r.Bench.Family}
	for _, p := range r.Bench.Params {
		if !rundir.IsSweepKey(p.Key) && p.Key != runfile.KeyTasks {
			parts = append(parts, p.Key+"="+p.Value)
		}
	}
	return strings.Join(parts, " ")
}

// SmallerBatches returns the rows of strategies missing from group (one
// workload at one procs) that the run measured on the same workload at the
// same procs with a smaller batch: exec on the fine hash runs 64 tasks,
// not 4,096, because a process start per task would make its batch take
// seconds. They are compared per task.
func SmallerBatches(rows []*rundir.Row, group []*rundir.Row) []*rundir.Row {
	g := group[0]
	var out []*rundir.Row
	for _, r := range rows {
		if r.Bench.Family != g.Bench.Family || r.Procs != g.Procs || r.Tasks >= g.Tasks || r.Strategy == "" ||
			r.Props.Model || batchless(r) != batchless(g) ||
			slices.ContainsFunc(group, func(o *rundir.Row) bool { return rundir.RowName(o) == rundir.RowName(r) }) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// choose ranks the rows of one workload at one procs, and the rows of
// smaller batches of it (see smallerBatches) per task.
func choose(workload string, procs int, rs, smaller []*rundir.Row) Choice {
	fastest := slices.MinFunc(rs, func(a, b *rundir.Row) int { return stat.CmpFloat(a.Time.Center, b.Time.Center) })
	c := Choice{Workload: workload, Procs: procs, Fastest: fastest}
	rs = append(slices.Clip(rs), smaller...)
	for _, r := range rs {
		if n := r.Time.N; n < stat.MinSamples && (c.TooFew == 0 || n < c.TooFew) {
			c.TooFew = n
		}
	}
	if c.TooFew > 0 {
		return c
	}
	var candidates []Ranked // shown as good as the fastest, the fastest included
	for _, r := range rs {
		k := Ranked{Row: r, Ratio: stat.Estimate{V: 1, Lo: 1, Hi: 1}, P: stat.Nan().V}
		switch {
		case r.Tasks != fastest.Tasks:
			k.PerTask = true
			k.Ratio = rundir.PerTaskRatio(r, fastest)
			k.P = stat.Compare(rundir.PerTaskSample(r).Sample, rundir.PerTaskSample(fastest).Sample)
		case r != fastest:
			k.Ratio = rundir.TimeRatio(r, fastest)
			k.P = stat.Compare(r.Bench.Metric(runfile.UnitNsPerOp).Sample, fastest.Bench.Metric(runfile.UnitNsPerOp).Sample)
		}
		if r == fastest || k.Ratio.Hi <= 1+stat.SameWithin {
			candidates = append(candidates, k)
		}
		switch {
		case r == fastest:
		case Slower(k.Ratio, k.P):
			c.Avoid = append(c.Avoid, k)
		case k.Ratio.Hi <= 1+stat.SameWithin:
			c.AsGood = append(c.AsGood, k)
		default:
			c.Unclear = append(c.Unclear, k)
		}
	}
	best := slices.MinFunc(candidates, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(a.Row.Props.Rank, b.Row.Props.Rank), stat.CmpFloat(a.Row.Time.Center, b.Row.Time.Center))
	})
	c.Recommended = &best
	notBest := func(k Ranked) bool { return k.Row == best.Row }
	c.AsGood = slices.DeleteFunc(c.AsGood, notBest)
	c.Unclear = slices.DeleteFunc(c.Unclear, notBest)
	for _, k := range c.Unclear {
		if simpler(k, best) {
			c.Open = append(c.Open, k)
		}
	}
	// The slowest last, so that the worst to avoid is easy to find.
	slices.SortStableFunc(c.Avoid, func(a, b Ranked) int { return stat.CmpFloat(a.Ratio.V, b.Ratio.V) })
	return c
}

// simpler reports whether k is a simpler strategy than best: a lower
// Props.Rank, or an equal rank and a lower median time.
func simpler(k, best Ranked) bool {
	return cmp.Or(cmp.Compare(k.Row.Props.Rank, best.Row.Props.Rank), stat.CmpFloat(k.Row.Time.Center, best.Row.Time.Center)) < 0
}

// Decided reports whether the answer is decided: ranked, and no strategy
// simpler than the recommended one may yet prove as good as the fastest.
func (c Choice) Decided() bool { return c.TooFew == 0 && len(c.Open) == 0 }

// MoreSamples is about how many samples each of k and the fastest would
// need for k's comparison to close, at its spread so far: the interval of
// a median narrows as the square root of the samples, and it must narrow
// to leave 1 + SameWithin on the side of its median. 0 when it is closed
// or cannot close (a ratio at the band's edge).
func MoreSamples(k Ranked) int {
	n := k.Row.Time.N
	band := 1 + stat.SameWithin
	var half, dist float64
	switch {
	case k.Ratio.Hi <= band || k.Ratio.Lo > band:
		return 0
	case k.Ratio.V < band:
		half, dist = k.Ratio.Hi-k.Ratio.V, band-k.Ratio.V
	default:
		half, dist = k.Ratio.V-k.Ratio.Lo, k.Ratio.V-band
	}
	if dist <= 0 || half <= 0 || n == 0 {
		return 0
	}
	need := float64(n) * (half / dist) * (half / dist)
	if need > 1e6 {
		return 0
	}
	return max(int(need+0.999)-n, 1)
}

// Names lists the strategies of ks, with their ratios.
func Names(ks []Ranked) string {
	var parts []string
	for _, k := range ks {
		parts = append(parts, k.String())
	}
	return strings.Join(parts, ", ")
}
