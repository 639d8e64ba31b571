package fleet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/unitfmt"
)

// scaling is the section on the speedup against cores: the chart, then per
// strategy its points by machine, the law fitted, its residual and the
// predictions at PredictAt, then the fallbacks and the extrapolation
// warnings, each once.
func (f *Fleet) scaling() []document.Block {
	workload := ""
	if len(f.Scalings) > 0 {
		workload = f.Scalings[0].Workload
	}
	blocks, ok := section("Speedup against cores", len(f.Scalings),
		"No machine ran the GOMAXPROCS sweep (HashProcs): no speedup against cores to fit.",
		fmt.Sprintf("On %s (the GOMAXPROCS sweep, HashProcs), each strategy's speedup over its machine's sequential at N = min(procs, cores), from every machine, fitted with the Universal Scalability Law S(N) = N / (1 + σ(N−1) + κN(N−1)) (σ contention, κ coherency) by least squares; Amdahl's law (κ = 0) when the points cannot determine both. rms: the root mean square of S − fit. Predictions beyond the largest measured N are extrapolations of the law's form, not measurements.", workload))
	if !ok {
		return blocks
	}
	for _, c := range f.Charts {
		blocks = append(blocks, document.Figure{Name: c.Name, Title: c.Title})
	}
	cols := []string{"strategy", "points: N ×speedup, by machine", "fit", "rms"}
	for _, n := range PredictAt() {
		cols = append(cols, fmt.Sprintf("S(%g)", n))
	}
	t := document.Table{Head: cols}
	var notes []string
	for _, sc := range f.Scalings {
		cells := []string{sc.Strategy, f.points(sc), sc.Fit.Params(), unitfmt.Num(sc.Fit.Residual)}
		for _, n := range PredictAt() {
			if !sc.Fit.Valid() {
				cells = append(cells, "—")
				continue
			}
			cells = append(cells, "×"+unitfmt.Num(sc.Fit.Predict(n)))
			if w := sc.Fit.Extrapolation(n); w != "" {
				notes = appendOnce(notes, fmt.Sprintf("S(%g): %s.", n, w))
			}
		}
		if sc.Fit.Why != "" {
			notes = appendOnce(notes, fmt.Sprintf("%s: %s, because %s.", sc.Strategy, sc.Fit.Params(), sc.Fit.Why))
		}
		for i := range cells {
			cells[i] = document.Escape(cells[i])
		}
		t.Rows = append(t.Rows, document.Texts(cells...))
	}
	blocks = append(blocks, t)
	if len(notes) > 0 {
		blocks = append(blocks, document.List{Items: notes})
	}
	return blocks
}

// points lists a strategy's points by machine: "a (2 cores): N=1 ×0.99,
// N=2 ×1.95; b (1 core): N=1 ×1.00".
func (f *Fleet) points(sc Scaling) string {
	var parts []string
	for mi, m := range f.Machines {
		var ps []string
		for _, p := range sc.Points {
			if p.Machine == mi {
				ps = append(ps, fmt.Sprintf("N=%g ×%s", p.N, unitfmt.Num(p.Speedup.V)))
			}
		}
		if len(ps) > 0 {
			parts = append(parts, m.Label+": "+strings.Join(ps, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
