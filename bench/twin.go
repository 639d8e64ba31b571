package bench

import "github.com/concbench/concbench/runfile"

// twinPick keeps spawn alone: the simplest strategy that starts a
// goroutine per task and is not the gil model.
func twinPick(c Candidate) bool {
	return c.Core && c.Concurrency == runfile.PerTask && !c.Model
}

// twinCases is the A/A control: each of three workloads of the matrix
// (sleep, the coarse and the fine hash) twice, arm a then arm b, the same
// code under two names, interleaved with the rest of the round. The
// report holds the two arms to the rule: it should never call them
// different, and how often it does is the rule's false alarms on this
// machine. The fine hash is there because its rows are bimodal.
func twinCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		for i, b := range []Batch{sleepBatch(s), coarseBatch(s), fineBatch(s)} {
			for _, arm := range []string{"a", "b"} {
				c := b.Case(st, h.NumCPU)
				c.Twin = arm
				if i == 0 {
					c.RefWorkers = c.Tasks
				}
				cs = append(cs, c)
			}
		}
	}
	return cs
}
