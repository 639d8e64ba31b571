// Package testrun writes run folders for the tests of the report's
// packages: raw.txt from text, the committed fixture, and result lines
// built from a few figures. It imports none of the report's packages, so
// the tests of every one of them, the lowest included, can use it.
package testrun

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// StrategyLines are the strategy-<name> configuration lines the driver
// writes for the registered strategies (runfile.ConfigKey,
// runfile.Props.String), as the fixture's raw.txt has them: the report
// takes every strategy's properties from the run, so a run a test builds
// carries them unless it is about their absence.
const StrategyLines = `strategy-sequential: concurrency=one cores=one rank=1 model=false processes=false backlog=false process-per-task=false
strategy-spawn: concurrency=per-task cores=all rank=2 model=false processes=false backlog=false process-per-task=false
strategy-pool: concurrency=workers cores=all rank=3 model=false processes=false backlog=false process-per-task=false
strategy-gil: concurrency=per-task cores=one rank=2 model=true processes=false backlog=false process-per-task=false
strategy-process: concurrency=workers cores=all rank=9 model=false processes=true backlog=false process-per-task=false
strategy-exec: concurrency=workers cores=all rank=10 model=false processes=true backlog=false process-per-task=true
strategy-errgroup: concurrency=workers cores=all rank=4 model=false processes=false backlog=false process-per-task=false
strategy-semaphore: concurrency=workers cores=all rank=5 model=false processes=false backlog=false process-per-task=false
strategy-ants: concurrency=workers cores=all rank=7 model=false processes=false backlog=false process-per-task=false
strategy-pond: concurrency=workers cores=all rank=8 model=false processes=false backlog=true process-per-task=false
strategy-conc: concurrency=workers cores=all rank=6 model=false processes=false backlog=false process-per-task=false
`

// Fixture returns the path of the committed run folder of hand-written
// benchfmt data, plots/testdata/run, from whichever package's test.
func Fixture() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testrun: no caller information to find plots/testdata/run")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "run")
}

// Write makes a run folder whose raw.txt holds raw and returns it.
func Write(t testing.TB, raw string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "raw.txt"), []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Copy copies the fixture's raw.txt into a fresh run folder and returns it.
func Copy(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Fixture(), "raw.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return Write(t, string(data))
}

// Near reports whether got is within a relative 1e-6 of want.
func Near(got, want float64) bool {
	if want == 0 {
		return math.Abs(got) < 1e-12
	}
	return math.Abs(got-want) <= 1e-6*math.Abs(want)
}

// Lines returns six result lines of name within ±0.4 % of vals: the
// first value is ns/op, the second (if any) lost-updates/op.
func Lines(name string, vals ...float64) string {
	var b strings.Builder
	for _, f := range []float64{0.996, 0.998, 0.999, 1.001, 1.002, 1.004} {
		b.WriteString("Benchmark" + name + " \t1")
		for i, v := range vals {
			unit := []string{"ns/op", "lost-updates/op"}[i]
			b.WriteString("\t" + strconv.FormatFloat(v*f, 'f', -1, 64) + " " + unit)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Spread returns six result lines of name around the median ns/op, with
// a ±0.5 % spread, so that intervals are narrow and tests decisive.
func Spread(name string, median float64) string {
	var b strings.Builder
	for _, f := range []float64{0.995, 0.997, 0.999, 1.001, 1.003, 1.005} {
		fmt.Fprintf(&b, "Benchmark%s\t1\t%.0f ns/op\n", name, median*f)
	}
	return b.String()
}

// Samples returns one result line per ns/op value of name.
func Samples(name string, vals ...float64) string {
	var b strings.Builder
	for _, v := range vals {
		b.WriteString("Benchmark" + name + " \t1\t" + strconv.FormatFloat(v, 'f', -1, 64) + " ns/op\n")
	}
	return b.String()
}

// Read reads the run folder dir with read (rundir.ReadRun), failing t on
// an error.
func Read[R any](t testing.TB, dir string, read func(string) (R, error)) R {
	t.Helper()
	r, err := read(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Find returns the first of xs that match reports, failing t, which names
// what, when there is none.
func Find[T any](t testing.TB, xs []T, match func(T) bool, what string) T {
	t.Helper()
	for _, x := range xs {
		if match(x) {
			return x
		}
	}
	t.Fatalf("no %s", what)
	var zero T
	return zero
}

// Flood returns a raw.txt with 6 samples of a flood (d=1ms, 50,000
// tasks), one row per name part (such as "strategy=pool/workers=1000")
// with its ns/op and peak-stack-B, ×(1 + k/1000) in sample k, and a
// peak-rss-B of twice the stacks.
func Flood(rows map[string][2]float64) string {
	var b strings.Builder
	b.WriteString("numcpu: 2\n" + StrategyLines)
	for k := range 6 {
		for name, v := range rows {
			f := 1 + float64(k)/1000
			fmt.Fprintf(&b, "BenchmarkFlood/d=1ms/tasks=50000/%s/procs=2 \t 1 \t %.0f ns/op \t %.0f peak-stack-B \t %.0f peak-rss-B\n", name, v[0]*f, v[1]*f, 2*v[1]*f)
		}
	}
	return b.String()
}
