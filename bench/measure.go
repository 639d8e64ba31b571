package bench

import (
	"context"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// warmTime is how long each sample warms its case with untimed batches
// (the probe included) before the timer starts. The first batches after
// the set-up run slower (docs/measurements.md#warm-up-of-a-sample), so a
// short sample would measure them; warmTime makes a sample of BENCHTIME
// start where a longer one would be.
const warmTime = 20 * time.Millisecond

// runCase measures one case: it sets GOMAXPROCS to c.Procs (restored by a
// cleanup), builds the strategy, warms it with one untimed probe run that
// also finds the peak goroutine count and memory (once per case for an
// in-process strategy: see probes), then times b.N batches and reports
// the metrics described in the package documentation.
func runCase(b *testing.B, c Case, want checksums, probes map[string]probeResult) {
	ctx := context.Background()
	prev := runtime.GOMAXPROCS(c.Procs)
	b.Cleanup(func() { runtime.GOMAXPROCS(prev) })

	w, err := c.workload()
	if err != nil {
		b.Fatalf("workload %s: %v", c.Workload, err)
	}
	if cl, ok := w.(io.Closer); ok {
		b.Cleanup(func() {
			if err := cl.Close(); err != nil {
				b.Errorf("closing workload %s: %v", c.Workload, err)
			}
		})
	}
	sum, err := want.get(ctx, c.reference(), w, c.Tasks)
	if err != nil {
		b.Fatal(err)
	}
	s, err := strategies.New(c.Strategy, strategies.Options{Workers: c.Workers})
	if err != nil {
		b.Fatalf("strategy %s: %v", c.Strategy, err)
	}
	b.Cleanup(func() {
		if err := s.Close(); err != nil {
			b.Errorf("closing %s: %v", c.Strategy, err)
		}
	})

	probeTasks := c.probeTasks()
	probeSum := sum
	if probeTasks != c.Tasks {
		if probeSum, err = want.get(ctx, c.reference(), w, probeTasks); err != nil {
			b.Fatal(err)
		}
	}
	// The testing package calls a benchmark again as b.N grows; an
	// in-process strategy has nothing to warm, so its probe's figures are
	// kept from the first call. Worker processes start anew in each call
	// and are warmed each time.
	warmStart := time.Now()
	peak, probed := probes[c.Name()]
	if props, err := strategies.PropsOf(c.Strategy); !probed || err != nil || props.Processes {
		if peak, err = probe(ctx, s, w, probeTasks, probeSum); err != nil {
			b.Fatalf("warm-up run of %s: %v", c.Strategy, err)
		}
		probes[c.Name()] = peak
	}

	done := make([]time.Duration, c.Tasks)
	lat := newLatencies(c.Tasks)
	job := strategies.Job{Workload: w, Tasks: c.Tasks, Done: done}
	// Untimed batches until warmTime has passed since the probe started:
	// see warmTime.
	for time.Since(warmStart) < warmTime {
		r, err := s.Run(ctx, job)
		if err != nil {
			b.Fatalf("warm-up batch of %s: %v", c.Strategy, err)
		}
		if r.Checksum != sum {
			b.Fatalf("checksum mismatch in a warm-up batch: %s gave %#x, sequential gave %#x", c.Strategy, r.Checksum, sum)
		}
	}
	var lost int64
	cpu0, cpuErr := cpuTime(s)
	faults0, faultsErr := pageFaults(s)
	load := startLoad()
	b.ReportAllocs()
	// b.Loop runs the function once per sample: the strategy above (and
	// a process strategy's workers) start once, not again for each b.N the
	// testing package would try, and every batch it runs is measured.
	for i := 0; b.Loop(); i++ {
		r, err := s.Run(ctx, job)
		if err != nil {
			b.Fatalf("%s run %d: %v", c.Strategy, i, err)
		}
		if r.Checksum != sum {
			b.Fatalf("checksum mismatch: %s run %d gave %#x, sequential gave %#x", c.Strategy, i, r.Checksum, sum)
		}
		if r.Lost != 0 && !c.Racy() {
			b.Fatalf("lost updates on a synchronized counter: %s run %d lost %d", c.Strategy, i, r.Lost)
		}
		lost += r.Lost
		lat.add(done)
	}
	cpu1, cpuErr1 := cpuTime(s)
	faults1, faultsErr1 := pageFaults(s)
	load.report(b, cpu1-cpu0, cpuErr == nil && cpuErr1 == nil)

	n := float64(b.N)
	elapsed := b.Elapsed()
	tasks := n * float64(c.Tasks)
	b.ReportMetric(float64(elapsed.Nanoseconds())/tasks, runfile.UnitNsPerTask)
	if elapsed > 0 {
		b.ReportMetric(tasks/elapsed.Seconds(), runfile.UnitTasksPerSec)
	}
	if cpuErr == nil && cpuErr1 == nil {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/n, runfile.UnitCPUNsPerOp)
	} else {
		b.Logf("cpu-ns/op not reported: %v", firstErr(cpuErr, cpuErr1))
	}
	if faultsErr == nil && faultsErr1 == nil {
		b.ReportMetric(float64(faults1-faults0)/n, runfile.UnitFaultsPerOp)
	} else {
		b.Logf("%s not reported: %v", runfile.UnitFaultsPerOp, firstErr(faultsErr, faultsErr1))
	}
	p50, p99, err := lat.percentiles()
	if err != nil {
		b.Fatalf("task completion percentiles: %v", err)
	}
	b.ReportMetric(p50, runfile.UnitP50Ns)
	b.ReportMetric(p99, runfile.UnitP99Ns)
	b.ReportMetric(float64(peak.Goroutines), runfile.UnitPeakRoutines)
	b.ReportMetric(float64(peak.Mem.Stack), runfile.UnitPeakStack)
	b.ReportMetric(float64(peak.Mem.Heap), runfile.UnitPeakHeap)
	b.ReportMetric(float64(peak.Mem.RSS), runfile.UnitPeakRSS)
	if !peak.Mem.RSSExact {
		b.Logf("peak-rss-B is the largest VmRSS sampled: /proc/self/clear_refs could not reset the kernel's high-water mark")
	}
	if c.Counter() {
		b.ReportMetric(float64(lost)/n, runfile.UnitLostUpdates)
	}
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
