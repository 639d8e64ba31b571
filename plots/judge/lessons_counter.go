package judge

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// The judge function of the shared-state lesson (shared state needs
// synchronization) and the counter's throughput and ranking.

// lessonSharedState judges the counter: sync=none loses updates under
// spawn or pool at procs > 1, every synchronized variant loses none; the
// note ranks the synchronized variants by throughput.
func lessonSharedState(j *judge, ev *evidence) {
	s := ev.seed
	var racy, exact []*rundir.Row
	for _, r := range s.counter {
		if r.Bench.Metric(runfile.UnitLostUpdates) == nil {
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
		var lost []Phrase
		lossy := false
		for _, r := range racy {
			m := r.Bench.Metric(runfile.UnitLostUpdates).Summary
			lost = append(lost, say("%s procs=%d median %s", r.Strategy, r.Procs, number(m.Center)))
			lossy = lossy || m.Center > 0
		}
		o := stat.Fail
		if lossy {
			o = stat.Pass
		}
		j.part(o, append(say("sync=none lost updates/op: "), joinPhrases(lost, ", ")...), racy...)
	}
	if len(exact) == 0 {
		j.missing = append(j.missing, "Counter with a synchronized variant")
	} else {
		var bad []string
		for _, r := range exact {
			if slices.Max(r.Bench.Metric(runfile.UnitLostUpdates).Sample.Values) != 0 {
				bad = append(bad, fmt.Sprintf("sync=%s strategy=%s", r.Bench.Param("sync"), r.Strategy))
			}
		}
		if len(bad) == 0 {
			j.part(stat.Pass, say("synchronized variants: 0 lost updates in all %d configurations", len(exact)), exact...)
		} else {
			j.part(stat.Fail, say("lost updates in %s", strings.Join(bad, ", ")), exact...)
		}
	}
	if rank, p := counterRanking(s.counter); rank != nil {
		j.notes = append(j.notes, append(say("throughput ranking "), rank...))
		j.p("top two of the ranking", p)
	}
}

// counterRanking ranks the synchronized counter variants by median
// throughput for the first of spawn, pool, process, gil, sequential present
// at the highest procs, and returns the p-value between the top two.
func counterRanking(rows []*rundir.Row) (Phrase, float64) {
	for _, st := range []string{"spawn", "pool", "process", "gil", "sequential"} {
		var rs []*rundir.Row
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
		slices.SortStableFunc(rs, func(a, b *rundir.Row) int {
			return stat.CmpFloat(rundir.Throughput(b).Center, rundir.Throughput(a).Center)
		})
		var parts []Phrase
		for _, r := range rs {
			parts = append(parts, say("%s (%s M incs/s)", r.Bench.Param("sync"), number(rundir.Throughput(r).Center/1e6)))
		}
		p := stat.Compare(rs[0].Bench.Metric(runfile.UnitNsPerOp).Sample, rs[1].Bench.Metric(runfile.UnitNsPerOp).Sample)
		return append(say("for %s at procs=%d: ", st, procs), joinPhrases(parts, " > ")...), p
	}
	return nil, math.NaN()
}
