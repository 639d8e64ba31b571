package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/concbench/concbench/plots"
)

// startCost is added to the estimate of a noise re-run round for starting
// the benchmark binary and its first worker processes.
const startCost = time.Second

// A noisyConfig is a configuration whose ns/op interval is still wider
// than ±plots.NoisyWidth, or that has fewer than plots.MinSamples samples
// (no interval yet).
type noisyConfig struct {
	name  string // full name, with "Benchmark"
	n     int
	width float64 // relative half-width of the interval
}

// noisyConfigs reads raw.txt in dir back, as the report will, and returns
// its noisy configurations.
func noisyConfigs(dir string) ([]noisyConfig, error) {
	run, err := plots.ReadRun(dir)
	if err != nil {
		return nil, err
	}
	var noisy []noisyConfig
	for _, b := range run.Benchmarks {
		m := b.Metric("ns/op")
		if m != nil && (!m.Summary.Enough() || m.Summary.Noisy()) {
			noisy = append(noisy, noisyConfig{"Benchmark" + b.Name, m.Summary.N, m.Summary.RelHalfWidth()})
		}
	}
	return noisy, nil
}

// rerunNoisy runs, after the count runs, the configurations whose ns/op
// interval is wider than ±5 % (or that have fewer than 6 samples) once
// more each, in one run of the benchmark binary (interleaved, as the count
// runs are), and again, until none is left or the next round, estimated
// from what its configurations took in run 1, would overrun the noise
// budget. It says what it did and which configurations stayed noisy.
func (d *driver) rerunNoisy(ctx context.Context, dir string, raw io.Writer, p *progress) error {
	start := time.Now()
	only := filepath.Join(filepath.Dir(d.binary), "noisy.txt")
	rerun := map[string]bool{}
	rounds := 0
	var noisy []noisyConfig
	for {
		var err error
		if noisy, err = noisyConfigs(dir); err != nil {
			return d.incomplete(dir, p, fmt.Sprintf("reading raw.txt back for the noise re-runs failed: %v", err))
		}
		if len(noisy) == 0 {
			break
		}
		var names []string
		for _, c := range noisy {
			names = append(names, c.name)
		}
		left := d.o.noiseBudget - time.Since(start)
		if need := p.estimate(names) + startCost; need > left {
			fmt.Fprintf(d.stdout, "noise re-runs: %s of the budget left, a round of the %d noisy configurations needs about %s: stopping\n", round(left), len(names), round(need))
			break
		}
		if s := d.interrupted(); s != nil {
			return d.incomplete(dir, p, fmt.Sprintf("interrupted by %s before noise re-run %d", sigName(s), rounds+1))
		}
		if err := os.WriteFile(only, []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
			return d.incomplete(dir, p, fmt.Sprintf("writing the list of noisy configurations failed: %v", err))
		}
		rounds++
		p.startNoise(rounds, names, time.Now(), left)
		sel := &selection{pattern: familyPattern(names), only: only}
		if err := d.runOnce(ctx, raw, p, sel); err != nil {
			return d.runFailed(dir, p, err, fmt.Sprintf("noise re-run %d", rounds))
		}
		for _, n := range names {
			rerun[n] = true
		}
	}
	fmt.Fprintf(d.stdout, "noise re-runs: %d rounds in %s (budget %s); %d configurations re-run, %d of them now within ±5 %%\n",
		rounds, round(time.Since(start)), d.o.noiseBudget, len(rerun), len(rerun)-countIn(noisy, rerun))
	if len(noisy) > 0 {
		var still []string
		for _, c := range noisy {
			w := "no interval yet"
			if c.n >= plots.MinSamples {
				w = fmt.Sprintf("±%.1f %%", 100*c.width)
			}
			still = append(still, fmt.Sprintf("%s %s (n=%d)", strings.TrimPrefix(c.name, "Benchmark"), w, c.n))
		}
		fmt.Fprintf(d.stdout, "still noisy:\n  %s\n", strings.Join(still, "\n  "))
		busyWarning(d.stdout, "after the noise re-runs")
	}
	return nil
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
