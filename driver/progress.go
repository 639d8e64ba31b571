package driver

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/concbench/concbench/runfile"
)

// progress prints one line per benchmark result with the run number, the
// position in the run and an estimate of the time left. Run 1 (the first
// warm-up run, if any) estimates from its own pace; later runs use what
// each benchmark took in run 1.
type progress struct {
	w      io.Writer
	warmup int      // warm-up runs, the first of the count
	count  int      // runs in all, warm-up runs included
	all    []string // benchmarks of one count run
	names  []string // benchmarks of the current run (a noise re-run's own)
	start  time.Time
	first  map[string]time.Duration // time each benchmark took in run 1
	total1 time.Duration            // run 1's total

	run     int // current run, from 1
	done    int // results in the current run
	runAt   time.Time
	lastAt  time.Time
	seen    map[string]bool
	results int // results in all runs

	noise int // current noise re-run round, from 1; 0 before them
	// decided: the re-run rounds sample what is open (-sampling decided)
	decided bool

	// guess, if set, is what each benchmark is estimated to take a round
	// (bench.EstimateFlood): run 1's ETA then scales it by the pace so
	// far, where a mean over the first, cheap benchmarks would mislead.
	guess map[string]time.Duration

	// status, on a terminal, shows the progress as one status line
	// instead of a line per sample; samples counts them all, total is the
	// samples of the warm-up and count rounds.
	status  *statusWriter
	samples int
}

func newProgress(w io.Writer, warmup, count int, names []string, now time.Time) *progress {
	return &progress{w: w, warmup: warmup, count: warmup + count, all: names, names: names, start: now, first: map[string]time.Duration{}}
}

// startRun notes that run i (from 1, warm-up runs first) starts at now.
func (p *progress) startRun(i int, now time.Time) {
	if p.run == 1 {
		p.total1 = p.lastAt.Sub(p.runAt)
	}
	p.run, p.done, p.runAt, p.lastAt, p.seen = i, 0, now, now, map[string]bool{}
	p.names, p.noise = p.all, 0
	if p.status != nil {
		p.show(now, "")
		return
	}
	fmt.Fprintf(p.w, "%s: %d benchmarks, %s elapsed%s\n", p.runLabel(), len(p.names), round(now.Sub(p.start)), p.eta(now))
}

// runLabel names the current run: "warm-up 1/1" or "run 3/15".
func (p *progress) runLabel() string {
	if p.run <= p.warmup {
		return fmt.Sprintf("warm-up %d/%d", p.run, p.warmup)
	}
	return fmt.Sprintf("run %d/%d", p.run-p.warmup, p.count-p.warmup)
}

// startNoise notes that noise re-run round k starts at now, of the
// benchmarks names (open of them behind a conclusion still open) chosen
// among noisy ones; left is what remains of the budget.
func (p *progress) startNoise(k int, names []string, open, noisy int, now time.Time, left time.Duration) {
	p.noise, p.names, p.done, p.lastAt, p.seen = k, names, 0, now, map[string]bool{}
	if p.status != nil {
		p.show(now, "")
		return
	}
	if p.decided {
		fmt.Fprintf(p.w, "%s: %d of the %d configurations an open conclusion needs, %s elapsed, %s of the budget left\n",
			p.rerunLabel(), len(names), noisy, round(now.Sub(p.start)), round(left))
		return
	}
	fmt.Fprintf(p.w, "%s: %d of the %d configurations wider than ±5 %% (%d behind an open verdict or answer), %s elapsed, %s of the budget left\n",
		p.rerunLabel(), len(names), noisy, open, round(now.Sub(p.start)), round(left))
}

// cost is what the benchmark name took in run 1, or a second if it did
// not run then.
func (p *progress) cost(name string) time.Duration {
	if d, ok := p.first[name]; ok {
		return d
	}
	return time.Second
}

// estimate is what the benchmarks names took in run 1.
func (p *progress) estimate(names []string) time.Duration {
	var t time.Duration
	for _, n := range names {
		t += p.first[n]
	}
	return t
}

// result notes a benchmark result line at now and prints progress.
func (p *progress) result(name, line string, now time.Time) {
	if p.run == 1 && p.noise == 0 {
		p.first[name] += now.Sub(p.lastAt)
	}
	p.lastAt = now
	p.done++
	p.results++
	p.seen[name] = true
	p.samples++
	if p.status != nil {
		p.show(now, strings.TrimPrefix(name, "Benchmark"))
		return
	}
	if p.noise > 0 {
		fmt.Fprintf(p.w, "[%s %d/%d] %s  %s\n", p.rerunLabel(), p.done, len(p.names),
			strings.TrimPrefix(name, "Benchmark"), timePerOp(line))
		return
	}
	fmt.Fprintf(p.w, "[%s %d/%d%s] %s  %s\n", p.runLabel(), p.done, len(p.names), p.eta(now),
		strings.TrimPrefix(name, "Benchmark"), timePerOp(line))
}

// eta returns ", ETA 3m20s" (with ~ while run 1 is the only guide), or ""
// before anything is known.
func (p *progress) eta(now time.Time) string {
	if p.run <= 1 && len(p.guess) > 0 {
		var seen, unseen, all time.Duration
		for _, n := range p.names {
			g := p.guess[n]
			all += g
			if p.seen[n] {
				seen += g
			} else {
				unseen += g
			}
		}
		pace := 1.0
		if seen > 0 {
			pace = float64(now.Sub(p.runAt)) / float64(seen)
		}
		left := time.Duration(pace * float64(unseen+time.Duration(p.count-p.run)*all))
		return ", ETA ~" + round(max(left, 0)).String()
	}
	if p.run <= 1 {
		if p.done == 0 || len(p.names) == 0 {
			return ""
		}
		perRun := time.Duration(float64(now.Sub(p.runAt)) / float64(p.done) * float64(len(p.names)))
		left := perRun - now.Sub(p.runAt) + time.Duration(p.count-1)*perRun
		return ", ETA ~" + round(max(left, 0)).String()
	}
	var left time.Duration
	for _, n := range p.names {
		if !p.seen[n] {
			left += p.first[n]
		}
	}
	left += time.Duration(p.count-p.run) * p.total1
	return ", ETA " + round(left).String()
}

func round(d time.Duration) time.Duration { return d.Round(time.Second) }

// timePerOp returns the "N ns/op" of a result line in a readable unit, or "".
func timePerOp(line string) string {
	f := strings.Fields(line)
	for i := 1; i < len(f); i++ {
		if f[i] == runfile.UnitNsPerOp {
			var ns float64
			if _, err := fmt.Sscan(f[i-1], &ns); err == nil {
				return time.Duration(ns).String() + "/op"
			}
		}
	}
	return ""
}

// show redraws the status line: the round, the samples done of the
// rounds' total, the ETA and the configuration now running (after
// name, the last one done).
func (p *progress) show(now time.Time, name string) {
	total := p.count * len(p.all)
	label := p.runLabel()
	if p.noise > 0 {
		label = p.rerunLabel()
		total = p.samples + len(p.names) - p.done
	}
	line := fmt.Sprintf("[%s · %d/%d samples%s]", label, p.samples, max(total, p.samples), p.eta(now))
	if p.done < len(p.names) {
		line += " " + strings.TrimPrefix(p.names[p.done], "Benchmark")
	} else if name != "" {
		line += " " + name
	}
	p.status.Status(line)
}

// rerunLabel names the current re-run round: "open round 3" while
// sampling what is open, "noise re-run 3" while re-running noisy rows.
func (p *progress) rerunLabel() string {
	if p.decided {
		return fmt.Sprintf("open round %d", p.noise)
	}
	return fmt.Sprintf("noise re-run %d", p.noise)
}
