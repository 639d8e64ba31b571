package bench

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

func TestParseStat(t *testing.T) {
	// Fields 14 and 15 are utime 250 and stime 50 ticks; the command name
	// holds a space and a parenthesis.
	text := "1234 (bench (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 100 1000 10 18446744073709551615\n"
	d, err := parseStat("stat", text)
	if err != nil || d != 3*time.Second {
		t.Errorf("parseStat = %v, %v; want 3s", d, err)
	}
	if _, err := parseStat("stat", "1234 (x) S 1 2"); err == nil {
		t.Error("short stat accepted")
	}
}

func TestParseFaults(t *testing.T) {
	// Field 10 is minflt (100), field 12 majflt (7).
	text := "1234 (bench (x) y) S 1 1234 1234 0 -1 4194560 100 3 7 0 250 50 0 0 20 0 3 0 100 1000 10 18446744073709551615\n"
	if n, err := parseFaults("stat", text); err != nil || n != 107 {
		t.Errorf("parseFaults = %d, %v; want 107", n, err)
	}
	if _, err := parseFaults("stat", "1234 (x) S 1 2 3"); err == nil {
		t.Error("short stat accepted")
	}
}

// Touching fresh memory takes a page fault per page: 16 MiB mapped
// without huge pages, written once a page, takes 4,096.
func TestPageFaultsCountFreshMemory(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	s, err := strategies.New("sequential", strategies.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const size = 16 << 20
	buf, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(buf)
	if err := syscall.Madvise(buf, syscall.MADV_NOHUGEPAGE); err != nil {
		t.Logf("madvise(MADV_NOHUGEPAGE): %v", err)
	}
	before, err := pageFaults(s)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < size; i += 4096 {
		buf[i] = 1
	}
	after, err := pageFaults(s)
	if err != nil {
		t.Fatal(err)
	}
	if after-before < size/4096/2 {
		t.Errorf("touching %d fresh pages took %d page faults, want about one each", size/4096, after-before)
	}
}

func TestCPUTimeCountsWorkerProcesses(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	p := strategies.NewProcess(strategies.Options{Workers: 1})
	defer p.Close()
	w, err := workloads.Parse("hash/size=64KiB/rounds=64")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Run(context.Background(), strategies.Job{Workload: w, Tasks: 1}); err != nil {
		t.Fatal(err)
	}
	before, err := cpuTime(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Run(context.Background(), strategies.Job{Workload: w, Tasks: 64}); err != nil {
		t.Fatal(err)
	}
	after, err := cpuTime(p)
	if err != nil {
		t.Fatal(err)
	}
	// 64 tasks of 4 MiB of SHA-256 take well over 20 ms of the worker's CPU,
	// which only /proc/<pid>/stat sees.
	if after-before < 20*time.Millisecond {
		t.Errorf("cpu time grew by %v, want the worker's share", after-before)
	}
}

func TestLatencies(t *testing.T) {
	l := newLatencies(4)
	batches := maxLatencySamples/4 + 5 // only maxLatencySamples/4 fit
	for range batches {
		l.add([]time.Duration{1, 2, 3, 100})
	}
	if len(l.ns) != maxLatencySamples {
		t.Fatalf("kept %d samples, want %d", len(l.ns), maxLatencySamples)
	}
	p50, p99, err := l.percentiles()
	if err != nil || p50 != 2.5 || p99 != 100 {
		t.Errorf("percentiles = %v, %v, %v", p50, p99, err)
	}
	if _, _, err := newLatencies(1).percentiles(); err == nil {
		t.Error("percentiles of nothing gave no error")
	}
}

func TestProbeFindsPeakGoroutines(t *testing.T) {
	w, err := workloads.Parse("sleep/d=5ms")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want, err := strategies.Sequential{}.Run(ctx, strategies.Job{Workload: w, Tasks: 20})
	if err != nil {
		t.Fatal(err)
	}
	peak, err := probe(ctx, strategies.Spawn{}, w, 20, want.Checksum)
	if err != nil {
		t.Fatal(err)
	}
	if peak.Goroutines < 20 {
		t.Errorf("spawn of 20 sleeping tasks peaked at %d goroutines", peak.Goroutines)
	}
	if _, err := probe(ctx, strategies.Spawn{}, w, 20, want.Checksum+1); err == nil {
		t.Error("probe accepted a wrong checksum")
	}
}

func TestCaseKinds(t *testing.T) {
	s := fullScale(t)
	for _, c := range casesOf(t, "Counter", s) {
		if !c.Counter() {
			t.Errorf("%s is not a counter", c.Name())
		}
		v, _ := (workloads.Spec{Params: c.Params}).Get("sync")
		if c.Racy() != (v == "none") {
			t.Errorf("%s: Racy() = %v", c.Name(), c.Racy())
		}
	}
	for _, c := range casesOf(t, "Hash", s) {
		if c.Counter() || c.Racy() {
			t.Errorf("%s taken for a counter", c.Name())
		}
	}
}
