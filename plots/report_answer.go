package plots

import (
	"fmt"
	"strings"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

func (rep *Report) writeChoices(b *body) {
	b.h(2, "Which strategy for which work")
	if len(rep.Choices) == 0 {
		b.p("No results to rank: the answer covers every family but the …Workers and …Procs sweeps and Crash.")
		return
	}
	b.p("Use: the simplest strategy (%s) shown as good as the fastest, else the fastest; as good is within %s, avoid is significantly more than %s slower, undecided is neither, each a [ratio](#how-to-read-this-report) to the fastest with its %s interval. The work per task is sequential's time per task: what decides the answer. Models (gil) are not ranked.",
		simplicity(rep.Rows), unitfmt.Percent(stat.SameWithin), unitfmt.Percent(stat.SameWithin), unitfmt.Percent(stat.Confidence))
	procs := map[int]bool{}
	for _, c := range rep.Choices {
		procs[c.Procs] = true
	}
	head := []string{"work", "workload", "work per task", "use", "speedup vs sequential", "fastest time/op", "as good", "undecided", "avoid"}
	if len(procs) > 1 {
		head = append(head[:2], append([]string{"procs"}, head[2:]...)...)
	}
	t := document.Table{Head: head}
	for _, c := range rep.Choices {
		a := answerOf(c)
		fastest := unitfmt.Ns(c.Fastest.Time.Center)
		if c.Fastest.Noisy {
			fastest += " (noisy)"
		}
		cells := []string{document.Escape(rundir.WorkKind(c.Fastest)), document.Escape(a.Workload), orDash(workPerTask(c)), "**" + document.Escape(a.Use) + "**",
			a.Speedup, fastest, document.Escape(orDash(a.AsGood)), document.Escape(orDash(a.Unclear)), document.Escape(orDash(a.Avoid))}
		if len(procs) > 1 {
			cells = append(cells[:2], append([]string{fmt.Sprint(a.Procs)}, cells[2:]...)...)
		}
		t.Rows = append(t.Rows, document.Texts(cells...))
	}
	b.add(t)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (rep *Report) writeVerdicts(b *body) {
	b.h(2, "Verdicts")
	if len(rep.Verdicts) == 0 {
		b.p("None: this run has none of the suite's own workloads, on which the lessons and claims are judged (a run of your own workload compares strategies in the table above).")
		return
	}
	b.p("Each seed lesson as a claim, numbered 1 to %d: %s. PASS/FAIL need the whole interval on one side of the threshold; an interval that straddles it, a difference that is not significant, or missing data gives INCONCLUSIVE.", len(rep.Verdicts), tally(rep.Verdicts))
	t := document.Table{Head: []string{"#", "claim", "verdict", "figure", "p-value", "note", "chart"}}
	for _, v := range rep.Verdicts {
		chart := document.Text("—")
		if c := verdictChart(v, rep.Charts); c != "" {
			chart = document.Cell{Text: "chart", Chart: c}
		}
		t.Rows = append(t.Rows, append(verdictCells(fmt.Sprint(v.Lesson), v), chart))
	}
	b.add(t)
}

// verdictCells are the cells of a verdict's row in a verdict table:
// label, claim, outcome, figure, p-values and note.
func verdictCells(label string, v judge.Verdict) []document.Cell {
	note := v.Note()
	if v.Noisy {
		note = strings.TrimPrefix(note+"; noisy (CI wider than ±"+unitfmt.Percent(stat.NoisyWidth)+")", "; ")
	}
	return document.Texts(label, document.Escape(v.Claim), "**"+string(v.Outcome)+"**", document.Escape(v.Figure()), document.Escape(v.P()), document.Escape(orDash(note)))
}

// workPerTask is the work of one task of c's workload, sequential's time
// per task ("347µs"); "" when the run has no sequential row of it.
func workPerTask(c answer.Choice) string {
	if ns, ok := workPerTaskNs(c); ok {
		return unitfmt.Ns(ns)
	}
	return ""
}

// workPerTaskNs is sequential's median time per task on c's workload.
func workPerTaskNs(c answer.Choice) (float64, bool) {
	base := c.Fastest.Baseline
	if base == nil {
		return 0, false
	}
	if m := base.Metric(runfile.UnitNsPerTask); m != nil {
		return m.Summary.Center, true
	}
	if m := base.Metric(runfile.UnitNsPerOp); m != nil && c.Fastest.Tasks > 0 {
		return m.Summary.Center / float64(c.Fastest.Tasks), true
	}
	return 0, false
}
