package judge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// Thresholds of the lessons (see the package documentation).
const (
	IOEfficiency   = 0.8  // I/O-bound work (sleep, fetch): efficiency at least
	CPUSpeedupFrac = 0.85 // real parallelism: share of min(cores, tasks)
	FarAbove       = 10.0 // process start cost: "far above" is at least 10×
	MoreHelps      = 1.10 // pool size: more I/O workers are ≥ 10 % faster
)

// A Verdict restates one lesson of the table (lessonTable), or one claim
// of the Go vs CPython comparison, as a claim and judges it on the data.
//
// A Verdict carries numbers, not text: its figures are Phrases, its
// p-values numbers; Figure, P and Note write them as the report does.
type Verdict struct {
	Lesson  int
	Claim   string
	Outcome stat.Outcome
	// Parts are the parts of the claim, each judged on its figure: the
	// figures compared with the thresholds.
	Parts []Part
	// Ps are the Mann-Whitney U p-values behind the verdict, labelled.
	Ps []PValue
	// Noisy is set when a sample behind the verdict has an interval
	// wider than ±NoisyWidth of its median.
	Noisy bool
	// Missing names the data the verdict lacks ("Sleep strategy=spawn").
	Missing []string
	// Fewest is the smallest sample count below MinSamples among the
	// rows behind a part; 0 when every row has enough.
	Fewest int
	// Notes explain an INCONCLUSIVE (a difference not significant) or add
	// a statement (the shared-state lesson's ranking).
	Notes []Phrase
	// Wide are the rows behind an INCONCLUSIVE part whose intervals are
	// wider than ±NoisyWidth: more samples of them could decide it.
	Wide []WideRow
	// Rows are the names of the benchmarks behind the verdict (Benchmark
	// Name, without "Benchmark"); the driver re-runs them first.
	Rows []string
	// Charts are the charts that show the verdict's evidence, the most
	// wanted first; the report links the first it has drawn.
	Charts []ChartID
}

// A Part is one part of a verdict's claim: its outcome and its figure.
type Part struct {
	Outcome stat.Outcome
	Figure  Phrase
}

// A PValue is one Mann-Whitney U p-value and what it compares.
type PValue struct {
	Label string
	P     float64
}

// A WideRow is a row whose interval is wider than ±NoisyWidth: its
// strategy (with workers), its half-width relative to its median and its
// sample count.
type WideRow struct {
	Name      string
	HalfWidth float64
	N         int
}

// Figure writes the figures of the parts, "; " between them, "—" when
// there is none.
func (v Verdict) Figure() string {
	figs := make([]Phrase, 0, len(v.Parts))
	for _, p := range v.Parts {
		figs = append(figs, p.Figure)
	}
	if s := joinPhrases(figs, "; ").String(); s != "" {
		return s
	}
	return "—"
}

// P writes the p-values, "0.002 (spawn vs sequential); …", "—" when no
// two samples were compared.
func (v Verdict) P() string {
	if len(v.Ps) == 0 {
		return "—"
	}
	ps := make([]string, len(v.Ps))
	for i, p := range v.Ps {
		ps[i] = fmt.Sprintf("%s (%s)", unitfmt.Pval(p.P), p.Label)
	}
	return strings.Join(ps, "; ")
}

// Note writes what the verdict notes, in this order: the missing data,
// too few samples, the notes and, when the verdict is open, its wide rows.
func (v Verdict) Note() string {
	var notes []string
	if len(v.Missing) > 0 {
		notes = append(notes, "no data: "+strings.Join(v.Missing, ", "))
	}
	if v.Fewest > 0 {
		notes = append(notes, stat.TooFew(v.Fewest))
	}
	for _, n := range v.Notes {
		notes = append(notes, n.String())
	}
	if len(v.Wide) > 0 {
		ws := make([]string, len(v.Wide))
		for i, w := range v.Wide {
			ws[i] = fmt.Sprintf("%s ±%.1f %% (n=%d)", w.Name, 100*w.HalfWidth, w.N)
		}
		notes = append(notes, fmt.Sprintf("wider than ±%.0f %%: %s", 100*stat.NoisyWidth, strings.Join(ws, ", ")))
	}
	return strings.Join(notes, "; ")
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
		s.fineSmaller = answer.SmallerBatches(rows, s.fine)
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
		if answer.IsSmallerBatch(rows, ws) {
			continue // exec's batch of the fine hash: ranked per task, not charted alone
		}
		out = append(out, ws)
	}
	return out
}
