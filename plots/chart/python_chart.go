package chart

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// ChartGoVsPython draws, for one workload, the speedup over its own
// language's sequential of each Go strategy and of its CPython
// counterpart, side by side in one slot per pair (log scale, CI error
// bars); a Go model (gil beside CPython threads and asyncio) gets a series
// of its own. A CPython strategy that does not run the workload (a
// families line without its family) gets no slot.
func ChartGoVsPython(py *judge.Python, w *judge.PyWorkload) (*plot.Plot, error) {
	strats := py.PyStrategies()
	if len(strats) == 0 {
		return nil, nil
	}
	p := NewPlot(fmt.Sprintf("Go vs CPython, speedup over each one's sequential: %s, procs=%d", w.Label, w.Procs),
		"Go strategy | CPython strategy ("+kit.CINote+")", "speedup over sequential (×, log scale)")
	kit.LogY(p)
	var names []string
	type series struct {
		name string
		xs   []float64
		ys   []stat.Summary
	}
	goS := series{name: "Go"}
	modelS := series{}
	langS := map[string]*series{}
	for _, l := range py.Langs() {
		langS[l] = &series{name: "CPython " + langVersion(py, l)}
	}
	any := false
	modelOf := map[string][]string{} // Go model -> the CPython strategies it models here
	var models []string
	i := -1
	for _, s := range strats {
		if !py.RunsOn(s, w) {
			continue // asyncio on a workload without an async form
		}
		i++
		g := py.Counterpart(s)
		names = append(names, g+" | "+s)
		x := float64(i)
		if r := w.Go[g]; r != nil {
			goS.xs, goS.ys = append(goS.xs, x-0.2), append(goS.ys, judge.PySpeedup(r))
			any = true
		}
		if m := py.Model(s); m != "" && w.Go[m] != nil {
			if modelOf[m] == nil {
				models = append(models, m)
			}
			modelOf[m] = append(modelOf[m], s)
			modelS.xs, modelS.ys = append(modelS.xs, x-0.07), append(modelS.ys, judge.PySpeedup(w.Go[m]))
		}
		for k, l := range py.Langs() {
			if r := w.Py[l][s]; r != nil {
				ls := langS[l]
				ls.xs, ls.ys = append(ls.xs, x+0.07+0.13*float64(k)), append(ls.ys, judge.PySpeedup(r))
				any = true
			}
		}
	}
	if !any {
		return nil, nil
	}
	var ms []string
	for _, m := range models {
		ms = append(ms, fmt.Sprintf("Go %s (the model of CPython %s)", m, strings.Join(modelOf[m], ", ")))
	}
	modelS.name = strings.Join(ms, "; ")
	all := []series{goS, modelS}
	for _, l := range py.Langs() {
		all = append(all, *langS[l])
	}
	// The series are languages, not strategies: styles by position.
	for i, s := range all {
		if len(s.xs) == 0 {
			continue
		}
		if err := kit.AddDots(p, kit.StyleAt(i), s.name, s.xs, s.ys, 1, true, false); err != nil {
			return nil, err
		}
	}
	kit.NominalX(p, names...)
	if err := kit.AddRef(p, "no speedup (1×)", plotter.XYs{{X: -0.5, Y: 1}, {X: float64(len(names)) - 0.5, Y: 1}},
		color.Gray{Y: 120}, []vg.Length{vg.Points(4), vg.Points(3)}); err != nil {
		return nil, err
	}
	kit.PadLog(&p.Y, 1.5)
	return p, nil
}

// langVersion describes a lang of python.txt: "3.11.7 (GIL on)".
func langVersion(py *judge.Python, lang string) string {
	v, gil := py.Run.ConfigValue(lang), py.Run.ConfigValue(lang+"-gil")
	if v == "" {
		return lang
	}
	if lang != "python" {
		v = lang + " " + v
	}
	if gil != "" {
		v += ", GIL " + gil
	}
	return v
}

// PythonCharts renders ChartGoVsPython for every workload of py (none
// when py is nil).
func PythonCharts(py *judge.Python) ([]Chart, error) {
	if py == nil {
		return nil, nil
	}
	var out []Chart
	for _, w := range py.Workloads {
		p, err := ChartGoVsPython(py, w)
		name := "python-" + unitfmt.Slug(w.Label)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", name, err)
		}
		if p == nil {
			continue
		}
		c, err := Render(p, name)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
