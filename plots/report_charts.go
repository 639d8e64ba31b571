package plots

import (
	"strings"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

func (rep *Report) writeCharts(b *body) {
	b.h(2, "Charts")
	if len(rep.Charts) == 0 {
		b.p("No data to chart.")
		return
	}
	b.p("The charts across workloads; each workload's own charts are in the [appendix](#charts-of-each-workload).")
	for _, c := range rep.Charts {
		if c.Name != chart.OverviewChart && !isWorkloadChart(c.Name) {
			b.figure(c.Name, c.Title, true)
		}
	}
}

// workloadChartPrefixes start the names of the charts of one workload,
// the rest of the name being the slug of its label.
func workloadChartPrefixes() []string { return []string{"time-", "latency-", "python-"} }

// isWorkloadChart reports whether the chart called name shows one
// workload alone: its batch time by strategy, its tasks' completion
// times, its speedups beside CPython's.
func isWorkloadChart(name string) bool {
	for _, p := range workloadChartPrefixes() {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// writeWorkloadCharts writes each workload's own charts, in the appendix;
// on the page, those of a workload with a card sit in its details.
func (rep *Report) writeWorkloadCharts(b *body) {
	inCard := map[string]bool{}
	for _, c := range rep.Choices {
		for _, k := range rep.cardCharts(c) {
			inCard[k.Name] = true
		}
	}
	var own []chart.Chart
	for _, c := range rep.allCharts() {
		if isWorkloadChart(c.Name) {
			own = append(own, c)
		}
	}
	if len(own) == 0 {
		return
	}
	b.h(2, "Charts of each workload")
	b.p("Each workload's batch time by strategy, its tasks' completion times and, with python.txt, its speedups beside CPython's. On the page (index.html) those of a workload in the answer sit in the details of its card.")
	for _, c := range own {
		b.add(document.Figure{Name: c.Name, Title: c.Title, Heading: c.Title, Level: 3 + b.sub, InCard: inCard[c.Name]})
	}
}

// cardCharts are the charts of c's workload alone, those its card shows.
func (rep *Report) cardCharts(c answer.Choice) []document.CardChart {
	slug := unitfmt.Slug(rundir.Label(c.Fastest))
	var out []document.CardChart
	for _, k := range rep.allCharts() {
		for _, p := range workloadChartPrefixes() {
			if k.Name == p+slug {
				out = append(out, document.CardChart{Name: k.Name, Title: k.Title})
			}
		}
	}
	return out
}

// writeOverview shows the overview heatmap, when the run has one.
func (rep *Report) writeOverview(b *body) {
	for _, c := range rep.Charts {
		if c.Name == chart.OverviewChart {
			b.h(2, "Overview")
			b.p("Speedup over sequential of every strategy on every workload: purple is faster than sequential, orange slower, white the same (log scale). \"≈\" marks a cell not significantly different from sequential (p ≥ %.2f), \"±\" one whose interval is wider than ±%.0f %% (noisy). Workloads with no sequential row (the flood, the ceiling probe) are not in it.", stat.Alpha, stat.NoisyWidth*100)
			b.figure(c.Name, c.Title, false)
		}
	}
}
