package plots

import (
	"fmt"
	"strconv"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// writeNoise writes the section on noisy rows: per configuration that the
// driver re-ran or that is still noisy, its sample count, its final
// interval, whether it stayed noisy, and whether its slow samples
// coincide with steal or other load (Slowdown); then the measured cause of
// the spread of the families known to spread by themselves (spreadCauses).
func (rep *Report) writeNoise(b *body) {
	count, _ := strconv.Atoi(rep.Run.ConfigValue(runfile.ConfigCount))
	budget := rep.Run.ConfigValue(runfile.ConfigNoiseBudget)
	rows := rundir.NoiseRows(rep.Rows, count)
	b.h(2, "Noise")
	head := fmt.Sprintf("%s.", rep.Run.RunPrecision())
	if st, ok := rep.Run.RunSteal(); ok {
		head += fmt.Sprintf(" Steal: %s.", st)
	}
	if w := rep.Run.ConfigValue(runfile.ConfigWarmup); w != "" && w != "none" {
		head += fmt.Sprintf(" Warm-up: %s.", w)
	}
	b.p("%s", head)
	var how string
	max := rep.Run.ConfigValue(runfile.ConfigMaxSamples)
	switch {
	case rep.Run.ConfigValue(runfile.ConfigSampling) == runfile.SamplingDecided:
		how = fmt.Sprintf("Each configuration ran %d times, and then only while an open conclusion needed it ([Sampling](#sampling)): an interval wider than ±%.0f %% is no reason to sample on when every conclusion the row is in is decided.", count, 100*stat.NoisyWidth)
	case budget != "" && budget != "0s" && max != "" && rep.Run.RerunsSpread(count):
		how = fmt.Sprintf("Each configuration ran %d times; between those runs from the %s on, and after the last, for up to %s in all, the driver re-ran the configurations whose interval was wider than ±%.0f %% (or that had fewer than %d samples), one interleaved round at a time, those a verdict or the answer rests on first and then the cheapest, each up to %s samples.", count, ordinal(stat.MinSamples), budget, 100*stat.NoisyWidth, stat.MinSamples, max)
	case budget != "" && budget != "0s" && max != "":
		how = fmt.Sprintf("Each configuration ran %d times; then, for up to %s, the driver re-ran the configurations whose interval was wider than ±%.0f %% (or that had fewer than %d samples), one interleaved round at a time, those a verdict or the answer rests on first and then the cheapest, each up to %s samples.", count, budget, 100*stat.NoisyWidth, stat.MinSamples, max)
	case budget != "" && budget != "0s":
		how = fmt.Sprintf("Each configuration ran %d times; then, for up to %s, the driver re-ran every configuration whose interval was wider than ±%.0f %% (or that had fewer than %d samples), one interleaved round at a time.", count, budget, 100*stat.NoisyWidth, stat.MinSamples)
	case budget == "0s":
		how = fmt.Sprintf("Each configuration ran %d times, with no noise re-runs (NOISE_BUDGET=0).", count)
	case count > 0:
		how = fmt.Sprintf("Each configuration ran %d times (the run has no noise-budget line: it was made before noise re-runs existed).", count)
	default:
		how = "This run does not say how many times each configuration ran."
	}
	if len(rows) == 0 {
		b.p("%s Every configuration's interval is within ±%.0f %% of its median.", how, 100*stat.NoisyWidth)
		return
	}
	// Runs made before faults/op existed leave the page faults out.
	faults, faultsRule := "", ""
	if rep.Run.HasUnit(runfile.UnitFaultsPerOp) {
		faults = ", and their page faults a batch (first touches of fresh memory)"
		faultsRule = fmt.Sprintf(", or their page faults at least %s times the rest's and %.0f more a batch", unitfmt.Num(rundir.FaultsRatio), rundir.FaultsGap)
	}
	b.p("%s These configurations were re-run or are still noisy. The last column sets the slowest quarter of each one's samples against the rest: the mean share of the machine's CPU time stolen by the hypervisor (steal) and busy with other work (other load) while they were timed%s; they coincide when the slow samples' share is at least %.0f (steal) or %.0f (load) percentage points higher than the rest's%s. No sample is dropped for it.", how, faults, rundir.StealGap, rundir.OtherGap, faultsRule)
	t := document.Table{Head: []string{"benchmark", "samples", "time/op [95 % interval]", "half-width", "outcome", "slow samples"}}
	families := map[string]bool{}
	for _, nr := range rows {
		r := nr.Row
		outcome := "within ±" + unitfmt.Percent(stat.NoisyWidth) + " after re-runs"
		switch {
		case !r.Time.Enough():
			outcome = fmt.Sprintf("too few samples: n=%d, need %d", r.Time.N, stat.MinSamples)
		case nr.Noisy && nr.Rerun:
			outcome = "**still noisy** after the re-runs"
		case nr.Noisy:
			outcome = "**noisy**, not re-run"
		}
		slow := "—"
		if nr.Noisy {
			families[r.Bench.Family] = true
			if sd, ok := rundir.SlowdownOf(r.Bench); ok {
				slow = sd.String()
			}
		}
		t.Rows = append(t.Rows, document.Texts(document.Escape(r.Bench.Name), fmt.Sprint(r.Time.N), unitfmt.NsSummary(r.Time), fmt.Sprintf("±%.1f %%", 100*r.Time.RelHalfWidth()), outcome, document.Escape(slow)))
	}
	b.add(t)
	var causes []string
	for _, c := range spreadCauses() {
		if families[c.family] {
			causes = append(causes, fmt.Sprintf("**%s**: %s", c.family, c.cause))
		}
	}
	if len(causes) > 0 {
		b.p("What spreads these families by what they measure (the measurements behind this are in docs/measurements.md of the concbench repository, made on its own machines, not on this run's):")
		b.add(document.List{Items: causes})
	}
}

// spreadCauses are the families whose rows spread by what they measure,
// each with the mechanism; the Noise section names those of its noisy
// rows. The measurements behind them were made on the suite's own machines
// and are in docs/measurements.md, not in a report of another machine.
func spreadCauses() []struct{ family, cause string } {
	return []struct{ family, cause string }{
		{runfile.FamilyFile, "sync=fsync waits for the disk, whose flush latency varies from write to write by itself; the writes without fsync go through the page cache and the file system's journal, which vary less."},
		{runfile.FamilyAlloc, "each task allocates 1 MiB on a small live heap, so the garbage collector runs every few tasks, and the pages the runtime returned to the kernel in between are faulted in again: a batch's time follows its page faults (the slow samples column shows each row's), and how many it takes depends on when the runtime's scavenger last ran, not on the strategy."},
		{runfile.FamilyFlood, "a sample is one batch of tens of thousands of goroutines whose stacks come from memory the runtime may have returned to the kernel since the last batch, so a batch's time follows its page faults (the slow samples column shows each row's); whole rounds also run slow together, which the paired ratios of the report cancel."},
		{runfile.FamilyHash, "the fine hash, thousands of tasks of a fraction of a microsecond, measures mostly how goroutines are started, parked and woken, whose speed can differ from one process to the next: every round is a new process, so the interval of such a row covers the spread of processes."},
		{runfile.FamilyOverhead, "no-op tasks measure only how a strategy starts, parks and wakes goroutines, whose speed can differ from one process to the next, as for the fine hash."},
	}
}

// ordinal writes n as "6th".
func ordinal(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return fmt.Sprintf("%dth", n)
	case n%10 == 1:
		return fmt.Sprintf("%dst", n)
	case n%10 == 2:
		return fmt.Sprintf("%dnd", n)
	case n%10 == 3:
		return fmt.Sprintf("%drd", n)
	}
	return fmt.Sprintf("%dth", n)
}
