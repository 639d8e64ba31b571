package plots

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// An answerWords is one Choice in words, as both REPORT.md's table and the
// terminal summary print it, so that the two always show the same figures.
type answerWords struct {
	Workload string // label of the workload
	Procs    int
	// Use is the recommended strategy, with how it compares with the
	// fastest when it is not the fastest; or why nothing is ranked.
	Use string
	// Speedup is the recommended strategy's speedup over sequential with
	// its interval, "—" when nothing is ranked.
	Speedup string
	// AsGood, Unclear and Avoid list the other strategies with their time
	// ratio to the fastest; "" when empty.
	AsGood, Unclear, Avoid string
}

// answerOf puts a Choice into words.
func answerOf(c answer.Choice) answerWords {
	a := answerWords{Workload: rundir.Label(c.Fastest), Procs: c.Procs, Speedup: "—"}
	if c.TooFew > 0 {
		a.Use = fmt.Sprintf("too few samples to rank (n=%d, need %d)", c.TooFew, stat.MinSamples)
		return a
	}
	rec := c.Recommended
	a.Use = rec.Name()
	if alone(c) {
		a.Use += " (" + aloneNote + ")"
	}
	if rec.Row != c.Fastest {
		a.Use += fmt.Sprintf(" (%s× [%s, %s] the time of the fastest, %s)",
			unitfmt.Num(rec.Ratio.V), unitfmt.Num(rec.Ratio.Lo), unitfmt.Num(rec.Ratio.Hi), rundir.RowName(c.Fastest))
	}
	if !c.Decided() {
		a.Use += "; " + undecided(c)
	}
	if rec.Row.Speedup.Valid() {
		a.Speedup = unitfmt.Est(rec.Row.Speedup)
	}
	a.AsGood, a.Unclear, a.Avoid = answer.Names(c.AsGood), answer.Names(c.Unclear), answer.Names(c.Avoid)
	return a
}

// aloneNote says that a workload ran under one strategy only.
const aloneNote = "the only strategy measured: nothing to compare"

// alone reports whether c ranked one strategy alone.
func alone(c answer.Choice) bool {
	return c.Recommended != nil && c.Recommended.Row == c.Fastest &&
		len(c.AsGood)+len(c.Unclear)+len(c.Avoid)+len(c.Open) == 0
}

// undecided says why a Choice is undecided: the simpler strategies that
// may yet prove as good as the fastest, and about how many more samples
// would decide: "undecided: sequential or spawn may be as good (about 20
// more samples of each and of process would decide)".
func undecided(c answer.Choice) string {
	names := make([]string, len(c.Open))
	more := 0
	for i, k := range c.Open {
		names[i] = k.Name()
		more = max(more, answer.MoreSamples(k))
	}
	verb := "may be as good"
	s := "undecided: " + joinOr(names) + " " + verb
	if more > 0 {
		return s + fmt.Sprintf(" (about %d more samples of each and of %s would decide)", more, rundir.RowName(c.Fastest))
	}
	return s + fmt.Sprintf(" (more samples of each and of %s would decide)", rundir.RowName(c.Fastest))
}

// joinOr joins words as a list with "or": "a", "a or b", "a, b or c".
func joinOr(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// Tally counts the verdicts of the report (Go lessons only) by outcome.
func (rep *Report) Tally() map[stat.Outcome]int {
	t := map[stat.Outcome]int{}
	for _, v := range rep.Verdicts {
		t[v.Outcome]++
	}
	return t
}

// WriteAnswer prints the answer of the run for a terminal, the way
// hyperfine ends a comparison, in about a screen: the precision and steal
// lines; one line per workload with the strategy to use, its speedup over
// sequential with its interval, and what to avoid (the count, then the
// slowest against the fastest); the tally of the verdicts and one line
// per verdict (number, outcome, short claim, its figure when short); and
// where the rest is (REPORT.md and index.html). Lines are cut to fit
// AnswerWidth (see answerLine and verdictLine). The figures are
// REPORT.md's, from the same code.
func (rep *Report) WriteAnswer(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nPrecision: %s\n", rep.Run.RunPrecision())
	if st, ok := rep.Run.RunSteal(); ok {
		fmt.Fprintf(&b, "Steal: %s\n", st)
	}
	procs := map[int]bool{}
	for _, c := range rep.Choices {
		procs[c.Procs] = true
	}
	at := ""
	if len(procs) == 1 {
		at = fmt.Sprintf(" at procs=%d", rep.Choices[0].Procs)
	}
	fmt.Fprintf(&b, "\nWhich strategy%s (speedup over sequential [95 %% CI]; as good: within %s of the fastest; avoid: × its time):\n",
		at, unitfmt.Percent(stat.SameWithin))
	if len(rep.Choices) == 0 {
		fmt.Fprintf(&b, "  no results to rank: the answer covers every family but the …Workers and …Procs sweeps and Crash\n")
	}
	for _, c := range rep.Choices {
		b.WriteString(answerLine(c, len(procs) > 1) + "\n")
	}
	if len(rep.Verdicts) > 0 {
		t := rep.Tally()
		fmt.Fprintf(&b, "\nVerdicts: %d PASS, %d FAIL, %d INCONCLUSIVE\n", t[stat.Pass], t[stat.Fail], t[stat.Inconclusive])
		for _, v := range rep.Verdicts {
			b.WriteString(verdictLine(v) + "\n")
		}
	}
	fmt.Fprintf(&b, "Every ratio, note and chart: %s and %s in %s\n", runfile.ReportFile, runfile.HTMLFile, rep.Run.Dir)
	_, err := io.WriteString(w, b.String())
	return err
}

// firstSentence returns s up to its first ": " or ". ".
func firstSentence(s string) string {
	if i := strings.IndexAny(s, ":."); i > 0 {
		return s[:i]
	}
	return s
}

// simplicity lists the strategies of rows that the table ranks (models
// left out) from the simplest, by Props.Rank: "sequential, spawn, pool,
// process, exec"; strategies of equal rank are joined by " = ".
func simplicity(rows []*rundir.Row) string {
	rank := map[string]int{}
	for _, r := range rows {
		if r.Strategy != "" && !r.Props.Model {
			rank[r.Strategy] = r.Props.Rank
		}
	}
	names := make([]string, 0, len(rank))
	for n := range rank {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(rank[a], rank[b]), strings.Compare(a, b)) })
	var b strings.Builder
	for i, n := range names {
		switch {
		case i == 0:
		case rank[n] == rank[names[i-1]]:
			b.WriteString(" = ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}
