package plots

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestVerdictsFixture(t *testing.T) {
	run, rows := readFixture(t)
	vs := run.Verdicts(rows)
	if len(vs) != 8 {
		t.Fatalf("%d verdicts, want 8", len(vs))
	}
	// Hand-computed figures: see derive_test.go for the fixture's shape.
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
		if v.Lesson != i+1 || v.Outcome != Pass {
			t.Errorf("lesson %d: %s (%s; %s), want PASS", v.Lesson, v.Outcome, v.Figure, v.Note)
		}
		if !strings.HasPrefix(v.Figure, w.figure) {
			t.Errorf("lesson %d figure\n%s\nwant prefix\n%s", v.Lesson, v.Figure, w.figure)
		}
		if w.p != "" && v.P != w.p {
			t.Errorf("lesson %d p = %q, want %q", v.Lesson, v.P, w.p)
		}
		if v.Note != w.note {
			t.Errorf("lesson %d note = %q, want %q", v.Lesson, v.Note, w.note)
		}
		if v.Noisy {
			t.Errorf("lesson %d noisy", v.Lesson)
		}
	}
	if !strings.Contains(vs[7].Figure, "exec 5000× slower") || !strings.Contains(vs[7].Figure, "process 2.50× slower") {
		t.Errorf("lesson 8 does not name exec and process: %s", vs[7].Figure)
	}
}

// lines writes six benchfmt lines for name: samples 0.996, 0.998, 0.999,
// 1.001, 1.002 and 1.004 × each value (ns/op, then lost-updates/op), so
// that the median is the value and the 95 % interval ±0.4 %.
func lines(name string, vals ...float64) string {
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

func TestVerdictsPartial(t *testing.T) {
	// A narrowed run: Sleep only, no sequential, no pool.
	raw := "numcpu: 2\n" +
		lines("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.5e6) +
		lines("Sleep/d=10ms/tasks=64/strategy=gil/procs=2", 30e6)
	run, err := ReadRun(writeRun(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	vs := run.Verdicts(run.Derive())
	want := []struct {
		o    Outcome
		note string
	}{
		{Inconclusive, "no data: sleep strategy=pool with workers ≥ tasks"},
		{Fail, ""},
		{Inconclusive, "no data: coarse Hash strategy=gil, coarse Hash strategy=sequential"},
		{Inconclusive, "no data: coarse Hash strategy=pool, coarse Hash strategy=spawn, coarse Hash strategy=process"},
		{Inconclusive, "no data: HashWorkers strategy=pool with workers = cores and more, SleepWorkers strategy=pool at two or more worker counts"},
		{Inconclusive, "no data: fine Hash strategy=exec"},
		{Inconclusive, "no data: Counter sync=none strategy=spawn|pool at procs > 1 with lost-updates/op, Counter with a synchronized variant"},
		{Inconclusive, "no data: fine Hash strategy=sequential"},
	}
	for i, v := range vs {
		if v.Outcome != want[i].o || v.Note != want[i].note {
			t.Errorf("lesson %d: %s %q, want %s %q", v.Lesson, v.Outcome, v.Note, want[i].o, want[i].note)
		}
	}
	// spawn's part of lesson 1 is still judged: efficiency 10/10.5.
	if !strings.HasPrefix(vs[0].Figure, "spawn efficiency 0.95") {
		t.Errorf("lesson 1 figure %q", vs[0].Figure)
	}
	// gil is 30/10.5 = 2.86× spawn: far outside 10 %.
	if vs[1].Figure != "gil/spawn time ratio 2.86 [2.83, 2.88]" {
		t.Errorf("lesson 2 figure %q", vs[1].Figure)
	}
}

func TestVerdictsCounterFail(t *testing.T) {
	raw := lines("Counter/incs=1000/tasks=64/sync=none/strategy=spawn/procs=2", 70e3, 0) +
		lines("Counter/incs=1000/tasks=64/sync=mutex/strategy=spawn/procs=2", 2.6e6, 3) +
		lines("Counter/incs=1000/tasks=64/sync=atomic/strategy=spawn/procs=2", 1.2e6, 0)
	run, err := ReadRun(writeRun(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	v := run.Verdicts(run.Derive())[6]
	if v.Outcome != Fail || !strings.Contains(v.Figure, "spawn procs=2 median 0") || !strings.Contains(v.Figure, "lost updates in sync=mutex strategy=spawn") {
		t.Errorf("lesson 7: %s %q", v.Outcome, v.Figure)
	}
	if !strings.Contains(v.Note, "atomic (53.3 M incs/s) > mutex (24.6 M incs/s)") {
		t.Errorf("lesson 7 note %q", v.Note)
	}
}

func TestOutcomeRules(t *testing.T) {
	e := func(lo, hi float64) Estimate { return Estimate{(lo + hi) / 2, lo, hi} }
	for _, tc := range []struct {
		got, want Outcome
	}{
		{atLeast(e(0.8, 0.9), 0.8), Pass},
		{atLeast(e(0.7, 0.79), 0.8), Fail},
		{atLeast(e(0.7, 0.9), 0.8), Inconclusive},
		{atMost(e(1.0, 1.1), 1.1), Pass},
		{atMost(e(1.11, 1.2), 1.1), Fail},
		{within(e(0.95, 1.05), 0.9, 1.1), Pass},
		{within(e(1.2, 1.3), 0.9, 1.1), Fail},
		{within(e(0.85, 1.0), 0.9, 1.1), Inconclusive},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
	var j judge
	if o := j.significant(Pass, 0.1, "x"); o != Inconclusive || j.notes[0] != "x not significant at α = 0.05" {
		t.Errorf("significant: %s %q", o, j.notes)
	}
}

// A claim of a difference needs p < α as well as its interval: a PASS of
// a difference claim (significant) or a FAIL of a sameness claim (differs)
// without it is INCONCLUSIVE, and says why unless no test could run.
func TestDifferenceNeedsP(t *testing.T) {
	var j judge
	for _, c := range []struct {
		o, want Outcome
		p       float64
		f       func(Outcome, float64, string) Outcome
	}{
		{Pass, Pass, 0.01, j.significant},
		{Pass, Inconclusive, 0.2, j.significant},
		{Fail, Fail, 0.2, j.significant},
		{Fail, Fail, 0.01, j.differs},
		{Fail, Inconclusive, 0.2, j.differs},
		{Fail, Inconclusive, math.NaN(), j.differs},
		{Pass, Pass, 0.2, j.differs},
	} {
		if got := c.f(c.o, c.p, "x"); got != c.want {
			t.Errorf("%s with p=%v: %s, want %s", c.o, c.p, got, c.want)
		}
	}
	if len(j.notes) != 2 {
		t.Errorf("notes %q, want one per non-significant p", j.notes)
	}
}

// The flood's and the crash's verdicts go through the judge like the
// others: an open flood verdict names its rows whose interval (of the
// metric it judges, here the peak stacks) is wider than ±NoisyWidth, and
// too few samples say so.
func TestFloodVerdictOpenNamesWideRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("numcpu: 2\n" + strategyLines)
	for k, f := range []float64{0.6, 0.8, 0.9, 1.1, 1.2, 1.4} {
		g := 1 + float64(k)/1000
		fmt.Fprintf(&b, "BenchmarkFlood/d=1ms/tasks=50000/strategy=spawn/procs=2 \t 1 \t %.0f ns/op \t %.0f peak-stack-B\n", 100e6*g, 50e6*g)
		fmt.Fprintf(&b, "BenchmarkFlood/d=1ms/tasks=50000/strategy=pool/workers=1000/procs=2 \t 1 \t %.0f ns/op \t %.0f peak-stack-B\n", 60e6*g, 50e6*f)
	}
	run, err := ReadRun(writeRun(t, b.String()))
	if err != nil {
		t.Fatal(err)
	}
	vs := run.Verdicts(run.Derive())
	if len(vs) != 2 {
		t.Fatalf("%d verdicts, want the 2 flood claims", len(vs))
	}
	mem := vs[0]
	want := fmt.Sprintf("wider than ±%.0f %%: pool workers=1000 ±", 100*NoisyWidth)
	if mem.Outcome != Inconclusive || !mem.Noisy || !strings.Contains(mem.Note, want) || !strings.Contains(mem.Figure, "not significantly below") {
		t.Errorf("memory verdict: %s noisy=%v %q; note %q, want it to contain %q", mem.Outcome, mem.Noisy, mem.Figure, mem.Note, want)
	}
	if fast := vs[1]; fast.Outcome != Pass || fast.Noisy || strings.Contains(fast.Note, "wider than") {
		t.Errorf("speed verdict: %s noisy=%v %q", fast.Outcome, fast.Noisy, fast.Note)
	}
}
