package plots

import (
	"fmt"
	"strconv"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/unitfmt"
)

// writeCeilings writes the machine-ceiling table under the verdicts, for
// the process row of the lesson on CPU parallelism; nothing when the run
// has no probe.
func (rep *Report) writeCeilings(b *body) {
	cs := answer.Ceilings(rep.Rows)
	if len(cs) == 0 {
		return
	}
	b.h(2, "Machine ceiling for process (lesson %d)", judge.LessonNumber(judge.LessonTable(), judge.LessonCPUID))
	b.p("The probe runs one process per CPU, each hashing its share of the same batch in a plain loop, with no protocol: the most this machine gave on the batch. What separates `process` from the probe is the strategy's cost (chunks, pipes, scheduling); what separates the probe from the ideal is the machine's (shared cores, other load).")
	t := document.Table{Head: []string{"workload", "procs", "sequential", "process", "speedup", "probe", "speedup", "ideal", "process reaches"}}
	for _, c := range cs {
		seq, proc, procSpeed := "—", "—", "—"
		if c.Sequential != nil {
			seq = unitfmt.NsSummary(c.Sequential.Time)
		}
		if c.Process != nil {
			proc, procSpeed = unitfmt.NsSummary(c.Process.Time), unitfmt.Est(c.Strategy)+"×"
		}
		ideal := min(c.Probe.Procs, max(c.Probe.Tasks, 1))
		reached := "—"
		if c.Strategy.Valid() && c.Machine.Valid() {
			reached = strconv.Itoa(int(c.Reached*100+0.5)) + " % of the probe"
		}
		t.Rows = append(t.Rows, document.Texts(document.Escape(c.Workload), fmt.Sprint(c.Probe.Procs), seq, proc, procSpeed,
			unitfmt.NsSummary(c.Probe.Time), unitfmt.Est(c.Machine)+"×", fmt.Sprintf("%d×", ideal), reached))
	}
	b.add(t)
}
