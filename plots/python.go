package plots

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/concbench/concbench/internal/oserr"
	"github.com/concbench/concbench/runfile"
)

// PythonFile holds the CPython reference results of a run folder, written
// by make reference (reference/python).
const PythonFile = "python.txt"

// GILAgree is how far apart the speedups of the gil model and of CPython
// threads may be for the model to predict them: within 15 %.
const GILAgree = 0.15

// A Python is the Go vs CPython comparison of one run: the rows of
// python.txt, lined up with the Go rows of the same workloads.
type Python struct {
	// Run is python.txt read as a run of its own (its Dir is the run
	// folder): its Config holds the Python version, implementation and
	// GIL lines, and the counterpart-S and model-S lines that name the Go
	// strategy each Python strategy is compared with.
	Run *Run
	// Workloads are the workloads that have CPython rows, in order of
	// first appearance in python.txt.
	Workloads []*PyWorkload
	Verdicts  []Verdict
	Charts    []Chart
	// Note says why there is no comparison when python.txt holds no
	// results.
	Note string
}

// A PyWorkload lines up the Go and the CPython rows of one workload.
type PyWorkload struct {
	// Key is the family and the workload's name parts, without strategy,
	// workers, lang and procs: "Hash size=64KiB rounds=8 tasks=64".
	Key   string
	Label string
	// Go holds the Go rows by strategy (default workers, procs as in
	// python.txt); Py the CPython rows by lang, then strategy.
	Go map[string]*Row
	Py map[string]map[string]*Row
	// Procs is the procs of the CPython rows.
	Procs int
}

// pyKey is the workload key of a benchmark for the comparison.
func pyKey(b *Benchmark) string {
	parts := []string{b.Family}
	for _, p := range b.Params {
		if !isSweepKey(p.Key) && p.Key != runfile.KeyLang {
			parts = append(parts, p.Key+"="+p.Value)
		}
	}
	return strings.Join(parts, " ")
}

// readPython reads dir/python.txt, if present, and lines its rows up with
// the Go rows. It returns nil when the file is absent; an unreadable or
// malformed file is an error naming it.
func readPython(run *Run, goRows []*Row) (*Python, error) {
	path := filepath.Join(run.Dir, PythonFile)
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case errors.Is(err, syscall.EISDIR):
		return nil, fmt.Errorf("%s: a folder, not a file; make reference writes the CPython results to a file of that name", path)
	case err != nil:
		return nil, fmt.Errorf("reading %s: %w", path, oserr.Cause(err))
	}
	py := &Python{Run: &Run{Dir: run.Dir}}
	if err := parseRaw(py.Run, data, path); err != nil {
		if !strings.Contains(err.Error(), "no benchmark results") {
			return nil, err
		}
		py.Note = fmt.Sprintf("%s holds no results yet (was make reference interrupted before its first?)", PythonFile)
		return py, nil
	}
	// python.txt carries no strategy-<name> lines: a CPython strategy
	// named like a Go one (sequential, each language's baseline) takes
	// the Go strategy's properties from raw.txt; the others are unknown
	// strategies (Run.props).
	for name, p := range run.Props {
		if _, ok := py.Run.Props[name]; !ok {
			py.Run.Props[name] = p
		}
	}
	pyRows := py.Run.Derive()
	byKey := map[string]*PyWorkload{}
	for _, r := range pyRows {
		lang := r.Bench.Param(runfile.KeyLang)
		if lang == "" {
			continue
		}
		k := pyKey(r.Bench)
		w := byKey[k]
		if w == nil {
			w = &PyWorkload{Key: k, Label: k, Go: map[string]*Row{}, Py: map[string]map[string]*Row{}, Procs: r.Procs}
			byKey[k] = w
			py.Workloads = append(py.Workloads, w)
		}
		if w.Py[lang] == nil {
			w.Py[lang] = map[string]*Row{}
		}
		w.Py[lang][r.Strategy] = r
	}
	for _, r := range goRows {
		if w := byKey[pyKey(r.Bench)]; w != nil && r.Workers == 0 && r.Procs == w.Procs && r.Bench.Param(runfile.KeyLang) == "" {
			w.Go[r.Strategy] = r
			w.Label = label(r)
		}
	}
	py.Verdicts = py.verdicts()
	charts, err := py.charts()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	py.Charts = charts
	return py, nil
}

// counterpart returns the Go strategy that python.txt pairs with the
// Python strategy s ("counterpart-s" line), or "".
func (py *Python) counterpart(s string) string { return py.Run.ConfigValue("counterpart-" + s) }

// model returns the Go strategy that python.txt names as the model of s
// ("model-s" line), or "".
func (py *Python) model(s string) string { return py.Run.ConfigValue("model-" + s) }

// about names Python strategy s with its idiom from the "idiom-s" line:
// "mppool (multiprocessing.Pool(W))".
func (py *Python) about(s string) string {
	if i := py.Run.ConfigValue("idiom-" + s); i != "" {
		return s + " (" + i + ")"
	}
	return s
}

// pyStrategies returns the Python strategies with a counterpart line, in
// the order of those lines.
func (py *Python) pyStrategies() []string {
	var out []string
	for _, c := range py.Run.Config {
		if s, ok := strings.CutPrefix(c.Key, "counterpart-"); ok {
			out = append(out, s)
		}
	}
	return out
}

// langs returns the Python langs of the run: python first.
func (py *Python) langs() []string {
	seen := map[string]bool{}
	for _, w := range py.Workloads {
		for l := range w.Py {
			seen[l] = true
		}
	}
	ls := sortedKeys(seen)
	slices.SortStableFunc(ls, func(a, b string) int { return len(a) - len(b) })
	return ls
}

// runsOn reports whether Python strategy s runs workload w: every
// workload, unless a "families-s" line lists the families s runs
// (asyncio: those with an async form).
func (py *Python) runsOn(s string, w *PyWorkload) bool {
	fams := py.Run.ConfigValue("families-" + s)
	if fams == "" {
		return true
	}
	fam, _, _ := strings.Cut(w.Key, " ")
	return slices.Contains(strings.FieldsFunc(fams, func(r rune) bool { return r == ',' || r == ' ' }), fam)
}

// overlaps returns the Python strategy that an "overlaps-s" line names:
// the one s is judged to overlap waits as well as, or "".
func (py *Python) overlaps(s string) string { return py.Run.ConfigValue("overlaps-" + s) }

// verdicts judges, per workload, "the gil model predicts CPython threads"
// (and every other strategy with a model line, on the workloads it runs),
// on the coarse hash "Go's process is at least as fast as
// multiprocessing.Pool", and, for a strategy with an overlaps line,
// "an event loop in one thread overlaps I/O as well as threads do".
func (py *Python) verdicts() []Verdict {
	var out []Verdict
	n := 0
	for _, s := range py.pyStrategies() {
		m := py.model(s)
		if m == "" {
			continue
		}
		for _, w := range py.Workloads {
			if !py.runsOn(s, w) {
				continue
			}
			n++
			out = append(out, py.modelVerdict(n, w, s, m))
		}
	}
	for _, s := range py.pyStrategies() {
		if py.counterpart(s) != "process" {
			continue
		}
		var coarse *PyWorkload
		for _, w := range py.Workloads {
			if r := w.Py["python"][s]; r != nil && kind(r.Bench.Family) == KindHash && hashGrain(r.Bench) == "coarse" {
				coarse = w
				break
			}
		}
		n++
		out = append(out, py.processVerdict(n, coarse, s))
	}
	for _, s := range py.pyStrategies() {
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
// most 1 + SameWithin (s no more than 10 % slower), FAIL if the whole
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
		if !py.runsOn(s, w) {
			continue
		}
		labels = append(labels, w.Label)
		a, b := w.Py["python"][s], w.Py["python"][t]
		if a == nil || b == nil {
			j.missing = append(j.missing, missingNames("CPython "+w.Key, map[string]*Row{s: a, t: b})...)
			continue
		}
		rt := timeRatio(a, b)
		p := compare(a.Bench.Metric(runfile.UnitNsPerOp).Sample, b.Bench.Metric(runfile.UnitNsPerOp).Sample)
		o := j.differs(atMost(rt, 1+SameWithin), p, s+" vs "+t+" difference")
		j.part(o, fmt.Sprintf("%s: CPython %s %s, %s %s; time ratio %s", w.Label, s, ns(a.Time.Center), t, ns(b.Time.Center), est(rt)), a, b)
		j.p(fmt.Sprintf("%s vs %s, %s", s, t, w.Key), p)
		if rt.Valid() && rt.Hi < 1-SameWithin && p < Alpha {
			j.notes = append(j.notes, fmt.Sprintf("on %s %s is more than %.0f %% faster than %s", w.Label, s, 100*SameWithin, t))
		}
		gs := []string{py.model(s)}
		if c := py.counterpart(s); c != gs[0] {
			gs = append(gs, c)
		}
		var goFigs []string
		for _, g := range gs {
			if r := w.Go[g]; g != "" && r != nil {
				goFigs = append(goFigs, fmt.Sprintf("%s %s (CPython %s / Go %s %s)", g, ns(r.Time.Center), s, g, est(ratio(a.Time, r.Time))))
			}
		}
		if len(goFigs) > 0 {
			j.notes = append(j.notes, fmt.Sprintf("Go on %s: %s", w.Label, strings.Join(goFigs, ", ")))
		}
	}
	on := strings.Join(labels, " and ")
	if on == "" {
		on = "the workloads it runs"
		j.missing = append(j.missing, "CPython strategy="+s)
	}
	claim := fmt.Sprintf("CPython %s overlaps I/O as well as %s do: on %s its time is at most %.0f %% above theirs.", py.about(s), py.about(t), on, 100*SameWithin)
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
		r := Estimate{V: p.Speedup.V / g.Speedup.V, Lo: p.Speedup.Lo / g.Speedup.Hi, Hi: p.Speedup.Hi / g.Speedup.Lo}
		j.part(within(r, 1-GILAgree, 1+GILAgree), fmt.Sprintf("Go %s %s×, CPython %s %s×; ratio %s", m, est(g.Speedup), s, est(p.Speedup), est(r)), g, p)
		j.p("Go "+m+" vs sequential", g.P)
		j.p("CPython "+s+" vs sequential", p.P)
		// Beside it, the CPython strategy paired with Go's pool, whose
		// threads start once: it separates the GIL from thread starts.
		for _, s2 := range py.pyStrategies() {
			if r := w.Py["python"][s2]; s2 != s && r != nil && py.counterpart(s2) == "pool" && r.Speedup.Valid() {
				j.notes = append(j.notes, fmt.Sprintf("CPython %s, threads started once: %s×", py.about(s2), est(r.Speedup)))
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
	rt := ratio(g.Time, p.Time)
	pv := compare(g.Bench.Metric(runfile.UnitNsPerOp).Sample, p.Bench.Metric(runfile.UnitNsPerOp).Sample)
	o := atMost(rt, 1)
	j.part(j.significant(o, pv, "the difference"), fmt.Sprintf("Go process %s, CPython %s %s on %s; time ratio %s", ns(g.Time.Center), s, ns(p.Time.Center), w.Label, est(rt)), g, p)
	j.p("Go process vs CPython "+s, pv)
	return j.verdict(n, claim)
}

// pySpeedup is the speedup of a row as a Summary, for the charts.
func pySpeedup(r *Row) Summary {
	if r == nil || !r.Speedup.Valid() {
		return Summary{Center: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	}
	return Summary{Center: r.Speedup.V, Lo: r.Speedup.Lo, Hi: r.Speedup.Hi}
}
