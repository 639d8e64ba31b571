package plots

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

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
	Workload string // the Hash rows' workload, e.g. "hash size=64KiB rounds=8 tasks=64"
	Probe    *Row   // the HashCeiling row
	// Process and Sequential are the Hash rows of the same workload at
	// the probe's procs; nil when the run has none.
	Process, Sequential *Row
	// Machine is sequential ÷ probe time, the speedup the machine
	// allows; Strategy is sequential ÷ process time. NaN without a
	// sequential row.
	Machine, Strategy Estimate
	// Reached is Strategy.V ÷ Machine.V: the share of the ceiling that
	// process reaches.
	Reached float64
}

// Ceilings pairs each HashCeiling probe row with the Hash family's process
// and sequential rows of the same workload and procs.
func Ceilings(rows []*Row) []Ceiling {
	var out []Ceiling
	for _, p := range rows {
		if p.Bench.Param(runfile.KeyProbe) == "" {
			continue
		}
		c := Ceiling{Probe: p, Workload: probeWorkload(p), Machine: nan(), Strategy: nan(), Reached: nan().V}
		for _, r := range rows {
			if r.Bench.Family != runfile.FamilyHash || r.Workload != c.Workload || r.Procs != p.Procs || r.Workers != 0 {
				continue
			}
			switch {
			case r.Strategy == "process":
				c.Process = r
			case isBaseline(r.Props):
				c.Sequential = r
			}
		}
		if c.Sequential != nil {
			c.Machine = timeRatio(c.Sequential, p)
			if c.Process != nil {
				c.Strategy = timeRatio(c.Sequential, c.Process)
				c.Reached = c.Strategy.V / c.Machine.V
			}
		}
		out = append(out, c)
	}
	return out
}

// probeWorkload is the workload of a probe row as the Hash family names
// it: the row's workload without its probe part.
func probeWorkload(r *Row) string {
	var parts []string
	for _, f := range strings.Fields(r.Workload) {
		if !strings.HasPrefix(f, "probe=") {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " ")
}

// writeCeilings writes the machine-ceiling table under the verdicts, for
// the process row of the lesson on CPU parallelism; nothing when the run
// has no probe.
func (rep *Report) writeCeilings(b *bytes.Buffer) {
	cs := Ceilings(rep.Rows)
	if len(cs) == 0 {
		return
	}
	fmt.Fprintf(b, "### Machine ceiling for process (lesson %d)\n\n", lessonNumber(lessonTable(), lessonCPUID))
	fmt.Fprintf(b, "The probe runs one process per CPU, each hashing its share of the same batch in a plain loop, with no protocol: the most this machine gave on the batch. What separates `process` from the probe is the strategy's cost (chunks, pipes, scheduling); what separates the probe from the ideal is the machine's (shared cores, other load).\n\n")
	fmt.Fprintf(b, "| workload | procs | sequential | process | speedup | probe | speedup | ideal | process reaches |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, c := range cs {
		seq, proc, procSpeed := "—", "—", "—"
		if c.Sequential != nil {
			seq = nsSummary(c.Sequential.Time)
		}
		if c.Process != nil {
			proc, procSpeed = nsSummary(c.Process.Time), est(c.Strategy)+"×"
		}
		ideal := min(c.Probe.Procs, max(c.Probe.Tasks, 1))
		reached := "—"
		if c.Strategy.Valid() && c.Machine.Valid() {
			reached = strconv.Itoa(int(c.Reached*100+0.5)) + " % of the probe"
		}
		fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %s | %s | %d× | %s |\n",
			cell(c.Workload), c.Probe.Procs, seq, proc, procSpeed, nsSummary(c.Probe.Time), est(c.Machine)+"×", ideal, reached)
	}
	fmt.Fprintf(b, "\n")
}
