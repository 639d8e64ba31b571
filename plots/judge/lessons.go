package judge

import (
	"fmt"
	"math"
	"slices"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// The judge functions of the seed lessons on sleep, coarse hash and the
// worker sweeps (the others: lessons_fine.go, lessons_counter.go);
// lessonTable holds their claims and charts, judge.go the judge and
// rule.go the rule.

// lessonIO judges I/O-bound work on sleep: spawn's efficiency on sleep, and the
// smallest pool with workers ≥ tasks (main sleep or the worker sweep).
func lessonIO(j *judge, ev *evidence) {
	s := ev.seed
	if sp := find(s.sleep, "spawn", 0); sp != nil {
		j.part(stat.AtLeast(sp.Efficiency, IOEfficiency), say("spawn efficiency %s", sp.Efficiency), sp)
		j.p("spawn vs sequential", sp.P)
	} else {
		j.missing = append(j.missing, "Sleep strategy=spawn")
	}
	var pool *rundir.Row
	for _, r := range append(slices.Clone(s.sleep), s.sleepWork...) {
		if r.Strategy == "pool" && r.Concurrency >= r.Tasks && (pool == nil || r.Concurrency < pool.Concurrency) {
			pool = r
		}
	}
	if pool != nil {
		j.part(stat.AtLeast(pool.Efficiency, IOEfficiency), say("pool workers=%d efficiency %s", pool.Concurrency, pool.Efficiency), pool)
		j.p(fmt.Sprintf("pool workers=%d vs sequential", pool.Concurrency), pool.P)
	} else {
		j.missing = append(j.missing, "sleep strategy=pool with workers ≥ tasks")
	}
}

// sameAs judges that row a's ns/op is within 10 % of row b's: PASS when
// the whole interval of the ratio is inside the band, FAIL when it is
// wholly outside and the difference is significant.
func (j *judge) sameAs(a, b *rundir.Row) {
	rt := rundir.TimeRatio(a, b)
	p := stat.Compare(a.Bench.Metric(runfile.UnitNsPerOp).Sample, b.Bench.Metric(runfile.UnitNsPerOp).Sample)
	o := j.differs(stat.Within(rt, 1-stat.SameWithin, 1+stat.SameWithin), p, a.Strategy+" vs "+b.Strategy+" difference")
	j.part(o, say("%s/%s time ratio %s", a.Strategy, b.Strategy, rt), a, b)
	j.p(a.Strategy+" vs "+b.Strategy, p)
}

// lessonGILIO judges gil against spawn on sleep with sameAs.
func lessonGILIO(j *judge, ev *evidence) {
	s := ev.seed
	gil, sp := find(s.sleep, "gil", 0), find(s.sleep, "spawn", 0)
	if gil == nil || sp == nil {
		j.missing = append(j.missing, missingNames(runfile.FamilySleep, map[string]*rundir.Row{"gil": gil, "spawn": sp})...)
	} else {
		j.sameAs(gil, sp)
	}
}

// lessonGILCPU judges gil against sequential on coarse hash with sameAs.
func lessonGILCPU(j *judge, ev *evidence) {
	s := ev.seed
	gil, seq := find(s.coarse, "gil", 0), find(s.coarse, "sequential", 0)
	if gil == nil || seq == nil {
		j.missing = append(j.missing, missingNames("coarse Hash", map[string]*rundir.Row{"gil": gil, "sequential": seq})...)
	} else {
		j.sameAs(gil, seq)
	}
}

// missingNames lists "family strategy=S" for each nil row, sorted.
func missingNames(family string, rows map[string]*rundir.Row) []string {
	var out []string
	for s, r := range rows {
		if r == nil {
			out = append(out, family+" strategy="+s)
		}
	}
	slices.Sort(out)
	return out
}

// lessonCPU judges the speedup of pool, spawn and process on coarse hash
// against CPUSpeedupFrac of min(cores, tasks), each significantly.
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
		ideal := math.Min(rundir.CoreLimit(r.Tasks, r.Procs, 0, cores), float64(max(r.Tasks, 1)))
		need := CPUSpeedupFrac * ideal
		j.part(j.significant(stat.AtLeast(r.Speedup, need), r.P, st+" vs sequential"), say("%s speedup %s (need ≥ %s)", st, r.Speedup, number(need)), r)
		j.p(st+" vs sequential", r.P)
	}
	j.missing = slices.Compact(j.missing)
}

// lessonPoolSize judges the worker sweeps: on HashWorkers, the pool at
// workers = cores against the fastest larger one (within stat.SameWithin); on
// SleepWorkers, the largest pool against the smallest (≥ MoreHelps).
func lessonPoolSize(j *judge, ev *evidence) {
	s, cores := ev.seed, ev.cores
	// CPU part.
	var pools []*rundir.Row
	for _, r := range s.hashWork {
		if r.Strategy == "pool" {
			pools = append(pools, r)
		}
	}
	slices.SortFunc(pools, func(a, b *rundir.Row) int { return a.Workers - b.Workers })
	var atCores, bestMore *rundir.Row
	for _, r := range pools {
		c := rundir.CoreLimit(r.Tasks, r.Procs, 0, cores)
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
		rt := rundir.TimeRatio(atCores, bestMore)
		p := stat.Compare(atCores.Bench.Metric(runfile.UnitNsPerOp).Sample, bestMore.Bench.Metric(runfile.UnitNsPerOp).Sample)
		j.part(j.differs(stat.AtMost(rt, 1+stat.SameWithin), p, "hash difference"),
			say("hash: time(workers=%d)/time(workers=%d) %s", atCores.Workers, bestMore.Workers, rt), atCores, bestMore)
		j.p(fmt.Sprintf("hash workers=%d vs %d", atCores.Workers, bestMore.Workers), p)
	}
	// I/O part.
	var sp []*rundir.Row
	for _, r := range s.sleepWork {
		if r.Strategy == "pool" {
			sp = append(sp, r)
		}
	}
	slices.SortFunc(sp, func(a, b *rundir.Row) int { return a.Workers - b.Workers })
	if len(sp) < 2 {
		j.missing = append(j.missing, "SleepWorkers strategy=pool at two or more worker counts")
	} else {
		lo, hi := sp[0], sp[len(sp)-1]
		su := rundir.TimeRatio(lo, hi)
		p := stat.Compare(lo.Bench.Metric(runfile.UnitNsPerOp).Sample, hi.Bench.Metric(runfile.UnitNsPerOp).Sample)
		j.part(j.significant(stat.AtLeast(su, MoreHelps), p, "sleep difference"),
			say("sleep: speedup of workers=%d over workers=%d %s", hi.Workers, lo.Workers, su), lo, hi)
		j.p(fmt.Sprintf("sleep workers=%d vs %d", hi.Workers, lo.Workers), p)
	}
}
