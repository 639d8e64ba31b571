package judge

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// The crash: bench's Crash family, a batch whose task k kills its process
// in a way no recover catches (a panic in a goroutine of its own), each
// batch run under one strategy in a child process of the benchmark and
// followed by the same batch with no task crashing. Its verdict reads the
// metrics of each row rather than its time: survived (1 when the child
// ran to its end), delivered (how many of the batch's other task results
// reached the strategy before Run returned its error) and next-batch (1
// when the next batch ran correctly), each the share or mean over a
// sample's ops.

// CrashFamily is the benchmark family of the crash. Its ns/op is a child
// process's whole life, compared by no verdict: the driver's noise
// re-runs give its rows more samples only while they have fewer than
// MinSamples.
const CrashFamily = runfile.FamilyCrash

// The metrics of the crash rows.
const (
	CrashSurvived  = runfile.UnitSurvived
	CrashDelivered = runfile.UnitDelivered
	CrashNext      = runfile.UnitNextBatch
)

// sampleRange returns the smallest and largest value of unit in r, ok
// false when r lacks it.
func sampleRange(r *rundir.Row, unit string) (lo, hi float64, n int, ok bool) {
	m := r.Bench.Metric(unit)
	if m == nil || len(m.Values) == 0 {
		return math.NaN(), math.NaN(), 0, false
	}
	return slices.Min(m.Values), slices.Max(m.Values), len(m.Values), true
}

// lessonCrashIsolation judges the Crash rows: one part per row, judged
// on its survived metric (whose samples are the ops of the row, as are
// next-batch's): a process-based row passes when it survived and ran the
// next batch in every op, an in-process row when it survived in none.
// The figure lists the contained rows first, then those that escaped,
// then the lost programs, then the in-process rows that survived.
func lessonCrashIsolation(j *judge, ev *evidence) {
	rows := ev.crash
	j.cite(rows...)
	var contained, escaped, kept, lost []*rundir.Row
	figures := map[*rundir.Row]Phrase{}
	sawProcess, sawInProcess := false, false
	for _, r := range rows {
		units := []string{CrashSurvived}
		if r.Props.Processes {
			units = append(units, CrashNext)
		}
		complete := true
		for _, u := range units {
			if _, _, _, ok := sampleRange(r, u); !ok {
				j.missing = append(j.missing, r.Strategy+" "+u)
				complete = false
			}
		}
		if !complete {
			continue
		}
		survLo, survHi, _, _ := sampleRange(r, CrashSurvived)
		if !r.Props.Processes {
			sawInProcess = true
			if survHi == 0 {
				lost = append(lost, r)
			} else {
				kept = append(kept, r)
				figures[r] = say("%s survived in %s of its samples", r.Strategy, share(r, CrashSurvived))
			}
			continue
		}
		sawProcess = true
		nextLo, _, _, _ := sampleRange(r, CrashNext)
		if survLo == 1 && nextLo == 1 {
			delivered := "no delivered count"
			if m, ok := MetricOf(r, CrashDelivered); ok {
				delivered = fmt.Sprintf("%.3g of %d other results delivered", m.Summary.Center, max(r.Tasks-1, 0))
			}
			contained = append(contained, r)
			figures[r] = say("%s survived, %s, next batch ran", r.Strategy, delivered)
		} else {
			escaped = append(escaped, r)
			figures[r] = say("%s survived in %s of its samples, next batch ran in %s", r.Strategy, share(r, CrashSurvived), share(r, CrashNext))
		}
	}
	if !sawProcess {
		j.missing = append(j.missing, "Crash rows of a process-based strategy")
	}
	if !sawInProcess {
		j.missing = append(j.missing, "Crash rows of an in-process strategy")
	}
	each := func(rs []*rundir.Row, o stat.Outcome) {
		for _, r := range rs {
			j.partOn(CrashSurvived, o, figures[r], r)
		}
	}
	each(contained, stat.Pass)
	each(escaped, stat.Fail)
	if len(lost) > 0 {
		var names []string
		for _, r := range lost {
			names = append(names, r.Strategy)
		}
		j.partOn(CrashSurvived, stat.Pass, say("%s: program lost, no result delivered", strings.Join(names, ", ")), lost...)
	}
	each(kept, stat.Fail)
	if len(escaped) > 0 {
		j.notes = append(j.notes, say("a process-based strategy lost the program or its next batch"))
	}
	if len(kept) > 0 {
		j.notes = append(j.notes, say("an in-process strategy survived a crash no recover catches"))
	}
}

// share writes the mean of a 0/1 metric over r's samples as a percentage.
func share(r *rundir.Row, unit string) string {
	m := r.Bench.Metric(unit)
	if m == nil || len(m.Values) == 0 {
		return "no"
	}
	sum := 0.0
	for _, x := range m.Values {
		sum += x
	}
	return fmt.Sprintf("%.0f %%", 100*sum/float64(len(m.Values)))
}
