package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"

	"github.com/concbench/concbench/runfile"
)

// The crash: bench's Crash family, a batch whose task k kills its process
// in a way no recover catches (a panic in a goroutine of its own), each
// batch run under one strategy in a child process of the benchmark and
// followed by the same batch with no task crashing. Its verdict reads the
// metrics of each row rather than its time: survived (1 when the child
// ran to its end), delivered (how many of the batch's other task results
// reached the strategy before Run returned its error) and next-batch (1
// when the next batch ran correctly), each the share or mean over a
// sample's ops.

// The crash rows (runfile.FamilyCrash): their ns/op is a child process's
// whole life, compared by no verdict: the driver's noise re-runs give
// them more samples only while they have fewer than MinSamples. Their
// metrics are in the crash units (runfile.UnitSurvived,
// runfile.UnitDelivered, runfile.UnitNextBatch).

// crashVerdicts judges the crash-isolation lesson; a run without Crash
// rows gets none.
func crashVerdicts(rows []*Row) []Verdict {
	if !slices.ContainsFunc(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyCrash }) {
		return nil
	}
	return []Verdict{lessonCrashIsolation(pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyCrash }, nil))}
}

// sampleRange returns the smallest and largest value of unit in r, ok
// false when r lacks it.
func sampleRange(r *Row, unit string) (lo, hi float64, n int, ok bool) {
	m := r.Bench.Metric(unit)
	if m == nil || len(m.Values) == 0 {
		return math.NaN(), math.NaN(), 0, false
	}
	return slices.Min(m.Values), slices.Max(m.Values), len(m.Values), true
}

func lessonCrashIsolation(rows []*Row) Verdict {
	claim := "Processes contain a crash; in-process strategies lose the program: when task k dies in a way no recover catches (crash: a panic in a goroutine of its own), every process-based strategy (process, exec) survives with an error for the batch and runs the next batch, and every in-process strategy loses the program with every result of the batch."
	v := Verdict{Claim: claim, P: "—", Figure: "—", Outcome: Inconclusive}
	for _, r := range rows {
		v.Rows = append(v.Rows, r.Bench.Name)
	}
	var missing, contained, escaped, lost, kept []string
	fewest := 0
	sawProcess, sawInProcess := false, false
	for _, r := range rows {
		units := []string{runfile.UnitSurvived}
		if r.Props.Processes {
			units = append(units, runfile.UnitNextBatch)
		}
		complete, enough := true, true
		for _, u := range units {
			_, _, n, ok := sampleRange(r, u)
			if !ok {
				missing = append(missing, r.Strategy+" "+u)
				complete = false
				continue
			}
			if n < MinSamples {
				enough = false
				if fewest == 0 || n < fewest {
					fewest = n
				}
			}
		}
		if !complete {
			continue
		}
		if r.Props.Processes {
			sawProcess = true
		} else {
			sawInProcess = true
		}
		if !enough {
			// Like a part of judge: too few samples to conclude, either way.
			continue
		}
		survLo, survHi, _, _ := sampleRange(r, runfile.UnitSurvived)
		if !r.Props.Processes {
			if survHi == 0 {
				lost = append(lost, r.Strategy)
			} else {
				kept = append(kept, fmt.Sprintf("%s survived in %s of its samples", r.Strategy, share(r, runfile.UnitSurvived)))
			}
			continue
		}
		nextLo, _, _, _ := sampleRange(r, runfile.UnitNextBatch)
		delivered := "no delivered count"
		if m, ok := metricOf(r, runfile.UnitDelivered); ok {
			delivered = fmt.Sprintf("%.3g of %d other results delivered", m.Summary.Center, max(r.Tasks-1, 0))
		}
		if survLo == 1 && nextLo == 1 {
			contained = append(contained, fmt.Sprintf("%s survived, %s, next batch ran", r.Strategy, delivered))
		} else {
			escaped = append(escaped, fmt.Sprintf("%s survived in %s of its samples, next batch ran in %s", r.Strategy, share(r, runfile.UnitSurvived), share(r, runfile.UnitNextBatch)))
		}
	}
	if !sawProcess {
		missing = append(missing, "Crash rows of a process-based strategy")
	}
	if !sawInProcess {
		missing = append(missing, "Crash rows of an in-process strategy")
	}
	var figs []string
	figs = append(figs, contained...)
	figs = append(figs, escaped...)
	if len(lost) > 0 {
		figs = append(figs, strings.Join(lost, ", ")+": program lost, no result delivered")
	}
	figs = append(figs, kept...)
	if len(figs) > 0 {
		v.Figure = strings.Join(figs, "; ")
	}
	var notes []string
	switch {
	case len(escaped) > 0 || len(kept) > 0:
		v.Outcome = Fail
		if len(escaped) > 0 {
			notes = append(notes, "a process-based strategy lost the program or its next batch")
		}
		if len(kept) > 0 {
			notes = append(notes, "an in-process strategy survived a crash no recover catches")
		}
	case len(missing) > 0 || fewest > 0:
		if len(missing) > 0 {
			notes = append(notes, "no data: "+strings.Join(missing, ", "))
		}
		if fewest > 0 {
			notes = append(notes, tooFew(fewest))
		}
	default:
		v.Outcome = Pass
	}
	if v.Outcome == Fail && fewest > 0 {
		notes = append(notes, "other rows: "+tooFew(fewest))
	}
	v.Note = strings.Join(notes, "; ")
	return v
}

// share writes the mean of a 0/1 metric over r's samples as a percentage.
func share(r *Row, unit string) string {
	m := r.Bench.Metric(unit)
	if m == nil || len(m.Values) == 0 {
		return "no"
	}
	sum := 0.0
	for _, x := range m.Values {
		sum += x
	}
	return fmt.Sprintf("%.0f %%", 100*sum/float64(len(m.Values)))
}

// CrashChart is the name of the chart of the crash: per strategy, the
// share of ops in which the program survived and in which the next batch
// ran, and the share of the other tasks' results delivered.
const CrashChart = "crash-isolation"

// ChartCrash draws, for each Crash row (one workload at its highest
// procs), three dots in the strategy's colour with their intervals: the
// program survived, results delivered (of the batch's other tasks) and
// the next batch ran, each from 0 to 1. It returns nil when the run has
// no Crash row with those metrics.
func ChartCrash(rows []*Row, pal *Palette) (*plot.Plot, error) {
	crash := pickWorkload(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyCrash }, nil)
	measures := []string{"program survived", "other results delivered", "next batch ran"}
	type series struct {
		xs []float64
		ys []Summary
	}
	var order []string
	by := map[string]*series{}
	for j, r := range crash {
		others := float64(max(r.Tasks-1, 1))
		for i, u := range []string{runfile.UnitSurvived, runfile.UnitDelivered, runfile.UnitNextBatch} {
			m, ok := metricOf(r, u)
			if !ok {
				continue
			}
			s := m.Summary
			if u == runfile.UnitDelivered {
				s = Summary{Center: s.Center / others, Lo: s.Lo / others, Hi: s.Hi / others, N: s.N, Confidence: s.Confidence}
			}
			if by[r.Strategy] == nil {
				by[r.Strategy] = &series{}
				order = append(order, r.Strategy)
			}
			off := (float64(j) - float64(len(crash)-1)/2) * 0.7 / float64(len(crash))
			by[r.Strategy].xs = append(by[r.Strategy].xs, float64(i)+off)
			by[r.Strategy].ys = append(by[r.Strategy].ys, s)
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	p := newPlot(fmt.Sprintf("Crash isolation: %s, procs=%d", crash[0].Workload, crash[0].Procs), "", "share (0 to 1; "+ciNote+")")
	for _, st := range order {
		if err := addDots(p, pal.Style(st), st, by[st].xs, by[st].ys, 1, false, false); err != nil {
			return nil, err
		}
	}
	nominalX(p, measures...)
	p.Y.Min, p.Y.Max = -0.05, 1.1
	return p, nil
}
