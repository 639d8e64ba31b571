package rundir

import (
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// readFixture reads and derives the fixture.
func readFixture(t *testing.T) (*Run, []*Row) {
	run := testrun.Read(t, testrun.Fixture(), ReadRun)
	return run, run.Derive()
}

// rowNamed returns the row of the benchmark called name.
func rowNamed(t *testing.T, rows []*Row, name string) *Row {
	return testrun.Find(t, rows, func(r *Row) bool { return r.Bench.Name == name }, "row "+name)
}
