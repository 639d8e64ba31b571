package rundir

import (
	"math"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/stat"
)

// The expected values below are computed by hand from the testrun.Fixture(), whose
// samples for a configuration with median m are 0.996m, 0.998m, 0.999m,
// 1.001m, 1.002m and 1.004m (median m, 95 % interval [0.996m, 1.004m]).

func TestDeriveSleep(t *testing.T) {
	_, rows := readFixture(t)
	sp := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=spawn/procs=2")
	if sp.Baseline == nil || sp.Baseline.Name != "Sleep/d=10ms/tasks=64/strategy=sequential/procs=2" {
		t.Fatalf("baseline = %v", sp.Baseline)
	}
	// 645 ms / 10.5 ms.
	checkEst(t, "spawn speedup", sp.Speedup, stat.Estimate{V: 645.0 / 10.5, Lo: 645 * 0.996 / (10.5 * 1.004), Hi: 645 * 1.004 / (10.5 * 0.996)})
	// ideal = ⌈64/64⌉ · 10 ms = 10 ms.
	checkEst(t, "spawn efficiency", sp.Efficiency, stat.Estimate{V: 10 / 10.5, Lo: 10 / (10.5 * 1.004), Hi: 10 / (10.5 * 0.996)})
	if !testrun.Near(sp.Parallelism, 0.02) || sp.Concurrency != 64 || sp.Noisy {
		t.Errorf("spawn parallelism %v concurrency %d noisy %v", sp.Parallelism, sp.Concurrency, sp.Noisy)
	}
	if !testrun.Near(sp.P, 2.0/924) {
		t.Errorf("spawn p = %v, want 2/924 (6 vs 6 fully separated)", sp.P)
	}
	// pool with workers = procs = 2: ideal ⌈64/2⌉ · 10 ms = 320 ms.
	pool := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=pool/procs=2")
	if pool.Concurrency != 2 || !testrun.Near(pool.Efficiency.V, 320.0/322) {
		t.Errorf("pool concurrency %d efficiency %v, want 2, %v", pool.Concurrency, pool.Efficiency.V, 320.0/322)
	}
	w8 := rowNamed(t, rows, "SleepWorkers/d=10ms/tasks=64/strategy=pool/workers=8/procs=2")
	if w8.Baseline.Family != "Sleep" || !testrun.Near(w8.Efficiency.V, 80.0/81) || !testrun.Near(w8.Speedup.V, 645.0/81) {
		t.Errorf("workers=8: baseline %s efficiency %v speedup %v", w8.Baseline.Name, w8.Efficiency.V, w8.Speedup.V)
	}
	ex := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=exec/procs=2")
	// exec samples are 0.85, 0.97, 1.03, 1.20 × 360 ms: ±20 %, noisy.
	if !ex.Noisy || !testrun.Near(ex.Time.RelHalfWidth(), 0.20) || !testrun.Near(ex.Parallelism, 0.3) {
		t.Errorf("exec noisy %v width %v parallelism %v", ex.Noisy, ex.Time.RelHalfWidth(), ex.Parallelism)
	}
	seq := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=sequential/procs=2")
	if !math.IsNaN(seq.P) || !testrun.Near(seq.Speedup.V, 1) {
		t.Errorf("sequential p %v speedup %v, want NaN, 1", seq.P, seq.Speedup.V)
	}
}

func TestDeriveHash(t *testing.T) {
	_, rows := readFixture(t)
	pool := rowNamed(t, rows, "Hash/size=64KiB/rounds=8/tasks=64/strategy=pool/procs=2")
	// 16 ms / 8.1 ms over min(procs 2, cores 2, tasks 64, workers 2) = 2.
	if !testrun.Near(pool.Speedup.V, 16/8.1) || !testrun.Near(pool.Efficiency.V, 16/8.1/2) || !testrun.Near(pool.Parallelism, 1.97) || pool.CPULimit != 2 {
		t.Errorf("pool speedup %v efficiency %v parallelism %v limit %v", pool.Speedup.V, pool.Efficiency.V, pool.Parallelism, pool.CPULimit)
	}
	gil := rowNamed(t, rows, "Hash/size=64KiB/rounds=8/tasks=64/strategy=gil/procs=2")
	if gil.CPULimit != 1 || !testrun.Near(gil.Efficiency.V, 16/16.2) {
		t.Errorf("gil limit %v efficiency %v", gil.CPULimit, gil.Efficiency.V)
	}
	fine := rowNamed(t, rows, "Hash/size=64B/rounds=1/tasks=4096/strategy=spawn/procs=2")
	if HashGrain(fine.Bench) != "fine" || HashGrain(pool.Bench) != "coarse" {
		t.Errorf("grains %s %s", HashGrain(fine.Bench), HashGrain(pool.Bench))
	}
	// ns/task is written with two decimals.
	if !testrun.Near(fine.Speedup.V, 0.8/1.2) || math.Abs(fine.PerTask.Center-1.2e6/4096) > 0.01 {
		t.Errorf("fine spawn speedup %v per task %v", fine.Speedup.V, fine.PerTask.Center)
	}
	// HashProcs borrows the sequential run at procs=1 of its own family.
	p2 := rowNamed(t, rows, "HashProcs/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2")
	if p2.Baseline.Name != "HashProcs/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=1" || !testrun.Near(p2.Speedup.V, 16/8.4) {
		t.Errorf("procs=2 baseline %s speedup %v", p2.Baseline.Name, p2.Speedup.V)
	}
	// procs=4 on 2 cores: the limit is the cores.
	p4 := rowNamed(t, rows, "HashProcs/size=64KiB/rounds=8/tasks=64/strategy=pool/procs=4")
	if p4.CPULimit != 2 {
		t.Errorf("procs=4 limit %v, want 2", p4.CPULimit)
	}
}

func TestAmdahl(t *testing.T) {
	run, rows := readFixture(t)
	fits := FitAmdahl(rows, run.Cores())
	if len(fits) != 2 {
		t.Fatalf("%d fits, want 2", len(fits))
	}
	// spawn: S = 16/16.1, 16/8.4, 16/8.3 at p = 1, 2, 2 (procs 4 capped to
	// 2 cores). x = 0, ½, ½; y = 1/S − 1/p = ·, 0.025, 0.01875;
	// f = (½·0.025 + ½·0.01875) / (¼ + ¼) = 0.04375.
	// pool: y = ·, 0.0125, 0.015625; f = 0.028125.
	for i, want := range []struct {
		strategy    string
		f, residual float64
	}{{"spawn", 0.04375, 0.010031867}, {"pool", 0.028125, 0.005151945}} {
		f := fits[i]
		if f.Strategy != want.strategy || !testrun.Near(f.F, want.f) || math.Abs(f.Residual-want.residual) > 1e-8 {
			t.Errorf("fit %d = %s f=%v rms=%v, want %s f=%v rms=%v", i, f.Strategy, f.F, f.Residual, want.strategy, want.f, want.residual)
		}
	}
	if got := fits[0].Predict(2); !testrun.Near(got, 1/0.521875) {
		t.Errorf("Predict(2) = %v", got)
	}
}

func TestCounterThroughput(t *testing.T) {
	_, rows := readFixture(t)
	r := rowNamed(t, rows, "Counter/incs=1000/tasks=64/sync=sharded/strategy=spawn/procs=2")
	// 64 tasks × 1000 increments / 90 µs.
	if got := Throughput(r).Center; !testrun.Near(got, 64e3/90e-6) {
		t.Errorf("throughput %v, want %v", got, 64e3/90e-6)
	}
	if r.Efficiency.Valid() {
		t.Errorf("counter efficiency %v, want none", r.Efficiency)
	}
}

func TestIdealAndRatio(t *testing.T) {
	if got := IdealSleep(64, 3, 10e6); got != 22*10e6 {
		t.Errorf("idealSleep(64, 3) = %v, want 22 waves", got)
	}
	e := stat.Ratio(stat.Summary{Center: 10, Lo: 9, Hi: 11}, stat.Summary{Center: 5, Lo: 4, Hi: 6})
	if e != (stat.Estimate{V: 2, Lo: 1.5, Hi: 2.75}) {
		t.Errorf("ratio = %+v", e)
	}
	if stat.Ratio(stat.Summary{Center: 1}, stat.Summary{}).Valid() {
		t.Error("ratio over zero is valid")
	}
}

func checkEst(t *testing.T, what string, got, want stat.Estimate) {
	t.Helper()
	if !testrun.Near(got.V, want.V) || !testrun.Near(got.Lo, want.Lo) || !testrun.Near(got.Hi, want.Hi) {
		t.Errorf("%s = %+v, want %+v", what, got, want)
	}
}
