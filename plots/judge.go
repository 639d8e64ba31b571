package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// The judge: a verdict is assembled by one judge from its parts, so that
// every verdict states missing data, too few samples and wide intervals
// the same way.

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
			n = min(n, r.Baseline.Metric("ns/op").Summary.N)
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
