package judge

import (
	"math"
	"slices"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// The judge: every verdict, of a lesson of the table (lessonTable) or of
// the Go vs CPython comparison, is assembled by one judge from its parts,
// so that every verdict states missing data, too few samples and wide
// intervals the same way.

// judge collects the parts of one verdict.
type judge struct {
	outs    []stat.Outcome
	parts   []Part
	ps      []PValue
	notes   []Phrase
	missing []string
	noisy   bool
	// wide holds each noisy row behind an open part once.
	wide []WideRow
	// fewest is the smallest sample count below MinSamples among the
	// rows behind a part, 0 if every row has enough.
	fewest int
	// rows names the benchmarks behind the parts, each once; cited are
	// the rows among them, in order.
	rows  []string
	cited []*rundir.Row
}

// cite names rows as behind the verdict without judging them: the
// benchmarks the driver re-runs first while the verdict is open.
func (j *judge) cite(rows ...*rundir.Row) {
	for _, r := range rows {
		if r != nil && !slices.Contains(j.cited, r) {
			j.cited = append(j.cited, r)
		}
		if r != nil {
			j.citeName(r.Bench.Name)
		}
	}
}

// citeName names one benchmark as behind the verdict, once.
func (j *judge) citeName(name string) {
	if !slices.Contains(j.rows, name) {
		j.rows = append(j.rows, name)
	}
}

// part adds one part of the claim, judged o from the time (ns/op) of the
// rows given and of their baselines. A part whose rows (or their
// baselines) include one with fewer than MinSamples samples is
// INCONCLUSIVE, whatever o says.
func (j *judge) part(o stat.Outcome, figure Phrase, rows ...*rundir.Row) {
	for _, r := range rows {
		j.cite(r)
		n := r.Time.N
		if r.Baseline != nil {
			j.citeName(r.Baseline.Name)
			n = min(n, r.Baseline.Metric(runfile.UnitNsPerOp).Summary.N)
		}
		o = j.sampled(o, r.Time, n)
	}
	j.add(o, figure, rows, func(r *rundir.Row) stat.Summary { return r.Time })
}

// partOn adds one part of the claim judged o from the metric unit of the
// rows given (peak-stack-B, survived, …), not their time: a row's sample
// count and interval are those of unit, rows without unit are skipped,
// and baselines are not consulted. As with part, too few samples make
// the part INCONCLUSIVE.
func (j *judge) partOn(unit string, o stat.Outcome, figure Phrase, rows ...*rundir.Row) {
	var with []*rundir.Row
	for _, r := range rows {
		m := r.Bench.Metric(unit)
		if m == nil {
			continue
		}
		with = append(with, r)
		j.cite(r)
		o = j.sampled(o, m.Summary, m.Summary.N)
	}
	j.add(o, figure, with, func(r *rundir.Row) stat.Summary { return r.Bench.Metric(unit).Summary })
}

// sampled records the sample count n and the interval s of one row
// behind a part, and returns o, or INCONCLUSIVE when n < MinSamples.
func (j *judge) sampled(o stat.Outcome, s stat.Summary, n int) stat.Outcome {
	j.noisy = j.noisy || s.Noisy()
	if n >= stat.MinSamples {
		return o
	}
	if j.fewest == 0 || n < j.fewest {
		j.fewest = n
	}
	return stat.Inconclusive
}

// add records a part's outcome and figure. Only a part left open names
// its wide rows (by the summary of the part's measure): more samples of
// them could decide it. A part decided from a tight (paired) figure needs
// none, however wide a row's own interval.
func (j *judge) add(o stat.Outcome, figure Phrase, rows []*rundir.Row, measure func(*rundir.Row) stat.Summary) {
	if o == stat.Inconclusive {
		for _, r := range rows {
			s := measure(r)
			if !s.Noisy() {
				continue
			}
			w := WideRow{Name: rundir.RowName(r), HalfWidth: s.RelHalfWidth(), N: s.N}
			if !slices.Contains(j.wide, w) {
				j.wide = append(j.wide, w)
			}
		}
	}
	j.outs = append(j.outs, o)
	j.parts = append(j.parts, Part{Outcome: o, Figure: figure})
}

// p adds a p-value to the verdict, labelled; a NaN p (no test) adds none.
func (j *judge) p(label string, p float64) {
	if !math.IsNaN(p) {
		j.ps = append(j.ps, PValue{Label: label, P: p})
	}
}

// verdict assembles the verdict numbered lesson on claim: FAIL if a part
// failed, else INCONCLUSIVE if a part is open or data are missing (or no
// part was judged), else PASS. Its note names, in this order, the missing
// data, too few samples, the notes of the judge function and, for an
// INCONCLUSIVE verdict, the open rows whose intervals are wider than
// ±NoisyWidth.
func (j *judge) verdict(lesson int, claim string) Verdict {
	v := Verdict{Lesson: lesson, Claim: claim, Parts: j.parts, Ps: j.ps, Noisy: j.noisy, Missing: j.missing, Fewest: j.fewest, Notes: j.notes, Rows: j.rows}
	switch {
	case len(j.outs) == 0:
		v.Outcome = stat.Inconclusive
	case slices.Contains(j.outs, stat.Fail):
		v.Outcome = stat.Fail
	case slices.Contains(j.outs, stat.Inconclusive) || len(j.missing) > 0:
		v.Outcome = stat.Inconclusive
	default:
		v.Outcome = stat.Pass
	}
	if v.Outcome == stat.Inconclusive {
		// Name what would make the verdict conclusive: the rows whose
		// intervals are still wide (more samples: COUNT, NOISE_BUDGET).
		v.Wide = j.wide
	}
	return v
}

// significant turns a PASS into INCONCLUSIVE when the comparison behind
// it is not significant at Alpha: a claim that two figures differ needs
// p < Alpha besides its interval. A NaN p (too few samples for a test)
// adds no note: part says why.
func (j *judge) significant(o stat.Outcome, p float64, what string) stat.Outcome {
	return j.needP(o, stat.Pass, p, what)
}

// differs turns a FAIL into INCONCLUSIVE when the comparison behind it is
// not significant: the failure of a claim of sameness ("within 10 %") is a
// claim of a difference.
func (j *judge) differs(o stat.Outcome, p float64, what string) stat.Outcome {
	return j.needP(o, stat.Fail, p, what)
}

// needP returns o unchanged unless it is the outcome claim that needs a
// significant difference and p ≥ Alpha; then INCONCLUSIVE, with a note
// saying what was not significant when a test ran.
func (j *judge) needP(o, claim stat.Outcome, p float64, what string) stat.Outcome {
	if o != claim || p < stat.Alpha {
		return o
	}
	if !math.IsNaN(p) {
		j.notes = append(j.notes, say("%s not significant at α = %.2f", what, stat.Alpha))
	}
	return stat.Inconclusive
}
