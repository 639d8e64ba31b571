package driver

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// The cost probe. With -budget, before any measured round, every selected
// configuration runs one batch (-test.benchtime=1x). A configuration whose
// batch would take more than -probe-share of the budget over all its
// rounds is left out, named with its estimate and the -force that keeps
// it; one still running after three times that is stopped at once and
// left out as dearer still. The estimates also set the ETA of the first
// round, and fewer count rounds run when they would not fit the budget.

// probeGrace is the least a configuration may run in the probe before it
// is stopped, whatever the budget: the test binary's start and the first
// batch's reference checksum take time of their own.
const probeGrace = 2 * time.Second

// A probeResult is what the cost probe found: the batch time of each
// configuration it measured, and those it left out, with why.
type probeResult struct {
	batch    map[string]time.Duration
	leftOut  []string
	messages []string
}

// probe runs the cost probe over names and returns those to keep. Without
// a budget it keeps them all and measures nothing.
func (d *driver) probe(ctx context.Context, names []string) ([]string, probeResult, error) {
	res := probeResult{batch: map[string]time.Duration{}}
	if d.o.budget == 0 {
		return names, res, nil
	}
	rounds := d.o.warmup + d.o.count
	limit := time.Duration(d.o.probeShare * float64(d.o.budget) / float64(rounds))
	var force *regexp.Regexp
	if d.o.force != "" {
		force = regexp.MustCompile(d.o.force) // checked by parseOptions
	}
	forced := func(name string) bool { return force != nil && force.MatchString(name) }
	why := fmt.Sprintf("%s of the %s budget over %d rounds", shareWord(d.o.probeShare), d.o.budget, rounds)
	fmt.Fprintf(d.stdout, "probing the cost of %d configurations, one batch each; a batch may take up to %s (%s)\n", len(names), short(limit), why)
	leave := func(name, estimate string) {
		res.leftOut = append(res.leftOut, name)
		res.messages = append(res.messages, fmt.Sprintf("left out %s: a batch takes %s, more than %s (%s); -force '%s' keeps it",
			strings.TrimPrefix(name, "Benchmark"), estimate, short(limit), why, forceHint(name)))
	}
	remaining := names
	for len(remaining) > 0 {
		stopped, err := d.probeRun(ctx, remaining, res.batch, max(3*limit, probeGrace), forced)
		if err != nil {
			return nil, res, err
		}
		next := remaining[:0:0]
		for _, n := range remaining {
			if _, ok := res.batch[n]; !ok && n != stopped {
				next = append(next, n)
			}
		}
		if stopped != "" {
			leave(stopped, "more than "+short(max(3*limit, probeGrace)).String()+" (stopped)")
		} else if len(next) == len(remaining) {
			return nil, res, fmt.Errorf("the cost probe measured none of %d configurations; the test binary printed no result", len(remaining))
		}
		remaining = next
	}
	var kept []string
	for _, n := range names {
		b, ok := res.batch[n]
		switch {
		case slices.Contains(res.leftOut, n):
		case ok && b > limit && !forced(n):
			leave(n, "about "+b.Round(time.Millisecond).String())
		default:
			kept = append(kept, n)
		}
	}
	for _, m := range res.messages {
		fmt.Fprintln(d.stdout, m)
	}
	if len(kept) == 0 {
		return nil, res, fmt.Errorf("the cost probe left out every configuration: give a larger -budget, fewer -tasks, or -force")
	}
	return kept, res, nil
}

// probeRun runs the test binary once on names at one batch each,
// recording each batch time in batch, and stops it when one configuration
// (not forced) has run longer than stop: that one's name is returned.
func (d *driver) probeRun(ctx context.Context, names []string, batch map[string]time.Duration, stop time.Duration, forced func(string) bool) (string, error) {
	only, err := d.onlyFile("probe", names)
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := d.benchCmd(ctx, false, "-test.count=1", "-test.benchtime=1x")
	cmd.Env = append(cmd.Env, bench.OnlyEnv+"="+only)
	var mu sync.Mutex
	next, since := 0, time.Now()
	var stopped string
	cmd.Stdout = &lineWriter{handle: func(line string) error {
		name, ok := resultName(line)
		if !ok {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		batch[name] = batchTime(line)
		if i := slices.Index(names, name); i >= next {
			next = i + 1
		}
		since = time.Now()
		return nil
	}}
	errTail := &tailWriter{max: 4096}
	cmd.Stderr = errTail
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("starting the cost probe: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if s := d.interrupted(); s != nil {
				return "", fmt.Errorf("interrupted by %s during the cost probe; nothing was measured", sigName(s))
			}
			if err != nil && stopped == "" {
				return "", fmt.Errorf("the cost probe failed: %w\n%s", err, strings.TrimSpace(string(errTail.buf)))
			}
			return stopped, nil
		case <-tick.C:
			mu.Lock()
			if stopped == "" && next < len(names) && time.Since(since) > stop && !forced(names[next]) {
				stopped = names[next]
				cancel()
			}
			mu.Unlock()
		}
	}
}

// onlyFile writes names, one a line, to a new file in the driver's
// temporary folder, for bench.OnlyEnv.
func (d *driver) onlyFile(what string, names []string) (string, error) {
	f, err := os.CreateTemp(d.tmp, what+"-*.txt")
	if err != nil {
		return "", fmt.Errorf("writing the %s list: %w", what, err)
	}
	defer f.Close()
	if _, err := f.WriteString(strings.Join(names, "\n") + "\n"); err != nil {
		return "", fmt.Errorf("writing %s: %w", f.Name(), err)
	}
	return filepath.Clean(f.Name()), f.Close()
}

// batchTime is the ns/op of a result line.
func batchTime(line string) time.Duration {
	f := strings.Fields(line)
	for i := 1; i < len(f); i++ {
		if f[i] == runfile.UnitNsPerOp {
			if ns, err := strconv.ParseFloat(f[i-1], 64); err == nil {
				return time.Duration(ns)
			}
		}
	}
	return 0
}

// forceHint is a -force regexp that selects the configuration name: its
// strategy and workers parts.
func forceHint(name string) string {
	var parts []string
	for _, p := range strings.Split(name, "/") {
		if strings.HasPrefix(p, runfile.KeyStrategy+"=") || strings.HasPrefix(p, runfile.KeyWorkers+"=") {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return regexp.QuoteMeta(strings.TrimPrefix(name, "Benchmark"))
	}
	return strings.Join(parts, "/")
}

// shareWord writes a share of the budget: "1/4", "30 %".
func shareWord(s float64) string {
	for _, n := range []int{2, 3, 4, 5, 10} {
		if s == 1/float64(n) {
			return fmt.Sprintf("1/%d", n)
		}
	}
	return fmt.Sprintf("%.0f %%", 100*s)
}

// fitCount lowers the count rounds when, at the probe's batch times, the
// warm-up and count rounds would not fit the budget, to no fewer than
// stat.MinSamples; it says so.
func (d *driver) fitCount(names []string, res probeResult) {
	if d.o.budget == 0 {
		return
	}
	per := time.Duration(0)
	bt, _ := time.ParseDuration(d.o.benchtime)
	for _, n := range names {
		per += max(res.batch[n], bt) + 2*res.batch[n] // a sample, its probe batch and warm-up
	}
	if per <= 0 {
		return
	}
	fit := int(float64(d.o.budget)*0.8/float64(per)) - d.o.warmup
	switch {
	case fit >= d.o.count:
	case fit >= stat.MinSamples:
		fmt.Fprintf(d.stdout, "%d rounds of about %s fit the %s budget: running %d instead of %d\n", fit, short(per), d.o.budget, fit, d.o.count)
		d.o.count = fit
	default:
		fmt.Fprintf(d.stdout, "a round takes about %s: the %d rounds a conclusion needs will take longer than the %s budget\n", short(per), stat.MinSamples, d.o.budget)
		d.o.count = min(d.o.count, stat.MinSamples)
	}
}

// short rounds a duration for a message: to the millisecond below ten
// seconds, to the second above.
func short(d time.Duration) time.Duration {
	if d < 10*time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Second)
}
