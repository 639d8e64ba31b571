package bench

import (
	"runtime"
	"testing"
)

// family runs the cases that build returns for the scale named by ScaleEnv
// and this machine's CPU count.
func family(b *testing.B, build func(Scale, int) []Case) {
	s, err := ScaleFromEnv()
	if err != nil {
		b.Fatal(err)
	}
	RunFamily(b, build(s, runtime.NumCPU()))
}

// BenchmarkSleep: I/O-bound tasks under all six strategies.
func BenchmarkSleep(b *testing.B) { family(b, SleepCases) }

// BenchmarkSleepWorkers: the sleep workload on pool and process by worker count.
func BenchmarkSleepWorkers(b *testing.B) { family(b, SleepWorkersCases) }

// BenchmarkHash: coarse and fine CPU-bound tasks under all six strategies.
func BenchmarkHash(b *testing.B) { family(b, HashCases) }

// BenchmarkHashWorkers: the coarse hash on pool and process by worker count.
func BenchmarkHashWorkers(b *testing.B) { family(b, HashWorkersCases) }

// BenchmarkHashProcs: the coarse hash on spawn and pool by GOMAXPROCS.
func BenchmarkHashProcs(b *testing.B) { family(b, HashProcsCases) }

// BenchmarkCounter: a shared counter by sync variant and strategy.
func BenchmarkCounter(b *testing.B) { family(b, CounterCases) }

// BenchmarkPycpu: the tutorials' number ** 2 loop under the six core strategies.
func BenchmarkPycpu(b *testing.B) { family(b, PycpuCases) }

// BenchmarkAlloc: a fresh buffer allocated and touched per task, under every strategy.
func BenchmarkAlloc(b *testing.B) { family(b, AllocCases) }

// BenchmarkHashCeiling: the machine's ceiling for the coarse hash: one
// process per CPU hashing its share with no protocol, for the process rows.
func BenchmarkHashCeiling(b *testing.B) {
	s, err := ScaleFromEnv()
	if err != nil {
		b.Fatal(err)
	}
	runCeilingFamily(b, HashCeilingCases(s, runtime.NumCPU()))
}

// BenchmarkFlood: many more waiting tasks than workers, spawn against the
// bounded pools by worker count.
func BenchmarkFlood(b *testing.B) { family(b, FloodCases) }

// BenchmarkOverhead: no-op tasks, each strategy's own cost per task.
func BenchmarkOverhead(b *testing.B) { family(b, OverheadCases) }

// BenchmarkCrash: a batch whose task k kills its process, uncatchably,
// under every strategy, each batch in a child process; the metrics say
// whether the program survived, how many other results were delivered and
// whether the next batch ran.
func BenchmarkCrash(b *testing.B) {
	s, err := ScaleFromEnv()
	if err != nil {
		b.Fatal(err)
	}
	runCrashFamily(b, CrashCases(s, runtime.NumCPU()))
}
