package fleet

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// An Answer is one workload of the fleet's answer table: what each machine
// recommends for it (answer.Choose).
type Answer struct {
	// Workload is the workload's label, "hash (coarse) size=64KiB …".
	Workload string
	// Choices holds, by machine, the machine's Choice of the workload at
	// the highest procs it ran it at; nil where it did not run it.
	Choices []*answer.Choice
	// Differs is set when the machines that recommend a strategy do not
	// all recommend the same one.
	Differs bool
}

// answers lines up the machines' answer tables by workload, in order of
// first appearance.
func answers(ms []*Machine) []Answer {
	var out []Answer
	index := map[string]int{}
	for i, m := range ms {
		for k := range m.Choices {
			c := &m.Choices[k]
			w := rundir.Label(c.Fastest)
			j, ok := index[w]
			if !ok {
				j = len(out)
				index[w] = j
				out = append(out, Answer{Workload: w, Choices: make([]*answer.Choice, len(ms))})
			}
			if old := out[j].Choices[i]; old == nil || c.Procs > old.Procs {
				out[j].Choices[i] = c
			}
		}
	}
	for k := range out {
		var used []string
		for _, c := range out[k].Choices {
			if c != nil && c.Recommended != nil && !slices.Contains(used, c.Recommended.Name()) {
				used = append(used, c.Recommended.Name())
			}
		}
		out[k].Differs = len(used) > 1
	}
	return out
}

// answerCell is one machine's answer for a workload: the strategy to use
// with its speedup over sequential (none for the baseline itself), the
// procs it was measured at when they are not the run's gomaxprocs, and
// whether the answer is undecided (a simpler strategy may be as good).
func answerCell(c *answer.Choice, gomaxprocs string) string {
	switch {
	case c == nil:
		return "—"
	case c.Recommended == nil:
		return fmt.Sprintf("too few samples to rank (n=%d)", c.TooFew)
	}
	s := "**" + c.Recommended.Name() + "**"
	if sp := c.Recommended.Row.Speedup; sp.Valid() && c.Recommended.Row.Props.Concurrency != runfile.One {
		s += " ×" + unitfmt.Est(sp)
	}
	if p := strconv.Itoa(c.Procs); p != gomaxprocs {
		s += " (procs=" + p + ")"
	}
	if !c.Decided() {
		s += ", undecided"
	}
	return s
}
