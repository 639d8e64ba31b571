package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress prints one line per benchmark result with the run number, the
// position in the run and an estimate of the time left. Run 1 estimates
// from its own pace; later runs use what each benchmark took in run 1.
type progress struct {
	w      io.Writer
	count  int      // runs in all
	names  []string // benchmarks of one run
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
}

func newProgress(w io.Writer, count int, names []string, now time.Time) *progress {
	return &progress{w: w, count: count, names: names, start: now, first: map[string]time.Duration{}}
}

// startRun notes that run i (from 1) starts at now.
func (p *progress) startRun(i int, now time.Time) {
	if p.run == 1 {
		p.total1 = p.lastAt.Sub(p.runAt)
	}
	p.run, p.done, p.runAt, p.lastAt, p.seen = i, 0, now, now, map[string]bool{}
	fmt.Fprintf(p.w, "run %d/%d: %d benchmarks, %s elapsed%s\n", i, p.count, len(p.names), round(now.Sub(p.start)), p.eta(now))
}

// startNoise notes that noise re-run round k, of the benchmarks names,
// starts at now; left is what remains of the budget.
func (p *progress) startNoise(k int, names []string, now time.Time, left time.Duration) {
	p.noise, p.names, p.done, p.lastAt, p.seen = k, names, 0, now, map[string]bool{}
	fmt.Fprintf(p.w, "noise re-run %d: %d configurations wider than ±5 %%, %s elapsed, %s of the budget left\n",
		k, len(names), round(now.Sub(p.start)), round(left))
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
	if p.noise > 0 {
		fmt.Fprintf(p.w, "[noise re-run %d %d/%d] %s  %s\n", p.noise, p.done, len(p.names),
			strings.TrimPrefix(name, "Benchmark"), timePerOp(line))
		return
	}
	fmt.Fprintf(p.w, "[run %d/%d %d/%d%s] %s  %s\n", p.run, p.count, p.done, len(p.names), p.eta(now),
		strings.TrimPrefix(name, "Benchmark"), timePerOp(line))
}

// eta returns ", ETA 3m20s" (with ~ while run 1 is the only guide), or ""
// before anything is known.
func (p *progress) eta(now time.Time) string {
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
		if f[i] == "ns/op" {
			var ns float64
			if _, err := fmt.Sscan(f[i-1], &ns); err == nil {
				return time.Duration(ns).String() + "/op"
			}
		}
	}
	return ""
}
