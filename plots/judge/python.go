package judge

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/concbench/concbench/internal/oserr"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

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
	Run *rundir.Run
	// Workloads are the workloads that have CPython rows, in order of
	// first appearance in python.txt.
	Workloads []*PyWorkload
	Verdicts  []Verdict
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
	Go map[string]*rundir.Row
	Py map[string]map[string]*rundir.Row
	// Procs is the procs of the CPython rows.
	Procs int
}

// pyKey is the workload key of a benchmark for the comparison.
func pyKey(b *rundir.Benchmark) string {
	parts := []string{b.Family}
	for _, p := range b.Params {
		if !rundir.IsSweepKey(p.Key) && p.Key != "lang" {
			parts = append(parts, p.Key+"="+p.Value)
		}
	}
	return strings.Join(parts, " ")
}

// ReadPython reads dir/python.txt, if present, and lines its rows up with
// the Go rows. It returns nil when the file is absent; an unreadable or
// malformed file is an error naming it.
func ReadPython(run *rundir.Run, goRows []*rundir.Row) (*Python, error) {
	path := filepath.Join(run.Dir, runfile.PythonFile)
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case errors.Is(err, syscall.EISDIR):
		return nil, fmt.Errorf("%s: a folder, not a file; make reference writes the CPython results to a file of that name", path)
	case err != nil:
		return nil, fmt.Errorf("reading %s: %w", path, oserr.Cause(err))
	}
	py := &Python{Run: &rundir.Run{Dir: run.Dir}}
	if err := rundir.ParseRaw(py.Run, data, path); err != nil {
		if !strings.Contains(err.Error(), "no benchmark results") {
			return nil, err
		}
		py.Note = fmt.Sprintf("%s holds no results yet (was make reference interrupted before its first?)", runfile.PythonFile)
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
		lang := r.Bench.Param("lang")
		if lang == "" {
			continue
		}
		k := pyKey(r.Bench)
		w := byKey[k]
		if w == nil {
			w = &PyWorkload{Key: k, Label: k, Go: map[string]*rundir.Row{}, Py: map[string]map[string]*rundir.Row{}, Procs: r.Procs}
			byKey[k] = w
			py.Workloads = append(py.Workloads, w)
		}
		if w.Py[lang] == nil {
			w.Py[lang] = map[string]*rundir.Row{}
		}
		w.Py[lang][r.Strategy] = r
	}
	for _, r := range goRows {
		if w := byKey[pyKey(r.Bench)]; w != nil && r.Workers == 0 && r.Procs == w.Procs && r.Bench.Param("lang") == "" {
			w.Go[r.Strategy] = r
			w.Label = rundir.Label(r)
		}
	}
	py.Verdicts = py.verdicts()
	return py, nil
}

// Counterpart returns the Go strategy that python.txt pairs with the
// Python strategy s ("counterpart-s" line), or "".
func (py *Python) Counterpart(s string) string { return py.Run.ConfigValue("counterpart-" + s) }

// Model returns the Go strategy that python.txt names as the model of s
// ("model-s" line), or "".
func (py *Python) Model(s string) string { return py.Run.ConfigValue("model-" + s) }

// about names Python strategy s with its idiom from the "idiom-s" line:
// "mppool (multiprocessing.Pool(W))".
func (py *Python) about(s string) string {
	if i := py.Run.ConfigValue("idiom-" + s); i != "" {
		return s + " (" + i + ")"
	}
	return s
}

// PyStrategies returns the Python strategies with a counterpart line, in
// the order of those lines.
func (py *Python) PyStrategies() []string {
	var out []string
	for _, c := range py.Run.Config {
		if s, ok := strings.CutPrefix(c.Key, "counterpart-"); ok {
			out = append(out, s)
		}
	}
	return out
}

// Langs returns the Python langs of the run: python first.
func (py *Python) Langs() []string {
	seen := map[string]bool{}
	for _, w := range py.Workloads {
		for l := range w.Py {
			seen[l] = true
		}
	}
	ls := unitfmt.SortedKeys(seen)
	slices.SortStableFunc(ls, func(a, b string) int { return len(a) - len(b) })
	return ls
}

// RunsOn reports whether Python strategy s runs workload w: every
// workload, unless a "families-s" line lists the families s runs
// (asyncio: those with an async form).
func (py *Python) RunsOn(s string, w *PyWorkload) bool {
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
