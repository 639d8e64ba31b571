package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// The flood: bench's Flood family, many more waiting tasks than workers,
// under the unbounded strategy (spawn: Props.Concurrency per task) and the
// bounded ones (pool and the library adapters: Concurrency workers) at
// several worker counts. Its chart and its two verdicts read the memory
// peaks of the untimed probe batch (peak-stack-B, peak-rss-B) beside the
// batch time.

// FloodChart is the name of the time-versus-memory chart of the flood.
const FloodChart = "flood-pareto"

// floodMemory is the memory axis of the chart: the process's peak resident
// set growth during a batch, what the operating system sees.
const floodMemory = runfile.UnitPeakRSS

// floodStacks is the memory of the first verdict: goroutine stacks, the
// memory a bound on concurrency is said to bound.
const floodStacks = runfile.UnitPeakStack

// floodSelection is the flood's rows at its highest procs: the unbounded
// row (nil if absent) and the bounded ones.
type floodSelection struct {
	unbounded *Row
	bounded   []*Row
}

// selectFlood picks the flood's rows. In a run with two flood sizes (make
// bench-flood) it picks the one with the most tasks: the published
// flood, which the libraries' claims are about.
func selectFlood(rows []*Row) floodSelection {
	var s floodSelection
	isFlood := func(r *Row) bool { return r.Bench.Family == runfile.FamilyFlood }
	for _, r := range pickWorkload(rows, isFlood, func(a, b *Row) bool { return a.Tasks > b.Tasks }) {
		switch {
		case r.Props.Model || r.Props.Processes:
		case r.Props.Concurrency == runfile.PerTask:
			if s.unbounded == nil {
				s.unbounded = r
			}
		case r.Props.Concurrency == runfile.PerWorker:
			s.bounded = append(s.bounded, r)
		}
	}
	return s
}

// floodName names a flood row: its strategy and, for a bounded one, its
// worker count.
func floodName(r *Row) string {
	if r.Workers > 0 {
		return fmt.Sprintf("%s workers=%d", r.Strategy, r.Workers)
	}
	return r.Strategy
}

// metricOf returns the summary and sample of unit in r, ok false when r
// lacks it.
func metricOf(r *Row, unit string) (*Metric, bool) {
	if r == nil {
		return nil, false
	}
	m := r.Bench.Metric(unit)
	return m, m != nil && !math.IsNaN(m.Summary.Center)
}

// floodVerdicts judges the pool libraries' claims on the flood; a run
// without Flood rows gets none.
func floodVerdicts(rows []*Row) []Verdict {
	if !slices.ContainsFunc(rows, func(r *Row) bool { return r.Bench.Family == runfile.FamilyFlood }) {
		return nil
	}
	s := selectFlood(rows)
	return []Verdict{lessonPoolBoundsMemory(s), lessonPoolFaster(s)}
}

// A floodRatio is one bounded row's figure against the unbounded row's.
type floodRatio struct {
	row *Row
	rt  Estimate
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
	base, ok := metricOf(s.unbounded, unit)
	if !ok {
		return nil
	}
	var out []floodRatio
	for _, r := range s.bounded {
		m, ok := metricOf(r, unit)
		if !ok {
			continue
		}
		fr := floodRatio{row: r, rt: metricRatio(m, base), p: compare(m.Sample, base.Sample)}
		fr.below = fr.rt.Valid() && fr.rt.Hi < 1 && fr.p < Alpha
		fr.above = fr.rt.Valid() && fr.rt.Lo > 1 && fr.p < Alpha
		out = append(out, fr)
	}
	return out
}

// floodFewest returns the smallest sample count below MinSamples among the
// flood rows' unit, 0 if all have enough.
func floodFewest(s floodSelection, unit string) int {
	fewest := 0
	for _, r := range append([]*Row{s.unbounded}, s.bounded...) {
		if m, ok := metricOf(r, unit); ok && m.Summary.N < MinSamples && (fewest == 0 || m.Summary.N < fewest) {
			fewest = m.Summary.N
		}
	}
	return fewest
}

// floodNoisy reports whether any flood row's unit has a noisy interval.
func floodNoisy(s floodSelection, unit string) bool {
	for _, r := range append([]*Row{s.unbounded}, s.bounded...) {
		if m, ok := metricOf(r, unit); ok && m.Summary.Noisy() {
			return true
		}
	}
	return false
}

// floodMissing returns a verdict's "no data" parts.
func floodMissing(s floodSelection, unit string) []string {
	var missing []string
	if _, ok := metricOf(s.unbounded, unit); !ok {
		missing = append(missing, "Flood unbounded strategy (spawn) with "+unit)
	}
	if !slices.ContainsFunc(s.bounded, func(r *Row) bool { _, ok := metricOf(r, unit); return ok }) {
		missing = append(missing, "Flood bounded strategies with "+unit)
	}
	return missing
}

// rowNames names the benchmarks of the flood selection.
func (s floodSelection) rowNames() []string {
	var names []string
	for _, r := range append([]*Row{s.unbounded}, s.bounded...) {
		if r != nil {
			names = append(names, r.Bench.Name)
		}
	}
	return names
}

func lessonPoolBoundsMemory(s floodSelection) Verdict {
	claim := "A pool bounds memory: on the flood, every bounded strategy's (pool and the library adapters, at every worker count) peak goroutine stacks are below spawn's, significantly."
	v := Verdict{Claim: claim, P: "—", Figure: "—", Outcome: Inconclusive, Rows: s.rowNames()}
	if missing := floodMissing(s, floodStacks); len(missing) > 0 {
		v.Note = "no data: " + strings.Join(missing, ", ")
		return v
	}
	if n := floodFewest(s, floodStacks); n > 0 {
		v.Note = tooFew(n)
		return v
	}
	v.Noisy = floodNoisy(s, floodStacks)
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
	spawn := s.unbounded.Bench.Metric(floodStacks).Summary
	figs := []string{fmt.Sprintf("%s %s; %d of %d bounded rows below it", s.unbounded.Strategy, mib(spawn.Center), below, len(frs))}
	var ps []string
	show := func(list []floodRatio, verb string) {
		for _, fr := range list {
			figs = append(figs, fmt.Sprintf("%s %s %s (×%s)", floodName(fr.row), verb, mib(fr.row.Bench.Metric(floodStacks).Summary.Center), est(fr.rt)))
			ps = append(ps, fmt.Sprintf("%s (%s)", pval(fr.p), floodName(fr.row)))
		}
	}
	switch {
	case len(above) > 0:
		v.Outcome = Fail
		show(above, "above it:")
		v.Note = fmt.Sprintf("a pool bounds the goroutines alive at once to its workers, but a worker parked between tasks keeps its stack: a pool larger than the goroutines %s has alive at once (its tasks end while others start) holds more", s.unbounded.Strategy)
	case len(unclear) > 0:
		show(unclear, "not significantly below:")
		v.Note = "not every bounded row is significantly below " + s.unbounded.Strategy
	default:
		v.Outcome = Pass
		worst := slices.MaxFunc(frs, func(a, b floodRatio) int { return cmpFloat(a.rt.V, b.rt.V) })
		show([]floodRatio{worst}, "the highest:")
	}
	v.Figure = strings.Join(figs, "; ")
	if len(ps) > 0 {
		v.P = strings.Join(ps, "; ")
	}
	return v
}

func lessonPoolFaster(s floodSelection) Verdict {
	claim := "ants' README: \"a pool may achieve higher performance than unlimited goroutines\": on the flood, some bounded strategy (pool or a library adapter, at some worker count) is significantly faster than spawn; FAIL if spawn is significantly faster than every one."
	v := Verdict{Claim: claim, P: "—", Figure: "—", Outcome: Inconclusive, Rows: s.rowNames()}
	if missing := floodMissing(s, runfile.UnitNsPerOp); len(missing) > 0 {
		v.Note = "no data: " + strings.Join(missing, ", ")
		return v
	}
	if n := floodFewest(s, runfile.UnitNsPerOp); n > 0 {
		v.Note = tooFew(n)
		return v
	}
	v.Noisy = floodNoisy(s, runfile.UnitNsPerOp)
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
	best := slices.MinFunc(frs, func(a, b floodRatio) int { return cmpFloat(a.rt.V, b.rt.V) })
	figs := []string{
		fmt.Sprintf("%s %s per batch", s.unbounded.Strategy, ns(s.unbounded.Time.Center)),
		fmt.Sprintf("fastest bounded: %s %s (time ×%s of %s's)", floodName(best.row), ns(best.row.Time.Center), est(best.rt), s.unbounded.Strategy),
		fmt.Sprintf("%d of %d bounded rows significantly faster than %s, %d slower", faster, len(frs), s.unbounded.Strategy, slower),
	}
	if i := slices.IndexFunc(frs, func(fr floodRatio) bool { return fr.row.Strategy == "ants" }); i >= 0 {
		ants := frs[i]
		for _, fr := range frs {
			if fr.row.Strategy == "ants" && fr.rt.V < ants.rt.V {
				ants = fr
			}
		}
		if ants.row != best.row {
			figs = append(figs, fmt.Sprintf("best ants: %s %s (×%s)", floodName(ants.row), ns(ants.row.Time.Center), est(ants.rt)))
		}
	}
	switch {
	case faster > 0:
		v.Outcome = Pass
	case slower == len(frs):
		v.Outcome = Fail
	default:
		v.Note = "no bounded row is significantly faster than " + s.unbounded.Strategy + ", and not every one is significantly slower"
	}
	v.Figure = strings.Join(figs, "; ")
	v.P = pval(best.p) + " (fastest bounded vs " + s.unbounded.Strategy + ")"
	return v
}

// mib writes bytes in MiB.
func mib(b float64) string { return fmt.Sprintf("%.3g MiB", b/(1<<20)) }
