package answer

import (
	"fmt"
	"math"
	"slices"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
	"golang.org/x/perf/benchmath"
)

// The flood at two sizes. make bench-flood runs bench's Flood family at
// two sizes in the same rounds: make bench's 20,000 tasks of 1 ms and the
// published 1,000,000 tasks of 10 ms. bench claimed that the ratios
// between strategies, not the times, carry over from the small flood to
// bigger ones; FloodSizes checks it, ratio by ratio.

// CarryBand is how far a time ratio may move between the two sizes and
// still be said to carry over: the big flood's ratio within a factor of
// 1.25 of the small one's (0.8× to 1.25×).
const CarryBand = 1.25

// A FloodSizes compares every bounded strategy's time ratio to the
// unbounded one (spawn) on the smallest flood of a run with its ratio on
// the largest.
type FloodSizes struct {
	Small, Big string // the two floods' workloads, as Row.Workload
	Base       string // the unbounded strategy, spawn
	// BaseSmall and BaseBig are its times per batch (ns/op medians).
	BaseSmall, BaseBig float64
	Ratios             []CarriedRatio
	// Outcome is Pass when every ratio carried over, Fail when one did
	// not, Inconclusive otherwise; Note says why.
	Outcome stat.Outcome
	Note    string
}

// A CarriedRatio is one bounded strategy's time ratio to the unbounded
// one at both sizes.
type CarriedRatio struct {
	Name       string // strategy and workers, as floodName
	Small, Big stat.Estimate
	// Change is Big ÷ Small: the median of the per-round quotients of the
	// four rows' times where they share MinSamples rounds, else
	// Big.V ÷ Small.V with the interval [Big.Lo/Small.Hi, Big.Hi/Small.Lo].
	Change stat.Estimate
	// Outcome: Pass when it carried over (the two ratios on the same side
	// of 1, and Change wholly within CarryBand), Fail when it did not
	// (the ratios significantly on opposite sides of 1, or Change wholly
	// outside the band), Inconclusive otherwise.
	Outcome stat.Outcome
	Why     string
}

// floodBySize returns the flood rows grouped by workload, each at its
// highest procs, smallest batch first.
func floodBySize(rows []*rundir.Row) [][]*rundir.Row {
	var sizes [][]*rundir.Row
	for _, r := range rows {
		if r.Bench.Family != runfile.FamilyFlood || r.Props.Model || r.Props.Processes {
			continue
		}
		i := slices.IndexFunc(sizes, func(s []*rundir.Row) bool { return s[0].Workload == r.Workload })
		if i < 0 {
			sizes = append(sizes, nil)
			i = len(sizes) - 1
		}
		sizes[i] = append(sizes[i], r)
	}
	for i, s := range sizes {
		procs := 0
		for _, r := range s {
			procs = max(procs, r.Procs)
		}
		sizes[i] = slices.DeleteFunc(s, func(r *rundir.Row) bool { return r.Procs != procs })
	}
	slices.SortStableFunc(sizes, func(a, b []*rundir.Row) int { return a[0].Tasks - b[0].Tasks })
	return sizes
}

// CompareFloodSizes compares the smallest and the largest flood of rows;
// nil when the run has fewer than two flood sizes or no unbounded row in
// one of them.
func CompareFloodSizes(rows []*rundir.Row) *FloodSizes {
	sizes := floodBySize(rows)
	if len(sizes) < 2 {
		return nil
	}
	small, big := sizes[0], sizes[len(sizes)-1]
	unbounded := func(rs []*rundir.Row) *rundir.Row {
		i := slices.IndexFunc(rs, func(r *rundir.Row) bool { return r.Props.Concurrency == runfile.PerTask })
		if i < 0 {
			return nil
		}
		return rs[i]
	}
	bs, bb := unbounded(small), unbounded(big)
	if bs == nil || bb == nil || bs.Strategy != bb.Strategy {
		return nil
	}
	fs := &FloodSizes{Small: small[0].Workload, Big: big[0].Workload, Base: bs.Strategy,
		BaseSmall: bs.Time.Center, BaseBig: bb.Time.Center}
	fewest := 0
	for _, r := range append(slices.Clone(small), big...) {
		if n := r.Time.N; n < stat.MinSamples && (fewest == 0 || n < fewest) {
			fewest = n
		}
	}
	held, failed := 0, 0
	for _, rb := range big {
		if rb.Props.Concurrency != runfile.PerWorker {
			continue
		}
		i := slices.IndexFunc(small, func(r *rundir.Row) bool { return r.Strategy == rb.Strategy && r.Workers == rb.Workers })
		if i < 0 {
			continue
		}
		rs := small[i]
		cr := CarriedRatio{Name: rundir.RowName(rb), Small: rundir.TimeRatio(rs, bs), Big: rundir.TimeRatio(rb, bb)}
		cr.Change = ratioChange(rs, bs, rb, bb, cr.Small, cr.Big)
		cr.Outcome, cr.Why = carried(cr, fewest)
		switch cr.Outcome {
		case stat.Pass:
			held++
		case stat.Fail:
			failed++
		}
		fs.Ratios = append(fs.Ratios, cr)
	}
	n := len(fs.Ratios)
	switch {
	case n == 0:
		fs.Outcome, fs.Note = stat.Inconclusive, "no bounded strategy ran at both sizes"
	case fewest > 0:
		fs.Outcome, fs.Note = stat.Inconclusive, stat.TooFew(fewest)
	case failed > 0:
		fs.Outcome = stat.Fail
		fs.Note = fmt.Sprintf("%d of %d ratios did not carry over, %d did", failed, n, held)
	case held == n:
		fs.Outcome = stat.Pass
		fs.Note = fmt.Sprintf("all %d ratios carried over", n)
	default:
		fs.Outcome = stat.Inconclusive
		fs.Note = fmt.Sprintf("%d of %d ratios carried over, none significantly did not; the rest are open", held, n)
	}
	return fs
}

// ratioChange estimates (num2/den2) ÷ (num1/den1) from the rounds all four
// rows share, as pairedRatio does for two; with fewer than MinSamples
// such rounds, from r2 ÷ r1 with the interval [r2.Lo/r1.Hi, r2.Hi/r1.Lo].
func ratioChange(num1, den1, num2, den2 *rundir.Row, r1, r2 stat.Estimate) stat.Estimate {
	ms := []*rundir.Metric{num1.Bench.Metric(runfile.UnitNsPerOp), den1.Bench.Metric(runfile.UnitNsPerOp), num2.Bench.Metric(runfile.UnitNsPerOp), den2.Bench.Metric(runfile.UnitNsPerOp)}
	byRound := make([]map[int]float64, len(ms))
	for i, m := range ms {
		if m == nil || len(m.Rounds) != len(m.Values) {
			byRound = nil
			break
		}
		byRound[i] = map[int]float64{}
		for j, r := range m.Rounds {
			if r > 0 && m.Values[j] > 0 {
				byRound[i][r] = m.Values[j]
			}
		}
	}
	if byRound != nil {
		var qs []float64
		for r, a := range byRound[0] {
			b, ok1 := byRound[1][r]
			c, ok2 := byRound[2][r]
			d, ok3 := byRound[3][r]
			if ok1 && ok2 && ok3 {
				qs = append(qs, (c/d)/(a/b))
			}
		}
		if len(qs) >= stat.MinSamples {
			slices.Sort(qs)
			s := benchmath.AssumeNothing.Summary(benchmath.NewSample(qs, stat.Thresholds()), stat.Confidence)
			if !math.IsInf(s.Lo, 0) && !math.IsInf(s.Hi, 0) && !math.IsNaN(s.Center) {
				return stat.Estimate{V: s.Center, Lo: s.Lo, Hi: s.Hi}
			}
		}
	}
	if !r1.Valid() || !r2.Valid() || r1.V <= 0 {
		return stat.Nan()
	}
	e := stat.Estimate{V: r2.V / r1.V, Lo: math.NaN(), Hi: math.Inf(1)}
	if r1.Hi > 0 {
		e.Lo = r2.Lo / r1.Hi
	}
	if r1.Lo > 0 {
		e.Hi = r2.Hi / r1.Lo
	}
	return e
}

// side is -1 when the whole interval of e is below 1, 1 when above, 0
// otherwise.
func side(e stat.Estimate) int {
	switch {
	case e.Hi < 1:
		return -1
	case e.Lo > 1:
		return 1
	}
	return 0
}

// sideWord names a side of 1.
func sideWord(s int) string {
	switch s {
	case -1:
		return "faster than"
	case 1:
		return "slower than"
	}
	return "not different from"
}

// carried judges one ratio (see CarriedRatio.Outcome); fewest above 0 is
// the fewest samples of a row, too few for any judgment.
func carried(cr CarriedRatio, fewest int) (stat.Outcome, string) {
	if fewest > 0 {
		return stat.Inconclusive, stat.TooFew(fewest)
	}
	if !cr.Small.Valid() || !cr.Big.Valid() || !cr.Change.Valid() || math.IsNaN(cr.Change.Lo) {
		return stat.Inconclusive, "no interval"
	}
	ss, sb := side(cr.Small), side(cr.Big)
	in := cr.Change.Lo >= 1/CarryBand && cr.Change.Hi <= CarryBand
	out := cr.Change.Hi < 1/CarryBand || cr.Change.Lo > CarryBand
	band := fmt.Sprintf("%.2f× to %.2f×", 1/CarryBand, CarryBand)
	switch {
	case ss*sb < 0:
		return stat.Fail, fmt.Sprintf("%s the unbounded strategy on the small flood, %s it on the big one", sideWord(ss), sideWord(sb))
	case out:
		return stat.Fail, "the ratio moved ×" + unitfmt.Est(cr.Change) + ", wholly outside " + band
	case ss == sb && in:
		return stat.Pass, sideWord(ss) + " it at both sizes, the ratio within " + band
	case ss != sb:
		return stat.Inconclusive, fmt.Sprintf("%s it on the small flood, %s it on the big one", sideWord(ss), sideWord(sb))
	}
	return stat.Inconclusive, "the interval of the change reaches outside " + band
}

// Times writes a ratio as "×0.52 [0.5, 0.55]", or "—".
func Times(e stat.Estimate) string {
	if !e.Valid() {
		return "—"
	}
	return "×" + unitfmt.Est(e)
}
