package judge

import (
	"math"
	"slices"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// The flood: bench's Flood family, many more waiting tasks than workers,
// under the unbounded strategy (spawn: Props.Concurrency per task) and the
// bounded ones (pool and the library adapters: Concurrency workers) at
// several worker counts. Its chart and its two lessons read the memory
// peaks of the untimed probe batch (peak-stack-B, peak-rss-B) beside the
// batch time.

// floodFamily is the benchmark family of the flood.
const floodFamily = runfile.FamilyFlood

// FloodMemory is the memory axis of the chart: the process's peak resident
// set growth during a batch, what the operating system sees.
const FloodMemory = runfile.UnitPeakRSS

// floodStacks is the memory of the first verdict: goroutine stacks, the
// memory a bound on concurrency is said to bound.
const floodStacks = runfile.UnitPeakStack

// floodSelection is the flood's rows at its highest procs: the unbounded
// row (nil if absent) and the bounded ones.
type floodSelection struct {
	Unbounded *rundir.Row
	Bounded   []*rundir.Row
}

// SelectFlood picks the flood's rows. In a run with two flood sizes (make
// bench-flood) it picks the one with the most tasks: the published
// flood, which the libraries' claims are about.
func SelectFlood(rows []*rundir.Row) floodSelection {
	var s floodSelection
	isFlood := func(r *rundir.Row) bool { return r.Bench.Family == floodFamily }
	for _, r := range PickWorkload(rows, isFlood, func(a, b *rundir.Row) bool { return a.Tasks > b.Tasks }) {
		switch {
		case r.Props.Model || r.Props.Processes:
		case r.Props.Concurrency == runfile.PerTask:
			if s.Unbounded == nil {
				s.Unbounded = r
			}
		case r.Props.Concurrency == runfile.PerWorker:
			s.Bounded = append(s.Bounded, r)
		}
	}
	return s
}

// MetricOf returns the summary and sample of unit in r, ok false when r
// lacks it.
func MetricOf(r *rundir.Row, unit string) (*rundir.Metric, bool) {
	if r == nil {
		return nil, false
	}
	m := r.Bench.Metric(unit)
	return m, m != nil && !math.IsNaN(m.Summary.Center)
}

// A floodRatio is one bounded row's figure against the unbounded row's.
type floodRatio struct {
	row *rundir.Row
	rt  stat.Estimate
	p   float64
	// below and above report a significant difference either way.
	below, above bool
}

// floodRatios judges every bounded row's figure (unit; "ns/op" for time)
// against the unbounded row's: below it means the whole interval of the
// ratio under 1 and p < α, above it the whole interval over 1 and p < α.
// It returns the judgments in the order of s.bounded, skipping rows
// without unit.
func floodRatios(s floodSelection, unit string) []floodRatio {
	base, ok := MetricOf(s.Unbounded, unit)
	if !ok {
		return nil
	}
	var out []floodRatio
	for _, r := range s.Bounded {
		m, ok := MetricOf(r, unit)
		if !ok {
			continue
		}
		fr := floodRatio{row: r, rt: rundir.MetricRatio(m, base), p: stat.Compare(m.Sample, base.Sample)}
		fr.below = fr.rt.Valid() && fr.rt.Hi < 1 && fr.p < stat.Alpha
		fr.above = fr.rt.Valid() && fr.rt.Lo > 1 && fr.p < stat.Alpha
		out = append(out, fr)
	}
	return out
}

// floodMissing returns a verdict's "no data" parts.
func floodMissing(s floodSelection, unit string) []string {
	var missing []string
	if _, ok := MetricOf(s.Unbounded, unit); !ok {
		missing = append(missing, "Flood unbounded strategy (spawn) with "+unit)
	}
	if !slices.ContainsFunc(s.Bounded, func(r *rundir.Row) bool { _, ok := MetricOf(r, unit); return ok }) {
		missing = append(missing, "Flood bounded strategies with "+unit)
	}
	return missing
}

// rows returns the rows of the flood selection, the unbounded one first.
func (s floodSelection) rows() []*rundir.Row {
	if s.Unbounded == nil {
		return s.Bounded
	}
	return append([]*rundir.Row{s.Unbounded}, s.Bounded...)
}

// lessonPoolBoundsMemory judges the flood's peak goroutine stacks: PASS
// when every bounded row's are significantly below the unbounded row's,
// FAIL when one is significantly above, INCONCLUSIVE otherwise.
func lessonPoolBoundsMemory(j *judge, ev *evidence) {
	s := ev.flood
	j.cite(s.rows()...)
	j.missing = floodMissing(s, floodStacks)
	if len(j.missing) > 0 {
		return
	}
	frs := floodRatios(s, floodStacks)
	var above, unclear []floodRatio
	below := 0
	for _, fr := range frs {
		switch {
		case fr.below:
			below++
		case fr.above:
			above = append(above, fr)
		default:
			unclear = append(unclear, fr)
		}
	}
	spawn := s.Unbounded.Bench.Metric(floodStacks).Summary
	figs := []Phrase{say("%s %s; %d of %d bounded rows below it", s.Unbounded.Strategy, mib(spawn.Center), below, len(frs))}
	show := func(list []floodRatio, verb string) {
		for _, fr := range list {
			figs = append(figs, say("%s %s %s (×%s)", rundir.RowName(fr.row), verb, mib(fr.row.Bench.Metric(floodStacks).Summary.Center), fr.rt))
			j.p(rundir.RowName(fr.row), fr.p)
		}
	}
	o := stat.Inconclusive
	switch {
	case len(above) > 0:
		o = stat.Fail
		show(above, "above it:")
		j.notes = append(j.notes, say("a pool bounds the goroutines alive at once to its workers, but a worker parked between tasks keeps its stack: a pool larger than the goroutines %s has alive at once (its tasks end while others start) holds more", s.Unbounded.Strategy))
	case len(unclear) > 0:
		show(unclear, "not significantly below:")
		j.notes = append(j.notes, say("not every bounded row is significantly below %s", s.Unbounded.Strategy))
	default:
		o = stat.Pass
		worst := slices.MaxFunc(frs, func(a, b floodRatio) int { return stat.CmpFloat(a.rt.V, b.rt.V) })
		show([]floodRatio{worst}, "the highest:")
	}
	j.partOn(floodStacks, o, joinPhrases(figs, "; "), s.rows()...)
}

// lessonPoolFaster judges the flood's time per batch: PASS when some
// bounded row is significantly faster than the unbounded row, FAIL when
// the unbounded row is significantly faster than every one, INCONCLUSIVE
// otherwise.
func lessonPoolFaster(j *judge, ev *evidence) {
	s := ev.flood
	j.cite(s.rows()...)
	j.missing = floodMissing(s, runfile.UnitNsPerOp)
	if len(j.missing) > 0 {
		return
	}
	frs := floodRatios(s, runfile.UnitNsPerOp)
	faster, slower := 0, 0
	for _, fr := range frs {
		if fr.below {
			faster++
		}
		if fr.above {
			slower++
		}
	}
	best := slices.MinFunc(frs, func(a, b floodRatio) int { return stat.CmpFloat(a.rt.V, b.rt.V) })
	figs := []Phrase{
		say("%s %s per batch", s.Unbounded.Strategy, nsTime(s.Unbounded.Time.Center)),
		say("fastest bounded: %s %s (time ×%s of %s's)", rundir.RowName(best.row), nsTime(best.row.Time.Center), best.rt, s.Unbounded.Strategy),
		say("%d of %d bounded rows significantly faster than %s, %d slower", faster, len(frs), s.Unbounded.Strategy, slower),
	}
	if i := slices.IndexFunc(frs, func(fr floodRatio) bool { return fr.row.Strategy == "ants" }); i >= 0 {
		ants := frs[i]
		for _, fr := range frs {
			if fr.row.Strategy == "ants" && fr.rt.V < ants.rt.V {
				ants = fr
			}
		}
		if ants.row != best.row {
			figs = append(figs, say("best ants: %s %s (×%s)", rundir.RowName(ants.row), nsTime(ants.row.Time.Center), ants.rt))
		}
	}
	o := stat.Inconclusive
	switch {
	case faster > 0:
		o = stat.Pass
	case slower == len(frs):
		o = stat.Fail
	default:
		j.notes = append(j.notes, say("no bounded row is significantly faster than %s, and not every one is significantly slower", s.Unbounded.Strategy))
	}
	j.p("fastest bounded vs "+s.Unbounded.Strategy, best.p)
	j.partOn(runfile.UnitNsPerOp, o, joinPhrases(figs, "; "), s.rows()...)
}
