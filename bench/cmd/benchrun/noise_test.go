package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots"
)

// Two runs leave every configuration without an interval (fewer than 6
// samples): the noise re-runs top up exactly the selected configurations,
// interleaved, until each has 6, and the report sees them.
func TestNoiseRerunsTopUp(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	args := []string{"-scale", "tiny", "-bench", "BenchmarkSleep$", "-count", "2", "-benchtime", "1x", "-noise-budget", "2m", "-report=false", "-results", results}
	if err := drive(args, &stdout, &stderr, nil); err != nil {
		t.Fatalf("drive: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	dir := runDirs(t, results)[0]
	run, err := plots.ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Benchmarks) == 0 {
		t.Fatal("no benchmarks")
	}
	for _, b := range run.Benchmarks {
		if b.Family != "Sleep" {
			t.Errorf("re-runs ran %s, outside -bench", b.Name)
		}
		if n := b.Metric("ns/op").Summary.N; n < plots.MinSamples {
			t.Errorf("%s: %d samples after the re-runs, want at least %d", b.Name, n, plots.MinSamples)
		}
	}
	out := stdout.String()
	for _, want := range []string{"noise re-run 1: ", "noise re-run 4: ", "[noise re-run 4 ", "noise re-runs: "} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if run.ConfigValue("noise-budget") != "2m0s" {
		t.Errorf("noise-budget line %q", run.ConfigValue("noise-budget"))
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "raw.txt"))
	if strings.Count(string(raw), "\nPASS") < 2+4 {
		t.Errorf("want 2 runs and at least 4 re-runs in raw.txt, got %d PASS lines", strings.Count(string(raw), "\nPASS"))
	}
}

// A budget too small for one round re-runs nothing and says so.
func TestNoiseBudgetTooSmall(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	args := []string{"-scale", "tiny", "-bench", "BenchmarkSleep$", "-count", "1", "-benchtime", "1x", "-noise-budget", "1ms", "-report=false", "-results", results}
	if err := drive(args, &stdout, &stderr, nil); err != nil {
		t.Fatalf("drive: %v", err)
	}
	out := stdout.String()
	if strings.Contains(out, "noise re-run 1:") || !strings.Contains(out, "a round of the") || !strings.Contains(out, "noise re-runs: 0 rounds") || !strings.Contains(out, "still noisy:") {
		t.Errorf("stdout:\n%s", out)
	}
}

func TestFamilyPattern(t *testing.T) {
	got := familyPattern([]string{"BenchmarkSleep/d=1ms/strategy=spawn/procs=2", "BenchmarkHash/size=64B/strategy=pool/procs=2", "BenchmarkSleep/d=1ms/strategy=pool/procs=2"})
	if got != "^Benchmark(Hash|Sleep)$" {
		t.Errorf("familyPattern = %q", got)
	}
}

func TestBadNoiseBudget(t *testing.T) {
	for _, v := range []string{"abc", "-1m", "5"} {
		_, err := parseOptions([]string{"-noise-budget", v}, &syncBuffer{})
		if err == nil || !strings.Contains(err.Error(), "NOISE_BUDGET") {
			t.Errorf("-noise-budget %s: %v", v, err)
		}
	}
}

func TestBusyMessage(t *testing.T) {
	if m := busyMessage("7.50 6.44 5.64 3/158 25785\n", 2, "before the runs"); !strings.Contains(m, "busy before the runs (load average 7.50 on 2 CPUs)") {
		t.Errorf("busy: %q", m)
	}
	for _, idle := range []string{"1.90 1.0 1.0 1/100 1\n", "", "x"} {
		if m := busyMessage(idle, 2, "now"); m != "" {
			t.Errorf("%q: %q, want no warning", idle, m)
		}
	}
}

// TestNoisyConfigsRejectsImpossibleValues: the noise re-runs read raw.txt
// back through plots, so a NaN or a negative time there stops them with
// the line, the benchmark and the metric, never a round planned on it.
func TestNoisyConfigsRejectsImpossibleValues(t *testing.T) {
	for _, v := range []string{"NaN", "+Inf", "-1", "0", "1e300"} {
		dir := t.TempDir()
		raw := "numcpu: 2\nBenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2 \t1\t1100000 ns/op\nBenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2 \t1\t" + v + " ns/op\n"
		if err := os.WriteFile(filepath.Join(dir, plots.RawFile), []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := noisyConfigs(dir)
		want := filepath.Join(dir, plots.RawFile) + ":3: BenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2: ns/op = "
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: error %v, want one starting %q", v, err, want)
		}
	}
}
