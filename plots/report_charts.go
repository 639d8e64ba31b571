package plots

import (
	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/stat"
)

func (rep *Report) writeCharts(b *body) {
	b.h(2, "Charts")
	if len(rep.Charts) == 0 {
		b.p("No data to chart.")
		return
	}
	for _, c := range rep.Charts {
		if c.Name != chart.OverviewChart {
			b.figure(c.Name, c.Title, true)
		}
	}
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
