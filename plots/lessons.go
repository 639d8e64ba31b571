package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// The judge functions of the seed lessons 1 to 8; lessonTable holds their
// claims and charts, judge.go the judge and rule.go the rule.

func lessonIO(j *judge, ev *evidence) {
	s := ev.seed
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
}

// sameAs judges that row a's ns/op is within 10 % of row b's: PASS when
// the whole interval of the ratio is inside the band, FAIL when it is
// wholly outside and the difference is significant.
func (j *judge) sameAs(a, b *Row) {
	rt := timeRatio(a, b)
	p := compare(a.Bench.Metric("ns/op").Sample, b.Bench.Metric("ns/op").Sample)
	o := j.differs(within(rt, 1-SameWithin, 1+SameWithin), p, a.Strategy+" vs "+b.Strategy+" difference")
	j.part(o, fmt.Sprintf("%s/%s time ratio %s", a.Strategy, b.Strategy, est(rt)), a, b)
	j.p(a.Strategy+" vs "+b.Strategy, p)
}

func lessonGILIO(j *judge, ev *evidence) {
	s := ev.seed
	gil, sp := find(s.sleep, "gil", 0), find(s.sleep, "spawn", 0)
	if gil == nil || sp == nil {
		j.missing = append(j.missing, missingNames("Sleep", map[string]*Row{"gil": gil, "spawn": sp})...)
	} else {
		j.sameAs(gil, sp)
	}
}

func lessonGILCPU(j *judge, ev *evidence) {
	s := ev.seed
	gil, seq := find(s.coarse, "gil", 0), find(s.coarse, "sequential", 0)
	if gil == nil || seq == nil {
		j.missing = append(j.missing, missingNames("coarse Hash", map[string]*Row{"gil": gil, "sequential": seq})...)
	} else {
		j.sameAs(gil, seq)
	}
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

func lessonCPU(j *judge, ev *evidence) {
	s, cores := ev.seed, ev.cores
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
}

func lessonPoolSize(j *judge, ev *evidence) {
	s, cores := ev.seed, ev.cores
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
		p := compare(atCores.Bench.Metric("ns/op").Sample, bestMore.Bench.Metric("ns/op").Sample)
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
		p := compare(lo.Bench.Metric("ns/op").Sample, hi.Bench.Metric("ns/op").Sample)
		j.part(j.significant(atLeast(su, MoreHelps), p, "sleep difference"),
			fmt.Sprintf("sleep: speedup of workers=%d over workers=%d %s", hi.Workers, lo.Workers, est(su)), lo, hi)
		j.p(fmt.Sprintf("sleep workers=%d vs %d", hi.Workers, lo.Workers), p)
	}
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
	if m := r.Bench.Metric("ns/task"); m != nil {
		return m
	}
	return r.Bench.Metric("ns/op")
}

func lessonProcessCost(j *judge, ev *evidence) {
	s := ev.seed
	ex, sp, pr := find(s.fine, "exec", 0), find(s.fine, "spawn", 0), find(s.fine, "process", 0)
	if ex == nil {
		ex = find(s.fineSmaller, "exec", 0) // measured per task on a smaller batch
	}
	if ex == nil {
		j.missing = append(j.missing, "fine Hash strategy=exec")
		return
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
}

func lessonSharedState(j *judge, ev *evidence) {
	s := ev.seed
	var racy, exact []*Row
	for _, r := range s.counter {
		if r.Bench.Metric("lost-updates/op") == nil {
			continue
		}
		if r.Bench.Param("sync") == "none" {
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
			m := r.Bench.Metric("lost-updates/op").Summary
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
			if slices.Max(r.Bench.Metric("lost-updates/op").Sample.Values) != 0 {
				bad = append(bad, fmt.Sprintf("sync=%s strategy=%s", r.Bench.Param("sync"), r.Strategy))
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
}

// counterRanking ranks the synchronized counter variants by median
// throughput for the first of spawn, pool, process, gil, sequential present
// at the highest procs, and returns the p-value between the top two.
func counterRanking(rows []*Row) (string, float64) {
	for _, st := range []string{"spawn", "pool", "process", "gil", "sequential"} {
		var rs []*Row
		procs := 0
		for _, r := range rows {
			if r.Strategy == st && r.Bench.Param("sync") != "none" {
				procs = max(procs, r.Procs)
			}
		}
		for _, r := range rows {
			if r.Strategy == st && r.Procs == procs && r.Bench.Param("sync") != "none" {
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
			parts = append(parts, fmt.Sprintf("%s (%s M incs/s)", r.Bench.Param("sync"), num(throughput(r).Center/1e6)))
		}
		p := compare(rs[0].Bench.Metric("ns/op").Sample, rs[1].Bench.Metric("ns/op").Sample)
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
	incs := float64(max(intParam(r.Bench, "incs"), 1))
	per := float64(max(r.Tasks, 1)) * incs * 1e9
	return Summary{Center: per / r.Time.Center, Lo: per / r.Time.Hi, Hi: per / r.Time.Lo, N: r.Time.N}
}

func lessonFineGrained(j *judge, ev *evidence) {
	s := ev.seed
	seq := find(s.fine, "sequential", 0)
	if seq == nil {
		j.missing = append(j.missing, "fine Hash strategy=sequential")
		return
	}
	if len(s.fine) < 2 {
		j.missing = append(j.missing, "fine Hash strategies other than sequential")
		return
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
}
