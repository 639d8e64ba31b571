package chart

import (
	"fmt"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Charts, the table of every chart of a report, and the names of their
// files; the drawing kit is in charts.go, each chart in a file of its own.

// maxProcs is the highest procs of a family's rows.
func maxProcs(rows []*rundir.Row, family string) int {
	m := 0
	for _, r := range rows {
		if r.Bench.Family == family {
			m = max(m, r.Procs)
		}
	}
	return m
}

// chartInput is what a chart is drawn from.
type chartInput struct {
	rows  []*rundir.Row
	fits  []rundir.AmdahlFit
	cores float64
	pal   *kit.Palette
}

// A drawing is one chart a chart entry drew: its file name without the
// extension, and its canvas size when not the default (0: chartWidth by
// chartHeight). A nil plot draws nothing.
type drawing struct {
	name          string
	id            judge.ChartID
	plot          *plot.Plot
	width, height vg.Length
}

// A chartEntry is one kind of chart of the report: a function that draws
// every chart of that kind the data allows (none, one, or one per
// workload).
type chartEntry func(in chartInput) ([]drawing, error)

// one wraps a chart function that draws at most one chart called name.
func one(name string, draw func(in chartInput) (*plot.Plot, error)) chartEntry {
	return func(in chartInput) ([]drawing, error) {
		p, err := draw(in)
		return []drawing{{name: name, id: judge.ChartID{Kind: name}, plot: p}}, err
	}
}

// perWorkload wraps a chart function that draws one chart of kind per
// main workload of the families with a time chart, called kind, "-" and
// the workload's slug.
func perWorkload(kind string, draw func(ws []*rundir.Row, pal *kit.Palette) (*plot.Plot, error)) chartEntry {
	return func(in chartInput) ([]drawing, error) {
		var out []drawing
		for _, ws := range judge.MainWorkloads(in.rows, rundir.TimeFamilies(in.rows)...) {
			name := kind + "-" + unitfmt.Slug(rundir.Label(ws[0]))
			p, err := draw(ws, in.pal)
			if err != nil {
				return nil, fmt.Errorf("chart %s: %w", name, err)
			}
			out = append(out, drawing{name: name, id: judge.ChartID{Kind: kind, Workload: ws[0].Workload}, plot: p})
		}
		return out, nil
	}
}

// workersOf draws ChartWorkersOf for each workload of a user's package
// swept over worker counts, called speedup-workers- and the workload's
// slug.
func workersOf() chartEntry {
	return func(in chartInput) ([]drawing, error) {
		var out []drawing
		for _, ws := range judge.MainWorkloads(in.rows, rundir.TimeFamilies(in.rows)...) {
			if ws[0].Bench.Suite {
				continue
			}
			name := SpeedupWorkers + "-" + unitfmt.Slug(rundir.Label(ws[0]))
			p, err := ChartWorkersOf(ws, in.cores, in.pal)
			if err != nil {
				return nil, fmt.Errorf("chart %s: %w", name, err)
			}
			out = append(out, drawing{name: name, id: judge.ChartID{Kind: SpeedupWorkers, Workload: ws[0].Workload}, plot: p})
		}
		return out, nil
	}
}

// SpeedupWorkers is the kind of the charts of speedup against workers.
const SpeedupWorkers = "speedup-workers"

// chartTable returns the report's charts in report order. A new chart is
// its function (in a file of its own) and one entry here.
func chartTable() []chartEntry {
	return []chartEntry{
		func(in chartInput) ([]drawing, error) {
			p, err := ChartOverview(in.rows)
			if err != nil || p == nil {
				return nil, err
			}
			w, h := overviewSize(overviewGrid(in.rows))
			return []drawing{{name: OverviewChart, id: judge.ChartID{Kind: OverviewChart}, plot: p, width: w, height: h}}, nil
		},
		perWorkload(judge.ChartTime, ChartBatchTime),
		one("speedup-procs", func(in chartInput) (*plot.Plot, error) {
			return ChartSpeedupProcs(in.rows, in.fits, in.cores, in.pal)
		}),
		one(SpeedupWorkers+"-"+string(rundir.KindOf(runfile.FamilySleepWorkers)), func(in chartInput) (*plot.Plot, error) {
			return ChartSpeedupWorkers(in.rows, runfile.FamilySleepWorkers, in.cores, in.pal)
		}),
		one(SpeedupWorkers+"-"+string(rundir.KindOf(runfile.FamilyHashWorkers)), func(in chartInput) (*plot.Plot, error) {
			return ChartSpeedupWorkers(in.rows, runfile.FamilyHashWorkers, in.cores, in.pal)
		}),
		workersOf(),
		one(AllocChart, func(in chartInput) (*plot.Plot, error) { return ChartAlloc(in.rows, in.pal) }),
		one(judge.ChartCounterThroughput, func(in chartInput) (*plot.Plot, error) { return ChartCounterThroughput(in.rows, in.pal) }),
		one(judge.ChartCounterLost, func(in chartInput) (*plot.Plot, error) { return ChartCounterLost(in.rows, in.pal) }),
		one(judge.FloodChart, func(in chartInput) (*plot.Plot, error) { return ChartFlood(in.rows, in.pal) }),
		one(judge.CrashChart, func(in chartInput) (*plot.Plot, error) { return ChartCrash(in.rows, in.pal) }),
		perWorkload(LatencyChart, ChartLatency),
	}
}

// Charts draws every chart the data allows, in report order (chartTable).
func Charts(rows []*rundir.Row, fits []rundir.AmdahlFit, cores float64) ([]Chart, error) {
	return drawCharts(chartTable(), chartInput{rows: rows, fits: fits, cores: cores, pal: kit.NewPalette(StrategyOrder(rows))})
}

// drawCharts renders what the entries of table draw from in, in order.
func drawCharts(table []chartEntry, in chartInput) ([]Chart, error) {
	var out []Chart
	for _, entry := range table {
		ds, err := entry(in)
		if err != nil {
			if len(ds) == 1 {
				return nil, fmt.Errorf("chart %s: %w", ds[0].name, err)
			}
			return nil, err
		}
		for _, d := range ds {
			if d.plot == nil {
				continue
			}
			w, h := d.width, d.height
			if w == 0 || h == 0 {
				w, h = chartWidth, chartHeight
			}
			c, err := renderSized(d.plot, d.name, w, h)
			if err != nil {
				return nil, err
			}
			c.ID = d.id
			out = append(out, c)
		}
	}
	return out, nil
}

// StrategyOrder lists the strategies of rows in order of first appearance:
// the order of the palette, so that all the charts of a run agree.
func StrategyOrder(rows []*rundir.Row) []string {
	var order []string
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Strategy != "" && !seen[r.Strategy] {
			seen[r.Strategy] = true
			order = append(order, r.Strategy)
		}
	}
	return order
}
