package driver

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// startCost is added to the estimate of a noise re-run round for starting
// the benchmark binary and its first worker processes, and minRound is the
// least a round may take when the budget allows it.
const (
	startCost = time.Second
	minRound  = 4 * time.Second
)

// A noisyConfig is a configuration whose ns/op interval is still wider
// than ±stat.NoisyWidth, or that has fewer than stat.MinSamples samples
// (no interval yet).
type noisyConfig struct {
	name  string // full name, with "Benchmark"
	n     int
	width float64 // relative half-width of the interval
	// open marks a row behind a conclusion that is still open
	// (Hooks.Open): an INCONCLUSIVE verdict, or an answer whose
	// recommended strategy's standing against the fastest is undecided.
	open bool
}

// noisyConfigs reads raw.txt in dir back, as the report will, and returns
// the configurations to sample further: with decided, those below
// stat.MinSamples and those an open conclusion needs (open), noisy or not;
// else the noisy ones, open marked.
func noisyConfigs(dir string, open func(*rundir.Run) map[string]bool, decided bool) ([]noisyConfig, error) {
	run, err := rundir.ReadRun(dir)
	if err != nil {
		return nil, err
	}
	var isOpen map[string]bool
	if open != nil {
		isOpen = open(run)
	}
	var noisy []noisyConfig
	for _, b := range run.Benchmarks {
		m := b.Metric(runfile.UnitNsPerOp)
		if m == nil {
			continue
		}
		if decided && (!m.Summary.Enough() || isOpen[b.Name]) || !decided && (!m.Summary.Enough() || m.Summary.Noisy()) {
			noisy = append(noisy, noisyConfig{"Benchmark" + b.Name, m.Summary.N, m.Summary.RelHalfWidth(), isOpen[b.Name]})
		}
	}
	return noisy, nil
}

// pickRound chooses the configurations of the next noise re-run round from
// noisy: those below max samples, rows behind an open conclusion first,
// then those that can still close before max samples (converges), then
// the rest, each group the cheapest first (cost: what a configuration
// took in the first run), as many as fit in an eighth of left together
// with startCost, or in minRound when that is more (a round of one short
// configuration would spend its time starting the binary), and never more
// than left. Open conclusions first, because more samples can decide
// them; cheapest next, because the interval of the median narrows with
// the number of samples, and a second of re-runs buys many samples of a
// short configuration but few of a long one. The eighth keeps rounds short
// while the budget is large, so that the cheap rows get many rounds and
// the dear ones no more than what is left over.
func pickRound(noisy []noisyConfig, maxN int, cost func(string) time.Duration, left time.Duration) []noisyConfig {
	var cand []noisyConfig
	for _, c := range noisy {
		if c.n < maxN {
			cand = append(cand, c)
		}
	}
	slices.SortStableFunc(cand, func(a, b noisyConfig) int {
		if a.open != b.open {
			if a.open {
				return -1
			}
			return 1
		}
		if ca, cb := converges(a, maxN), converges(b, maxN); ca != cb {
			if ca {
				return -1
			}
			return 1
		}
		return cmp.Compare(cost(a.name), cost(b.name))
	})
	limit := min(left, max(left/8, minRound))
	var out []noisyConfig
	used := startCost
	for _, c := range cand {
		if used+cost(c.name) > limit {
			continue
		}
		used += cost(c.name)
		out = append(out, c)
	}
	return out
}

// converges reports whether more samples can bring c within ±NoisyWidth
// before maxN: the interval of the median narrows about as 1/√n, so c
// needs about n·(width/NoisyWidth)² samples. A configuration with no
// interval yet always qualifies. The rows that spread by what they
// measure (Alloc's collection cycles, fsync, a flood's fresh stacks: go
// doc ./bench) would take hundreds of samples: they come after the rows
// that can close, not left out, because the projection is rough and the
// median's interval narrows in steps: leaving them out left budget unspent
// (see docs/measurements.md).
func converges(c noisyConfig, maxN int) bool {
	if c.n < stat.MinSamples {
		return true
	}
	need := float64(c.n) * (c.width / stat.NoisyWidth) * (c.width / stat.NoisyWidth)
	return need <= float64(maxN)
}

// noiseRuns is the state of a run's noise re-runs, which are spread over
// the run: a share of the budget after each count run from the
// MinSamples-th on (when every configuration has an interval), and what is
// left after the last one. Re-runs bunched at the end sample one phase
// of the machine's drift, so that the extra samples of a bimodal row can
// fall in one mode and widen its interval instead of narrowing it (see
// docs/measurements.md).
type noiseRuns struct {
	spent  time.Duration // time the re-runs took so far
	rounds int           // re-run rounds so far
	rerun  map[string]bool
	noisy  []noisyConfig // as of the last reading of raw.txt
	only   string        // the file that selects a round's configurations
	// decided: the re-runs sample what an open conclusion needs
	// (-sampling decided), not what is noisy; stop says why they ended.
	decided bool
	stop    string
}

func (d *driver) newNoiseRuns() *noiseRuns {
	return &noiseRuns{rerun: map[string]bool{}, only: filepath.Join(filepath.Dir(d.binary), "noisy.txt"), decided: d.o.sampling == runfile.SamplingDecided}
}

// share returns what the re-runs may take now, with mainLeft count runs
// still to come, each expected to take perRun: an equal share, for this
// slot and each later one (the end's included), of what is left of the
// budget and of the time to the deadline once the count runs to come are
// set aside (with a tenth more for the machine's drift).
func (nz *noiseRuns) share(d *driver, mainLeft int, perRun time.Duration) time.Duration {
	left := d.o.noiseBudget - nz.spent
	if d.o.deadline > 0 {
		reserve := time.Duration(mainLeft) * perRun * 11 / 10
		left = min(left, d.o.deadline-time.Since(d.start)-reserve)
	}
	return max(left, 0) / time.Duration(mainLeft+1)
}

// rerunNoisy runs rounds of the configurations whose ns/op interval is
// wider than ±5 % (or that have fewer than 6 samples), each once per
// round in one run of the benchmark binary (interleaved, as the count
// runs are), chosen by pickRound, for up to slot, until none is left or
// every one has max samples. Rounds are numbered from next on; it returns
// the next free round number. last marks the slot after the count runs,
// which says why it stopped.
func (d *driver) rerunNoisy(ctx context.Context, dir string, raw io.Writer, p *progress, nz *noiseRuns, next int, slot time.Duration, last bool) (int, error) {
	start := time.Now()
	defer func() { nz.spent += time.Since(start) }()
	for {
		var err error
		if nz.noisy, err = noisyConfigs(dir, d.hooks.Open, nz.decided); err != nil {
			return next, d.incomplete(dir, p, fmt.Sprintf("reading raw.txt back for the noise re-runs failed: %v", err))
		}
		if len(nz.noisy) == 0 {
			nz.stop = "nothing open"
			if !nz.decided {
				nz.stop = "every configuration within ±5 %"
			}
			return next, nil
		}
		left := slot - time.Since(start)
		pick := pickRound(nz.noisy, d.o.maxSamples, p.cost, min(left, max(left/8, minRound)))
		if len(pick) == 0 {
			if !last {
				return next, nil
			}
			what := nz.what()
			if !slices.ContainsFunc(nz.noisy, func(c noisyConfig) bool { return c.n < d.o.maxSamples }) {
				nz.stop = fmt.Sprintf("max samples: each of the %d %s configurations has %d samples, the most -max-samples allows", len(nz.noisy), what, d.o.maxSamples)
			} else {
				nz.stop = fmt.Sprintf("budget (-noise-budget, -deadline): %s of it left, and none of the %s configurations below %d samples fits in it", round(max(left, 0)), what, d.o.maxSamples)
			}
			fmt.Fprintf(d.stdout, "%s: stopping at the %s\n", nz.label(), nz.stop)
			return next, nil
		}
		if s := d.interrupted(); s != nil {
			return next, d.incomplete(dir, p, fmt.Sprintf("interrupted by %s before noise re-run %d", sigName(s), nz.rounds+1))
		}
		var names []string
		open := 0
		for _, c := range pick {
			names = append(names, c.name)
			if c.open {
				open++
			}
		}
		if err := os.WriteFile(nz.only, []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
			return next, d.incomplete(dir, p, fmt.Sprintf("writing the list of noisy configurations failed: %v", err))
		}
		nz.rounds++
		if err := writeRound(raw, next); err != nil {
			return next, d.runFailed(dir, p, &rawWriteError{err}, fmt.Sprintf("noise re-run %d", nz.rounds))
		}
		next++
		p.startNoise(nz.rounds, names, open, len(nz.noisy), time.Now(), left)
		sel := &selection{pattern: familyPattern(names), only: nz.only}
		if err := d.runOnce(ctx, raw, p, sel); err != nil {
			return next, d.runFailed(dir, p, err, fmt.Sprintf("noise re-run %d", nz.rounds))
		}
		for _, n := range names {
			nz.rerun[n] = true
		}
	}
}

// report says what the re-runs did and which configurations stayed
// noisy.
func (nz *noiseRuns) report(d *driver) {
	budget := d.o.noiseBudget.String()
	if d.o.deadline > 0 {
		budget += fmt.Sprintf(", deadline %s after the start", d.o.deadline)
	}
	if nz.decided {
		fmt.Fprintf(d.stdout, "sampling what is open: %d rounds in %s (budget %s); %d configurations sampled past the first %d rounds, the rest stopped there; ended: %s\n",
			nz.rounds, round(nz.spent), budget, len(nz.rerun), d.o.count, nz.stop)
	} else {
		fmt.Fprintf(d.stdout, "noise re-runs: %d rounds in %s (budget %s); %d configurations re-run, %d of them now within ±5 %%\n",
			nz.rounds, round(nz.spent), budget, len(nz.rerun), len(nz.rerun)-countIn(nz.noisy, nz.rerun))
	}
	if len(nz.noisy) == 0 {
		return
	}
	var still []string
	for _, c := range nz.noisy {
		w := "no interval yet"
		if c.n >= stat.MinSamples {
			w = fmt.Sprintf("±%.1f %%", 100*c.width)
		}
		still = append(still, fmt.Sprintf("%s %s (n=%d)", strings.TrimPrefix(c.name, "Benchmark"), w, c.n))
	}
	what := nz.what()
	fmt.Fprintf(d.stdout, "still %s (%d):\n  %s\n", what, len(still), strings.Join(still, "\n  "))
	busyWarning(d.stdout, "after the noise re-runs")
}

// writeRound writes the configuration line that numbers the samples
// after it: every configuration has at most one sample per round, so the
// report can pair samples measured in the same round.
func writeRound(raw io.Writer, k int) error {
	_, err := fmt.Fprintf(raw, "%s: %d\n", runfile.RoundKey, k)
	return err
}

// writeStopped writes the last configuration line of raw.txt, why the
// sampling after the count rounds ended.
func writeStopped(raw io.Writer, why string) error {
	if why == "" {
		return nil
	}
	_, err := fmt.Fprintf(raw, "%s: %s\n", runfile.ConfigStopped, why)
	return err
}

// countIn counts the configurations of cs that are in set.
func countIn(cs []noisyConfig, set map[string]bool) int {
	n := 0
	for _, c := range cs {
		if set[c.name] {
			n++
		}
	}
	return n
}

// familyPattern returns the -test.bench pattern that selects exactly the
// families of the full benchmark names: ^Benchmark(Hash|Sleep)$.
func familyPattern(names []string) string {
	var fams []string
	for _, n := range names {
		f, _, _ := strings.Cut(strings.TrimPrefix(n, "Benchmark"), "/")
		if q := regexp.QuoteMeta(f); !slices.Contains(fams, q) {
			fams = append(fams, q)
		}
	}
	slices.Sort(fams)
	return "^Benchmark(" + strings.Join(fams, "|") + ")$"
}

// label names the re-runs in messages.
func (nz *noiseRuns) label() string {
	if nz.decided {
		return "sampling what is open"
	}
	return "noise re-runs"
}

// what names the configurations the re-runs sample: "open" or "noisy".
func (nz *noiseRuns) what() string {
	if nz.decided {
		return "open"
	}
	return "noisy"
}
