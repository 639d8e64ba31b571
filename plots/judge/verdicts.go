package judge

import (
	"slices"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// Thresholds of the lessons (see the package documentation).
const (
	IOEfficiency   = 0.8  // I/O-bound work (sleep, fetch): efficiency at least
	SameWithin     = 0.10 // "the same" is within 10 % (GIL analogue, pool size, answer)
	CPUSpeedupFrac = 0.85 // real parallelism: share of min(cores, tasks)
	FarAbove       = 10.0 // process start cost: "far above" is at least 10×
	MoreHelps      = 1.10 // pool size: more I/O workers are ≥ 10 % faster
)

// A Verdict restates one lesson of the table (lessonTable), or one claim
// of the Go vs CPython comparison, as a claim and judges it on the data.
type Verdict struct {
	Lesson  int
	Claim   string
	Outcome stat.Outcome
	// Figure is the evidence: the figures compared with the threshold.
	Figure string
	// P lists the Mann-Whitney U p-values behind the verdict, "—" when no
	// two samples are compared.
	P string
	// Noisy is set when a sample behind the verdict has an interval
	// wider than ±5 % of its median.
	Noisy bool
	// Note explains an INCONCLUSIVE (straddled threshold, missing data,
	// not significant) or adds a statement (the shared-state lesson's ranking).
	Note string
	// Rows are the names of the benchmarks behind the verdict (Benchmark
	// Name, without "Benchmark"); the driver re-runs them first.
	Rows []string
	// Chart lists the charts the verdict links, as its lesson's patterns
	// of chart names (lesson.Chart); nil links none.
	Chart []string
}

// Verdicts judges the lessons of LessonTable on rows, the rows of run: the eight seed
// lessons, the real I/O claims (fetch, file), the flood claims and crash
// isolation, each numbered by its place in the table. A lesson whose data
// is absent is INCONCLUSIVE with "no data: …"; a run with no row of a
// lesson's families (for the seed lessons Sleep, Hash, Counter and their
// sweeps), such as a user's own workload, does not get that lesson at all.
func Verdicts(run *rundir.Run, rows []*rundir.Row) []Verdict {
	return JudgeLessons(LessonTable(), rows, run.Cores())
}

// selection holds the rows each lesson looks at.
type selection struct {
	sleep, coarse, fine []*rundir.Row // main families, one workload at one procs
	// fineSmaller are the rows of the fine workload measured at a smaller
	// batch (exec: see smallerBatches).
	fineSmaller         []*rundir.Row
	sleepWork, hashWork []*rundir.Row // worker sweeps, strategy pool/process
	counter             []*rundir.Row // all counter rows
}

// selectRows picks, for each main workload, the rows at the highest procs
// (the parallel case); among several sleep workloads the first, among
// several coarse hash workloads the largest, among fine ones the smallest.
func selectRows(rows []*rundir.Row) selection {
	var s selection
	s.sleep = PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == runfile.FamilySleep }, nil)
	s.coarse = PickWorkload(rows, func(r *rundir.Row) bool {
		return r.Bench.Family == runfile.FamilyHash && rundir.HashGrain(r.Bench) == "coarse"
	},
		func(a, b *rundir.Row) bool { return rundir.HashBytes(a.Bench) > rundir.HashBytes(b.Bench) })
	s.fine = PickWorkload(rows, func(r *rundir.Row) bool {
		return r.Bench.Family == runfile.FamilyHash && rundir.HashGrain(r.Bench) == "fine"
	},
		func(a, b *rundir.Row) bool { return rundir.HashBytes(a.Bench) < rundir.HashBytes(b.Bench) })
	if len(s.fine) > 0 {
		s.fineSmaller = smallerBatches(rows, s.fine)
	}
	s.sleepWork = PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == runfile.FamilySleepWorkers }, nil)
	s.hashWork = PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == runfile.FamilyHashWorkers },
		func(a, b *rundir.Row) bool { return rundir.HashBytes(a.Bench) > rundir.HashBytes(b.Bench) })
	for _, r := range rows {
		if r.Bench.Family == runfile.FamilyCounter {
			s.counter = append(s.counter, r)
		}
	}
	return s
}

// PickWorkload returns the rows matching keep that belong to one workload
// (the first, or the best by better) at that workload's highest procs.
func PickWorkload(rows []*rundir.Row, keep func(*rundir.Row) bool, better func(a, b *rundir.Row) bool) []*rundir.Row {
	var first *rundir.Row
	for _, r := range rows {
		if keep(r) && (first == nil || better != nil && better(r, first)) {
			first = r
		}
	}
	if first == nil {
		return nil
	}
	procs := 0
	for _, r := range rows {
		if keep(r) && r.Workload == first.Workload {
			procs = max(procs, r.Procs)
		}
	}
	var out []*rundir.Row
	for _, r := range rows {
		if keep(r) && r.Workload == first.Workload && r.Procs == procs {
			out = append(out, r)
		}
	}
	return out
}

// find returns the first row with the strategy (and, if workers > 0, the
// workers) given, or nil.
func find(rows []*rundir.Row, strategy string, workers int) *rundir.Row {
	for _, r := range rows {
		if r.Strategy == strategy && (workers == 0 || r.Workers == workers) {
			return r
		}
	}
	return nil
}

// isSeedFamily reports whether family is one the seed lessons judge.
func isSeedFamily(family string) bool {
	switch rundir.KindOf(family) {
	case rundir.KindSleep, rundir.KindHash, rundir.KindCounter:
		return true
	}
	return false
}

// OpenRows names the benchmarks of run (Benchmark Name, without "Benchmark")
// behind a conclusion of the report that is still open: every row behind
// an INCONCLUSIVE verdict, and in every workload of the answer table whose
// recommended strategy is neither the fastest nor within 10 % of it, the
// fastest and the recommended. More samples of these can close them, so
// the driver re-runs them first.
func OpenRows(run *rundir.Run) map[string]bool {
	rows := run.Derive()
	set := map[string]bool{}
	for _, v := range Verdicts(run, rows) {
		if v.Outcome != stat.Inconclusive {
			continue
		}
		for _, n := range v.Rows {
			set[n] = true
		}
	}
	for _, c := range Choose(rows) {
		k := c.Recommended
		if k == nil || k.Row == c.Fastest || k.Ratio.Hi <= 1+SameWithin {
			continue
		}
		set[c.Fastest.Bench.Name] = true
		set[k.Row.Bench.Name] = true
	}
	return set
}

// MainWorkloads groups the rows of the given families by workload, each at
// its highest procs, in order of first appearance, leaving out smaller
// batches of a workload measured at a larger one too (isSmallerBatch).
func MainWorkloads(rows []*rundir.Row, families ...string) [][]*rundir.Row {
	var seen []string
	var out [][]*rundir.Row
	for _, r := range rows {
		if !slices.Contains(families, r.Bench.Family) || slices.Contains(seen, r.Workload) {
			continue
		}
		seen = append(seen, r.Workload)
		w := r.Workload
		ws := PickWorkload(rows, func(q *rundir.Row) bool { return q.Workload == w && q.Bench.Family == r.Bench.Family }, nil)
		if IsSmallerBatch(rows, ws) {
			continue // exec's batch of the fine hash: ranked per task, not charted alone
		}
		out = append(out, ws)
	}
	return out
}
