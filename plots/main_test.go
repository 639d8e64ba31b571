package plots

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// Importing ants (through strategies) starts its default pool, whose
	// two housekeeping goroutines live as long as the process.
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}

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
