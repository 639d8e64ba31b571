package judge

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

func TestVerdictsFixture(t *testing.T) {
	run, rows := testrows.ReadFixture(t)
	vs := Verdicts(run, rows)
	if len(vs) != 8 {
		t.Fatalf("%d verdicts, want 8", len(vs))
	}
	// Hand-computed figures: see derive_test.go for the testrun.Fixture()'s shape.
	want := []struct {
		figure, p, note string
	}{
		1: {"spawn efficiency 0.95 [0.95, 0.96]; pool workers=64 efficiency 0.93 [0.92, 0.93]", "0.002 (spawn vs sequential); 0.002 (pool workers=64 vs sequential)", ""},
		2: {"gil/spawn time ratio 1.01 [1.00, 1.02]", "0.002 (gil vs spawn)", ""},
		3: {"gil/sequential time ratio 1.01 [1.00, 1.02]", "0.002 (gil vs sequential)", ""},
		4: {"pool speedup 1.98 [1.96, 1.99] (need ≥ 1.70); spawn speedup 1.95 [1.94, 1.97] (need ≥ 1.70); process speedup 1.86 [1.85, 1.88] (need ≥ 1.70)", "", ""},
		5: {"hash: time(workers=2)/time(workers=4) 0.99 [0.99, 1.00]; sleep: speedup of workers=64 over workers=2 29.8 [29.6, 30.1]", "0.004 (hash workers=2 vs 4); 0.002 (sleep workers=64 vs 2)", ""},
		6: {"exec 977µs/task = 3333 [3307, 3360]× spawn (293ns/task); exec 977µs/task = 2000 [1984, 2016]× process (488ns/task)", "", ""},
		7: {"sync=none lost updates/op: spawn procs=2 median 1600, pool procs=2 median 1000; synchronized variants: 0 lost updates in all 20 configurations", "",
			"throughput ranking for spawn at procs=2: sharded (711 M incs/s) > atomic (53.3 M incs/s) > mutex (24.6 M incs/s) > channel (5.33 M incs/s)"},
		8: {"lose to sequential: spawn 1.50× slower, overhead 97.7ns/task vs work 195ns/task; pool 1.25× slower", "", ""},
	}
	for i, v := range vs {
		w := want[i+1]
		if v.Lesson != i+1 || v.Outcome != stat.Pass {
			t.Errorf("lesson %d: %s (%s; %s), want PASS", v.Lesson, v.Outcome, v.Figure(), v.Note())
		}
		if !strings.HasPrefix(v.Figure(), w.figure) {
			t.Errorf("lesson %d figure\n%s\nwant prefix\n%s", v.Lesson, v.Figure(), w.figure)
		}
		if w.p != "" && v.P() != w.p {
			t.Errorf("lesson %d p = %q, want %q", v.Lesson, v.P(), w.p)
		}
		if v.Note() != w.note {
			t.Errorf("lesson %d note = %q, want %q", v.Lesson, v.Note(), w.note)
		}
		if v.Noisy {
			t.Errorf("lesson %d noisy", v.Lesson)
		}
	}
	if !strings.Contains(vs[7].Figure(), "exec 5000× slower") || !strings.Contains(vs[7].Figure(), "process 2.50× slower") {
		t.Errorf("lesson 8 does not name exec and process: %s", vs[7].Figure())
	}
}

func TestVerdictsPartial(t *testing.T) {
	// A narrowed run: Sleep only, no sequential, no pool.
	raw := "numcpu: 2\n" +
		testrun.Lines("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.5e6) +
		testrun.Lines("Sleep/d=10ms/tasks=64/strategy=gil/procs=2", 30e6)
	run, err := rundir.ReadRun(testrun.Write(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	vs := Verdicts(run, run.Derive())
	want := []struct {
		o    stat.Outcome
		note string
	}{
		{stat.Inconclusive, "no data: sleep strategy=pool with workers ≥ tasks"},
		{stat.Fail, ""},
		{stat.Inconclusive, "no data: coarse Hash strategy=gil, coarse Hash strategy=sequential"},
		{stat.Inconclusive, "no data: coarse Hash strategy=pool, coarse Hash strategy=spawn, coarse Hash strategy=process"},
		{stat.Inconclusive, "no data: HashWorkers strategy=pool with workers = cores and more, SleepWorkers strategy=pool at two or more worker counts"},
		{stat.Inconclusive, "no data: fine Hash strategy=exec"},
		{stat.Inconclusive, "no data: Counter sync=none strategy=spawn|pool at procs > 1 with lost-updates/op, Counter with a synchronized variant"},
		{stat.Inconclusive, "no data: fine Hash strategy=sequential"},
	}
	for i, v := range vs {
		if v.Outcome != want[i].o || v.Note() != want[i].note {
			t.Errorf("lesson %d: %s %q, want %s %q", v.Lesson, v.Outcome, v.Note(), want[i].o, want[i].note)
		}
	}
	// spawn's part of lesson 1 is still judged: efficiency 10/10.5.
	if !strings.HasPrefix(vs[0].Figure(), "spawn efficiency 0.95") {
		t.Errorf("lesson 1 figure %q", vs[0].Figure())
	}
	// gil is 30/10.5 = 2.86× spawn: far outside 10 %.
	if vs[1].Figure() != "gil/spawn time ratio 2.86 [2.83, 2.88]" {
		t.Errorf("lesson 2 figure %q", vs[1].Figure())
	}
}

func TestVerdictsCounterFail(t *testing.T) {
	raw := testrun.Lines("Counter/incs=1000/tasks=64/sync=none/strategy=spawn/procs=2", 70e3, 0) +
		testrun.Lines("Counter/incs=1000/tasks=64/sync=mutex/strategy=spawn/procs=2", 2.6e6, 3) +
		testrun.Lines("Counter/incs=1000/tasks=64/sync=atomic/strategy=spawn/procs=2", 1.2e6, 0)
	run, err := rundir.ReadRun(testrun.Write(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	v := Verdicts(run, run.Derive())[6]
	if v.Outcome != stat.Fail || !strings.Contains(v.Figure(), "spawn procs=2 median 0") || !strings.Contains(v.Figure(), "lost updates in sync=mutex strategy=spawn") {
		t.Errorf("lesson 7: %s %q", v.Outcome, v.Figure())
	}
	if !strings.Contains(v.Note(), "atomic (53.3 M incs/s) > mutex (24.6 M incs/s)") {
		t.Errorf("lesson 7 note %q", v.Note())
	}
}

func TestOutcomeRules(t *testing.T) {
	e := func(lo, hi float64) stat.Estimate { return stat.Estimate{V: (lo + hi) / 2, Lo: lo, Hi: hi} }
	for _, tc := range []struct {
		got, want stat.Outcome
	}{
		{stat.AtLeast(e(0.8, 0.9), 0.8), stat.Pass},
		{stat.AtLeast(e(0.7, 0.79), 0.8), stat.Fail},
		{stat.AtLeast(e(0.7, 0.9), 0.8), stat.Inconclusive},
		{stat.AtMost(e(1.0, 1.1), 1.1), stat.Pass},
		{stat.AtMost(e(1.11, 1.2), 1.1), stat.Fail},
		{stat.Within(e(0.95, 1.05), 0.9, 1.1), stat.Pass},
		{stat.Within(e(1.2, 1.3), 0.9, 1.1), stat.Fail},
		{stat.Within(e(0.85, 1.0), 0.9, 1.1), stat.Inconclusive},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
	var j judge
	if o := j.significant(stat.Pass, 0.1, "x"); o != stat.Inconclusive || j.notes[0].String() != "x not significant at α = 0.01" {
		t.Errorf("significant: %s %q", o, j.notes)
	}
}

// A claim of a difference needs p < α as well as its interval: a PASS of
// a difference claim (significant) or a FAIL of a sameness claim (differs)
// without it is INCONCLUSIVE, and says why unless no test could run.
func TestDifferenceNeedsP(t *testing.T) {
	var j judge
	for _, c := range []struct {
		o, want stat.Outcome
		p       float64
		f       func(stat.Outcome, float64, string) stat.Outcome
	}{
		{stat.Pass, stat.Pass, 0.005, j.significant},
		{stat.Pass, stat.Inconclusive, 0.2, j.significant},
		{stat.Fail, stat.Fail, 0.2, j.significant},
		{stat.Fail, stat.Fail, 0.005, j.differs},
		{stat.Fail, stat.Inconclusive, 0.02, j.differs},
		{stat.Fail, stat.Inconclusive, 0.2, j.differs},
		{stat.Fail, stat.Inconclusive, math.NaN(), j.differs},
		{stat.Pass, stat.Pass, 0.2, j.differs},
	} {
		if got := c.f(c.o, c.p, "x"); got != c.want {
			t.Errorf("%s with p=%v: %s, want %s", c.o, c.p, got, c.want)
		}
	}
	if len(j.notes) != 3 {
		t.Errorf("notes %q, want one per non-significant p", j.notes)
	}
}

// The flood's and the crash's verdicts go through the judge like the
// others: an open flood verdict names its rows whose interval (of the
// metric it judges, here the peak stacks) is wider than ±NoisyWidth, and
// too few samples say so.
func TestFloodVerdictOpenNamesWideRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("numcpu: 2\n" + testrun.StrategyLines)
	for k, f := range []float64{0.6, 0.8, 0.9, 1.1, 1.2, 1.4} {
		g := 1 + float64(k)/1000
		fmt.Fprintf(&b, "BenchmarkFlood/d=1ms/tasks=50000/strategy=spawn/procs=2 \t 1 \t %.0f ns/op \t %.0f peak-stack-B\n", 100e6*g, 50e6*g)
		fmt.Fprintf(&b, "BenchmarkFlood/d=1ms/tasks=50000/strategy=pool/workers=1000/procs=2 \t 1 \t %.0f ns/op \t %.0f peak-stack-B\n", 60e6*g, 50e6*f)
	}
	run, err := rundir.ReadRun(testrun.Write(t, b.String()))
	if err != nil {
		t.Fatal(err)
	}
	vs := Verdicts(run, run.Derive())
	if len(vs) != 2 {
		t.Fatalf("%d verdicts, want the 2 flood claims", len(vs))
	}
	mem := vs[0]
	want := fmt.Sprintf("wider than ±%.0f %%: pool workers=1000 ±", 100*stat.NoisyWidth)
	if mem.Outcome != stat.Inconclusive || !mem.Noisy || !strings.Contains(mem.Note(), want) || !strings.Contains(mem.Figure(), "not significantly below") {
		t.Errorf("memory verdict: %s noisy=%v %q; note %q, want it to contain %q", mem.Outcome, mem.Noisy, mem.Figure(), mem.Note(), want)
	}
	if fast := vs[1]; fast.Outcome != stat.Pass || fast.Noisy || strings.Contains(fast.Note(), "wider than") {
		t.Errorf("speed verdict: %s noisy=%v %q", fast.Outcome, fast.Noisy, fast.Note())
	}
}

// say keeps the figures of a phrase as numbers and writes them as the
// report does; every other argument is words.
func TestSay(t *testing.T) {
	e := stat.Estimate{V: 1.95, Lo: 1.9, Hi: 1.99}
	p := say("%s speedup %s (need ≥ %s) at %s, %s, %s; %d%% %s", "pool", e, number(1.7), nsTime(10.2e6), spacedTime(1.02e6), mib(3<<20), 5, "x")
	if got, want := p.String(), "pool speedup 1.95 [1.90, 1.99] (need ≥ 1.70) at 10.2ms, 1.02 ms, 3 MiB; 5% x"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	var kinds []FigureKind
	for _, term := range p {
		if term.Kind != Words {
			kinds = append(kinds, term.Kind)
		}
	}
	if want := []FigureKind{Interval, Number, Time, SpacedTime, MiB}; !slices.Equal(kinds, want) {
		t.Errorf("figures %v, want %v", kinds, want)
	}
	if p[1].Value != e {
		t.Errorf("the interval is kept as %v, want %v", p[1].Value, e)
	}
	if got := joinPhrases([]Phrase{say("a %s", number(1)), say("b")}, "; ").String(); got != "a 1.00; b" {
		t.Errorf("joinPhrases = %q", got)
	}
}
