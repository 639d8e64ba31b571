package judge

import (
	"slices"

	"github.com/concbench/concbench/plots/rundir"
)

// A ChartID names a chart of the report by what it shows, not by its
// file: its kind and, for a chart of one workload, the workload
// (Row.Workload). The charts (package chart) carry the ID of what they
// draw; a verdict lists the IDs of the charts that show its evidence.
type ChartID struct {
	Kind     string
	Workload string
}

// The kinds of chart a lesson links. ChartTime is drawn once per
// workload; the others once per report.
const (
	ChartTime              = "time"                 // batch time by strategy, one workload
	ChartWorkersHash       = "speedup-workers-hash" // speedup against the pool's workers, hash
	ChartCounterLost       = "counter-lost"         // lost updates by sync variant
	ChartCounterThroughput = "counter-throughput"   // increments per second by sync variant
	FloodChart             = "flood-pareto"         // the flood's time against memory
	CrashChart             = "crash-isolation"      // what survived a crash, by strategy
)

// chartIDs are the charts of kinds, in order, that show a verdict resting
// on rows: a chart of one workload for each workload of rows, in order.
func chartIDs(kinds []string, rows []*rundir.Row) []ChartID {
	var ids []ChartID
	for _, k := range kinds {
		if k != ChartTime {
			ids = append(ids, ChartID{Kind: k})
			continue
		}
		for _, r := range rows {
			if id := (ChartID{Kind: k, Workload: r.Workload}); !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}
