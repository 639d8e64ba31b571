package judge

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// floodRun reads a flood of testrun.Flood(rows).
func floodRun(t *testing.T, rows map[string][2]float64) *rundir.Run {
	return testrows.ReadRaw(t, testrun.Flood(rows))
}

func floodVerdictsOf(t *testing.T, rows map[string][2]float64) (memory, faster Verdict) {
	t.Helper()
	run := floodRun(t, rows)
	vs := Verdicts(run, run.Derive())
	if len(vs) != 2 {
		t.Fatalf("%d flood verdicts, want 2", len(vs))
	}
	return vs[0], vs[1]
}

func TestFloodVerdicts(t *testing.T) {
	// time ns/op, peak stacks B
	mem, fast := floodVerdictsOf(t, map[string][2]float64{
		"strategy=spawn":                  {100e6, 50e6},
		"strategy=pool/workers=1000":      {60e6, 4e6},
		"strategy=ants/workers=100000":    {150e6, 30e6},
		"strategy=errgroup/workers=10000": {120e6, 20e6},
	})
	if mem.Outcome != stat.Pass || !strings.Contains(mem.Figure(), "3 of 3 bounded rows below it") {
		t.Errorf("memory verdict %s: %s (%s)", mem.Outcome, mem.Figure(), mem.Note())
	}
	if fast.Outcome != stat.Pass || !strings.Contains(fast.Figure(), "fastest bounded: pool workers=1000") || !strings.Contains(fast.Figure(), "best ants: ants workers=100000") {
		t.Errorf("speed verdict %s: %s (%s)", fast.Outcome, fast.Figure(), fast.Note())
	}

	mem, fast = floodVerdictsOf(t, map[string][2]float64{
		"strategy=spawn":               {50e6, 50e6},
		"strategy=pool/workers=1000":   {60e6, 4e6},
		"strategy=pool/workers=100000": {150e6, 200e6},
	})
	if mem.Outcome != stat.Fail || !strings.Contains(mem.Figure(), "pool workers=100000 above it") || !strings.Contains(mem.P(), "(pool workers=100000)") {
		t.Errorf("memory verdict %s: %s; p %s", mem.Outcome, mem.Figure(), mem.P())
	}
	if fast.Outcome != stat.Fail || !strings.Contains(fast.Figure(), "0 of 2 bounded rows significantly faster than spawn, 2 slower") {
		t.Errorf("speed verdict %s: %s", fast.Outcome, fast.Figure())
	}
}

func TestFloodVerdictsMissingData(t *testing.T) {
	mem, fast := floodVerdictsOf(t, map[string][2]float64{"strategy=pool/workers=1000": {60e6, 4e6}})
	for _, v := range []Verdict{mem, fast} {
		if v.Outcome != stat.Inconclusive || !strings.Contains(v.Note(), "no data: Flood unbounded strategy (spawn)") {
			t.Errorf("%s: %s (%s)", v.Claim, v.Outcome, v.Note())
		}
	}
	if vs := JudgeLessons(LessonTable(), nil, 2); vs != nil {
		t.Errorf("no rows: %d verdicts", len(vs))
	}
}

// In a run with two flood sizes, the flood's verdicts read the larger.
func TestFloodVerdictsTakeTheBigFlood(t *testing.T) {
	raw := "numcpu: 2\n" + testrun.StrategyLines +
		testrun.Spread("Flood/d=1ms/tasks=20000/strategy=spawn/procs=2", 100e6) +
		testrun.Spread("Flood/d=1ms/tasks=20000/strategy=pool/workers=1000/procs=2", 40e6) +
		testrun.Spread("Flood/d=10ms/tasks=1000000/strategy=spawn/procs=2", 3e9) +
		testrun.Spread("Flood/d=10ms/tasks=1000000/strategy=pool/workers=1000/procs=2", 10e9)
	s := SelectFlood(testrows.ReadRaw(t, raw).Derive())
	if s.Unbounded == nil || s.Unbounded.Tasks != 1_000_000 {
		t.Errorf("the flood verdicts read %v, want the 1,000,000-task flood", s.Unbounded)
	}
}
