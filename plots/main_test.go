package plots

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// strategyLines are the strategy-<name> configuration lines the driver
// writes for the registered strategies (runfile.ConfigKey,
// runfile.Props.String), as the fixture's raw.txt has them: the report
// takes every strategy's properties from the run, so a run a test builds
// carries them unless it is about their absence.
const strategyLines = `strategy-sequential: concurrency=one cores=one rank=1 model=false processes=false backlog=false process-per-task=false
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

// fixture is the committed run folder of hand-written benchfmt data.
const fixture = "testdata/run"

// copyRun copies the fixture's raw.txt into a fresh run folder and returns it.
func copyRun(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixture, RawFile))
	if err != nil {
		t.Fatal(err)
	}
	return writeRun(t, string(data))
}

// writeRun makes a run folder whose raw.txt holds raw.
func writeRun(t *testing.T, raw string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, RawFile), []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readRaw reads a run whose raw.txt is raw.
func readRaw(t *testing.T, raw string) *Run {
	t.Helper()
	run, err := ReadRun(writeRun(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	return run
}

// near reports whether got is within a relative 1e-6 of want.
func near(got, want float64) bool {
	if want == 0 {
		return math.Abs(got) < 1e-12
	}
	return math.Abs(got-want) <= 1e-6*math.Abs(want)
}

// readFixture reads and derives the fixture.
func readFixture(t *testing.T) (*Run, []*Row) {
	t.Helper()
	run, err := ReadRun(fixture)
	if err != nil {
		t.Fatal(err)
	}
	return run, run.Derive()
}

// rowNamed returns the row of the benchmark called name.
func rowNamed(t *testing.T, rows []*Row, name string) *Row {
	t.Helper()
	for _, r := range rows {
		if r.Bench.Name == name {
			return r
		}
	}
	t.Fatalf("no row %s", name)
	return nil
}
