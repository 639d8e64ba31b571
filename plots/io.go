package plots

import (
	"fmt"
	"math"

	"github.com/concbench/concbench/runfile"
)

// Thresholds of the real I/O verdicts (see the package documentation).
const (
	// ReuseHelps: a new connection per task must cost at least 10 % more
	// time than a shared client for "reusing connections matters".
	ReuseHelps = 1.10
	// OverlapHelps: with fsync, pool must be at least 10 % faster than
	// sequential for "fsync waits overlap".
	OverlapHelps = 1.10
)

// ioSelection holds the rows of the real I/O families, each at its
// highest procs.
type ioSelection struct {
	fetch, sleep []*Row    // Fetch (client=shared); Sleep, for comparison
	client       []*Row    // FetchClient, every client
	file         [2][]*Row // File sync=none, sync=fsync
}

func selectIO(rows []*Row) ioSelection {
	var s ioSelection
	s.fetch = pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyFetch }, nil)
	s.sleep = pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilySleep }, nil)
	procs := 0
	for _, r := range rows {
		if r.Bench.Family == runfile.FamilyFetchClient {
			procs = max(procs, r.Procs)
		}
	}
	for _, r := range rows {
		if r.Bench.Family == runfile.FamilyFetchClient && r.Procs == procs {
			s.client = append(s.client, r)
		}
	}
	for i, sync := range []string{"none", "fsync"} {
		s.file[i] = pickWorkload(rows, func(r *Row) bool {
			return r.Bench.Family == runfile.FamilyFile && r.Bench.Param(runfile.KeySync) == sync
		}, nil)
	}
	return s
}

// ioVerdicts judges the real I/O claims: fetch overlaps like sleep,
// reusing connections matters, fsync waits overlap. A run without any
// Fetch, FetchClient or File row (an older run, one narrowed to other
// families, a user's own workload) gets none of them.
func ioVerdicts(rows []*Row) []Verdict {
	any := false
	for _, r := range rows {
		switch r.Bench.Family {
		case runfile.FamilyFetch, runfile.FamilyFetchClient, runfile.FamilyFile:
			any = true
		}
	}
	if !any {
		return nil
	}
	s := selectIO(rows)
	return []Verdict{lessonFetchOverlap(s), lessonConnReuse(s), lessonFsync(s)}
}

// ioEfficiency is ideal ÷ ns/op with ideal = ⌈tasks/concurrency⌉·d, the
// sleep efficiency applied to a fetch row; NaN without a positive d.
func ioEfficiency(r *Row) Estimate {
	d, err := runfile.ParseDuration(r.Bench.Param(runfile.KeyDelay))
	if err != nil || d <= 0 || r.Tasks <= 0 {
		return nan()
	}
	ideal := idealSleep(r.Tasks, r.Concurrency, d)
	return ratio(Summary{Center: ideal, Lo: ideal, Hi: ideal}, r.Time)
}

func lessonFetchOverlap(s ioSelection) Verdict {
	var j judge
	claim := fmt.Sprintf("Real network I/O overlaps like sleep: on fetch (loopback HTTP GETs the server answers after d), spawn reaches efficiency ≥ %.1f against the ideal ⌈tasks/concurrency⌉·d.", IOEfficiency)
	sp := find(s.fetch, "spawn", 0)
	if sp == nil {
		j.missing = append(j.missing, "Fetch strategy=spawn")
		return j.verdict(0, claim)
	}
	e := ioEfficiency(sp)
	if !e.Valid() {
		j.missing = append(j.missing, "Fetch d > 0")
		return j.verdict(0, claim)
	}
	j.part(atLeast(e, IOEfficiency), "fetch spawn efficiency "+est(e), sp)
	j.p("spawn vs sequential", sp.P)
	if sl := find(s.sleep, "spawn", 0); sl != nil && sl.Efficiency.Valid() {
		j.notes = append(j.notes, "sleep spawn efficiency "+est(sl.Efficiency))
	}
	// The batch cannot end before its CPU work is done: cpu-ns/op over
	// the cores it may use bounds the wall time from below.
	if cpu := sp.Bench.Metric(runfile.UnitCPUNsPerOp); cpu != nil && sp.CPULimit > 0 {
		j.notes = append(j.notes, fmt.Sprintf("spawn's batch needs %s of CPU (client and server), at least %s of wall time on %g cores",
			formatNs(cpu.Summary.Center), formatNs(cpu.Summary.Center/sp.CPULimit), sp.CPULimit))
	}
	return j.verdict(0, claim)
}

func lessonConnReuse(s ioSelection) Verdict {
	var j judge
	claim := fmt.Sprintf("Reusing connections matters: on fetch with d=0s, a new connection per task (client=per-task) takes ≥ %.1f× the time of one shared client, significantly, under sequential and under pool.", ReuseHelps)
	for _, st := range []string{"sequential", "pool"} {
		var shared, perTask *Row
		for _, r := range s.client {
			if r.Strategy != st {
				continue
			}
			switch r.Bench.Param(runfile.KeyClient) {
			case "shared":
				shared = r
			case "per-task":
				perTask = r
			}
		}
		if shared == nil || perTask == nil {
			if shared == nil {
				j.missing = append(j.missing, "FetchClient client=shared strategy="+st)
			}
			if perTask == nil {
				j.missing = append(j.missing, "FetchClient client=per-task strategy="+st)
			}
			continue
		}
		rt := timeRatio(perTask, shared)
		p := compare(perTask.Bench.Metric(runfile.UnitNsPerOp).Sample, shared.Bench.Metric(runfile.UnitNsPerOp).Sample)
		o := j.significant(atLeast(rt, ReuseHelps), p, st+" per-task vs shared")
		j.part(o, fmt.Sprintf("%s per-task/shared time %s", st, est(rt)), perTask, shared)
		j.p(st+" per-task vs shared", p)
	}
	return j.verdict(0, claim)
}

func lessonFsync(s ioSelection) Verdict {
	var j judge
	claim := fmt.Sprintf("fsync is a wait that concurrency overlaps: on file with sync=fsync, pool is ≥ %.1f× faster than sequential, significantly.", OverlapHelps)
	none, fsync := s.file[0], s.file[1]
	seq, pool := find(fsync, "sequential", 0), find(fsync, "pool", 0)
	if seq == nil || pool == nil {
		j.missing = append(j.missing, missingNames("File sync=fsync", map[string]*Row{"sequential": seq, "pool": pool})...)
		return j.verdict(0, claim)
	}
	o := j.significant(atLeast(pool.Speedup, OverlapHelps), pool.P, "pool vs sequential")
	j.part(o, "fsync pool speedup "+est(pool.Speedup), pool)
	j.p("pool vs sequential", pool.P)
	if seqNone, poolNone := find(none, "sequential", 0), find(none, "pool", 0); seqNone != nil {
		cost := timeRatio(seq, seqNone)
		j.notes = append(j.notes, fmt.Sprintf("sequential fsync/none time %s (%s per task with fsync, %s without)",
			est(cost), formatNs(seq.Time.Center/float64(max(seq.Tasks, 1))), formatNs(seqNone.Time.Center/float64(max(seqNone.Tasks, 1)))))
		if poolNone != nil && poolNone.Speedup.Valid() {
			j.notes = append(j.notes, "pool speedup without fsync "+est(poolNone.Speedup))
		}
	}
	return j.verdict(0, claim)
}

// formatNs writes a duration in ns with a unit that suits it.
func formatNs(ns float64) string {
	switch a := math.Abs(ns); {
	case a >= 1e9:
		return fmt.Sprintf("%.3g s", ns/1e9)
	case a >= 1e6:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	case a >= 1e3:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	}
	return fmt.Sprintf("%.3g ns", ns)
}
