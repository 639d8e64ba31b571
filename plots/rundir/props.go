package rundir

import "github.com/concbench/concbench/runfile"

// UnknownRank is the simplicity rank given to a strategy whose properties
// are not in the run's configuration lines (the CPython strategies of
// python.txt): after every known strategy.
const UnknownRank = 1000

// PropsOf returns the properties of the strategy called name: from the run's
// "strategy-<name>:" configuration line if it has one; else a strategy
// that may run every task at once on every core, ranked after all others
// and not a model.
func (r *Run) PropsOf(name string) runfile.Props {
	if p, ok := r.Props[name]; ok {
		return p
	}
	return runfile.Props{Concurrency: runfile.PerTask, Rank: UnknownRank}
}

// IsBaseline reports whether a strategy with properties p is the baseline
// that speedups are measured against: the strategy that runs one task at
// a time and models nothing (sequential).
func IsBaseline(p runfile.Props) bool {
	return p.Concurrency == runfile.One && !p.Model
}
