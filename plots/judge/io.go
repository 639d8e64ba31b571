package judge

import (
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
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
	fetch, sleep []*rundir.Row    // Fetch (client=shared); Sleep, for comparison
	client       []*rundir.Row    // FetchClient, every client
	file         [2][]*rundir.Row // File sync=none, sync=fsync
}

func selectIO(rows []*rundir.Row) ioSelection {
	var s ioSelection
	s.fetch = PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == runfile.FamilyFetch }, nil)
	s.sleep = PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == runfile.FamilySleep }, nil)
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
		s.file[i] = PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == runfile.FamilyFile && r.Bench.Param("sync") == sync }, nil)
	}
	return s
}

// ioEfficiency is ideal ÷ ns/op with ideal = ⌈tasks/concurrency⌉·d, the
// sleep efficiency applied to a fetch row; NaN without a positive d.
func ioEfficiency(r *rundir.Row) stat.Estimate {
	d, err := runfile.ParseDuration(r.Bench.Param(runfile.KeyDelay))
	if err != nil || d <= 0 || r.Tasks <= 0 {
		return stat.Nan()
	}
	ideal := rundir.IdealSleep(r.Tasks, r.Concurrency, d)
	return stat.Ratio(stat.Summary{Center: ideal, Lo: ideal, Hi: ideal}, r.Time)
}

func lessonFetchOverlap(j *judge, ev *evidence) {
	s := ev.io
	sp := find(s.fetch, "spawn", 0)
	if sp == nil {
		j.missing = append(j.missing, "Fetch strategy=spawn")
		return
	}
	e := ioEfficiency(sp)
	if !e.Valid() {
		j.missing = append(j.missing, "Fetch d > 0")
		return
	}
	j.part(stat.AtLeast(e, IOEfficiency), say("fetch spawn efficiency %s", e), sp)
	j.p("spawn vs sequential", sp.P)
	if sl := find(s.sleep, "spawn", 0); sl != nil && sl.Efficiency.Valid() {
		j.notes = append(j.notes, say("sleep spawn efficiency %s", sl.Efficiency))
	}
	// The batch cannot end before its CPU work is done: cpu-ns/op over
	// the cores it may use bounds the wall time from below.
	if cpu := sp.Bench.Metric(runfile.UnitCPUNsPerOp); cpu != nil && sp.CPULimit > 0 {
		j.notes = append(j.notes, say("spawn's batch needs %s of CPU (client and server), at least %s of wall time on %g cores",
			unitfmt.FormatTime(cpu.Summary.Center, unitfmt.TimeSpaced), unitfmt.FormatTime(cpu.Summary.Center/sp.CPULimit, unitfmt.TimeSpaced), sp.CPULimit))
	}
}

func lessonConnReuse(j *judge, ev *evidence) {
	s := ev.io
	for _, st := range []string{"sequential", "pool"} {
		var shared, perTask *rundir.Row
		for _, r := range s.client {
			if r.Strategy != st {
				continue
			}
			switch r.Bench.Param("client") {
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
		rt := rundir.TimeRatio(perTask, shared)
		p := stat.Compare(perTask.Bench.Metric(runfile.UnitNsPerOp).Sample, shared.Bench.Metric(runfile.UnitNsPerOp).Sample)
		o := j.significant(stat.AtLeast(rt, ReuseHelps), p, st+" per-task vs shared")
		j.part(o, say("%s per-task/shared time %s", st, rt), perTask, shared)
		j.p(st+" per-task vs shared", p)
	}
}

func lessonFsync(j *judge, ev *evidence) {
	s := ev.io
	none, fsync := s.file[0], s.file[1]
	seq, pool := find(fsync, "sequential", 0), find(fsync, "pool", 0)
	if seq == nil || pool == nil {
		j.missing = append(j.missing, missingNames("File sync=fsync", map[string]*rundir.Row{"sequential": seq, "pool": pool})...)
		return
	}
	o := j.significant(stat.AtLeast(pool.Speedup, OverlapHelps), pool.P, "pool vs sequential")
	j.part(o, say("fsync pool speedup %s", pool.Speedup), pool)
	j.p("pool vs sequential", pool.P)
	if seqNone, poolNone := find(none, "sequential", 0), find(none, "pool", 0); seqNone != nil {
		cost := rundir.TimeRatio(seq, seqNone)
		j.notes = append(j.notes, say("sequential fsync/none time %s (%s per task with fsync, %s without)",
			unitfmt.Est(cost), unitfmt.FormatTime(seq.Time.Center/float64(max(seq.Tasks, 1)), unitfmt.TimeSpaced), unitfmt.FormatTime(seqNone.Time.Center/float64(max(seqNone.Tasks, 1)), unitfmt.TimeSpaced)))
		if poolNone != nil && poolNone.Speedup.Valid() {
			j.notes = append(j.notes, say("pool speedup without fsync %s", poolNone.Speedup))
		}
	}
}
