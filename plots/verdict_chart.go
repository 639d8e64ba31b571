package plots

import (
	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/judge"
)

// verdictChart names the chart a verdict links among charts, "" when none
// is drawn: the first of the verdict's charts (Verdict.Charts) found.
func verdictChart(v judge.Verdict, charts []chart.Chart) string {
	for _, id := range v.Charts {
		for _, c := range charts {
			if c.ID == id {
				return c.Name
			}
		}
	}
	return ""
}
