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

// A Scale names the size of the matrix's workloads. The families and name
// keys are the same at every scale; only the values change. Each family
// declares its own values at full, quick and tiny with PerScale; a scale
// that extends one of them (Base) takes its values. Only what the flood
// scales change is a field here.
type Scale struct {
	Name string
	// Base is the scale this one extends, full, quick or tiny (flood
	// extends full, flood-tiny tiny): the one whose value PerScale picks.
	Base string
	// FloodWorkers are the worker counts of Flood's bounded strategies.
	FloodWorkers []int
	// PublishedSleep and PublishedTasks, when set, add the published
	// flood to Flood, beside its own, at the same worker counts and in the
	// same rounds (see floodCases).
	PublishedSleep time.Duration
	PublishedTasks int
}

// Scales returns the known scales: full, the matrix of make bench; quick,
// the matrix of make bench-quick; tiny, for the tests; flood, the matrix
// of make bench-flood: full's, whose Flood also runs the published
// 1,000,000 tasks of 10 ms; flood-tiny, tiny's with a small second flood,
// for the tests of make bench-flood.
func Scales() []Scale {
	return []Scale{
		{Name: "full", Base: "full", FloodWorkers: []int{1000, 10_000, 100_000}},
		{Name: "quick", Base: "quick", FloodWorkers: []int{100, 1000, 10_000}},
		{Name: "tiny", Base: "tiny", FloodWorkers: []int{2, 20}},
		{Name: "flood", Base: "full", FloodWorkers: []int{1000, 10_000, 100_000},
			PublishedSleep: 10 * time.Millisecond, PublishedTasks: 1_000_000},
		{Name: "flood-tiny", Base: "tiny", FloodWorkers: []int{20, 200},
			PublishedSleep: 2 * time.Millisecond, PublishedTasks: 2000},
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

// StrategiesEnv, when set, lists the strategies to run, comma-separated;
// the cases of every other strategy are skipped, but for the baseline
// (sequential), which every speedup needs.
const StrategiesEnv = "CONCBENCH_STRATEGIES"
