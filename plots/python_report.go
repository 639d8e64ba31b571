package plots

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// writePython writes the "Go vs CPython" section when the run folder holds
// python.txt.
func (rep *Report) writePython(b *bytes.Buffer) {
	py := rep.Python
	if py == nil {
		return
	}
	fmt.Fprintf(b, "## Go vs CPython\n\n")
	if py.Note != "" {
		fmt.Fprintf(b, "%s\n\n", py.Note)
		return
	}
	cfg := py.Run.ConfigValue
	fmt.Fprintf(b, "From %s, written by `make reference`: the same tasks (equal checksums, checked in every batch) under the tutorials' own strategies in %s %s (GIL %s)",
		runfile.PythonFile, orDash(cfg("python-implementation")), orDash(cfg("python")), orDash(cfg("python-gil")))
	if v := cfg("python-ft"); v != "" {
		fmt.Fprintf(b, ", and the thread strategies also in the free-threaded %s (GIL %s)", v, orDash(cfg("python-ft-gil")))
	}
	fmt.Fprintf(b, "; %s samples per row. Each language's speedup is over its own `sequential`: Go is far faster per task (see the times), so only speedups compare across languages. In CPython the hash buffers are generated before timing (see `reference/python/concbench/workloads.py`).", orDash(cfg("count")))
	if v := cfg("fetch-server"); v != "" {
		fmt.Fprintf(b, " CPython's Fetch rows GET from %s.", v)
	}
	fmt.Fprintf(b, "\n\n")
	fmt.Fprintf(b, "| # | claim | verdict | figure | p-value | note |\n|---|---|---|---|---|---|\n")
	for _, v := range py.Verdicts {
		note := v.Note
		if v.Noisy {
			note = strings.TrimPrefix(fmt.Sprintf("%s; noisy (CI wider than ±%.0f %%)", note, 100*stat.NoisyWidth), "; ")
		}
		fmt.Fprintf(b, "| P%d | %s | **%s** | %s | %s | %s |\n", v.Lesson, cell(v.Claim), v.Outcome, cell(v.Figure), cell(v.P), cell(orDash(note)))
	}
	fmt.Fprintf(b, "\n| workload | Go strategy | Go time/op | Go speedup | CPython strategy | CPython time/op | CPython speedup |\n|---|---|---|---|---|---|---|\n")
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
				fmt.Fprintf(b, "| %s | %s | %s | %s | %s (%s) | %s | %s |\n", cell(w.Label), g, gt, gs, s, l, unitfmt.NsSummary(p.Time), unitfmt.Est(p.Speedup))
			}
		}
	}
	fmt.Fprintf(b, "\n")
	for _, c := range rep.PythonCharts {
		fmt.Fprintf(b, "### %s\n\n![%s](%s.png)\n\n([SVG](%s.svg))\n\n", c.Title, c.Title, c.Name, c.Name)
	}
}

// allCharts returns the charts of the report and of its Go vs CPython
// section.
func (rep *Report) allCharts() []chart.Chart {
	if rep.Python == nil {
		return rep.Charts
	}
	return append(slices.Clip(rep.Charts), rep.PythonCharts...)
}
