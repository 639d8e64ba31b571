package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// An Outcome is the answer of a verdict.
type Outcome string

// The outcomes of a verdict.
const (
	Pass         Outcome = "PASS"
	Fail         Outcome = "FAIL"
	Inconclusive Outcome = "INCONCLUSIVE"
)

// Thresholds of the lessons (see the package documentation).
const (
	IOEfficiency   = 0.8  // lesson 1
	SameWithin     = 0.10 // lessons 2, 3 and 5: "within 10 %"
	CPUSpeedupFrac = 0.85 // lesson 4
	FarAbove       = 10.0 // lesson 6: "far above" is at least 10×
	MoreHelps      = 1.10 // lesson 5: more I/O workers are ≥ 10 % faster
)

// A Verdict restates one seed lesson as a claim and judges it on the data.
type Verdict struct {
	Lesson  int
	Claim   string
	Outcome Outcome
	// Figure is the evidence: the figures compared with the threshold.
	Figure string
	// P lists the Mann-Whitney U p-values behind the verdict, "—" when no
	// two samples are compared.
	P string
	// Noisy is set when a sample behind the verdict has an interval
	// wider than ±5 % of its median.
	Noisy bool
	// Note explains an INCONCLUSIVE (straddled threshold, missing data,
	// not significant) or adds a statement (lesson 7's ranking).
	Note string
	// Rows are the names of the benchmarks behind the verdict (Benchmark
	// Name, without "Benchmark"); the driver re-runs them first.
	Rows []string
}

// judge collects the parts of one verdict.
type judge struct {
	outs    []Outcome
	figures []string
	ps      []string
	notes   []string
	missing []string
	noisy   bool
	// noisyRows names each noisy row behind the verdict once, with its
	// final interval: "gil ±7.4 % (n=10)".
	noisyRows []string
	// fewest is the smallest sample count below MinSamples among the
	// rows behind a part, 0 if every row has enough.
	fewest int
	// rows names the benchmarks behind the parts, each once.
	rows []string
}

// part adds one part of the claim, judged o from the rows given. A part
// whose rows (or their baselines) include one with fewer than MinSamples
// samples is INCONCLUSIVE, whatever o says.
func (j *judge) part(o Outcome, figure string, rows ...*Row) {
	for _, r := range rows {
		for _, b := range []*Benchmark{r.Bench, r.Baseline} {
			if b != nil && !slices.Contains(j.rows, b.Name) {
				j.rows = append(j.rows, b.Name)
			}
		}
		j.noisy = j.noisy || r.Noisy
		n := r.Time.N
		if r.Baseline != nil {
			n = min(n, r.Baseline.Metric(runfile.UnitNsPerOp).Summary.N)
		}
		if n < MinSamples {
			o = Inconclusive
			if j.fewest == 0 || n < j.fewest {
				j.fewest = n
			}
		}
	}
	// Only a part left open names its wide rows: more samples of them
	// could decide it. A part decided from a tight (paired) figure needs
	// none, however wide a row's own interval.
	if o == Inconclusive {
		for _, r := range rows {
			if !r.Noisy {
				continue
			}
			d := fmt.Sprintf("%s ±%.1f %% (n=%d)", rowName(r), 100*r.Time.RelHalfWidth(), r.Time.N)
			if !slices.Contains(j.noisyRows, d) {
				j.noisyRows = append(j.noisyRows, d)
			}
		}
	}
	j.outs = append(j.outs, o)
	j.figures = append(j.figures, figure)
}

// tooFew is the note of a verdict with too few samples.
func tooFew(n int) string {
	return fmt.Sprintf("too few samples: n=%d, need %d", n, MinSamples)
}

func (j *judge) p(label string, p float64) {
	if !math.IsNaN(p) {
		j.ps = append(j.ps, fmt.Sprintf("%s (%s)", pval(p), label))
	}
}

func (j *judge) verdict(lesson int, claim string) Verdict {
	v := Verdict{Lesson: lesson, Claim: claim, Noisy: j.noisy, P: "—", Rows: j.rows}
	if len(j.ps) > 0 {
		v.P = strings.Join(j.ps, "; ")
	}
	v.Figure = strings.Join(j.figures, "; ")
	notes := j.notes
	if j.fewest > 0 {
		notes = append([]string{tooFew(j.fewest)}, notes...)
	}
	if len(j.missing) > 0 {
		notes = append([]string{"no data: " + strings.Join(j.missing, ", ")}, notes...)
	}
	switch {
	case len(j.outs) == 0:
		v.Outcome = Inconclusive
	case slices.Contains(j.outs, Fail):
		v.Outcome = Fail
	case slices.Contains(j.outs, Inconclusive) || len(j.missing) > 0:
		v.Outcome = Inconclusive
	default:
		v.Outcome = Pass
	}
	if v.Outcome == Inconclusive && len(j.noisyRows) > 0 {
		// Name what would make the verdict conclusive: the rows whose
		// intervals are still wide (more samples: COUNT, NOISE_BUDGET).
		notes = append(notes, "wider than ±5 %: "+strings.Join(j.noisyRows, ", "))
	}
	v.Note = strings.Join(notes, "; ")
	if v.Figure == "" {
		v.Figure = "—"
	}
	return v
}

// atLeast judges e ≥ thr: PASS if the whole interval is at or above thr,
// FAIL if it is entirely below, else INCONCLUSIVE.
func atLeast(e Estimate, thr float64) Outcome {
	switch {
	case e.Lo >= thr:
		return Pass
	case e.Hi < thr:
		return Fail
	}
	return Inconclusive
}

// atMost judges e ≤ thr the same way.
func atMost(e Estimate, thr float64) Outcome {
	switch {
	case e.Hi <= thr:
		return Pass
	case e.Lo > thr:
		return Fail
	}
	return Inconclusive
}

// within judges lo ≤ e ≤ hi the same way.
func within(e Estimate, lo, hi float64) Outcome {
	switch {
	case e.Lo >= lo && e.Hi <= hi:
		return Pass
	case e.Hi < lo || e.Lo > hi:
		return Fail
	}
	return Inconclusive
}

// significant turns a PASS into INCONCLUSIVE when the comparison behind
// it is not significant at Alpha: a claim that two figures differ needs
// p < Alpha besides its interval. A NaN p (too few samples for a test)
// adds no note: part says why.
func (j *judge) significant(o Outcome, p float64, what string) Outcome {
	return j.needP(o, Pass, p, what)
}

// differs turns a FAIL into INCONCLUSIVE when the comparison behind it is
// not significant: the failure of a claim of sameness ("within 10 %") is a
// claim of a difference.
func (j *judge) differs(o Outcome, p float64, what string) Outcome {
	return j.needP(o, Fail, p, what)
}

func (j *judge) needP(o, claim Outcome, p float64, what string) Outcome {
	if o != claim || p < Alpha {
		return o
	}
	if !math.IsNaN(p) {
		j.notes = append(j.notes, what+" not significant at α = 0.05")
	}
	return Inconclusive
}

// Verdicts judges the eight seed lessons, then the real I/O claims
// (fetch, file), the flood claims and crash isolation, numbered after them. A lesson whose data is absent is
// INCONCLUSIVE with "no data: …"; a run with no row of the lessons'
// families (Sleep, Hash, Counter and their sweeps), such as a user's own
// workload, gets no lesson at all.
func (r *Run) Verdicts(rows []*Row) []Verdict {
	cores := r.cores()
	sel := selectRows(rows)
	vs := []Verdict{
		lessonIO(sel),
		lessonGILIO(sel),
		lessonGILCPU(sel),
		lessonCPU(sel, cores),
		lessonPoolSize(sel, cores),
		lessonProcessCost(sel),
		lessonSharedState(sel),
		lessonFineGrained(sel),
	}
	first := len(vs) + 1
	if !slices.ContainsFunc(rows, func(r *Row) bool { return isSeedFamily(r.Bench.Family) }) {
		// A run of other workloads only (a user's own): the lessons
		// have nothing to judge.
		vs = nil
	}
	for i, v := range slices.Concat(ioVerdicts(rows), floodVerdicts(rows), crashVerdicts(rows)) {
		v.Lesson = first + i
		vs = append(vs, v)
	}
	return vs
}

// selection holds the rows each lesson looks at.
type selection struct {
	sleep, coarse, fine []*Row // main families, one workload at one procs
	// fineSmaller are the rows of the fine workload measured at a smaller
	// batch (exec: see smallerBatches).
	fineSmaller         []*Row
	sleepWork, hashWork []*Row // worker sweeps, strategy pool/process
	counter             []*Row // all counter rows
}

// selectRows picks, for each main workload, the rows at the highest procs
// (the parallel case); among several sleep workloads the first, among
// several coarse hash workloads the largest, among fine ones the smallest.
func selectRows(rows []*Row) selection {
	var s selection
	s.sleep = pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilySleep }, nil)
	s.coarse = pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyHash && hashGrain(r.Bench) == "coarse" },
		func(a, b *Row) bool { return hashBytes(a.Bench) > hashBytes(b.Bench) })
	s.fine = pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyHash && hashGrain(r.Bench) == "fine" },
		func(a, b *Row) bool { return hashBytes(a.Bench) < hashBytes(b.Bench) })
	if len(s.fine) > 0 {
		s.fineSmaller = smallerBatches(rows, s.fine)
	}
	s.sleepWork = pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilySleepWorkers }, nil)
	s.hashWork = pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyHashWorkers },
		func(a, b *Row) bool { return hashBytes(a.Bench) > hashBytes(b.Bench) })
	for _, r := range rows {
		if r.Bench.Family == runfile.FamilyCounter {
			s.counter = append(s.counter, r)
		}
	}
	return s
}

// pickWorkload returns the rows matching keep that belong to one workload
// (the first, or the best by better) at that workload's highest procs.
func pickWorkload(rows []*Row, keep func(*Row) bool, better func(a, b *Row) bool) []*Row {
	var first *Row
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
	var out []*Row
	for _, r := range rows {
		if keep(r) && r.Workload == first.Workload && r.Procs == procs {
			out = append(out, r)
		}
	}
	return out
}

// find returns the first row with the strategy (and, if workers > 0, the
// workers) given, or nil.
func find(rows []*Row, strategy string, workers int) *Row {
	for _, r := range rows {
		if r.Strategy == strategy && (workers == 0 || r.Workers == workers) {
			return r
		}
	}
	return nil
}

// isSeedFamily reports whether family is one the seed lessons judge.
func isSeedFamily(family string) bool {
	switch kind(family) {
	case KindSleep, KindHash, KindCounter:
		return true
	}
	return false
}

// OpenRows names the benchmarks (Benchmark Name, without "Benchmark")
// behind a conclusion of the report that is still open: every row behind
// an INCONCLUSIVE verdict, and in every workload of the answer table whose
// recommended strategy is neither the fastest nor within 10 % of it, the
// fastest and the recommended. More samples of these can close them, so
// the driver re-runs them first.
func (r *Run) OpenRows() map[string]bool {
	rows := r.Derive()
	set := map[string]bool{}
	for _, v := range r.Verdicts(rows) {
		if v.Outcome != Inconclusive {
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
