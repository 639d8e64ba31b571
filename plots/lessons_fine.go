package plots

import (
	"fmt"
	"strings"
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
	for _, other := range []*Row{sp, pr} {
		if other == nil {
			continue
		}
		rt := perTaskRatio(ex, other)
		p := compare(perTaskSample(ex).Sample, perTaskSample(other).Sample)
		j.part(j.significant(atLeast(rt, FarAbove), p, "exec vs "+other.Strategy),
			fmt.Sprintf("exec %s/task = %s× %s (%s/task)", ns(perTask(ex).Center), est(rt), other.Strategy, ns(perTask(other).Center)), ex, other)
		j.p("exec vs "+other.Strategy, p)
	}
	j.missing = append(j.missing, missingNames("fine Hash", map[string]*Row{"spawn": sp, "process": pr})...)
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
	var losers, maybe []string
	work := perTask(seq).Center
	for _, r := range s.fine {
		if r == seq || !r.Speedup.Valid() {
			continue
		}
		slower := r.Time.Center > seq.Time.Center
		overhead := perTask(r).Center - work
		desc := fmt.Sprintf("%s %s× slower, overhead %s/task vs work %s/task", r.Strategy, num(1/r.Speedup.V), ns(overhead), ns(work))
		switch {
		case slower && r.P < Alpha:
			losers = append(losers, desc)
			j.p(r.Strategy+" vs sequential", r.P)
		case slower:
			maybe = append(maybe, r.Strategy)
			j.p(r.Strategy+" vs sequential", r.P)
		}
	}
	// Strategies measured on a smaller batch (exec) compare per task.
	for _, r := range s.fineSmaller {
		rt := perTaskRatio(r, seq)
		p := compare(perTaskSample(r).Sample, perTaskSample(seq).Sample)
		if !rt.Valid() || rt.V <= 1 {
			continue
		}
		j.p(r.Strategy+" vs sequential, per task", p)
		if p < Alpha {
			losers = append(losers, fmt.Sprintf("%s %s× slower per task (at tasks=%d), overhead %s/task vs work %s/task",
				r.Strategy, num(rt.V), r.Tasks, ns(perTask(r).Center-work), ns(work)))
		} else {
			maybe = append(maybe, r.Strategy)
		}
	}
	switch {
	case len(losers) > 0:
		j.part(Pass, "lose to sequential: "+strings.Join(losers, "; "), s.fine...)
	case len(maybe) > 0:
		j.part(Inconclusive, "slower than sequential but not significantly: "+strings.Join(maybe, ", "), s.fine...)
	default:
		j.part(Fail, "no strategy is slower than sequential on fine hash", s.fine...)
	}
	if len(maybe) > 0 && len(losers) > 0 {
		j.notes = append(j.notes, "also slower, not significantly: "+strings.Join(maybe, ", "))
	}
}
