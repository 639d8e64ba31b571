package plots

import (
	"fmt"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// writePython writes the "Go vs CPython" section when the run folder holds
// python.txt.
func (rep *Report) writePython(b *body) {
	py := rep.Python
	if py == nil {
		return
	}
	b.h(2, "Go vs CPython")
	if py.Note != "" {
		b.p("%s", py.Note)
		return
	}
	cfg := py.Run.ConfigValue
	var intro strings.Builder
	fmt.Fprintf(&intro, "From %s, written by `make reference`: the same tasks (equal checksums, checked in every batch) under the tutorials' own strategies in %s %s (GIL %s)",
		runfile.PythonFile, orDash(cfg("python-implementation")), orDash(cfg("python")), orDash(cfg("python-gil")))
	if v := cfg("python-ft"); v != "" {
		fmt.Fprintf(&intro, ", and the thread strategies also in the free-threaded %s (GIL %s)", v, orDash(cfg("python-ft-gil")))
	}
	fmt.Fprintf(&intro, "; %s samples per row. Each language's speedup is over its own `sequential`: Go is far faster per task (see the times), so only speedups compare across languages. In CPython the hash buffers are generated before timing (see `reference/python/concbench/workloads.py`).", orDash(cfg("count")))
	if v := cfg("fetch-server"); v != "" {
		fmt.Fprintf(&intro, " CPython's Fetch rows GET from %s.", v)
	}
	b.p("%s", intro.String())
	b.p("The CPython claims, numbered P1 to P%d apart from the lessons: %s.", len(py.Verdicts), tally(py.Verdicts))
	vt := document.Table{Head: []string{"#", "claim", "verdict", "figure", "p-value", "note"}}
	for _, v := range py.Verdicts {
		vt.Rows = append(vt.Rows, verdictCells(fmt.Sprintf("P%d", v.Lesson), v))
	}
	b.add(vt)
	t := document.Table{Head: []string{"workload", "Go strategy", "Go time/op", "Go speedup", "CPython strategy", "CPython time/op", "CPython speedup"}}
	for _, w := range py.Workloads {
		for _, s := range py.PyStrategies() {
			g := py.Counterpart(s)
			for _, l := range py.Langs() {
				p := w.Py[l][s]
				if p == nil {
					continue
				}
				gr := w.Go[g]
				gt, gs := "—", "—"
				if gr != nil {
					gt, gs = unitfmt.NsSummary(gr.Time), unitfmt.Est(gr.Speedup)
				}
				t.Rows = append(t.Rows, document.Texts(document.Escape(w.Label), g, gt, gs, s+" ("+l+")", unitfmt.NsSummary(p.Time), unitfmt.Est(p.Speedup)))
			}
		}
	}
	b.add(t)
	b.p("Each workload's chart of the two languages' speedups is in the [appendix](#charts-of-each-workload).")
}

// allCharts returns the charts of the report and of its Go vs CPython
// section.
func (rep *Report) allCharts() []chart.Chart {
	if rep.Python == nil {
		return rep.Charts
	}
	return append(slices.Clip(rep.Charts), rep.PythonCharts...)
}
