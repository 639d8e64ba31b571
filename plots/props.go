package plots

import (
	"strings"

	"github.com/concbench/concbench/strategies"
)

// unknownRank is the simplicity rank given to a strategy whose properties
// are neither in the run's configuration lines nor known to this version
// (the CPython strategies of python.txt): after every known strategy.
const unknownRank = 1000

// propsKey reports whether a configuration key carries a strategy's
// properties (strategies.ConfigKey) and returns the strategy's name.
func propsKey(key string) (string, bool) {
	name, ok := strings.CutPrefix(key, strategies.ConfigKey(""))
	return name, ok && name != ""
}

// props returns the properties of the strategy called name: from the run's
// "strategy-<name>:" configuration line if it has one; else, for runs
// written before those lines existed, from this version's registry
// (strategies.PropsOf); else a strategy that may run every task at once
// on every core, ranked after all others and not a model.
func (r *Run) props(name string) strategies.Props {
	if p, ok := r.Props[name]; ok {
		return p
	}
	if p, err := strategies.PropsOf(name); err == nil {
		return p
	}
	return strategies.Props{Concurrency: strategies.PerTask, Rank: unknownRank}
}

// isBaseline reports whether a strategy with properties p is the baseline
// that speedups are measured against: the strategy that runs one task at
// a time and models nothing (sequential).
func isBaseline(p strategies.Props) bool {
	return p.Concurrency == strategies.One && !p.Model
}
