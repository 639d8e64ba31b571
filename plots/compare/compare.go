// Package compare compares two run folders, an old and a new, as a build
// that guards against slowdowns needs: which answers and verdicts
// changed, and, for every configuration both measured, the time ratio
// new/old with its interval and whether it is significant (the rule of
// package stat: p < Alpha and the whole interval on one side of 1).
// Failing names the configurations significantly slower by more than a
// threshold.
//
// The two runs are read and checked as the report reads them (package
// rundir): a missing, hostile or cut file is an error naming it and its
// line. Runs of different scales measure different workloads and are
// refused; different machines, commits or Go versions are compared with
// a warning. Runs are never paired by round: the rounds of two runs were
// not measured together. A Comparison is a value; its methods may be
// called from several goroutines.
package compare

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// A Comparison is what changed from the old run to the new.
type Comparison struct {
	Old, New Run
	// Warnings say what differs between the runs besides the code: the
	// machine, the commit, the Go version.
	Warnings []string `json:"warnings"`
	// Answers are the workloads whose answer changed; Verdicts the
	// verdicts whose outcome changed.
	Answers  []AnswerChange  `json:"answers"`
	Verdicts []VerdictChange `json:"verdicts"`
	// Rows are the configurations both runs measured, in the new run's
	// order.
	Rows []Row `json:"rows"`
}

// Run names a run folder and what a comparison warns about.
type Run struct {
	Dir   string `json:"dir"`
	Scale string `json:"scale"`
	// CPU is the processor and its cores.
	CPU    string `json:"cpu"`
	Commit string `json:"commit"`
	Go     string `json:"go"`
	// Strategies are the strategies whose properties the run's
	// strategy-<name> lines give, sorted.
	Strategies []string `json:"-"`
}

// An AnswerChange is one workload whose answer differs: the strategy to
// use in each run, marked "(undecided)" where so, "—" where the run has
// no answer for it.
type AnswerChange struct {
	Workload string `json:"workload"`
	Procs    int    `json:"procs"`
	Old      string `json:"old"`
	New      string `json:"new"`
}

// A VerdictChange is one verdict whose outcome differs.
type VerdictChange struct {
	Label string `json:"label"`
	Claim string `json:"claim"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// A Row is one configuration both runs measured: its ns/op medians, the
// ratio new/old with its interval, the Mann-Whitney U p-value, and
// whether the change is significant.
type Row struct {
	Name        string  `json:"name"`
	OldNs       float64 `json:"oldNs"`
	NewNs       float64 `json:"newNs"`
	Ratio       float64 `json:"ratio"`
	Lo          float64 `json:"lo"`
	Hi          float64 `json:"hi"`
	P           float64 `json:"p"`
	Significant bool    `json:"significant"`
}

// Compare reads the run folders oldDir and newDir and compares them.
func Compare(oldDir, newDir string) (*Comparison, error) {
	old, err := rundir.ReadRun(oldDir)
	if err != nil {
		return nil, err
	}
	cur, err := rundir.ReadRun(newDir)
	if err != nil {
		return nil, err
	}
	c := &Comparison{Old: runOf(old), New: runOf(cur), Answers: []AnswerChange{}, Verdicts: []VerdictChange{}, Rows: []Row{}}
	if c.Old.Scale != c.New.Scale {
		return nil, fmt.Errorf("%s is a %s-scale run and %s a %s-scale one: the scales measure different workloads; compare two runs of the same scale",
			oldDir, orUnknown(c.Old.Scale), newDir, orUnknown(c.New.Scale))
	}
	for _, w := range []struct{ what, a, b string }{{"machines", c.Old.CPU, c.New.CPU}, {"commits", c.Old.Commit, c.New.Commit}, {"Go versions", c.Old.Go, c.New.Go}} {
		if w.a != w.b {
			c.Warnings = append(c.Warnings, fmt.Sprintf("different %s: %s against %s", w.what, orUnknown(w.a), orUnknown(w.b)))
		}
	}
	for _, r := range []*rundir.Run{old, cur} {
		if r.IsIncomplete {
			c.Warnings = append(c.Warnings, fmt.Sprintf("%s is incomplete: %s", r.Dir, firstLine(r.Incomplete)))
		}
	}
	oldRows, newRows := old.Derive(), cur.Derive()
	c.Answers = answerChanges(answer.Choose(oldRows), answer.Choose(newRows))
	c.Verdicts = verdictChanges(judge.Verdicts(old, oldRows), judge.Verdicts(cur, newRows))
	byName := map[string]*rundir.Benchmark{}
	for _, b := range old.Benchmarks {
		byName[b.Name] = b
	}
	for _, b := range cur.Benchmarks {
		o := byName[b.Name]
		if o == nil || o.Metric(runfile.UnitNsPerOp) == nil || b.Metric(runfile.UnitNsPerOp) == nil {
			continue
		}
		om, nm := o.Metric(runfile.UnitNsPerOp), b.Metric(runfile.UnitNsPerOp)
		r := stat.Ratio(nm.Summary, om.Summary)
		p := stat.Compare(om.Sample, nm.Sample)
		c.Rows = append(c.Rows, Row{Name: b.Name, OldNs: om.Summary.Center, NewNs: nm.Summary.Center, Ratio: r.V, Lo: r.Lo, Hi: r.Hi, P: p,
			Significant: stat.Differs(r, p)})
	}
	return c, nil
}

// Failing returns the rows that bench selects (every row when nil) whose
// new time is significantly above the old by more than threshold (0.1:
// 10 %): p < Alpha and the whole interval of the ratio above
// 1 + threshold.
func (c *Comparison) Failing(threshold float64, bench *regexp.Regexp) []Row {
	var out []Row
	for _, r := range c.Rows {
		if (bench == nil || bench.MatchString("Benchmark"+r.Name)) && r.P < stat.Alpha && r.Lo > 1+threshold {
			out = append(out, r)
		}
	}
	return out
}

func runOf(r *rundir.Run) Run {
	return Run{Dir: r.Dir, Scale: r.ConfigValue(runfile.ConfigScale), CPU: machine(r), Commit: r.ConfigValue(runfile.ConfigCommit), Go: r.ConfigValue(runfile.ConfigGo),
		Strategies: slices.Sorted(maps.Keys(r.Props))}
}

// machine is a run's processor and its cores: "Intel Xeon, 2 cores".
func machine(r *rundir.Run) string {
	cpu := strings.TrimSpace(r.ConfigValue("cpu"))
	if n := r.ConfigValue(runfile.ConfigNumCPU); n != "" {
		return fmt.Sprintf("%s, %s cores", orUnknown(cpu), n)
	}
	return cpu
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// answerChanges lists the workloads whose answer (the strategy to use,
// decided or not) differs, in the new run's order, then those the old run
// alone has.
func answerChanges(old, cur []answer.Choice) []AnswerChange {
	// A workload measured at one GOMAXPROCS in each run (runs of machines
	// with different core counts) is matched by workload alone.
	count := func(cs []answer.Choice) map[string]int {
		n := map[string]int{}
		for _, c := range cs {
			n[c.Workload]++
		}
		return n
	}
	nOld, nCur := count(old), count(cur)
	key := func(c answer.Choice) string {
		if nOld[c.Workload] == 1 && nCur[c.Workload] == 1 {
			return c.Workload
		}
		return fmt.Sprintf("%s@%d", c.Workload, c.Procs)
	}
	oldBy := map[string]answer.Choice{}
	for _, c := range old {
		oldBy[key(c)] = c
	}
	out := []AnswerChange{}
	seen := map[string]bool{}
	for _, c := range cur {
		seen[key(c)] = true
		o, ok := oldBy[key(c)]
		a, b := "—", useOf(c)
		if ok {
			a = useOf(o)
		}
		if a != b {
			out = append(out, AnswerChange{Workload: rundir.Label(c.Fastest), Procs: c.Procs, Old: a, New: b})
		}
	}
	for _, o := range old {
		if !seen[key(o)] {
			out = append(out, AnswerChange{Workload: rundir.Label(o.Fastest), Procs: o.Procs, Old: useOf(o), New: "—"})
		}
	}
	return out
}

// useOf is a Choice's answer in words: the strategy to use, "(undecided)"
// when so; "too few samples" when nothing is ranked.
func useOf(c answer.Choice) string {
	if c.Recommended == nil {
		return "too few samples"
	}
	if !c.Decided() {
		return c.Recommended.Name() + " (undecided)"
	}
	return c.Recommended.Name()
}

// verdictChanges lists the verdicts whose outcome differs, by number.
func verdictChanges(old, cur []judge.Verdict) []VerdictChange {
	oldBy := map[int]judge.Verdict{}
	for _, v := range old {
		oldBy[v.Lesson] = v
	}
	out := []VerdictChange{}
	for _, v := range cur {
		o, ok := oldBy[v.Lesson]
		a := "—"
		if ok {
			a = string(o.Outcome)
		}
		if a != string(v.Outcome) {
			out = append(out, VerdictChange{Label: fmt.Sprint(v.Lesson), Claim: v.Claim, Old: a, New: string(v.Outcome)})
		}
	}
	return out
}
