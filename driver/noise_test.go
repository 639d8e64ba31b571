package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// Two runs leave every configuration without an interval (fewer than 6
// samples): the noise re-runs top up exactly the selected configurations,
// interleaved, until each has 6, and the report sees them.
func TestNoiseRerunsTopUp(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	args := []string{"-scale", "tiny", "-bench", "BenchmarkSleep$", "-count", "2", "-benchtime", "1x", "-noise-budget", "2m", "-sampling", "precise", "-report=false", "-results", results}
	if err := drive(args, &stdout, &stderr, nil, testHooks); err != nil {
		t.Fatalf("drive: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	dir := runDirs(t, results)[0]
	run, err := rundir.ReadRun(dir)
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
		if n := b.Metric("ns/op").Summary.N; n < stat.MinSamples {
			t.Errorf("%s: %d samples after the re-runs, want at least %d", b.Name, n, stat.MinSamples)
		}
	}
	out := stdout.String()
	for _, want := range []string{"noise re-run 1: ", "noise re-run 4: ", "[noise re-run 4 ", "noise re-runs: "} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if run.ConfigValue(runfile.ConfigNoiseBudget) != "2m0s" {
		t.Errorf("noise-budget line %q", run.ConfigValue(runfile.ConfigNoiseBudget))
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "raw.txt"))
	if strings.Count(string(raw), "\nPASS") < 2+4 {
		t.Errorf("want 2 runs and at least 4 re-runs in raw.txt, got %d PASS lines", strings.Count(string(raw), "\nPASS"))
	}
	// Every round is numbered, the re-runs on from the count; the warm-up
	// run is in warmup.txt, not in raw.txt, and raw.txt says so.
	for _, want := range []string{"\nround: 1\n", "\nround: 2\n", "\nround: 3\n", "\nround: 6\n"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("raw.txt lacks %q", strings.TrimSpace(want))
		}
	}
	warm, err := os.ReadFile(filepath.Join(dir, runfile.WarmupFile))
	if err != nil || strings.Count(string(warm), "\nBenchmarkSleep/") != 6 {
		t.Errorf("warmup.txt: %v, want one result per configuration:\n%s", err, warm)
	}
	if w := run.ConfigValue(runfile.ConfigWarmup); !strings.Contains(w, runfile.WarmupFile) {
		t.Errorf("warmup line %q does not name %s", w, runfile.WarmupFile)
	}
}

// A budget too small for one round re-runs nothing and says so.
func TestNoiseBudgetTooSmall(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	args := []string{"-scale", "tiny", "-bench", "BenchmarkSleep$", "-count", "1", "-benchtime", "1x", "-noise-budget", "1ms", "-sampling", "precise", "-report=false", "-results", results}
	if err := drive(args, &stdout, &stderr, nil, testHooks); err != nil {
		t.Fatalf("drive: %v", err)
	}
	out := stdout.String()
	if strings.Contains(out, "noise re-run 1:") || !strings.Contains(out, "none of the noisy configurations below 60 samples fits in it") || !strings.Contains(out, "noise re-runs: 0 rounds") || !strings.Contains(out, "still noisy (6):") {
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
		if err := os.WriteFile(filepath.Join(dir, runfile.RawFile), []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := noisyConfigs(dir, judge.OpenRows, true)
		want := filepath.Join(dir, runfile.RawFile) + ":3: BenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2: ns/op = "
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: error %v, want one starting %q", v, err, want)
		}
	}
}

// pickRound takes the rows a conclusion rests on first, then the cheapest,
// as many as fit in what is left, and none that has max samples.
func TestPickRoundOrder(t *testing.T) {
	costs := map[string]time.Duration{"a": 4 * time.Second, "b": 100 * time.Millisecond, "c": 200 * time.Millisecond, "d": 50 * time.Millisecond, "e": 10 * time.Millisecond}
	cost := func(n string) time.Duration { return costs[n] }
	noisy := []noisyConfig{
		{name: "a", n: 15, open: true},
		{name: "b", n: 15},
		{name: "c", n: 15, open: true},
		{name: "d", n: 15},
		{name: "e", n: 40}, // at the cap
	}
	names := func(cs []noisyConfig) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.name)
		}
		return strings.Join(s, ",")
	}
	if got := names(pickRound(noisy, 40, cost, time.Minute)); got != "c,a,d,b" {
		t.Errorf("with a minute left: %s, want c,a,d,b (open conclusions cheapest first, then the rest cheapest first)", got)
	}
	// 40 s: a round gets an eighth, 5 s: the start cost (1 s), then c
	// (0.2 s), d (0.05 s) and b (0.1 s); a (4 s) does not fit.
	if got := names(pickRound(noisy, 40, cost, 40*time.Second)); got != "c,d,b" {
		t.Errorf("with 40 s left: %s, want c,d,b", got)
	}
	// 1.3 s: what fits in all of it, c (0.2 s) and d (0.05 s).
	if got := names(pickRound(noisy, 40, cost, 1300*time.Millisecond)); got != "c,d" {
		t.Errorf("with 1.3 s left: %s, want c,d", got)
	}
	if got := pickRound(noisy, 40, cost, time.Second); len(got) != 0 {
		t.Errorf("with only the start cost left: %s, want nothing", names(got))
	}
}

// A deadline already past when the count runs end re-runs nothing, whatever
// the noise budget.
func TestNoiseDeadline(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	args := []string{"-scale", "tiny", "-bench", "BenchmarkSleep$", "-count", "1", "-warmup", "0", "-benchtime", "1x", "-noise-budget", "10m", "-deadline", "1ms", "-report=false", "-results", results}
	if err := drive(args, &stdout, &stderr, nil, testHooks); err != nil {
		t.Fatalf("drive: %v", err)
	}
	out := stdout.String()
	if strings.Contains(out, "noise re-run 1:") || !strings.Contains(out, "deadline 1ms after the start") {
		t.Errorf("re-ran past the deadline, or did not say so:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(runDirs(t, results)[0], runfile.WarmupFile)); err == nil {
		t.Error("-warmup 0 wrote warmup.txt")
	}
}

// TestNoisyConfigsCrash: a Crash row is sampled while it has fewer than 6
// samples; after that, with -sampling precise, while its interval is
// wide, like any other (the precision the report states counts every
// configuration); with -sampling decided only while an open conclusion
// needs it (here none).
func TestNoisyConfigsCrash(t *testing.T) {
	for _, tc := range []struct {
		n, want int
		decided bool
	}{{5, 1, false}, {6, 1, false}, {5, 1, true}, {6, 0, true}} {
		n, want := tc.n, tc.want
		var b strings.Builder
		b.WriteString("numcpu: 2\n")
		for k := range n {
			fmt.Fprintf(&b, "BenchmarkCrash/k=2/d=1ms/tasks=4/strategy=spawn/procs=2 \t1\t%d ns/op\t0 survived\n", 10_000_000*(1+k))
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, runfile.RawFile), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		open := judge.OpenRows
		if tc.decided {
			open = func(*rundir.Run) map[string]bool { return nil }
		}
		noisy, err := noisyConfigs(dir, open, tc.decided)
		if err != nil || len(noisy) != want {
			t.Errorf("%d samples, decided %v: %v, %v; want %d configurations", n, tc.decided, noisy, err, want)
		}
	}
}

// A configuration that would need more than max samples to close comes
// after those that can, unless an open conclusion rests on it.
func TestPickRoundSkipsWhatCannotClose(t *testing.T) {
	cost := func(string) time.Duration { return 50 * time.Millisecond }
	noisy := []noisyConfig{
		{name: "wide", n: 20, width: 0.20},             // needs about 320
		{name: "close", n: 20, width: 0.06},            // needs about 29
		{name: "open", n: 20, width: 0.30, open: true}, // re-run all the same
		{name: "new", n: 3, width: 1},                  // no interval yet
	}
	var got []string
	for _, c := range pickRound(noisy, 60, cost, time.Minute) {
		got = append(got, c.name)
	}
	if strings.Join(got, ",") != "open,close,new,wide" {
		t.Errorf("picked %v, want open, close, new, wide", got)
	}
}

// share splits what is left of the budget equally between the slot now
// and those to come, and sets aside, before the deadline, the count runs
// still to come with a tenth more.
func TestNoiseShare(t *testing.T) {
	d := &driver{start: time.Now(), o: options{noiseBudget: 5 * time.Minute}}
	nz := &noiseRuns{spent: time.Minute}
	if got := nz.share(d, 3, 10*time.Second); got != time.Minute {
		t.Errorf("4 minutes left for 4 slots, no deadline: share %s, want 1m", got)
	}
	d.o.deadline = 2 * time.Minute
	// 120 s to the deadline, 3 runs of 10 s (33 s) set aside: 87 s for 4 slots.
	if got := nz.share(d, 3, 10*time.Second); got < 21*time.Second || got > 22*time.Second {
		t.Errorf("deadline in 2 minutes: share %s, want about 21.75 s", got)
	}
	if got := nz.share(d, 0, 0); got < 119*time.Second || got > 2*time.Minute {
		t.Errorf("the last slot: share %s, want what is left to the deadline", got)
	}
	d.start = time.Now().Add(-3 * time.Minute)
	if got := nz.share(d, 2, 10*time.Second); got != 0 {
		t.Errorf("past the deadline: share %s, want 0", got)
	}
}

// With -sampling decided (the default), after the count rounds only the
// rows of open conclusions run: raw.txt says so and why sampling ended,
// rows whose every conclusion was decided stopped at the count, and a run
// that ended with nothing open has nothing open by the report's reading.
func TestSamplingDecided(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	args := []string{"-scale", "tiny", "-bench", "BenchmarkSleep$|BenchmarkTwin$", "-count", "6", "-benchtime", "1x", "-warmup", "0", "-noise-budget", "1m", "-report=false", "-results", results}
	if err := drive(args, &stdout, &stderr, nil, testHooks); err != nil {
		t.Fatalf("drive: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	run, err := rundir.ReadRun(runDirs(t, results)[0])
	if err != nil {
		t.Fatal(err)
	}
	stopped := run.ConfigValue(runfile.ConfigStopped)
	if run.ConfigValue(runfile.ConfigSampling) != runfile.SamplingDecided || stopped == "" {
		t.Errorf("sampling %q, stopped %q", run.ConfigValue(runfile.ConfigSampling), stopped)
	}
	if !strings.Contains(stdout.String(), "sampling what is open: ") || !strings.Contains(stdout.String(), "ended: "+stopped) {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	atCount := 0
	for _, b := range run.Benchmarks {
		if b.Metric(runfile.UnitNsPerOp).Summary.N == 6 {
			atCount++
		}
	}
	if atCount == 0 {
		t.Errorf("no configuration stopped at the count's 6 samples:\n%s", stdout.String())
	}
	if open := judge.Open(run); stopped == "nothing open" && len(open) > 0 {
		t.Errorf("stopped with nothing open, but the report reads %v", open)
	}
	t.Logf("%d of %d configurations stopped at 6 samples; stopped: %s", atCount, len(run.Benchmarks), stopped)
}
