package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

// figureMax is the longest figure a badge shows whole, in characters.
const figureMax = 160

// glance builds the answer at a glance from the report.
func (rep *Report) glance() *document.Glance {
	v := &document.Glance{Within: unitfmt.Percent(stat.SameWithin), Warnings: rep.hasWarnings()}
	seen := map[string]int{}
	for _, c := range rep.Choices {
		v.Cards = append(v.Cards, cardOf(c, seen, rep.cardCharts(c)))
	}
	for _, vd := range rep.Verdicts {
		v.Verdicts = append(v.Verdicts, badgeOf(fmt.Sprint(vd.Lesson), vd, verdictChart(vd, rep.Charts)))
	}
	if rep.Python != nil {
		for _, vd := range rep.Python.Verdicts {
			v.Verdicts = append(v.Verdicts, badgeOf(fmt.Sprintf("P%d", vd.Lesson), vd, verdictChart(vd, rep.allCharts())))
		}
	}
	v.Tally = "lessons: " + tally(rep.Verdicts)
	if rep.Python != nil && len(rep.Python.Verdicts) > 0 {
		v.Tally += "; CPython claims: " + tally(rep.Python.Verdicts)
	}
	return v
}

// cardOf builds the card of one Choice, with the charts of its workload;
// seen holds the ids taken.
func cardOf(c answer.Choice, seen map[string]int, charts []document.CardChart) document.Card {
	a := answerOf(c)
	k := document.Card{
		ID:       "card-" + document.UniqueID(seen, fmt.Sprintf("%s procs %d", a.Workload, a.Procs)),
		Workload: rundir.WorkKind(c.Fastest),
		Spec:     a.Workload,
		Procs:    a.Procs,
		Charts:   charts,
	}
	if w := workPerTask(c); w != "" {
		k.PerTask = w + " of work a task"
	}
	if c.TooFew > 0 {
		k.Reason = a.Use
		return k
	}
	rec := c.Recommended
	k.Use = rec.Name()
	if alone(c) {
		k.Versus = aloneNote
	}
	if !c.Decided() {
		u := undecided(c)
		k.Undecided = strings.ToUpper(u[:1]) + u[1:] + "."
	}
	if rec.Row != c.Fastest {
		k.Versus = fmt.Sprintf("%s× [%s, %s] the time of the fastest, %s", unitfmt.Num(rec.Ratio.V), unitfmt.Num(rec.Ratio.Lo), unitfmt.Num(rec.Ratio.Hi), rundir.RowName(c.Fastest))
	}
	switch {
	case rundir.IsBaseline(rec.Row.Props):
		k.Speedup = fmt.Sprintf("no strategy is significantly more than %s faster than sequential", unitfmt.Percent(stat.SameWithin))
	case rec.Row.Speedup.Valid():
		k.Speedup = fmt.Sprintf("%s× [%s, %s] the speed of sequential", unitfmt.Num(rec.Row.Speedup.V), unitfmt.Num(rec.Row.Speedup.Lo), unitfmt.Num(rec.Row.Speedup.Hi))
	default:
		k.Speedup = "no sequential run of this workload to compare with"
	}
	k.Bars = bars(c)
	k.Avoid = avoidLine(c)
	for _, l := range []document.CardList{
		{Title: "As good (within " + unitfmt.Percent(stat.SameWithin) + " of the fastest)", Items: a.AsGood},
		{Title: "Undecided", Items: a.Unclear},
		{Title: "Avoid (significantly slower than the fastest)", Items: a.Avoid},
	} {
		if l.Items != "" {
			k.Lists = append(k.Lists, l)
		}
	}
	k.Summary = fmt.Sprintf("All %d compared: %d as good, %d undecided, %d to avoid", len(k.Bars), len(c.AsGood), len(c.Unclear), len(c.Avoid))
	return k
}

// bars lists every strategy of a ranked Choice, the fastest first by
// median time, each with its time on a log scale shared by the card: from
// half the fastest's time to the slowest's (at least twice the
// fastest's), so that the fastest's bar shows and a small difference
// stays small. A strategy measured on a smaller batch (Ranked.PerTask)
// stands at its time per task times the fastest's batch.
func bars(c answer.Choice) []document.Bar {
	type item struct {
		k     answer.Ranked
		class string
		rel   float64 // median time over the fastest's
	}
	items := []item{{k: *c.Recommended, class: "use"}}
	if c.Recommended.Row != c.Fastest {
		items = append(items, item{k: answer.Ranked{Row: c.Fastest, Ratio: stat.Estimate{V: 1, Lo: 1, Hi: 1}, P: math.NaN()}, class: "good"})
	}
	for _, l := range []struct {
		ks    []answer.Ranked
		class string
	}{{c.AsGood, "good"}, {c.Unclear, "unclear"}, {c.Avoid, "avoid"}} {
		for _, k := range l.ks {
			items = append(items, item{k: k, class: l.class})
		}
	}
	top := 2.0
	for i, it := range items {
		r := it.k.Row
		items[i].rel = r.Time.Center / c.Fastest.Time.Center
		if it.k.PerTask {
			items[i].rel = r.PerTask.Center * float64(c.Fastest.Tasks) / c.Fastest.Time.Center
		}
		top = max(top, items[i].rel)
	}
	slices.SortStableFunc(items, func(a, b item) int { return stat.CmpFloat(a.rel, b.rel) })
	var out []document.Bar
	for _, it := range items {
		b := document.Bar{Name: it.k.Name(), Class: it.class, Width: barWidth(it.rel, top), Title: it.k.String()}
		switch {
		case it.class == "use":
			b.Tag = "use"
		case it.k.Row == c.Fastest:
			b.Tag = "fastest"
		}
		if it.k.PerTask {
			b.Name = rundir.RowName(it.k.Row) + " (per task)"
			b.Label = unitfmt.Ns(it.k.Row.PerTask.Center) + "/task"
		} else {
			b.Label = unitfmt.Ns(it.k.Row.Time.Center)
		}
		out = append(out, b)
	}
	return out
}

// barWidth places a time relative to the fastest's on the log scale from
// 0.5 (0 %) to top (100 %), to one decimal of a percent, at least 1 %.
func barWidth(ratio, top float64) float64 {
	if !(ratio > 0) || math.IsInf(ratio, 0) {
		return 100
	}
	w := 100 * math.Log(ratio/0.5) / math.Log(top/0.5)
	return math.Round(min(100, max(1, w))*10) / 10
}

// avoidLine says what to avoid: the slowest one or two with their ratio
// to the fastest, and how many are significantly slower in all.
func avoidLine(c answer.Choice) string {
	n := len(c.Avoid)
	if n == 0 {
		return "Nothing to avoid: no strategy is significantly slower than the fastest."
	}
	slower := func(k answer.Ranked) string {
		return fmt.Sprintf("%s (%s× slower [%s, %s])", k.Name(), unitfmt.Num(k.Ratio.V), unitfmt.Num(k.Ratio.Lo), unitfmt.Num(k.Ratio.Hi))
	}
	worst := []string{slower(c.Avoid[n-1])}
	if n > 1 {
		worst = append(worst, slower(c.Avoid[n-2]))
	}
	why := fmt.Sprintf("significantly more than %s slower than the fastest (%s)", unitfmt.Percent(stat.SameWithin), rundir.RowName(c.Fastest))
	switch n {
	case 1:
		return fmt.Sprintf("Avoid %s: %s.", worst[0], why)
	case 2:
		return fmt.Sprintf("Avoid %s and %s: both %s.", worst[0], worst[1], why)
	}
	return fmt.Sprintf("Avoid %s and %s: the slowest of %d strategies %s.", worst[0], worst[1], n, why)
}

// badgeOf builds the badge of a verdict labelled label, whose chart (""
// when none) is drawn on the page.
func badgeOf(label string, v judge.Verdict, chart string) document.Badge {
	b := document.Badge{
		ID:       "verdict-" + strings.ToLower(label),
		Label:    label,
		Outcome:  string(v.Outcome),
		Class:    strings.ToLower(string(v.Outcome)),
		Headline: firstSentence(v.Claim),
		Claim:    v.Claim,
		Figure:   v.Figure(),
	}
	if utf8.RuneCountInString(v.Figure()) > figureMax {
		first, _, _ := strings.Cut(v.Figure(), "; ")
		if utf8.RuneCountInString(first) > figureMax {
			first = string([]rune(first)[:figureMax])
		}
		b.Figure, b.FullFigure = first+" …", v.Figure()
	}
	b.Chart = chart
	return b
}
