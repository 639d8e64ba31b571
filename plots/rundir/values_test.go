package rundir

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/runfile"
)

// spawnLine is a result line as the driver writes it.
const spawnLine = "BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t 21\t 11016810 ns/op\t 943571 cpu-ns/op\t 172138 ns/task\t 10867808 p50-ns\t 11262632 p99-ns\t 5809 tasks/s\t 20459 B/op\t 272 allocs/op\n"

// TestReadImpossibleValues checks that every impossible value is an error
// naming raw.txt:LINE, the benchmark, the metric and what is wrong, and
// that the report writes nothing.
func TestReadImpossibleValues(t *testing.T) {
	const name = "BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2"
	head := "goos: linux\n" + spawnLine
	for _, tc := range []struct {
		name, line, want string
	}{
		{"NaN", "1\tNaN ns/op", "ns/op = NaN: not a finite number"},
		{"+Inf", "1\t+Inf ns/op", "ns/op = +Inf: not a finite number"},
		{"-Inf", "1\t-Inf ns/op", "ns/op = -Inf: not a finite number"},
		{"negative", "1\t-1 ns/op", "ns/op = -1: a time cannot be negative"},
		{"zero", "1\t0 ns/op", "ns/op = 0: must be above 0 (no batch runs in no time)"},
		{"1e300", "1\t1e300 ns/op", "ns/op = 1e+300: above a day (8.64e+13 ns), not a plausible measurement"},
		{"1e-300", "1\t1e-300 ns/op", "ns/op = 1e-300: below a picosecond (0.001 ns), not a plausible measurement"},
		{"zero ns/task", "1\t10 ns/op\t0 ns/task", "ns/task = 0: must be above 0"},
		{"negative cpu", "1\t10 ns/op\t-5 cpu-ns/op", "cpu-ns/op = -5: a time cannot be negative"},
		{"huge cpu", "1\t10 ns/op\t1e20 cpu-ns/op", "cpu-ns/op = 1e+20: above a day on each of 1024 CPUs"},
		{"negative p99", "1\t10 ns/op\t-1e-300 p99-ns", "p99-ns = -1e-300: a time cannot be negative"},
		{"tiny p50", "1\t10 ns/op\t1e-9 p50-ns", "p50-ns = 1e-09: below a picosecond"},
		{"negative bytes", "1\t10 ns/op\t-1 B/op", "B/op = -1: a byte count cannot be negative"},
		{"huge bytes", "1\t10 ns/op\t1e300 peak-rss-B", "peak-rss-B = 1e+300: above 1 EiB"},
		{"negative lost", "1\t10 ns/op\t-3 lost-updates/op", "lost-updates/op = -3: a count cannot be negative"},
		{"NaN allocs", "1\t10 ns/op\tNaN allocs/op", "allocs/op = NaN: not a finite number"},
		{"zero rate", "1\t10 ns/op\t0 tasks/s", "tasks/s = 0: must be above 0"},
		{"negative rate", "1\t10 ns/op\t-2 tasks/s", "tasks/s = -2: a throughput cannot be negative"},
		{"survived above 1", "1\t10 ns/op\t2 survived", "survived = 2: above 1, not a plausible measurement"},
		{"negative next-batch", "1\t10 ns/op\t-1 next-batch", "next-batch = -1: a share of ops (0 to 1) cannot be negative"},
		{"negative delivered", "1\t10 ns/op\t-1 delivered", "delivered = -1: a count cannot be negative"},
		{"unknown unit NaN", "1\t10 ns/op\tNaN widgets/op", "widgets/op = NaN: not a finite number"},
		{"p50 in ms", "1\t10 ns/op\t3 p50-ms", "unit p50-ms: the report reads this metric as p50-ns"},
		{"ms/op", "1\t10 ms/op", "unit ms/op: the report reads times in ns (ns/op)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testrun.Write(t, head+name+" \t "+tc.line+"\n")
			_, err := ReadRun(dir)
			if err == nil {
				t.Fatal("no error")
			}
			want := filepath.Join(dir, runfile.RawFile) + ":3: " + name + ": " + tc.want
			if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error\n%q\nwant one line starting\n%q", err, want)
			}
		})
	}
}

// TestReadBetterContradicts checks "Unit … better=…" lines against the
// known direction of a unit.
func TestReadBetterContradicts(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"Unit tasks/s better=lower", ":1: Unit tasks/s better=lower: a throughput is better higher"},
		{"Unit ns/op better=higher", ":1: Unit ns/op better=higher: a time is better lower"},
		{"Unit B/op better=higher", ":1: Unit B/op better=higher: a byte count is better lower"},
		{"Unit survived better=lower", ":1: Unit survived better=lower: a share of ops (0 to 1) is better higher"},
		{"Unit delivered better=lower", ":1: Unit delivered better=lower: a count is better higher"},
	} {
		dir := testrun.Write(t, tc.line+"\n"+spawnLine)
		_, err := ReadRun(dir)
		if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, runfile.RawFile)+tc.want) {
			t.Errorf("%s: error %v, want %q", tc.line, err, tc.want)
		}
	}
	for _, ok := range []string{"Unit tasks/s better=higher", "Unit ns/op better=lower", "Unit widgets/op better=higher", "Unit next-batch better=higher", "Unit ns/op assume=exact"} {
		if _, err := ReadRun(testrun.Write(t, ok+"\n"+spawnLine)); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

// TestReadManyImpossibleValues reports the first line at fault and how many
// more there are.
func TestReadManyImpossibleValues(t *testing.T) {
	bad := "BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 1 NaN ns/op\n"
	dir := testrun.Write(t, spawnLine+bad+bad+bad)
	_, err := ReadRun(dir)
	want := filepath.Join(dir, runfile.RawFile) + ":2: BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2: ns/op = NaN: not a finite number (and 2 more lines with impossible values)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestReadSurprisingValues checks that surprising but possible values are
// warnings naming the line, and the report is written.
func TestReadSurprisingValues(t *testing.T) {
	raw := spawnLine +
		"BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 1 10842786 ns/op 11262632 p50-ns 10867808 p99-ns\n" +
		"BenchmarkCounter/incs=1000/tasks=64/sync=none/strategy=spawn/procs=2 1 300000 ns/op 70000 lost-updates/op\n" +
		"BenchmarkCounter/incs=1000/tasks=64/sync=none/strategy=pool/procs=2 1 300000 ns/op 64000 lost-updates/op\n"
	dir := testrun.Write(t, raw)
	run, err := ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, runfile.RawFile)
	want := []string{
		path + ":2: BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2: p99-ns = 10867808 is below p50-ns = 11262632",
		path + ":3: BenchmarkCounter/incs=1000/tasks=64/sync=none/strategy=spawn/procs=2: lost-updates/op = 70000 is more than the batch's 64000 increments (tasks × incs)",
	}
	if fmt.Sprint(run.Warnings) != fmt.Sprint(want) {
		t.Errorf("warnings\n%q\nwant\n%q", run.Warnings, want)
	}
}

// TestRealRunsPass reads every value of the committed runs through the
// rules: none is rejected, none is surprising.
func TestRealRunsPass(t *testing.T) {
	decode, err := filepath.Glob("../../examples/decode/results/*/raw.txt")
	if err != nil || len(decode) == 0 {
		t.Fatalf("no committed run of examples/decode: %v", err)
	}
	for _, path := range append([]string{"../../results/example/raw.txt", "../../results/example/python.txt", filepath.Join(testrun.Fixture(), runfile.RawFile)}, decode...) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		run := &Run{Dir: t.TempDir()}
		if err := ParseRaw(run, data, path); err != nil {
			t.Errorf("%v", err)
		}
		for _, w := range run.Warnings {
			t.Errorf("%s: warning %s", path, w)
		}
	}
}

func ExampleReadRun_impossibleValue() {
	dir, err := os.MkdirTemp("", "run")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	raw := "BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t 21\t NaN ns/op\n"
	if err := os.WriteFile(filepath.Join(dir, runfile.RawFile), []byte(raw), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	_, err = ReadRun(dir)
	fmt.Println(strings.TrimPrefix(err.Error(), dir+"/"))
	// Output:
	// raw.txt:1: BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2: ns/op = NaN: not a finite number
}
