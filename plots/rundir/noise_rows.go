package rundir

import (
	"path/filepath"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// A NoiseRow is a configuration that took more samples than the run's
// count (the driver re-ran it because its interval was wider than ±5 %),
// or whose interval is still wider than ±5 %.
type NoiseRow struct {
	Row *Row
	// Rerun reports whether it has more samples than the count runs gave.
	Rerun bool
	// Noisy reports whether its final interval is still wider than ±5 %
	// (or it has too few samples for one).
	Noisy bool
}

// NoiseRows lists, in row order, the configurations that were re-run or
// are still noisy. count is the run's count configuration line (0 when
// unknown: then no row counts as re-run).
func NoiseRows(rows []*Row, count int) []NoiseRow {
	var out []NoiseRow
	for _, r := range rows {
		nr := NoiseRow{Row: r, Rerun: count > 0 && r.Time.N > count, Noisy: r.Noisy || !r.Time.Enough()}
		if nr.Rerun || nr.Noisy {
			out = append(out, nr)
		}
	}
	return out
}

// RerunsSpread reports whether the driver spread its noise re-runs between
// the count runs (from the MinSamples-th on) rather than after them: the
// round after the MinSamples-th then holds fewer configurations than the
// first. Rounds are numbered in the order they ran.
func (r *Run) RerunsSpread(count int) bool {
	if count <= stat.MinSamples {
		return false
	}
	perRound := map[int]int{}
	for _, b := range r.Benchmarks {
		if m := b.Metric(runfile.UnitNsPerOp); m != nil && filepath.Base(m.File) == runfile.RawFile {
			for _, k := range m.Rounds {
				perRound[k]++
			}
		}
	}
	return perRound[stat.MinSamples+1] > 0 && perRound[stat.MinSamples+1] < perRound[1]
}

// HasUnit reports whether some benchmark of the run reports unit.
func (r *Run) HasUnit(unit string) bool {
	for _, b := range r.Benchmarks {
		if b.Metric(unit) != nil {
			return true
		}
	}
	return false
}
