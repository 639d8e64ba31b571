package plots

import (
	"bytes"
	"fmt"

	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/stat"
)

func (rep *Report) writeCharts(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Charts\n\n")
	if len(rep.Charts) == 0 {
		fmt.Fprintf(b, "No data to chart.\n\n")
		return
	}
	for _, c := range rep.Charts {
		if c.Name == chart.OverviewChart {
			continue
		}
		fmt.Fprintf(b, "### %s\n\n![%s](%s.png)\n\n([SVG](%s.svg))\n\n", c.Title, c.Title, c.Name, c.Name)
	}
}

// writeOverview shows the overview heatmap, when the run has one.
func (rep *Report) writeOverview(b *bytes.Buffer) {
	for _, c := range rep.Charts {
		if c.Name == chart.OverviewChart {
			fmt.Fprintf(b, "## Overview\n\n")
			fmt.Fprintf(b, "Speedup over sequential of every strategy on every workload: purple is faster than sequential, orange slower, white the same (log scale). \"≈\" marks a cell not significantly different from sequential (p ≥ %.2f), \"±\" one whose interval is wider than ±%.0f %% (noisy). Workloads with no sequential row (the flood, the ceiling probe) are not in it.\n\n", stat.Alpha, stat.NoisyWidth*100)
			fmt.Fprintf(b, "![%s](%s.png)\n\n([SVG](%s.svg))\n\n", c.Title, c.Name, c.Name)
		}
	}
}
