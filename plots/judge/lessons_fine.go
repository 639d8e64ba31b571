package judge

import (
	"strings"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// The judge functions of the lessons on the fine hash, where the work per
// task is smallest: processes cost more to start, and per-task overhead
// can exceed the work.

// lessonProcessCost judges exec's time per task on fine hash (or on its
// smaller batch) against spawn's and process's: each ≥ FarAbove×,
// significantly.
func lessonProcessCost(j *judge, ev *evidence) {
	s := ev.seed
	ex, sp, pr := find(s.fine, "exec", 0), find(s.fine, "spawn", 0), find(s.fine, "process", 0)
	if ex == nil {
		ex = find(s.fineSmaller, "exec", 0) // measured per task on a smaller batch
	}
	if ex == nil {
		j.missing = append(j.missing, "fine Hash strategy=exec")
		return
	}
	for _, other := range []*rundir.Row{sp, pr} {
		if other == nil {
			continue
		}
		rt := rundir.PerTaskRatio(ex, other)
		p := stat.Compare(rundir.PerTaskSample(ex).Sample, rundir.PerTaskSample(other).Sample)
		j.part(j.significant(stat.AtLeast(rt, FarAbove), p, "exec vs "+other.Strategy),
			say("exec %s/task = %s× %s (%s/task)", nsTime(rundir.PerTask(ex).Center), rt, other.Strategy, nsTime(rundir.PerTask(other).Center)), ex, other)
		j.p("exec vs "+other.Strategy, p)
	}
	j.missing = append(j.missing, missingNames("fine Hash", map[string]*rundir.Row{"spawn": sp, "process": pr})...)
}

// lessonFineGrained names the strategies significantly slower than
// sequential on fine hash (per task for a smaller batch): PASS if there is
// one, INCONCLUSIVE if some are slower but not significantly, else FAIL.
func lessonFineGrained(j *judge, ev *evidence) {
	s := ev.seed
	seq := find(s.fine, "sequential", 0)
	if seq == nil {
		j.missing = append(j.missing, "fine Hash strategy=sequential")
		return
	}
	if len(s.fine) < 2 {
		j.missing = append(j.missing, "fine Hash strategies other than sequential")
		return
	}
	var losers []Phrase
	var maybe []string
	work := rundir.PerTask(seq).Center
	for _, r := range s.fine {
		if r == seq || !r.Speedup.Valid() {
			continue
		}
		slower := r.Time.Center > seq.Time.Center
		overhead := rundir.PerTask(r).Center - work
		desc := say("%s %s× slower, overhead %s/task vs work %s/task", r.Strategy, number(1/r.Speedup.V), nsTime(overhead), nsTime(work))
		switch {
		case slower && r.P < stat.Alpha:
			losers = append(losers, desc)
			j.p(r.Strategy+" vs sequential", r.P)
		case slower:
			maybe = append(maybe, r.Strategy)
			j.p(r.Strategy+" vs sequential", r.P)
		}
	}
	// Strategies measured on a smaller batch (exec) compare per task.
	for _, r := range s.fineSmaller {
		rt := rundir.PerTaskRatio(r, seq)
		p := stat.Compare(rundir.PerTaskSample(r).Sample, rundir.PerTaskSample(seq).Sample)
		if !rt.Valid() || rt.V <= 1 {
			continue
		}
		j.p(r.Strategy+" vs sequential, per task", p)
		if p < stat.Alpha {
			losers = append(losers, say("%s %s× slower per task (at tasks=%d), overhead %s/task vs work %s/task",
				r.Strategy, number(rt.V), r.Tasks, nsTime(rundir.PerTask(r).Center-work), nsTime(work)))
		} else {
			maybe = append(maybe, r.Strategy)
		}
	}
	switch {
	case len(losers) > 0:
		j.part(stat.Pass, append(say("lose to sequential: "), joinPhrases(losers, "; ")...), s.fine...)
	case len(maybe) > 0:
		j.part(stat.Inconclusive, say("slower than sequential but not significantly: %s", strings.Join(maybe, ", ")), s.fine...)
	default:
		j.part(stat.Fail, say("no strategy is slower than sequential on fine hash"), s.fine...)
	}
	if len(maybe) > 0 && len(losers) > 0 {
		j.notes = append(j.notes, say("also slower, not significantly: %s", strings.Join(maybe, ", ")))
	}
}
