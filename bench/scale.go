package bench

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// ScaleEnv is the environment variable that picks the matrix's Scale by
// name: "full" (the default), "quick", "tiny", "flood" (make bench-flood)
// or "flood-tiny" (its tests).
const ScaleEnv = "CONCBENCH_SCALE"

// ListEnv, when set to a non-empty value, makes every benchmark of the
// matrix print its full name on a line starting with ListPrefix and skip
// itself without building or running anything. The driver uses it to learn
// which benchmarks a -test.bench pattern selects.
const ListEnv = "CONCBENCH_LIST"

// OnlyEnv, when set, names a file that lists full benchmark names
// ("BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2"), one a line:
// the families that -test.bench selects then run only those of their
// cases. The driver uses it to re-run exactly the configurations whose
// interval is still wide (select their families with -test.bench too: a
// family none of whose cases runs reports itself as a result).
const OnlyEnv = "CONCBENCH_ONLY"

// ListPrefix starts each line printed in list mode (see ListEnv).
const ListPrefix = "concbench-list "

// A Scale sizes the workloads of the matrix. The families and name keys are
// the same at every scale; only the values change.
type Scale struct {
	Name string
	// Base is the scale this one extends, full, quick or tiny (flood
	// extends full, flood-tiny tiny): the one whose value PerScale picks.
	Base string

	Sleep      time.Duration // sleep: d
	SleepTasks int

	CoarseSize   int64 // coarse hash: size, rounds, tasks
	CoarseRounds int
	CoarseTasks  int

	FineSize   int64 // fine hash: size, rounds, tasks
	FineRounds int
	FineTasks  int
	// ExecFineTasks is the batch, on the fine hash, of a strategy that
	// starts a process per task (Props.ProcessPerTask), whose batch of
	// FineTasks would take seconds (see Measured in the package doc); it
	// is named by its own tasks=, and the report compares it per task
	// (ns/task).
	ExecFineTasks int

	Incs         int // counter: incs, tasks
	CounterTasks int

	PycpuN     int // pycpu: n, tasks
	PycpuTasks int

	AllocSize  int64 // alloc: size, tasks
	AllocTasks int

	FetchDelay time.Duration // fetch: d of the overlap family, size, tasks
	FetchSize  int64
	FetchTasks int

	FileSize     int64 // file: size, tasks
	FileTasks    int
	FloodSleep   time.Duration // flood: d, tasks, and the pools' worker counts
	FloodTasks   int
	FloodWorkers []int

	// CrashSleep and CrashTasks are the crash's d and tasks; task
	// tasks/2 crashes. Each op is a child process running the batch
	// twice (see Measured in the package doc for what that costs).
	CrashSleep time.Duration
	CrashTasks int
	// PublishedSleep and PublishedTasks, when set, add the published
	// flood to Flood, beside the one of FloodSleep and FloodTasks, at the
	// same worker counts and in the same rounds (see floodCases).
	PublishedSleep time.Duration
	PublishedTasks int
}

// Scales returns the known scales: full, the matrix of make bench; quick,
// the matrix of make bench-quick; tiny, for the tests; flood, the matrix
// of make bench-flood: full's, whose Flood also runs the published
// 1,000,000 tasks of 10 ms; flood-tiny, tiny's with a small second flood,
// for the tests of make bench-flood.
func Scales() []Scale {
	s := scales()
	flood := s[0]
	flood.Name, flood.PublishedSleep, flood.PublishedTasks = "flood", 10*time.Millisecond, 1_000_000
	floodTiny := s[2]
	floodTiny.Name, floodTiny.PublishedSleep, floodTiny.PublishedTasks = "flood-tiny", 2*time.Millisecond, 2000
	floodTiny.FloodWorkers = []int{20, 200}
	return append(s, flood, floodTiny)
}

// scales returns full, quick and tiny.
func scales() []Scale {
	return []Scale{
		{Name: "full", Base: "full",
			Sleep: 10 * time.Millisecond, SleepTasks: 64,
			CoarseSize: 64 << 10, CoarseRounds: 8, CoarseTasks: 64,
			FineSize: 64, FineRounds: 1, FineTasks: 4096, ExecFineTasks: 64,
			Incs: 1000, CounterTasks: 64,
			PycpuN: 100000, PycpuTasks: 16,
			AllocSize: 1 << 20, AllocTasks: 16,
			FetchDelay: 5 * time.Millisecond, FetchSize: 16 << 10, FetchTasks: 16,
			FileSize: 64 << 10, FileTasks: 16,
			FloodSleep: time.Millisecond, FloodTasks: 20_000, FloodWorkers: []int{1000, 10_000, 100_000},
			CrashSleep: time.Millisecond, CrashTasks: 8},
		{Name: "quick", Base: "quick",
			Sleep: 5 * time.Millisecond, SleepTasks: 16,
			CoarseSize: 64 << 10, CoarseRounds: 4, CoarseTasks: 16,
			FineSize: 64, FineRounds: 1, FineTasks: 512, ExecFineTasks: 32,
			Incs: 1000, CounterTasks: 32,
			PycpuN: 50000, PycpuTasks: 8,
			AllocSize: 1 << 20, AllocTasks: 8,
			FetchDelay: 2 * time.Millisecond, FetchSize: 16 << 10, FetchTasks: 8,
			FileSize: 64 << 10, FileTasks: 8,
			FloodSleep: time.Millisecond, FloodTasks: 5000, FloodWorkers: []int{100, 1000, 10_000},
			CrashSleep: time.Millisecond, CrashTasks: 6},
		{Name: "tiny", Base: "tiny",
			Sleep: time.Millisecond, SleepTasks: 4,
			CoarseSize: 32 << 10, CoarseRounds: 1, CoarseTasks: 4,
			FineSize: 64, FineRounds: 1, FineTasks: 16, ExecFineTasks: 8,
			Incs: 10, CounterTasks: 4,
			PycpuN: 1000, PycpuTasks: 4,
			AllocSize: 64 << 10, AllocTasks: 4,
			FetchDelay: time.Millisecond, FetchSize: 1 << 10, FetchTasks: 4,
			FileSize: 4 << 10, FileTasks: 4,
			FloodSleep: time.Millisecond, FloodTasks: 200, FloodWorkers: []int{2, 20},
			CrashSleep: time.Millisecond, CrashTasks: 4},
	}
}

// ScaleByName returns the scale called name; "" means "full".
func ScaleByName(name string) (Scale, error) {
	if name == "" {
		name = "full"
	}
	var names []string
	for _, s := range Scales() {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return Scale{}, fmt.Errorf("unknown scale %q; valid scales are %s", name, strings.Join(names, ", "))
}

// ScaleFromEnv returns the scale that ScaleEnv names.
func ScaleFromEnv() (Scale, error) {
	s, err := ScaleByName(os.Getenv(ScaleEnv))
	if err != nil {
		return Scale{}, fmt.Errorf("%s: %w", ScaleEnv, err)
	}
	return s, nil
}

// PerScale returns full, quick or tiny as s's Base is full, quick or
// tiny: a family's own size at each scale, declared in its table entry
// without a field of Scale. An unknown Base gets full.
func PerScale[T any](s Scale, full, quick, tiny T) T {
	switch s.Base {
	case "quick":
		return quick
	case "tiny":
		return tiny
	}
	return full
}
