package plots

import (
	"path"

	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/judge"
)

// verdictChart names the chart a verdict links among charts, "" when none
// fits: for the first of the verdict's patterns (Verdict.Chart) that
// matches a chart's name, the first chart it matches.
func verdictChart(v judge.Verdict, charts []chart.Chart) string {
	for _, pattern := range v.Chart {
		for _, c := range charts {
			if ok, _ := path.Match(pattern, c.Name); ok {
				return c.Name
			}
		}
	}
	return ""
}
