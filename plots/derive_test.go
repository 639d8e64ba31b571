package plots

import (
	"math"
	"testing"
)

// The expected values below are computed by hand from the fixture, whose
// samples for a configuration with median m are 0.996m, 0.998m, 0.999m,
// 1.001m, 1.002m and 1.004m (median m, 95 % interval [0.996m, 1.004m]).

func TestDeriveSleep(t *testing.T) {
	_, rows := readFixture(t)
	sp := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=spawn/procs=2")
	if sp.Baseline == nil || sp.Baseline.Name != "Sleep/d=10ms/tasks=64/strategy=sequential/procs=2" {
		t.Fatalf("baseline = %v", sp.Baseline)
	}
	// 645 ms / 10.5 ms.
	checkEst(t, "spawn speedup", sp.Speedup, Estimate{645.0 / 10.5, 645 * 0.996 / (10.5 * 1.004), 645 * 1.004 / (10.5 * 0.996)})
	// ideal = ⌈64/64⌉ · 10 ms = 10 ms.
	checkEst(t, "spawn efficiency", sp.Efficiency, Estimate{10 / 10.5, 10 / (10.5 * 1.004), 10 / (10.5 * 0.996)})
	if !near(sp.Parallelism, 0.02) || sp.Concurrency != 64 || sp.Noisy {
		t.Errorf("spawn parallelism %v concurrency %d noisy %v", sp.Parallelism, sp.Concurrency, sp.Noisy)
	}
	if !near(sp.P, 2.0/924) {
		t.Errorf("spawn p = %v, want 2/924 (6 vs 6 fully separated)", sp.P)
	}
	// pool with workers = procs = 2: ideal ⌈64/2⌉ · 10 ms = 320 ms.
	pool := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=pool/procs=2")
	if pool.Concurrency != 2 || !near(pool.Efficiency.V, 320.0/322) {
		t.Errorf("pool concurrency %d efficiency %v, want 2, %v", pool.Concurrency, pool.Efficiency.V, 320.0/322)
	}
	w8 := rowNamed(t, rows, "SleepWorkers/d=10ms/tasks=64/strategy=pool/workers=8/procs=2")
	if w8.Baseline.Family != "Sleep" || !near(w8.Efficiency.V, 80.0/81) || !near(w8.Speedup.V, 645.0/81) {
		t.Errorf("workers=8: baseline %s efficiency %v speedup %v", w8.Baseline.Name, w8.Efficiency.V, w8.Speedup.V)
	}
	ex := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=exec/procs=2")
	// exec samples are 0.85, 0.97, 1.03, 1.20 × 360 ms: ±20 %, noisy.
	if !ex.Noisy || !near(ex.Time.RelHalfWidth(), 0.20) || !near(ex.Parallelism, 0.3) {
		t.Errorf("exec noisy %v width %v parallelism %v", ex.Noisy, ex.Time.RelHalfWidth(), ex.Parallelism)
	}
	seq := rowNamed(t, rows, "Sleep/d=10ms/tasks=64/strategy=sequential/procs=2")
	if !math.IsNaN(seq.P) || !near(seq.Speedup.V, 1) {
		t.Errorf("sequential p %v speedup %v, want NaN, 1", seq.P, seq.Speedup.V)
	}
}

func TestDeriveHash(t *testing.T) {
	_, rows := readFixture(t)
	pool := rowNamed(t, rows, "Hash/size=64KiB/rounds=8/tasks=64/strategy=pool/procs=2")
	// 16 ms / 8.1 ms over min(procs 2, cores 2, tasks 64, workers 2) = 2.
	if !near(pool.Speedup.V, 16/8.1) || !near(pool.Efficiency.V, 16/8.1/2) || !near(pool.Parallelism, 1.97) || pool.CPULimit != 2 {
		t.Errorf("pool speedup %v efficiency %v parallelism %v limit %v", pool.Speedup.V, pool.Efficiency.V, pool.Parallelism, pool.CPULimit)
	}
	gil := rowNamed(t, rows, "Hash/size=64KiB/rounds=8/tasks=64/strategy=gil/procs=2")
	if gil.CPULimit != 1 || !near(gil.Efficiency.V, 16/16.2) {
		t.Errorf("gil limit %v efficiency %v", gil.CPULimit, gil.Efficiency.V)
	}
	fine := rowNamed(t, rows, "Hash/size=64B/rounds=1/tasks=4096/strategy=spawn/procs=2")
	if hashGrain(fine.Bench) != "fine" || hashGrain(pool.Bench) != "coarse" {
		t.Errorf("grains %s %s", hashGrain(fine.Bench), hashGrain(pool.Bench))
	}
	// ns/task is written with two decimals.
	if !near(fine.Speedup.V, 0.8/1.2) || math.Abs(fine.PerTask.Center-1.2e6/4096) > 0.01 {
		t.Errorf("fine spawn speedup %v per task %v", fine.Speedup.V, fine.PerTask.Center)
	}
	// HashProcs borrows the sequential run at procs=1 of its own family.
	p2 := rowNamed(t, rows, "HashProcs/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2")
	if p2.Baseline.Name != "HashProcs/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=1" || !near(p2.Speedup.V, 16/8.4) {
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
	fits := FitAmdahl(rows, run.cores())
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
		if f.Strategy != want.strategy || !near(f.F, want.f) || math.Abs(f.Residual-want.residual) > 1e-8 {
			t.Errorf("fit %d = %s f=%v rms=%v, want %s f=%v rms=%v", i, f.Strategy, f.F, f.Residual, want.strategy, want.f, want.residual)
		}
	}
	if got := fits[0].Predict(2); !near(got, 1/0.521875) {
		t.Errorf("Predict(2) = %v", got)
	}
}

func TestCounterThroughput(t *testing.T) {
	_, rows := readFixture(t)
	r := rowNamed(t, rows, "Counter/incs=1000/tasks=64/sync=sharded/strategy=spawn/procs=2")
	// 64 tasks × 1000 increments / 90 µs.
	if got := throughput(r).Center; !near(got, 64e3/90e-6) {
		t.Errorf("throughput %v, want %v", got, 64e3/90e-6)
	}
	if r.Efficiency.Valid() {
		t.Errorf("counter efficiency %v, want none", r.Efficiency)
	}
}

func TestIdealAndRatio(t *testing.T) {
	if got := idealSleep(64, 3, 10e6); got != 22*10e6 {
		t.Errorf("idealSleep(64, 3) = %v, want 22 waves", got)
	}
	e := ratio(Summary{Center: 10, Lo: 9, Hi: 11}, Summary{Center: 5, Lo: 4, Hi: 6})
	if e != (Estimate{2, 1.5, 2.75}) {
		t.Errorf("ratio = %+v", e)
	}
	if ratio(Summary{Center: 1}, Summary{}).Valid() {
		t.Error("ratio over zero is valid")
	}
}

func checkEst(t *testing.T, what string, got, want Estimate) {
	t.Helper()
	if !near(got.V, want.V) || !near(got.Lo, want.Lo) || !near(got.Hi, want.Hi) {
		t.Errorf("%s = %+v, want %+v", what, got, want)
	}
}
