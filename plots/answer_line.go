package plots

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

// AnswerWidth is the width, in characters, that the terminal answer's
// workload and verdict lines are cut to fit: lists are shortened to their
// first items and "… +n", a verdict's figure is left out or cut at a "; ".
const AnswerWidth = 120

// answerLine writes one Choice as one line of the terminal answer, at most
// AnswerWidth characters when its fixed part (workload, strategy, speedup)
// fits: "  sleep d=10ms tasks=64: use spawn, speedup 60.0 [59.3, 61.1];
// avoid 4: exec 106×, sequential 60.0×, …", with "(ants 2 % faster)"
// after a strategy that is not the fastest. The lists that do not fit are
// cut, the slowest strategies to avoid kept first, the as good and
// undecided lists before them. withProcs adds the
// procs to the workload.
func answerLine(c answer.Choice, withProcs bool) string {
	a := answerOf(c)
	head := "  " + a.Workload
	if withProcs {
		head += fmt.Sprintf(" procs=%d", a.Procs)
	}
	head += ": "
	if c.Recommended == nil {
		return head + a.Use
	}
	rec := c.Recommended
	head += "use " + rec.Name()
	if alone(c) {
		head += " (" + aloneNote + ")"
	}
	// An undecided answer says so first, whatever is cut after it: by
	// name, or, when more than two are open or the line is cut, by count.
	openShort := len(c.Open) > 2
	undecided := func() string {
		switch {
		case c.Decided():
			return ""
		case openShort && len(c.Open) > 1:
			return fmt.Sprintf(", undecided: %d simpler strategies may be as good", len(c.Open))
		}
		names := make([]string, len(c.Open))
		for i, k := range c.Open {
			names[i] = k.Name()
		}
		return ", undecided: " + joinOr(names) + " may be as good"
	}
	// behind is how the strategy compares with the fastest, when it is
	// not the fastest; short, "(≈ ants)", when the line is cut.
	behind := func(short bool) string {
		switch {
		case rec.Row == c.Fastest:
			return ""
		case short:
			return fmt.Sprintf(" (≈ %s)", rundir.RowName(c.Fastest))
		}
		return fmt.Sprintf(" (%s %.0f %% faster)", rundir.RowName(c.Fastest), 100*(rec.Ratio.V-1))
	}
	speedup := ""
	if a.Speedup != "—" && !rundir.IsBaseline(rec.Row.Props) {
		speedup = ", speedup " + a.Speedup
	}
	good, unclear := rankedNames(c.AsGood), rankedNames(c.Unclear)
	avoid := slowestFirst(c.Avoid)
	bad := make([]string, len(avoid))
	for i, k := range avoid {
		bad[i] = fmt.Sprintf("%s %s×", k.Name(), unitfmt.Num(k.Ratio.V))
	}
	// ng, nu and nb are how many names of the as good, undecided and
	// avoid lists are shown; -1 leaves a list out, 0 gives its count alone.
	ng, nu, nb, short := len(good), len(unclear), len(bad), false
	render := func() string {
		s := head + undecided() + behind(short) + speedup + listPart("as good", good, ng) + listPart("undecided", unclear, nu)
		switch {
		case len(bad) > 0 && nb == 0:
			s += fmt.Sprintf("; avoid %d", len(bad))
		case len(bad) > 0:
			s += fmt.Sprintf("; avoid %d: %s", len(bad), cut(bad, nb))
		}
		return s
	}
	// Until the line fits: shorten the avoid list down to its two
	// slowest, then the other lists to one name each, then the avoid list
	// to its slowest, then the other lists to their counts, then leave
	// them out, then shorten how the strategy compares with the fastest,
	// then the avoid list to its count, then the undecided names to their
	// count.
	for line := render(); ; line = render() {
		switch {
		case utf8.RuneCountInString(line) <= AnswerWidth:
			return line
		case nb > 2:
			nb--
		case ng > 1 || nu > 1:
			ng, nu = min(ng, 1), min(nu, 1)
		case nb > 1:
			nb--
		case ng > 0 || nu > 0:
			ng, nu = min(ng, 0), min(nu, 0)
		case ng == 0 || nu == 0:
			ng, nu = -1, -1
		case !short && rec.Row != c.Fastest:
			short = true
		case nb > 0:
			nb = 0
		case !openShort && len(c.Open) > 1:
			openShort = true
		default:
			return line
		}
	}
}

// rankedNames lists the strategies' names, without their ratios.
func rankedNames(ks []answer.Ranked) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Name()
	}
	return out
}

// listPart writes "; as good: a, b, … +3" for the first n of items, "; 5
// as good" when n is 0, and "" when items is empty or n is negative.
func listPart(what string, items []string, n int) string {
	switch {
	case len(items) == 0 || n < 0:
		return ""
	case n == 0:
		return fmt.Sprintf("; %d %s", len(items), what)
	}
	return "; " + what + ": " + cut(items, n)
}

// cut joins the first n items and, when some are left out, "… +m" for the
// m others.
func cut(items []string, n int) string {
	if n >= len(items) {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s, … +%d", strings.Join(items[:n], ", "), len(items)-n)
}

// verdictLine writes one verdict as one line of the terminal answer: its
// number, outcome and the claim's first sentence, then as many of the
// figure's "; "-separated parts as fit in AnswerWidth ("…" when some are
// left out), none when not even the first fits.
func verdictLine(v judge.Verdict) string {
	s := fmt.Sprintf("  %2d %-12s %s", v.Lesson, v.Outcome, firstSentence(v.Claim))
	if v.Figure() == "" || v.Figure() == "—" {
		return s
	}
	parts := strings.Split(v.Figure(), "; ")
	for n := len(parts); n > 0; n-- {
		f := s + " — " + strings.Join(parts[:n], "; ")
		if n < len(parts) {
			f += "; …"
		}
		if utf8.RuneCountInString(f) <= AnswerWidth {
			return f
		}
	}
	return s
}

// slowestFirst is a copy of ks, the highest time ratio first.
func slowestFirst(ks []answer.Ranked) []answer.Ranked {
	out := slices.Clone(ks)
	slices.SortStableFunc(out, func(x, y answer.Ranked) int { return stat.CmpFloat(y.Ratio.V, x.Ratio.V) })
	return out
}
