package fleet

import (
	"strings"

	"github.com/concbench/concbench/plots/stat"
)

// A Verdict is one lesson of the verdict table judged on every machine.
type Verdict struct {
	Lesson int
	// Claim is the claim's first sentence, as the first machine that
	// has the lesson states it.
	Claim string
	// Outcomes holds the outcome on each machine, "" where the run has
	// no verdict of that number.
	Outcomes []stat.Outcome
	// Differs is set when the machines that judged the lesson do not all
	// reach the same outcome.
	Differs bool
}

// verdicts lines up the machines' verdicts by lesson number, in order of
// first appearance.
func verdicts(ms []*Machine) []Verdict {
	var out []Verdict
	index := map[int]int{}
	for i, m := range ms {
		for _, v := range m.Verdicts {
			j, ok := index[v.Lesson]
			if !ok {
				j = len(out)
				index[v.Lesson] = j
				claim, _, _ := strings.Cut(v.Claim, ": ")
				out = append(out, Verdict{Lesson: v.Lesson, Claim: claim, Outcomes: make([]stat.Outcome, len(ms))})
			}
			out[j].Outcomes[i] = v.Outcome
		}
	}
	for k := range out {
		seen := map[stat.Outcome]bool{}
		for _, o := range out[k].Outcomes {
			if o != "" {
				seen[o] = true
			}
		}
		out[k].Differs = len(seen) > 1
	}
	return out
}
