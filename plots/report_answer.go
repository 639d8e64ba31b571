package plots

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

func (rep *Report) writeChoices(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Which strategy for which work\n\n")
	if len(rep.Choices) == 0 {
		fmt.Fprintf(b, "No results to rank: the answer covers every family but the …Workers and …Procs sweeps and Crash.\n\n")
		return
	}
	fmt.Fprintf(b, "Use: the simplest strategy (%s) not significantly slower than the fastest. Every other strategy is compared with the fastest (time ratio with its %s interval): \"as good\" is within %s, \"avoid\" is significantly more than %s slower, \"undecided\" is neither. Models (gil) are not ranked.\n\n",
		simplicity(rep.Rows), unitfmt.Percent(stat.Confidence), unitfmt.Percent(judge.SameWithin), unitfmt.Percent(judge.SameWithin))
	fmt.Fprintf(b, "| workload | procs | use | speedup vs sequential | fastest time/op | as good | undecided | avoid |\n|---|---|---|---|---|---|---|---|\n")
	for _, c := range rep.Choices {
		a := answerOf(c)
		t := unitfmt.Ns(c.Fastest.Time.Center)
		if c.Fastest.Noisy {
			t += " (noisy)"
		}
		fmt.Fprintf(b, "| %s | %d | **%s** | %s | %s | %s | %s | %s |\n", cell(a.Workload), a.Procs, cell(a.Use),
			a.Speedup, t, cell(orDash(a.AsGood)), cell(orDash(a.Unclear)), cell(orDash(a.Avoid)))
	}
	fmt.Fprintf(b, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (rep *Report) writeVerdicts(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Verdicts\n\n")
	if len(rep.Verdicts) == 0 {
		fmt.Fprintf(b, "None: this run has none of the suite's own workloads, on which the lessons and claims are judged (a run of your own workload compares strategies in the table above).\n\n")
		return
	}
	fmt.Fprintf(b, "Each seed lesson as a claim. PASS/FAIL need the whole interval on one side of the threshold; an interval that straddles it, a difference that is not significant, or missing data gives INCONCLUSIVE.\n\n")
	fmt.Fprintf(b, "| # | claim | verdict | figure | p-value | note | chart |\n|---|---|---|---|---|---|---|\n")
	for _, v := range rep.Verdicts {
		note := v.Note
		if v.Noisy {
			note = strings.TrimPrefix(note+"; noisy (CI wider than ±"+unitfmt.Percent(stat.NoisyWidth)+")", "; ")
		}
		chart := "—"
		if c := verdictChart(v, rep.Charts); c != "" {
			chart = fmt.Sprintf("[chart](%s.png)", c)
		}
		fmt.Fprintf(b, "| %d | %s | **%s** | %s | %s | %s | %s |\n", v.Lesson, cell(v.Claim), v.Outcome, cell(v.Figure), cell(v.P), cell(orDash(note)), chart)
	}
	fmt.Fprintf(b, "\n")
}
