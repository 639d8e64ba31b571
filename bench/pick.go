package bench

import (
	"slices"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// A Candidate is a registered strategy as a family's Pick sees it: its
// properties, and whether it is the simplest of its kind. A family
// chooses its strategies by these, never by name.
type Candidate struct {
	runfile.Props
	// Core reports whether the strategy has the lowest Rank among the
	// strategies of its kind, the same Concurrency, Model, Processes and
	// ProcessPerTask: sequential, spawn, gil, pool, process and exec are
	// core; the library pools (errgroup, semaphore, conc, ants, pond),
	// in-process worker pools like pool, are not.
	Core bool
}

// kind is what makes two strategies the same kind (see Candidate.Core).
type kind struct {
	c                     runfile.Concurrency
	model, procs, perTask bool
}

func kindOf(p runfile.Props) kind {
	return kind{p.Concurrency, p.Model, p.Processes, p.ProcessPerTask}
}

// candidates returns every registered strategy, in registration order,
// as a Candidate, beside its name.
func candidates() ([]string, []Candidate) {
	names := strategies.Names()
	props := make([]runfile.Props, len(names))
	for i, n := range names {
		p, err := strategies.PropsOf(n)
		if err != nil {
			panic("bench: a registered strategy has no properties: " + err.Error())
		}
		props[i] = p
	}
	cs := make([]Candidate, len(names))
	for i, p := range props {
		core := true
		for j, q := range props {
			if j != i && kindOf(q) == kindOf(p) && (q.Rank < p.Rank || q.Rank == p.Rank && j < i) {
				core = false
			}
		}
		cs[i] = Candidate{Props: p, Core: core}
	}
	return names, cs
}

// pick returns the names of the registered strategies for which keep
// reports true, in registration order.
func pick(keep func(Candidate) bool) []string {
	names, cs := candidates()
	var out []string
	for i, c := range cs {
		if keep(c) {
			out = append(out, names[i])
		}
	}
	return slices.Clip(out)
}

// The choices of strategies that several families share.

// anyStrategy keeps every registered strategy.
func anyStrategy(Candidate) bool { return true }

// core keeps the simplest strategy of each kind.
func core(c Candidate) bool { return c.Core }

// sweepable keeps the core strategies whose worker count is a knob and
// whose workers persist across tasks (pool, process).
func sweepable(c Candidate) bool {
	return c.Core && c.Concurrency == runfile.PerWorker && !c.ProcessPerTask
}
