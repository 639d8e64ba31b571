package plots

import (
	"fmt"
	"strings"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/unitfmt"
)

// DecisionTable is the answer in a few columns, as the README opens with
// it: a row per workload with its kind of work, the work per task, the
// strategy to use (marked when undecided) with its speedup over
// sequential, and the strategies to avoid with their time against the
// fastest's, the slowest three and how many more. Its figures are the
// report's.
func (rep *Report) DecisionTable() string {
	var b strings.Builder
	b.WriteString("| kind of work | work per task | use | speedup over sequential | avoid (× the fastest's time) |\n|---|---|---|---|---|\n")
	for _, c := range rep.Choices {
		use, speedup, avoid := "too few samples", "—", "—"
		if r := c.Recommended; r != nil {
			use = r.Name()
			if !c.Decided() {
				use += " (undecided)"
			}
			if alone(c) {
				use += " (alone)"
			}
			if r.Row.Speedup.Valid() && !rundir.IsBaseline(r.Row.Props) {
				speedup = unitfmt.Num(r.Row.Speedup.V) + "× [" + unitfmt.Num(r.Row.Speedup.Lo) + ", " + unitfmt.Num(r.Row.Speedup.Hi) + "]"
			}
		}
		if len(c.Avoid) > 0 {
			ks := slowestFirst(c.Avoid)
			var names []string
			for _, k := range ks[:min(3, len(ks))] {
				names = append(names, k.Name()+" "+unitfmt.Num(k.Ratio.V)+"×")
			}
			avoid = strings.Join(names, ", ")
			if len(ks) > 3 {
				avoid += fmt.Sprintf(" and %d more", len(ks)-3)
			}
		}
		fmt.Fprintf(&b, "| %s | %s | **%s** | %s | %s |\n", document.Escape(rundir.WorkKind(c.Fastest)), orDash(workPerTask(c)), document.Escape(use), speedup, document.Escape(avoid))
	}
	return b.String()
}
