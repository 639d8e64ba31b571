package plots

import (
	"fmt"

	"gonum.org/v1/plot"
)

// AllocChart is the name of the Alloc family's chart (without extension).
const AllocChart = "alloc"

// ChartAlloc draws the Alloc family (each task allocates and touches a
// fresh buffer): time per task by strategy, on a log scale with 95 %
// intervals, at the highest procs of the run. In-process strategies share
// one heap and one garbage collector; process and exec give each worker
// its own. It returns nil when the run has no Alloc rows.
func ChartAlloc(rows []*Row, pal *Palette) (*plot.Plot, error) {
	ws := mainWorkloads(rows, "Alloc")
	if len(ws) == 0 {
		return nil, nil
	}
	p, err := ChartTimePerTask(ws[0], pal)
	if err != nil || p == nil {
		return p, err
	}
	r := ws[0][0]
	p.Title.Text = fmt.Sprintf("Allocation-bound tasks: time per task by strategy, %s, procs=%d", r.Workload, r.Procs)
	return p, nil
}
