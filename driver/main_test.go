package driver

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/plots"
	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
	"go.uber.org/goleak"
	"golang.org/x/perf/benchfmt"
	"golang.org/x/perf/benchproc"
)

func TestMain(m *testing.M) {
	// Importing ants (through bench and strategies) starts its default
	// pool, whose two housekeeping goroutines live as long as the process.
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}

// syncBuffer is a bytes.Buffer safe for the driver's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runDirs returns the run folders under results.
func runDirs(t *testing.T, results string) []string {
	t.Helper()
	entries, err := os.ReadDir(results)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		dirs = append(dirs, filepath.Join(results, e.Name()))
	}
	return dirs
}

// wantCases returns the cases of the tiny matrix that RunFamily runs (the
// families of the table with no runner of their own), by family, as the
// bench package builds them.
func wantCases(t *testing.T) map[string][]bench.Case {
	t.Helper()
	s, err := bench.ScaleByName("tiny")
	if err != nil {
		t.Fatal(err)
	}
	h := bench.Host{NumCPU: runtime.NumCPU()}
	want := map[string][]bench.Case{}
	for _, f := range bench.Families() {
		if f.Run != nil {
			continue
		}
		for _, c := range f.CasesAt(s, h) {
			want[f.Name] = append(want[f.Name], c)
			// The driver builds the benchmark binary without -race, so
			// it has sync=none even when this test binary, built with
			// -race, does not.
			if c.Counter() && !slices.Contains(workloads.SyncNames(), "none") {
				if v, _ := (workloads.Spec{Params: c.Params}).Get("sync"); v == "mutex" {
					want[f.Name] = append(want[f.Name], racyTwin(c))
				}
			}
		}
	}
	return want
}

// racyTwin returns the counter case c with sync=none for sync=mutex.
func racyTwin(c bench.Case) bench.Case {
	c.Params = slices.Clone(c.Params)
	for i := range c.Params {
		if c.Params[i].Key == "sync" {
			c.Params[i].Value = "none"
		}
	}
	c.Workload = strings.Replace(c.Workload, "sync=mutex", "sync=none", 1)
	return c
}

// TestTinyMatrix runs the whole tiny matrix twice through the driver and
// reads raw.txt back with benchfmt and benchproc.
func TestTinyMatrix(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	err := drive([]string{"-scale", "tiny", "-count", "2", "-benchtime", "1x", "-results", results}, &stdout, &stderr, nil, testHooks)
	if err != nil {
		t.Fatalf("drive: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	dirs := runDirs(t, results)
	if len(dirs) != 1 {
		t.Fatalf("run folders %v, want one", dirs)
	}
	dir := dirs[0]
	for _, f := range []string{"raw.txt", "benchstat.txt", "REPORT.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("run folder lacks %s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "INCOMPLETE")); err == nil {
		t.Errorf("a complete run wrote INCOMPLETE")
	}
	if !strings.Contains(stdout.String(), "[run 2/2 ") || !strings.Contains(stdout.String(), "ETA") {
		t.Errorf("no progress with run number and ETA in stdout:\n%s", stdout.String())
	}

	f, err := os.Open(filepath.Join(dir, "raw.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pp benchproc.ProjectionParser
	cols, err := pp.Parse("/strategy,/procs,/workers", nil)
	if err != nil {
		t.Fatal(err)
	}
	// The round line numbers the samples: ignored, as the driver's
	// benchstat -ignore round does.
	if _, err := pp.Parse("round", nil); err != nil {
		t.Fatal(err)
	}
	rows := pp.Residue()
	fields := map[string]*benchproc.Field{}
	for _, fl := range cols.Fields() {
		fields[fl.Name] = fl
	}

	samples := map[string]int{}           // full name → results
	units := map[string]map[string]bool{} // full name → units
	sleepRows := map[benchproc.Key]bool{}
	var config map[string]string
	r := benchfmt.NewReader(f, "raw.txt")
	for r.Scan() {
		switch rec := r.Result().(type) {
		case *benchfmt.SyntaxError:
			t.Errorf("raw.txt: %v", rec)
		case *benchfmt.Result:
			name := string(rec.Name.Full())
			samples[name]++
			if units[name] == nil {
				units[name] = map[string]bool{}
			}
			for _, v := range rec.Values {
				u := v.Unit
				if v.OrigUnit != "" {
					u = v.OrigUnit
				}
				units[name][u] = true
			}
			k := cols.Project(rec)
			// A probe (HashCeiling) measures the machine, not a
			// strategy: it has no strategy key and names its workers.
			probe := strings.Contains(name, "/probe=")
			if (k.Get(fields["/strategy"]) == "") != probe || k.Get(fields["/procs"]) == "" {
				t.Errorf("%s does not project under /strategy and /procs: %v", name, k)
			}
			hasWorkers := k.Get(fields["/workers"]) != ""
			wantWorkers := strings.Contains(name, "Workers/") || probe || strings.HasPrefix(name, "Flood/") && !strings.Contains(name, "strategy=spawn/")
			if hasWorkers != wantWorkers {
				t.Errorf("%s: /workers is %q", name, k.Get(fields["/workers"]))
			}
			if strings.HasPrefix(name, "Sleep/") {
				sleepRows[rows.Project(rec)] = true
			}
			config = map[string]string{}
			for _, c := range rec.Config {
				config[c.Key] = string(c.Value)
			}
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if len(sleepRows) != 1 {
		t.Errorf("Sleep projects into %d rows under -col /strategy, want 1: %v", len(sleepRows), sleepRows)
	}
	for _, key := range []string{"goos", "goarch", "pkg", "cpu", "go", "numcpu", "gomaxprocs", "commit", "kernel", "cgroup-cpus", "date", "dep-golang-org-x-sync"} {
		if config[key] == "" {
			t.Errorf("raw.txt has no configuration line %q", key)
		}
	}

	for _, name := range strategies.Names() {
		want, _ := strategies.PropsOf(name)
		if got, err := runfile.ParseProps(config[runfile.ConfigKey(name)]); err != nil || got != want {
			t.Errorf("raw.txt line %s: %q gives %+v, %v; want %+v", runfile.ConfigKey(name), config[runfile.ConfigKey(name)], got, err, want)
		}
	}

	metrics := []string{"ns/op", "ns/task", "tasks/s", "B/op", "allocs/op", "cpu-ns/op", "p50-ns", "p99-ns", "peak-goroutines", "peak-stack-B", "peak-heap-B", "peak-rss-B"}
	want := wantCases(t)
	total := 0
	for family, cases := range want {
		strategies := map[string]bool{}
		for _, c := range cases {
			total++
			strategies[c.Strategy] = true
			name := family + "/" + c.Name()
			if samples[name] != 2 {
				t.Errorf("%s: %d results, want 2", name, samples[name])
				continue
			}
			need := metrics
			if family == "Counter" {
				need = append(slices.Clone(metrics), "lost-updates/op")
			}
			for _, m := range need {
				if !units[name][m] {
					t.Errorf("%s: no %s", name, m)
				}
			}
		}
		// Sleep runs the six core strategies, Hash the library
		// adapters too.
		if want := map[string]int{"Sleep": 6, "Hash": 11}[family]; want > 0 && len(strategies) != want {
			t.Errorf("%s has %d strategies, want %d", family, len(strategies), want)
		}
	}
	tiny, _ := bench.ScaleByName("tiny")
	for _, c := range familyCases(t, "HashCeiling", tiny) {
		total++
		name := "HashCeiling/" + c.Name()
		if samples[name] != 2 || !units[name]["ns/op"] || !units[name]["ns/task"] {
			t.Errorf("%s: %d results with units %v, want 2 with ns/op and ns/task", name, samples[name], units[name])
		}
	}
	// Crash reports its lesson in its own metrics, declared higher-is-better.
	for _, c := range familyCases(t, "Crash", tiny) {
		total++
		name := "Crash/" + c.Name()
		if samples[name] != 2 {
			t.Errorf("%s: %d results, want 2", name, samples[name])
		}
		for _, m := range []string{"ns/op", "survived", "delivered", "next-batch"} {
			if !units[name][m] {
				t.Errorf("%s: no %s", name, m)
			}
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, "raw.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"tasks/s", "survived", "delivered", "next-batch"} {
		if !strings.Contains(string(raw), "\nUnit "+u+" better=higher\n") {
			t.Errorf("raw.txt does not declare %s better=higher", u)
		}
	}
	if len(samples) != total {
		t.Errorf("raw.txt has %d benchmarks, want %d", len(samples), total)
	}
}

// TestBadCount checks that a bad -count is one clear error and writes nothing.
func TestBadCount(t *testing.T) {
	for _, count := range []string{"0", "-2", "x", ""} {
		results := filepath.Join(t.TempDir(), "results")
		var stdout, stderr bytes.Buffer
		err := drive([]string{"-count", count, "-results", results}, &stdout, &stderr, nil, testHooks)
		if err == nil || !strings.Contains(err.Error(), "-count (COUNT) must be a positive integer") {
			t.Errorf("count %q: error %v", count, err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("count %q: error is not one line: %q", count, err)
		}
		if _, err := os.Stat(results); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("count %q: results folder created", count)
		}
	}
}

// TestBadFlags checks the other flag errors.
func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-bench", "("}, "is not a regexp"},
		{[]string{"-benchtime", "fast"}, "-benchtime"},
		{[]string{"-scale", "huge"}, "unknown scale"},
		{[]string{"./a", "./b"}, "one package at a time"},
		{[]string{"./a", "-count", "2"}, "one package at a time"},
		{[]string{"-budget", "soon"}, "-budget must be a duration"},
		{[]string{"-probe-share", "2"}, "-probe-share must be above 0 and at most 1"},
		{[]string{"-force", "("}, "-force \"(\" is not a regexp"},
		{[]string{"-workers", "1,0"}, "-workers: worker count \"0\""},
		{[]string{"-strategies", "pool,threads"}, "-strategies: unknown strategy \"threads\"; valid strategies are sequential"},
		{[]string{"-tasks", "-3"}, "-tasks must be a whole number"},
		{[]string{"-set", "noequals"}, "\"noequals\" is not key=value"},
	} {
		err := drive(tc.args, &bytes.Buffer{}, &bytes.Buffer{}, nil, testHooks)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

// TestBenchMatchesNothing checks that a pattern selecting no benchmark is
// an error that leaves earlier results untouched.
func TestBenchMatchesNothing(t *testing.T) {
	results := t.TempDir()
	earlier := filepath.Join(results, "earlier")
	if err := os.Mkdir(earlier, 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := drive([]string{"-bench", "NoSuchFamily", "-scale", "tiny", "-results", results}, &stdout, &stderr, nil, testHooks)
	if err == nil || !strings.Contains(err.Error(), `"NoSuchFamily" matches no benchmark`) {
		t.Fatalf("error %v", err)
	}
	if want := "the families are " + strings.Join(bench.FamilyNames(), ", "); !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %v does not end in the table's families: %s", err, want)
	}
	if dirs := runDirs(t, results); len(dirs) != 1 || dirs[0] != earlier {
		t.Errorf("results now hold %v, want only %s", dirs, earlier)
	}
}

// TestRunFolderNeverOverwritten checks the suffixes.
func TestRunFolderNeverOverwritten(t *testing.T) {
	results := t.TempDir()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var dirs []string
	for range 3 {
		dir, err := newRunFolder(results, "", now)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "raw.txt"), []byte(dir), 0o644); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	if dirs[0] == dirs[1] || dirs[1] == dirs[2] || dirs[0] == dirs[2] {
		t.Fatalf("folders %v are not distinct", dirs)
	}
	if !strings.HasPrefix(filepath.Base(dirs[0]), "20260102T030405Z-") || !strings.HasSuffix(dirs[1], "-2") || !strings.HasSuffix(dirs[2], "-3") {
		t.Errorf("folders %v", dirs)
	}
	for _, dir := range dirs {
		if b, err := os.ReadFile(filepath.Join(dir, "raw.txt")); err != nil || string(b) != dir {
			t.Errorf("%s/raw.txt changed: %q, %v", dir, b, err)
		}
	}
}

// notifyWriter calls f once, the first time what was written contains s.
type notifyWriter struct {
	syncBuffer
	s    string
	once sync.Once
	f    func()
}

func (w *notifyWriter) Write(p []byte) (int, error) {
	n, err := w.syncBuffer.Write(p)
	if strings.Contains(w.String(), w.s) {
		w.once.Do(w.f)
	}
	return n, err
}

// TestInterrupt sends SIGINT while process workers (grandchildren of the
// driver) are running: the run stops, keeps raw.txt with what was
// measured, writes INCOMPLETE and fails; no process of the benchmark binary
// is left, and the report of the folder says at the top that the run is
// incomplete.
func TestInterrupt(t *testing.T) {
	// The driver builds its binary under $TMPDIR: a folder of this test's
	// own tells its processes from any other.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ours := func(exe string) bool { return strings.HasPrefix(exe, tmp+string(filepath.Separator)) }

	results := t.TempDir()
	sigs := make(chan os.Signal, 1)
	var once sync.Once
	interrupt := func() { once.Do(func() { sigs <- syscall.SIGINT }) }

	// SleepWorkers runs pool, then process: interrupt as soon as a worker
	// process (a process of the binary not started by this one) is seen,
	// or at run 20 at the latest.
	var sawWorker atomic.Value
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			for _, p := range processes(ours) {
				if p.PPID != os.Getpid() {
					sawWorker.Store(p)
					interrupt()
					return
				}
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	defer wg.Wait()
	defer close(done)

	stdout := &notifyWriter{s: "[run 20/", f: interrupt}
	var stderr syncBuffer
	start := time.Now()
	err := drive([]string{"-scale", "tiny", "-count", "50", "-warmup", "0", "-benchtime", "10x", "-bench", "SleepWorkers", "-results", results}, stdout, &stderr, sigs, testHooks)
	if err == nil || !strings.Contains(err.Error(), "interrupted by SIGINT") {
		t.Fatalf("error %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	if d := time.Since(start); d > 2*time.Minute {
		t.Errorf("interrupted run took %v", d)
	}
	if w := sawWorker.Load(); w == nil {
		t.Errorf("no process worker was seen before the interrupt")
	} else {
		t.Logf("interrupted while worker %v ran", w)
	}
	noProcessesLeft(t, "the benchmark binary under "+tmp, ours)

	dirs := runDirs(t, results)
	if len(dirs) != 1 {
		t.Fatalf("run folders %v", dirs)
	}
	inc, err := os.ReadFile(filepath.Join(dirs[0], "INCOMPLETE"))
	if err != nil || !strings.Contains(string(inc), "interrupted by SIGINT") {
		t.Errorf("INCOMPLETE: %q, %v", inc, err)
	}
	raw, err := os.ReadFile(filepath.Join(dirs[0], "raw.txt"))
	if err != nil || !strings.Contains(string(raw), "BenchmarkSleepWorkers/") {
		t.Errorf("raw.txt lacks the measured result: %v\n%s", err, raw)
	}
	if _, err := os.Stat(filepath.Join(dirs[0], "benchstat.txt")); err == nil {
		t.Errorf("an interrupted run wrote benchstat.txt")
	}

	// make report on the interrupted folder.
	if _, err := plots.Generate(dirs[0]); err != nil {
		t.Fatalf("report of the interrupted run: %v", err)
	}
	md, err := os.ReadFile(filepath.Join(dirs[0], runfile.ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(md), "> **INCOMPLETE RUN.**") || !strings.Contains(string(md), "> interrupted by SIGINT") {
		t.Errorf("REPORT.md does not say at the top that the run is incomplete:\n%s", md[:min(len(md), 400)])
	}
}

// TestFailedBenchmark runs a stand-in benchmark binary that fails: the run
// fails naming the benchmark and its message, and keeps raw.txt.
func TestFailedBenchmark(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "bench.test")
	script := `#!/bin/sh
echo "goos: linux"
echo "BenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2 	1	100 ns/op"
echo "--- FAIL: BenchmarkHash/size=64B/rounds=1/tasks=16/strategy=pool/procs=2"
echo "    measure.go:60: checksum mismatch: pool run 0 gave 0x1, sequential gave 0x2"
echo "--- FAIL: BenchmarkHash"
echo FAIL
exit 1
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	d := &driver{o: options{count: 3, bench: ".", benchtime: "1x", scale: "tiny"}, stdout: &stdout, stderr: &stderr, modRoot: ".", binary: bin}
	err := d.measure(t.Context(), dir, []string{"BenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2"}, time.Now())
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"run 1 of 3 failed", "BenchmarkHash/size=64B/rounds=1/tasks=16/strategy=pool/procs=2", "checksum mismatch"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "raw.txt"))
	if !strings.Contains(string(raw), "BenchmarkSleep/d=1ms") {
		t.Errorf("raw.txt lost the result before the failure:\n%s", raw)
	}
	if _, err := os.Stat(filepath.Join(dir, "INCOMPLETE")); err != nil {
		t.Errorf("no INCOMPLETE: %v", err)
	}
}

// familyCases returns the cases of the family called name at scale s on
// this machine.
func familyCases(t *testing.T, name string, s bench.Scale) []bench.Case {
	t.Helper()
	cs, err := bench.FamilyCases(name, s, bench.Host{NumCPU: runtime.NumCPU()})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}
