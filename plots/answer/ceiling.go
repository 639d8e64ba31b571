package answer

import (
	"strings"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// A Ceiling sets the process strategy on the coarse hash beside the
// machine's ceiling for the same batch: the HashCeiling probe, which runs
// one process per CPU, each hashing its contiguous share of the tasks in a
// plain loop with no protocol. The probe is what the machine gives; the
// gap between it and process is what the strategy costs (chunks, pipes,
// scheduling), and the gap between the probe and the ideal (min(procs,
// tasks)× sequential) is the machine's own (shared cores, other load,
// memory bandwidth).
type Ceiling struct {
	Workload string      // the Hash rows' workload, e.g. "hash size=64KiB rounds=8 tasks=64"
	Probe    *rundir.Row // the HashCeiling row
	// Process and Sequential are the Hash rows of the same workload at
	// the probe's procs; nil when the run has none.
	Process, Sequential *rundir.Row
	// Machine is sequential ÷ probe time, the speedup the machine
	// allows; Strategy is sequential ÷ process time. NaN without a
	// sequential row.
	Machine, Strategy stat.Estimate
	// Reached is Strategy.V ÷ Machine.V: the share of the ceiling that
	// process reaches.
	Reached float64
}

// Ceilings pairs each HashCeiling probe row with the Hash family's process
// and sequential rows of the same workload and procs.
func Ceilings(rows []*rundir.Row) []Ceiling {
	var out []Ceiling
	for _, p := range rows {
		if p.Bench.Param(runfile.KeyProbe) == "" {
			continue
		}
		c := Ceiling{Probe: p, Workload: probeWorkload(p), Machine: stat.Nan(), Strategy: stat.Nan(), Reached: stat.Nan().V}
		for _, r := range rows {
			if r.Bench.Family != runfile.FamilyHash || r.Workload != c.Workload || r.Procs != p.Procs || r.Workers != 0 {
				continue
			}
			switch {
			case r.Strategy == "process":
				c.Process = r
			case rundir.IsBaseline(r.Props):
				c.Sequential = r
			}
		}
		if c.Sequential != nil {
			c.Machine = rundir.TimeRatio(c.Sequential, p)
			if c.Process != nil {
				c.Strategy = rundir.TimeRatio(c.Sequential, c.Process)
				c.Reached = c.Strategy.V / c.Machine.V
			}
		}
		out = append(out, c)
	}
	return out
}

// probeWorkload is the workload of a probe row as the Hash family names
// it: the row's workload without its probe part.
func probeWorkload(r *rundir.Row) string {
	var parts []string
	for _, f := range strings.Fields(r.Workload) {
		if !strings.HasPrefix(f, "probe=") {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " ")
}
