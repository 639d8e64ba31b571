package plots

import (
	"fmt"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

// Glossary is every term the report uses that a reader may not know, in
// the order the report introduces them, each with its definition.
var Glossary = []struct{ Term, Means string }{
	{"configuration", "one benchmark: a workload, a batch size, a strategy with its workers, a GOMAXPROCS (procs)"},
	{"round", "one pass over every configuration, each once, interleaved; a sample is one configuration's result in one round"},
	{"interval", fmt.Sprintf("the %s confidence interval of a median, distribution-free", unitfmt.Percent(stat.Confidence))},
	{"ratio", "the time of one configuration over another's: paired where both ran in the same rounds, the median of the per-round ratios"},
	{"paired", "measured in the same rounds, so that a round the machine ran slow slows both and cancels in their ratio"},
	{"speedup", "sequential's time over a strategy's, on the same workload"},
	{"efficiency", "the speedup against the ideal: for waits, the ideal time ⌈tasks/concurrency⌉·d over the time; for CPU work, the speedup over the cores the strategy can use"},
	{"work per task", "sequential's time per task: the work itself, with no strategy's cost"},
	{"as good", fmt.Sprintf("the whole interval of the ratio to the fastest within %s", unitfmt.Percent(stat.SameWithin))},
	{"avoid", fmt.Sprintf("significantly more than %s slower than the fastest", unitfmt.Percent(stat.SameWithin))},
	{"undecided", "neither as good nor to avoid yet; more samples would decide"},
	{"noisy", fmt.Sprintf("an interval wider than ±%s of its median", unitfmt.Percent(stat.NoisyWidth))},
	{"seed lesson", "a lesson of the four Python threading tutorials the suite grew from, stated as a claim and judged PASS, FAIL or INCONCLUSIVE; lessons are numbered 1, 2, …"},
	{"CPython claim", "a claim about CPython against Go, judged on python.txt; numbered P1, P2, … apart from the lessons"},
	{"gil model", "the strategy gil: a goroutine per task under GOMAXPROCS=1, Go's stand-in for CPython's global interpreter lock; never recommended"},
	{"probe", "a row that measures the machine instead of a strategy, such as one process per CPU hashing in a plain loop"},
	{"ceiling", "what the probe reached: the most this machine gave on the work, against which a strategy's speedup is set"},
	{"A/A control", "one strategy run twice under two names (twin=a, twin=b); the rule should never call them different"},
	{"steal", "CPU time the hypervisor gave to other machines while a sample was timed"},
	{"flood", "a batch of many more waiting tasks than workers"},
}

// writeReading writes how to read the report: the rule, the one
// definition of a ratio, and the glossary.
func (rep *Report) writeReading(b *body) {
	b.h(2, "How to read this report")
	b.p("**The rule.** %s", Rule())
	b.p("**Ratios.** A ratio of two configurations is the median of their per-round ratios where both ran in the same rounds (paired), with its own interval; elsewhere the ratio of their medians, with the interval [lo/hi, hi/lo]. A paired ratio can differ from the ratio of the two medians shown beside it: a round that ran slow for both cancels in the first and not in the second.")
	items := make([]string, len(Glossary))
	for i, g := range Glossary {
		items[i] = "**" + g.Term + "**: " + g.Means
	}
	b.p("**Terms.**")
	b.add(document.List{Items: items})
}

// tally counts verdicts by outcome: "13 PASS, 1 FAIL, 0 INCONCLUSIVE".
func tally(vs []judge.Verdict) string {
	n := map[stat.Outcome]int{}
	for _, v := range vs {
		n[v.Outcome]++
	}
	return fmt.Sprintf("%d PASS, %d FAIL, %d INCONCLUSIVE", n[stat.Pass], n[stat.Fail], n[stat.Inconclusive])
}
