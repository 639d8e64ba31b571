package judge

import (
	"fmt"
	"math"
	"strings"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// verdicts judges, per workload, "the gil model predicts CPython threads"
// (and every other strategy with a model line, on the workloads it runs),
// on the coarse hash "Go's process is at least as fast as
// multiprocessing.Pool", and, for a strategy with an overlaps line,
// "an event loop in one thread overlaps I/O as well as threads do".
func (py *Python) verdicts() []Verdict {
	var out []Verdict
	n := 0
	for _, s := range py.PyStrategies() {
		m := py.Model(s)
		if m == "" {
			continue
		}
		for _, w := range py.Workloads {
			if !py.RunsOn(s, w) {
				continue
			}
			n++
			out = append(out, py.modelVerdict(n, w, s, m))
		}
	}
	for _, s := range py.PyStrategies() {
		if py.Counterpart(s) != "process" {
			continue
		}
		var coarse *PyWorkload
		for _, w := range py.Workloads {
			if r := w.Py["python"][s]; r != nil && rundir.KindOf(r.Bench.Family) == rundir.KindHash && rundir.HashGrain(r.Bench) == "coarse" {
				coarse = w
				break
			}
		}
		n++
		out = append(out, py.processVerdict(n, coarse, s))
	}
	for _, s := range py.PyStrategies() {
		if t := py.overlaps(s); t != "" {
			n++
			out = append(out, py.overlapVerdict(n, s, t))
		}
	}
	return out
}

// overlapVerdict judges, on every workload that Python strategy s runs
// (its families line), that s overlaps the tasks' waits as well as Python
// strategy t: PASS if the whole interval of the time ratio s / t is at
// most 1 + stat.SameWithin (s no more than 10 % slower), FAIL if the whole
// interval is above it and the difference significant. For asyncio
// beside threads, the claim is that one event loop in one thread
// overlaps I/O as well as a thread per task. The notes give s's time
// against the Go model (gil: one OS thread, goroutines waiting in the
// runtime's timers and netpoller) and the Go counterpart (spawn) on the
// same tasks: the tasks are waits, so the times compare across languages.
func (py *Python) overlapVerdict(n int, s, t string) Verdict {
	var j judge
	var labels []string
	for _, w := range py.Workloads {
		if !py.RunsOn(s, w) {
			continue
		}
		labels = append(labels, w.Label)
		a, b := w.Py["python"][s], w.Py["python"][t]
		if a == nil || b == nil {
			j.missing = append(j.missing, missingNames("CPython "+w.Key, map[string]*rundir.Row{s: a, t: b})...)
			continue
		}
		rt := rundir.TimeRatio(a, b)
		p := stat.Compare(a.Bench.Metric(runfile.UnitNsPerOp).Sample, b.Bench.Metric(runfile.UnitNsPerOp).Sample)
		o := j.differs(stat.AtMost(rt, 1+stat.SameWithin), p, s+" vs "+t+" difference")
		j.part(o, say("%s: CPython %s %s, %s %s; time ratio %s", w.Label, s, nsTime(a.Time.Center), t, nsTime(b.Time.Center), rt), a, b)
		j.p(fmt.Sprintf("%s vs %s, %s", s, t, w.Key), p)
		if rt.Valid() && rt.Hi < 1-stat.SameWithin && p < stat.Alpha {
			j.notes = append(j.notes, say("on %s %s is more than %.0f %% faster than %s", w.Label, s, 100*stat.SameWithin, t))
		}
		gs := []string{py.Model(s)}
		if c := py.Counterpart(s); c != gs[0] {
			gs = append(gs, c)
		}
		var goFigs []Phrase
		for _, g := range gs {
			if r := w.Go[g]; g != "" && r != nil {
				goFigs = append(goFigs, say("%s %s (CPython %s / Go %s %s)", g, nsTime(r.Time.Center), s, g, stat.Ratio(a.Time, r.Time)))
			}
		}
		if len(goFigs) > 0 {
			j.notes = append(j.notes, append(say("Go on %s: ", w.Label), joinPhrases(goFigs, ", ")...))
		}
	}
	on := strings.Join(labels, " and ")
	if on == "" {
		on = "the workloads it runs"
		j.missing = append(j.missing, "CPython strategy="+s)
	}
	claim := fmt.Sprintf("CPython %s overlaps I/O as well as %s do: on %s its time is at most %.0f %% above theirs.", py.about(s), py.about(t), on, 100*stat.SameWithin)
	return j.verdict(n, claim)
}

// modelVerdict judges whether Go strategy m's speedup over Go sequential
// predicts Python strategy s's speedup over CPython sequential on w: PASS
// if the ratio of the two speedups lies within 1 ± GILAgree over its whole
// interval, FAIL if its whole interval lies outside.
func (py *Python) modelVerdict(n int, w *PyWorkload, s, m string) Verdict {
	var j judge
	claim := fmt.Sprintf("The %s model predicts CPython %s on %s: speedups over sequential agree within %.0f %%.", m, py.about(s), w.Label, 100*GILAgree)
	g, p := w.Go[m], w.Py["python"][s]
	switch {
	case g == nil || !g.Speedup.Valid():
		j.missing = append(j.missing, fmt.Sprintf("Go strategy=%s (or its sequential) on %s", m, w.Key))
	case p == nil || !p.Speedup.Valid():
		j.missing = append(j.missing, fmt.Sprintf("CPython strategy=%s (or its sequential) on %s", s, w.Key))
	default:
		r := stat.Estimate{V: p.Speedup.V / g.Speedup.V, Lo: p.Speedup.Lo / g.Speedup.Hi, Hi: p.Speedup.Hi / g.Speedup.Lo}
		j.part(stat.Within(r, 1-GILAgree, 1+GILAgree), say("Go %s %s×, CPython %s %s×; ratio %s", m, g.Speedup, s, p.Speedup, r), g, p)
		j.p("Go "+m+" vs sequential", g.P)
		j.p("CPython "+s+" vs sequential", p.P)
		// Beside it, the CPython strategy paired with Go's pool, whose
		// threads start once: it separates the GIL from thread starts.
		for _, s2 := range py.PyStrategies() {
			if r := w.Py["python"][s2]; s2 != s && r != nil && py.Counterpart(s2) == "pool" && r.Speedup.Valid() {
				j.notes = append(j.notes, say("CPython %s, threads started once: %s×", py.about(s2), r.Speedup))
			}
		}
	}
	return j.verdict(n, claim)
}

// processVerdict judges Go's process against the Python strategy s
// (multiprocessing.Pool) on the coarse hash w: PASS if Go's time is at
// most CPython's over the whole interval of their ratio and the
// difference is significant.
func (py *Python) processVerdict(n int, w *PyWorkload, s string) Verdict {
	var j judge
	claim := fmt.Sprintf("Go's process is at least as fast as CPython's %s on the coarse hash.", py.about(s))
	if w == nil || w.Go["process"] == nil || w.Py["python"][s] == nil {
		j.missing = append(j.missing, fmt.Sprintf("coarse Hash with Go strategy=process and CPython strategy=%s", s))
		return j.verdict(n, claim)
	}
	g, p := w.Go["process"], w.Py["python"][s]
	rt := stat.Ratio(g.Time, p.Time)
	pv := stat.Compare(g.Bench.Metric(runfile.UnitNsPerOp).Sample, p.Bench.Metric(runfile.UnitNsPerOp).Sample)
	o := stat.AtMost(rt, 1)
	j.part(j.significant(o, pv, "the difference"), say("Go process %s, CPython %s %s on %s; time ratio %s", nsTime(g.Time.Center), s, nsTime(p.Time.Center), w.Label, rt), g, p)
	j.p("Go process vs CPython "+s, pv)
	return j.verdict(n, claim)
}

// PySpeedup is the speedup of a row as a Summary, for the charts.
func PySpeedup(r *rundir.Row) stat.Summary {
	if r == nil || !r.Speedup.Valid() {
		return stat.Summary{Center: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	}
	return stat.Summary{Center: r.Speedup.V, Lo: r.Speedup.Lo, Hi: r.Speedup.Hi}
}
