package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// The seed lessons 1 to 8, one judge function each; Run.Verdicts lists
// them, verdicts.go holds the judge and the rule.

func lessonIO(s selection) Verdict {
	var j judge
	claim := fmt.Sprintf("I/O-bound work speeds up with concurrency: on sleep, spawn and pool with workers ≥ tasks reach efficiency ≥ %.1f against the ideal ⌈tasks/concurrency⌉·d.", IOEfficiency)
	if sp := find(s.sleep, "spawn", 0); sp != nil {
		j.part(atLeast(sp.Efficiency, IOEfficiency), "spawn efficiency "+est(sp.Efficiency), sp)
		j.p("spawn vs sequential", sp.P)
	} else {
		j.missing = append(j.missing, "Sleep strategy=spawn")
	}
	var pool *Row
	for _, r := range append(slices.Clone(s.sleep), s.sleepWork...) {
		if r.Strategy == "pool" && r.Concurrency >= r.Tasks && (pool == nil || r.Concurrency < pool.Concurrency) {
			pool = r
		}
	}
	if pool != nil {
		j.part(atLeast(pool.Efficiency, IOEfficiency), fmt.Sprintf("pool workers=%d efficiency %s", pool.Concurrency, est(pool.Efficiency)), pool)
		j.p(fmt.Sprintf("pool workers=%d vs sequential", pool.Concurrency), pool.P)
	} else {
		j.missing = append(j.missing, "sleep strategy=pool with workers ≥ tasks")
	}
	return j.verdict(1, claim)
}

// sameAs judges that row a's ns/op is within 10 % of row b's: PASS when
// the whole interval of the ratio is inside the band, FAIL when it is
// wholly outside and the difference is significant.
func (j *judge) sameAs(a, b *Row) {
	rt := timeRatio(a, b)
	p := compare(a.Bench.Metric(runfile.UnitNsPerOp).Sample, b.Bench.Metric(runfile.UnitNsPerOp).Sample)
	o := j.differs(within(rt, 1-SameWithin, 1+SameWithin), p, a.Strategy+" vs "+b.Strategy+" difference")
	j.part(o, fmt.Sprintf("%s/%s time ratio %s", a.Strategy, b.Strategy, est(rt)), a, b)
	j.p(a.Strategy+" vs "+b.Strategy, p)
}

func lessonGILIO(s selection) Verdict {
	var j judge
	gil, sp := find(s.sleep, "gil", 0), find(s.sleep, "spawn", 0)
	if gil == nil || sp == nil {
		j.missing = append(j.missing, missingNames(runfile.FamilySleep, map[string]*Row{"gil": gil, "spawn": sp})...)
	} else {
		j.sameAs(gil, sp)
	}
	return j.verdict(2, "The GIL analogue does not stop I/O concurrency: gil on sleep is within 10 % of spawn.")
}

func lessonGILCPU(s selection) Verdict {
	var j judge
	gil, seq := find(s.coarse, "gil", 0), find(s.coarse, "sequential", 0)
	if gil == nil || seq == nil {
		j.missing = append(j.missing, missingNames("coarse Hash", map[string]*Row{"gil": gil, "sequential": seq})...)
	} else {
		j.sameAs(gil, seq)
	}
	return j.verdict(3, "The GIL analogue stops CPU parallelism: gil on coarse hash is within 10 % of sequential.")
}

// missingNames lists "family strategy=S" for each nil row, sorted.
func missingNames(family string, rows map[string]*Row) []string {
	var out []string
	for s, r := range rows {
		if r == nil {
			out = append(out, family+" strategy="+s)
		}
	}
	slices.Sort(out)
	return out
}

func lessonCPU(s selection, cores float64) Verdict {
	var j judge
	claim := fmt.Sprintf("Real parallelism speeds CPU work up to the core count: pool, spawn and process reach ≥ %.2f × min(cores, tasks) speedup on coarse hash (cores = min(procs, numcpu)).", CPUSpeedupFrac)
	for _, st := range []string{"pool", "spawn", "process"} {
		r := find(s.coarse, st, 0)
		if r == nil {
			j.missing = append(j.missing, "coarse Hash strategy="+st)
			continue
		}
		if !r.Speedup.Valid() {
			j.missing = append(j.missing, "coarse Hash strategy=sequential baseline")
			continue
		}
		ideal := math.Min(coreLimit(r.Tasks, r.Procs, 0, cores), float64(max(r.Tasks, 1)))
		need := CPUSpeedupFrac * ideal
		j.part(j.significant(atLeast(r.Speedup, need), r.P, st+" vs sequential"), fmt.Sprintf("%s speedup %s (need ≥ %s)", st, est(r.Speedup), num(need)), r)
		j.p(st+" vs sequential", r.P)
	}
	j.missing = slices.Compact(j.missing)
	return j.verdict(4, claim)
}

func lessonPoolSize(s selection, cores float64) Verdict {
	var j judge
	claim := "Pool size: for CPU work (coarse hash), workers = cores is as fast as more workers (within 10 %); for I/O work (sleep), more workers help (largest pool ≥ 10 % faster than smallest)."
	// CPU part.
	var pools []*Row
	for _, r := range s.hashWork {
		if r.Strategy == "pool" {
			pools = append(pools, r)
		}
	}
	slices.SortFunc(pools, func(a, b *Row) int { return a.Workers - b.Workers })
	var atCores, bestMore *Row
	for _, r := range pools {
		c := coreLimit(r.Tasks, r.Procs, 0, cores)
		if atCores == nil && float64(r.Workers) >= c {
			atCores = r
			continue
		}
		if atCores != nil && (bestMore == nil || r.Time.Center < bestMore.Time.Center) {
			bestMore = r
		}
	}
	if atCores == nil || bestMore == nil {
		j.missing = append(j.missing, "HashWorkers strategy=pool with workers = cores and more")
	} else {
		rt := timeRatio(atCores, bestMore)
		p := compare(atCores.Bench.Metric(runfile.UnitNsPerOp).Sample, bestMore.Bench.Metric(runfile.UnitNsPerOp).Sample)
		j.part(j.differs(atMost(rt, 1+SameWithin), p, "hash difference"),
			fmt.Sprintf("hash: time(workers=%d)/time(workers=%d) %s", atCores.Workers, bestMore.Workers, est(rt)), atCores, bestMore)
		j.p(fmt.Sprintf("hash workers=%d vs %d", atCores.Workers, bestMore.Workers), p)
	}
	// I/O part.
	var sp []*Row
	for _, r := range s.sleepWork {
		if r.Strategy == "pool" {
			sp = append(sp, r)
		}
	}
	slices.SortFunc(sp, func(a, b *Row) int { return a.Workers - b.Workers })
	if len(sp) < 2 {
		j.missing = append(j.missing, "SleepWorkers strategy=pool at two or more worker counts")
	} else {
		lo, hi := sp[0], sp[len(sp)-1]
		su := timeRatio(lo, hi)
		p := compare(lo.Bench.Metric(runfile.UnitNsPerOp).Sample, hi.Bench.Metric(runfile.UnitNsPerOp).Sample)
		j.part(j.significant(atLeast(su, MoreHelps), p, "sleep difference"),
			fmt.Sprintf("sleep: speedup of workers=%d over workers=%d %s", hi.Workers, lo.Workers, est(su)), lo, hi)
		j.p(fmt.Sprintf("sleep workers=%d vs %d", hi.Workers, lo.Workers), p)
	}
	return j.verdict(5, claim)
}

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
	if m := r.Bench.Metric(runfile.UnitNsPerTask); m != nil {
		return m
	}
	return r.Bench.Metric(runfile.UnitNsPerOp)
}

func lessonProcessCost(s selection) Verdict {
	var j judge
	claim := fmt.Sprintf("Processes cost more to start: on fine hash, exec's time per task is ≥ %.0f× spawn's, and process amortizes it (exec ≥ %.0f× process).", FarAbove, FarAbove)
	ex, sp, pr := find(s.fine, "exec", 0), find(s.fine, "spawn", 0), find(s.fine, "process", 0)
	if ex == nil {
		ex = find(s.fineSmaller, "exec", 0) // measured per task on a smaller batch
	}
	if ex == nil {
		j.missing = append(j.missing, "fine Hash strategy=exec")
		return j.verdict(6, claim)
	}
	for _, other := range []*Row{sp, pr} {
		if other == nil {
			continue
		}
		rt := perTaskRatio(ex, other)
		p := compare(perTaskSample(ex).Sample, perTaskSample(other).Sample)
		j.part(j.significant(atLeast(rt, FarAbove), p, "exec vs "+other.Strategy),
			fmt.Sprintf("exec %s/task = %s× %s (%s/task)", ns(perTask(ex).Center), est(rt), other.Strategy, ns(perTask(other).Center)), ex, other)
		j.p("exec vs "+other.Strategy, p)
	}
	j.missing = append(j.missing, missingNames("fine Hash", map[string]*Row{"spawn": sp, "process": pr})...)
	return j.verdict(6, claim)
}

func lessonSharedState(s selection) Verdict {
	var j judge
	claim := "Shared state needs synchronization: sync=none loses updates when procs > 1 (spawn or pool); every other sync variant is exact (lost-updates/op = 0)."
	var racy, exact []*Row
	for _, r := range s.counter {
		if r.Bench.Metric(runfile.UnitLostUpdates) == nil {
			continue
		}
		if r.Bench.Param(runfile.KeySync) == "none" {
			if r.Procs > 1 && (r.Strategy == "spawn" || r.Strategy == "pool") {
				racy = append(racy, r)
			}
		} else {
			exact = append(exact, r)
		}
	}
	if len(racy) == 0 {
		j.missing = append(j.missing, "Counter sync=none strategy=spawn|pool at procs > 1 with lost-updates/op")
	} else {
		var lost []string
		lossy := false
		for _, r := range racy {
			m := r.Bench.Metric(runfile.UnitLostUpdates).Summary
			lost = append(lost, fmt.Sprintf("%s procs=%d median %s", r.Strategy, r.Procs, num(m.Center)))
			lossy = lossy || m.Center > 0
		}
		o := Fail
		if lossy {
			o = Pass
		}
		j.part(o, "sync=none lost updates/op: "+strings.Join(lost, ", "), racy...)
	}
	if len(exact) == 0 {
		j.missing = append(j.missing, "Counter with a synchronized variant")
	} else {
		var bad []string
		for _, r := range exact {
			if slices.Max(r.Bench.Metric(runfile.UnitLostUpdates).Sample.Values) != 0 {
				bad = append(bad, fmt.Sprintf("sync=%s strategy=%s", r.Bench.Param(runfile.KeySync), r.Strategy))
			}
		}
		if len(bad) == 0 {
			j.part(Pass, fmt.Sprintf("synchronized variants: 0 lost updates in all %d configurations", len(exact)), exact...)
		} else {
			j.part(Fail, "lost updates in "+strings.Join(bad, ", "), exact...)
		}
	}
	if rank, p := counterRanking(s.counter); rank != "" {
		j.notes = append(j.notes, "throughput ranking "+rank)
		j.p("top two of the ranking", p)
	}
	return j.verdict(7, claim)
}

// counterRanking ranks the synchronized counter variants by median
// throughput for the first of spawn, pool, process, gil, sequential present
// at the highest procs, and returns the p-value between the top two.
func counterRanking(rows []*Row) (string, float64) {
	for _, st := range []string{"spawn", "pool", "process", "gil", "sequential"} {
		var rs []*Row
		procs := 0
		for _, r := range rows {
			if r.Strategy == st && r.Bench.Param(runfile.KeySync) != "none" {
				procs = max(procs, r.Procs)
			}
		}
		for _, r := range rows {
			if r.Strategy == st && r.Procs == procs && r.Bench.Param(runfile.KeySync) != "none" {
				rs = append(rs, r)
			}
		}
		if len(rs) < 2 {
			continue
		}
		slices.SortStableFunc(rs, func(a, b *Row) int {
			return cmpFloat(throughput(b).Center, throughput(a).Center)
		})
		var parts []string
		for _, r := range rs {
			parts = append(parts, fmt.Sprintf("%s (%s M incs/s)", r.Bench.Param(runfile.KeySync), num(throughput(r).Center/1e6)))
		}
		p := compare(rs[0].Bench.Metric(runfile.UnitNsPerOp).Sample, rs[1].Bench.Metric(runfile.UnitNsPerOp).Sample)
		return fmt.Sprintf("for %s at procs=%d: %s", st, procs, strings.Join(parts, " > ")), p
	}
	return "", math.NaN()
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// throughput is the counter throughput in increments per second:
// tasks × incs / ns/op, with its interval.
func throughput(r *Row) Summary {
	incs := float64(max(intParam(r.Bench, runfile.KeyIncs), 1))
	per := float64(max(r.Tasks, 1)) * incs * 1e9
	return Summary{Center: per / r.Time.Center, Lo: per / r.Time.Hi, Hi: per / r.Time.Lo, N: r.Time.N}
}

func lessonFineGrained(s selection) Verdict {
	var j judge
	claim := "Fine-grained tasks: per-task overhead can exceed the work: some strategies lose to sequential on fine hash (named here)."
	seq := find(s.fine, "sequential", 0)
	if seq == nil {
		j.missing = append(j.missing, "fine Hash strategy=sequential")
		return j.verdict(8, claim)
	}
	if len(s.fine) < 2 {
		j.missing = append(j.missing, "fine Hash strategies other than sequential")
		return j.verdict(8, claim)
	}
	var losers, maybe []string
	work := perTask(seq).Center
	for _, r := range s.fine {
		if r == seq || !r.Speedup.Valid() {
			continue
		}
		slower := r.Time.Center > seq.Time.Center
		overhead := perTask(r).Center - work
		desc := fmt.Sprintf("%s %s× slower, overhead %s/task vs work %s/task", r.Strategy, num(1/r.Speedup.V), ns(overhead), ns(work))
		switch {
		case slower && r.P < Alpha:
			losers = append(losers, desc)
			j.p(r.Strategy+" vs sequential", r.P)
		case slower:
			maybe = append(maybe, r.Strategy)
			j.p(r.Strategy+" vs sequential", r.P)
		}
	}
	// Strategies measured on a smaller batch (exec) compare per task.
	for _, r := range s.fineSmaller {
		rt := perTaskRatio(r, seq)
		p := compare(perTaskSample(r).Sample, perTaskSample(seq).Sample)
		if !rt.Valid() || rt.V <= 1 {
			continue
		}
		j.p(r.Strategy+" vs sequential, per task", p)
		if p < Alpha {
			losers = append(losers, fmt.Sprintf("%s %s× slower per task (at tasks=%d), overhead %s/task vs work %s/task",
				r.Strategy, num(rt.V), r.Tasks, ns(perTask(r).Center-work), ns(work)))
		} else {
			maybe = append(maybe, r.Strategy)
		}
	}
	switch {
	case len(losers) > 0:
		j.part(Pass, "lose to sequential: "+strings.Join(losers, "; "), s.fine...)
	case len(maybe) > 0:
		j.part(Inconclusive, "slower than sequential but not significantly: "+strings.Join(maybe, ", "), s.fine...)
	default:
		j.part(Fail, "no strategy is slower than sequential on fine hash", s.fine...)
	}
	if len(maybe) > 0 && len(losers) > 0 {
		j.notes = append(j.notes, "also slower, not significantly: "+strings.Join(maybe, ", "))
	}
	return j.verdict(8, claim)
}
