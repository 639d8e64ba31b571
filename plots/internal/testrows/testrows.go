// Package testrows reads the run folders of package testrun for the tests
// of the packages above rundir (answer, judge, chart, plots): a run and
// its rows, ready to judge or draw.
package testrows

import (
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
)

// ReadRaw reads a run whose raw.txt is raw, failing t on an error.
func ReadRaw(t testing.TB, raw string) *rundir.Run {
	t.Helper()
	return testrun.Read(t, testrun.Write(t, raw), rundir.ReadRun)
}

// ReadFixture reads and derives the committed fixture, testrun.Fixture.
func ReadFixture(t testing.TB) (*rundir.Run, []*rundir.Row) {
	t.Helper()
	run := testrun.Read(t, testrun.Fixture(), rundir.ReadRun)
	return run, run.Derive()
}

// RowNamed returns the row of the benchmark called name, failing t when
// there is none.
func RowNamed(t testing.TB, rows []*rundir.Row, name string) *rundir.Row {
	t.Helper()
	return testrun.Find(t, rows, func(r *rundir.Row) bool { return r.Bench.Name == name }, "row "+name)
}
