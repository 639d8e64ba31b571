package judge

import (
	"fmt"
	"slices"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// A lesson is one row of the verdict table: a claim, the chart that shows
// its evidence and the function that judges it. Its number is its place
// in lessonTable, counted from 1; a run that lacks the lesson's families
// skips its number rather than renumbering the rest.
type lesson struct {
	// ID, when set, names the lesson for the parts of the report that
	// refer to it elsewhere (lessonNumber); its number may change, its ID
	// does not.
	ID string
	// Claim is the claim as the report states it. Its thresholds come
	// from the constants the judge function compares with.
	Claim string
	// Charts lists the kinds of chart (ChartTime, ChartWorkersHash, …)
	// that show the claim's evidence, most wanted first; a chart of one
	// workload is the chart of a workload the verdict rests on.
	Charts []string
	// On reports whether a row of benchmark family is one the claim is
	// judged on: a run gets the verdict only when one of its rows is.
	On func(family string) bool
	// Judge judges the claim: it adds to j the parts (part, partOn), the
	// p-values, notes and missing data the verdict rests on.
	Judge func(j *judge, ev *evidence)
}

// evidence is what a lesson's judge function looks at: the rows of a run
// and each family's selection of them.
type evidence struct {
	rows  []*rundir.Row
	cores float64 // min(procs, numcpu) of the run, see Run.cores
	seed  selection
	io    ioSelection
	flood floodSelection
	crash []*rundir.Row // the Crash rows of one workload at its highest procs
}

// newEvidence selects the rows each family of lessons looks at.
func newEvidence(rows []*rundir.Row, cores float64) *evidence {
	return &evidence{
		rows:  rows,
		cores: cores,
		seed:  selectRows(rows),
		io:    selectIO(rows),
		flood: SelectFlood(rows),
		crash: PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == CrashFamily }, nil),
	}
}

// LessonTable returns the lessons in the order of their numbers: the
// eight seed lessons, the real I/O claims, the flood claims and crash
// isolation. A new lesson is one more entry, at the end so that the
// numbers of the others stay.
func LessonTable() []lesson {
	return []lesson{
		{
			Claim:  fmt.Sprintf("I/O-bound work speeds up with concurrency: on sleep, spawn and pool with workers ≥ tasks reach efficiency ≥ %.1f against the ideal ⌈tasks/concurrency⌉·d.", IOEfficiency),
			Charts: []string{ChartTime}, On: isSeedFamily, Judge: lessonIO,
		},
		{
			Claim:  "The GIL analogue does not stop I/O concurrency: gil on sleep is within " + unitfmt.Percent(stat.SameWithin) + " of spawn.",
			Charts: []string{ChartTime}, On: isSeedFamily, Judge: lessonGILIO,
		},
		{
			Claim:  "The GIL analogue stops CPU parallelism: gil on coarse hash is within " + unitfmt.Percent(stat.SameWithin) + " of sequential.",
			Charts: []string{ChartTime}, On: isSeedFamily, Judge: lessonGILCPU,
		},
		{
			Claim: fmt.Sprintf("Real parallelism speeds CPU work up to the core count: pool, spawn and process reach ≥ %.2f × min(cores, tasks) speedup on coarse hash (cores = min(procs, numcpu)).", CPUSpeedupFrac),
			ID:    LessonCPUID, Charts: []string{ChartTime}, On: isSeedFamily, Judge: lessonCPU,
		},
		{
			Claim:  fmt.Sprintf("Pool size: for CPU work (coarse hash), workers = cores is as fast as more workers (within %s); for I/O work (sleep), more workers help (largest pool ≥ %s faster than smallest).", unitfmt.Percent(stat.SameWithin), unitfmt.Percent(MoreHelps-1)),
			Charts: []string{ChartWorkersHash, ChartTime}, On: isSeedFamily, Judge: lessonPoolSize,
		},
		{
			Claim:  fmt.Sprintf("Processes cost more to start: on fine hash, exec's time per task is ≥ %.0f× spawn's, and process amortizes it (exec ≥ %.0f× process).", FarAbove, FarAbove),
			Charts: []string{ChartTime}, On: isSeedFamily, Judge: lessonProcessCost,
		},
		{
			Claim:  "Shared state needs synchronization: sync=none loses updates when procs > 1 (spawn or pool); every other sync variant is exact (lost-updates/op = 0).",
			Charts: []string{ChartCounterLost, ChartCounterThroughput}, On: isSeedFamily, Judge: lessonSharedState,
		},
		{
			Claim:  "Fine-grained tasks: per-task overhead can exceed the work: some strategies lose to sequential on fine hash (named here).",
			Charts: []string{ChartTime}, On: isSeedFamily, Judge: lessonFineGrained,
		},
		{
			Claim:  fmt.Sprintf("Real network I/O overlaps like sleep: on fetch (loopback HTTP GETs the server answers after d), spawn reaches efficiency ≥ %.1f against the ideal ⌈tasks/concurrency⌉·d.", IOEfficiency),
			Charts: []string{ChartTime}, On: isIOFamily, Judge: lessonFetchOverlap,
		},
		{
			Claim:  fmt.Sprintf("Reusing connections matters: on fetch with d=0s, a new connection per task (client=per-task) takes ≥ %.1f× the time of one shared client, significantly, under sequential and under pool.", ReuseHelps),
			Charts: []string{ChartTime}, On: isIOFamily, Judge: lessonConnReuse,
		},
		{
			Claim:  fmt.Sprintf("fsync is a wait that concurrency overlaps: on file with sync=fsync, pool is ≥ %.1f× faster than sequential, significantly.", OverlapHelps),
			Charts: []string{ChartTime}, On: isIOFamily, Judge: lessonFsync,
		},
		{
			Claim:  "A pool bounds memory: on the flood, every bounded strategy's (pool and the library adapters, at every worker count) peak goroutine stacks are below spawn's, significantly.",
			Charts: []string{FloodChart}, On: isFamily(floodFamily), Judge: lessonPoolBoundsMemory,
		},
		{
			Claim:  "ants' README: \"a pool may achieve higher performance than unlimited goroutines\": on the flood, some bounded strategy (pool or a library adapter, at some worker count) is significantly faster than spawn; FAIL if spawn is significantly faster than every one.",
			Charts: []string{FloodChart}, On: isFamily(floodFamily), Judge: lessonPoolFaster,
		},
		{
			Claim:  "Processes contain a crash; in-process strategies lose the program: when task k dies in a way no recover catches (crash: a panic in a goroutine of its own), every process-based strategy (process, exec) survives with an error for the batch and runs the next batch, and every in-process strategy loses the program with every result of the batch.",
			Charts: []string{CrashChart}, On: isFamily(CrashFamily), Judge: lessonCrashIsolation,
		},
	}
}

// JudgeLessons judges every lesson of table that rows allow (see
// lesson.On), each numbered by its place in table, counted from 1.
func JudgeLessons(table []lesson, rows []*rundir.Row, cores float64) []Verdict {
	e := newEvidence(rows, cores)
	var vs []Verdict
	for i, l := range table {
		if !slices.ContainsFunc(rows, func(r *rundir.Row) bool { return r.Bench.Suite && l.On(r.Bench.Family) }) {
			continue
		}
		var j judge
		l.Judge(&j, e)
		v := j.verdict(i+1, l.Claim)
		v.Charts = chartIDs(l.Charts, j.cited)
		vs = append(vs, v)
	}
	return vs
}

// isFamily returns the lesson.On of the lessons judged on one family.
func isFamily(family string) func(string) bool {
	return func(f string) bool { return f == family }
}

// isIOFamily reports whether family is one of the real I/O claims'.
func isIOFamily(family string) bool {
	switch family {
	case runfile.FamilyFetch, runfile.FamilyFetchClient, runfile.FamilyFile:
		return true
	}
	return false
}

// LessonCPUID is the ID of the lesson on CPU parallelism, which the
// machine-ceiling table under the verdicts refers to.
const LessonCPUID = "cpu-parallelism"

// LessonNumber returns the number of the lesson called id in table, 0 if
// none is.
func LessonNumber(table []lesson, id string) int {
	for i, l := range table {
		if l.ID == id {
			return i + 1
		}
	}
	return 0
}
