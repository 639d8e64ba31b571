package plots

import (
	"fmt"
	"strings"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

func (rep *Report) writeChoices(b *body) {
	b.h(2, "Which strategy for which work")
	if len(rep.Choices) == 0 {
		b.p("No results to rank: the answer covers every family but the …Workers and …Procs sweeps and Crash.")
		return
	}
	b.p("Use: the simplest strategy (%s) shown as good as the fastest, else the fastest. Every other strategy is compared with the fastest (time ratio with its %s interval): \"as good\" is the whole interval within %s, \"avoid\" is significantly more than %s slower, \"undecided\" is neither. While a strategy simpler than the one to use is undecided, so is the answer, and it says which and about how many more samples would decide. Models (gil) are not ranked.",
		simplicity(rep.Rows), unitfmt.Percent(stat.Confidence), unitfmt.Percent(stat.SameWithin), unitfmt.Percent(stat.SameWithin))
	t := document.Table{Head: []string{"workload", "procs", "use", "speedup vs sequential", "fastest time/op", "as good", "undecided", "avoid"}}
	for _, c := range rep.Choices {
		a := answerOf(c)
		fastest := unitfmt.Ns(c.Fastest.Time.Center)
		if c.Fastest.Noisy {
			fastest += " (noisy)"
		}
		t.Rows = append(t.Rows, document.Texts(document.Escape(a.Workload), fmt.Sprint(a.Procs), "**"+document.Escape(a.Use)+"**",
			a.Speedup, fastest, document.Escape(orDash(a.AsGood)), document.Escape(orDash(a.Unclear)), document.Escape(orDash(a.Avoid))))
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
	b.p("Each seed lesson as a claim. PASS/FAIL need the whole interval on one side of the threshold; an interval that straddles it, a difference that is not significant, or missing data gives INCONCLUSIVE.")
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
