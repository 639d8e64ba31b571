package plots

import (
	"fmt"
	"slices"
	"strings"

	"gonum.org/v1/plot"

	"github.com/concbench/concbench/runfile"
)

// Charts, the list of every chart of a report, and the names of their
// files; the drawing kit is in charts.go, each chart in a file of its own.

// maxProcs is the highest procs of a family's rows.
func maxProcs(rows []*Row, family string) int {
	m := 0
	for _, r := range rows {
		if r.Bench.Family == family {
			m = max(m, r.Procs)
		}
	}
	return m
}

// slug makes a file-name-safe version of s.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Charts draws every chart the data allows, in report order.
func Charts(rows []*Row, fits []AmdahlFit, cores float64) ([]Chart, error) {
	pal := NewPalette(strategyOrder(rows))
	var out []Chart
	add := func(name string, p *plot.Plot, err error) error {
		if err != nil {
			return fmt.Errorf("chart %s: %w", name, err)
		}
		if p == nil {
			return nil
		}
		c, err := render(p, name)
		if err != nil {
			return err
		}
		out = append(out, c)
		return nil
	}
	p, err := ChartOverview(rows)
	if err != nil {
		return nil, err
	}
	if p != nil {
		w, h := overviewSize(overviewGrid(rows))
		c, err := renderSized(p, OverviewChart, w, h)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	for _, ws := range mainWorkloads(rows, timeFamilies(rows)...) {
		p, err := ChartBatchTime(ws, pal)
		if err := add("time-"+slug(label(ws[0])), p, err); err != nil {
			return nil, err
		}
	}
	p, err = ChartSpeedupProcs(rows, fits, cores, pal)
	if err := add("speedup-procs", p, err); err != nil {
		return nil, err
	}
	for _, fam := range []string{runfile.FamilySleepWorkers, runfile.FamilyHashWorkers} {
		p, err := ChartSpeedupWorkers(rows, fam, cores, pal)
		if err := add("speedup-workers-"+string(kind(fam)), p, err); err != nil {
			return nil, err
		}
	}
	p, err = ChartAlloc(rows, pal)
	if err := add(AllocChart, p, err); err != nil {
		return nil, err
	}
	p, err = ChartCounterThroughput(rows, pal)
	if err := add("counter-throughput", p, err); err != nil {
		return nil, err
	}
	p, err = ChartCounterLost(rows, pal)
	if err := add("counter-lost", p, err); err != nil {
		return nil, err
	}
	p, err = ChartFlood(rows, pal)
	if err := add(FloodChart, p, err); err != nil {
		return nil, err
	}
	p, err = ChartCrash(rows, pal)
	if err := add(CrashChart, p, err); err != nil {
		return nil, err
	}
	for _, ws := range mainWorkloads(rows, timeFamilies(rows)...) {
		p, err := ChartLatency(ws, pal)
		if err := add("latency-"+slug(label(ws[0])), p, err); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mainWorkloads groups the rows of the given families by workload, each at
// its highest procs, in order of first appearance, leaving out smaller
// batches of a workload measured at a larger one too (isSmallerBatch).
func mainWorkloads(rows []*Row, families ...string) [][]*Row {
	var seen []string
	var out [][]*Row
	for _, r := range rows {
		if !slices.Contains(families, r.Bench.Family) || slices.Contains(seen, r.Workload) {
			continue
		}
		seen = append(seen, r.Workload)
		w := r.Workload
		ws := pickWorkload(rows, func(q *Row) bool { return q.Workload == w && q.Bench.Family == r.Bench.Family }, nil)
		if isSmallerBatch(rows, ws) {
			continue // exec's batch of the fine hash: ranked per task, not charted alone
		}
		out = append(out, ws)
	}
	return out
}
