package bench

import "testing"

// One function per family of the table (see Families), each running its
// family through Benchmark; TestEveryFamilyHasABenchmark keeps the two
// lists equal.

func BenchmarkSleep(b *testing.B)        { Benchmark(b) }
func BenchmarkSleepWorkers(b *testing.B) { Benchmark(b) }
func BenchmarkHash(b *testing.B)         { Benchmark(b) }
func BenchmarkHashWorkers(b *testing.B)  { Benchmark(b) }
func BenchmarkHashProcs(b *testing.B)    { Benchmark(b) }
func BenchmarkCounter(b *testing.B)      { Benchmark(b) }
func BenchmarkPycpu(b *testing.B)        { Benchmark(b) }
func BenchmarkAlloc(b *testing.B)        { Benchmark(b) }
func BenchmarkHashCeiling(b *testing.B)  { Benchmark(b) }
func BenchmarkFlood(b *testing.B)        { Benchmark(b) }
func BenchmarkOverhead(b *testing.B)     { Benchmark(b) }
func BenchmarkCrash(b *testing.B)        { Benchmark(b) }
func BenchmarkFetch(b *testing.B)        { Benchmark(b) }
func BenchmarkFetchClient(b *testing.B)  { Benchmark(b) }
func BenchmarkFile(b *testing.B)         { Benchmark(b) }
func BenchmarkTwin(b *testing.B)         { Benchmark(b) }
