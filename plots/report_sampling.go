package plots

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// writeSampling writes what stopped early and why (a run of -sampling
// decided), and the A/A control: how often the rule called the twins
// different. A run with neither gets no section.
func (rep *Report) writeSampling(b *body) {
	decided := rep.Run.ConfigValue(runfile.ConfigSampling) == runfile.SamplingDecided
	twins := judge.Twins(rep.Rows)
	if !decided && len(twins) == 0 {
		return
	}
	b.h(2, "Sampling")
	if decided {
		b.p("%s", rep.samplingText())
		if open := judge.Open(rep.Run); len(open) > 0 {
			var items []string
			for _, o := range open {
				items = append(items, o.What)
			}
			b.p("Still open at the end, each decidable within %d samples by the interval's pace:", judge.Horizon)
			b.add(document.List{Items: items})
		}
	}
	if len(twins) == 0 {
		return
	}
	called, judged := 0, 0
	t := document.Table{Head: []string{"workload", "samples a, b", "time b/a [95 % CI]", "p", "the rule says"}}
	for _, tw := range twins {
		says := "too few samples"
		switch {
		case tw.Differs:
			says = "**different** (a false alarm)"
		case tw.Same:
			says = "the same (within " + unitfmt.Percent(stat.SameWithin) + ")"
		case tw.Ratio.Valid():
			says = "undecided"
		}
		if tw.Ratio.Valid() {
			judged++
		}
		if tw.Differs {
			called++
		}
		ratio := "—"
		if tw.Ratio.Valid() {
			ratio = fmt.Sprintf("%s [%s, %s]", unitfmt.Num(tw.Ratio.V), unitfmt.Num(tw.Ratio.Lo), unitfmt.Num(tw.Ratio.Hi))
		}
		t.Rows = append(t.Rows, document.Texts(tw.Label(), fmt.Sprintf("%d, %d", tw.A.Time.N, tw.B.Time.N), ratio, unitfmt.Pval(tw.P), says))
	}
	b.p("**A/A control.** %s ran twice under two names (`twin=a`, `twin=b`), the same code, interleaved with every other configuration of each round and sampled by the same rule. The rule called %d of its %d pairs different; it should not, and over many runs it may in at most 5 %% of pairs (the rule paragraph). The twins are never ranked or recommended.",
		twins[0].A.Strategy, called, judged)
	b.add(t)
}

// samplingText says how a run of -sampling decided sampled: the count
// rounds, then only what was open, how many configurations stopped at the
// count and how far the others ran, and why sampling ended.
func (rep *Report) samplingText() string {
	count, _ := strconv.Atoi(rep.Run.ConfigValue(runfile.ConfigCount))
	atCount, lo, hi := 0, 0, 0
	for _, r := range rep.Rows {
		n := r.Time.N
		if n <= count {
			atCount++
			continue
		}
		if lo == 0 || n < lo {
			lo = n
		}
		hi = max(hi, n)
	}
	s := fmt.Sprintf("Every configuration ran %d times; after that only the configurations an open conclusion needed ran on (an INCONCLUSIVE verdict, an undecided comparison of an answer or of the A/A control, one decided as good at %s confidence but not yet at %s, a quoted speedup wider than ±5 %%, each while more samples could decide it), one interleaved round at a time, up to %s samples each. %d of the %d configurations stopped at %d samples, every conclusion they are in decided", count, unitfmt.Percent(stat.Confidence), unitfmt.Percent(1-stat.Alpha), rep.Run.ConfigValue(runfile.ConfigMaxSamples), atCount, len(rep.Rows), count)
	switch {
	case lo == 0:
		s += "."
	case lo == hi:
		s += fmt.Sprintf("; %d ran on to %d.", len(rep.Rows)-atCount, hi)
	default:
		s += fmt.Sprintf("; %d ran on, to %d to %d samples.", len(rep.Rows)-atCount, lo, hi)
	}
	switch stopped := rep.Run.ConfigValue(runfile.ConfigStopped); {
	case stopped == "nothing open":
		s += " Sampling ended when nothing was open."
	case stopped != "":
		s += " Sampling ended at the " + strings.TrimSuffix(stopped, ".") + "."
	case rep.Run.IsIncomplete:
		s += " The run was cut short before sampling ended."
	}
	return s
}
