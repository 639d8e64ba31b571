package bench

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
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

	Sleep      time.Duration // sleep: d
	SleepTasks int

	CoarseSize   int64 // coarse hash: size, rounds, tasks
	CoarseRounds int
	CoarseTasks  int

	FineSize   int64 // fine hash: size, rounds, tasks
	FineRounds int
	FineTasks  int
	// ExecFineTasks is the batch of exec on the fine hash: a process
	// start per task makes a batch of FineTasks take seconds (4,096 starts
	// took 11.7 s on an Intel Xeon host and 68 s on an AMD EPYC one), so
	// exec runs a smaller batch there, named by its own tasks=, and the
	// report compares it per task (ns/task).
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
	// twice, so exec starts about 1.5 × CrashTasks processes per op: at
	// 8 tasks, 0.48 s on the loaded 2-core VM (the other strategies 30
	// to 190 ms).
	CrashSleep time.Duration
	CrashTasks int
	// PublishedSleep and PublishedTasks, when set, add the published
	// flood to Flood, beside the one of FloodSleep and FloodTasks, at the
	// same worker counts and in the same rounds (see FloodCases).
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
		{Name: "full",
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
		{Name: "quick",
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
		{Name: "tiny",
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

// A Case is one leaf benchmark of the matrix: a workload, a batch size,
// a strategy with its worker count, and a GOMAXPROCS.
type Case struct {
	// Params are the name parts before strategy, in order: the workload's
	// parameters in human form, tasks, and for the counter sync.
	Params []workloads.Param
	// Workload is the text form of the workload's spec, for workloads.Parse.
	Workload string
	Tasks    int
	Strategy string
	// Workers is the concurrency of pool, process and exec; zero means the
	// default (GOMAXPROCS) and leaves workers out of the name.
	Workers int
	Procs   int
	// RefWorkers, if positive, has the checksum every batch must
	// reproduce computed by a pool of that many workers instead of by
	// Sequential: for batches of waiting tasks that take long one at a
	// time (Flood: minutes; Sleep and SleepWorkers: 0.64 s a family, in
	// every round). The strategies' tests hold pool to sequential's
	// checksum on every workload.
	RefWorkers int
	// Build builds the workload from its Spec; nil means workloads.New.
	// Worker processes rebuild it with the Lookup their ServeWorker got,
	// which must agree.
	Build strategies.Lookup
}

// workload builds the case's workload.
func (c Case) workload() (workloads.Workload, error) {
	spec, err := workloads.ParseSpec(c.Workload)
	if err != nil {
		return nil, err
	}
	if c.Build == nil {
		return workloads.New(spec)
	}
	return c.Build(spec)
}

// Name returns the case's sub-benchmark name:
// the params, then strategy=S, workers=W if set, and procs=P.
func (c Case) Name() string {
	var b strings.Builder
	for _, p := range c.Params {
		fmt.Fprintf(&b, "%s=%s/", p.Key, p.Value)
	}
	fmt.Fprintf(&b, "strategy=%s/", c.Strategy)
	if c.Workers > 0 {
		fmt.Fprintf(&b, "workers=%d/", c.Workers)
	}
	fmt.Fprintf(&b, "procs=%d", c.Procs)
	return b.String()
}

// Racy reports whether the case is the deliberately unsynchronized counter,
// the only one allowed to lose updates.
func (c Case) Racy() bool {
	for _, p := range c.Params {
		if p.Key == "sync" && p.Value == "none" {
			return true
		}
	}
	return false
}

// Counter reports whether the case runs the counter workload, which reports
// lost-updates/op.
func (c Case) Counter() bool { return strings.HasPrefix(c.Workload, "counter/") }

// counterStrategies are the strategies of the Counter family: all but
// exec, whose process per task of a thousand increments measures only
// process starts.
func counterStrategies() []string {
	return slices.DeleteFunc(coreStrategies(), func(s string) bool { return s == "exec" })
}

// workersStrategies are the strategies whose worker count is swept.
func workersStrategies() []string { return []string{"pool", "process"} }

func param(k, v string) workloads.Param { return workloads.Param{Key: k, Value: v} }

func itoa(n int) string { return strconv.Itoa(n) }

// sleepBase returns the Sleep workload's name params and spec.
func (s Scale) sleepBase() ([]workloads.Param, string) {
	d := s.Sleep.String()
	return []workloads.Param{param("d", d), param("tasks", itoa(s.SleepTasks))}, "sleep/d=" + d
}

func hashBase(size int64, rounds, tasks int) ([]workloads.Param, string) {
	sz := runfile.FormatSize(size)
	return []workloads.Param{param("size", sz), param("rounds", itoa(rounds)), param("tasks", itoa(tasks))},
		fmt.Sprintf("hash/size=%s/rounds=%d", sz, rounds)
}

func (s Scale) coarseBase() ([]workloads.Param, string) {
	return hashBase(s.CoarseSize, s.CoarseRounds, s.CoarseTasks)
}

func (s Scale) fineBase() ([]workloads.Param, string) {
	return hashBase(s.FineSize, s.FineRounds, s.FineTasks)
}

// SleepCases is BenchmarkSleep: the sleep workload under the six core
// strategies (not the library adapters: see libraryStrategies) at the default worker count, procs = numCPU.
func SleepCases(s Scale, numCPU int) []Case {
	params, spec := s.sleepBase()
	var cs []Case
	for _, st := range coreStrategies() {
		cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.SleepTasks, Strategy: st, Procs: numCPU, RefWorkers: s.SleepTasks})
	}
	return cs
}

// SleepWorkersCases is BenchmarkSleepWorkers: pool and process with 2, 8
// and 64 workers on the sleep workload.
func SleepWorkersCases(s Scale, numCPU int) []Case {
	params, spec := s.sleepBase()
	var cs []Case
	for _, st := range workersStrategies() {
		for _, w := range []int{2, 8, 64} {
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.SleepTasks, Strategy: st, Workers: w, Procs: numCPU, RefWorkers: s.SleepTasks})
		}
	}
	return cs
}

// HashCases is BenchmarkHash: coarse then fine hashing under every
// strategy, the six core ones and the five library adapters. On the fine
// hash exec runs a batch of ExecFineTasks, not FineTasks (see Scale).
func HashCases(s Scale, numCPU int) []Case {
	var cs []Case
	add := func(base func(tasks int) ([]workloads.Param, string), tasks, execTasks int) {
		for _, st := range strategies.Names() {
			n := tasks
			if st == "exec" {
				n = execTasks
			}
			params, spec := base(n)
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: n, Strategy: st, Procs: numCPU})
		}
	}
	add(func(n int) ([]workloads.Param, string) { return hashBase(s.CoarseSize, s.CoarseRounds, n) }, s.CoarseTasks, s.CoarseTasks)
	add(func(n int) ([]workloads.Param, string) { return hashBase(s.FineSize, s.FineRounds, n) }, s.FineTasks, s.ExecFineTasks)
	return cs
}

// HashWorkersCases is BenchmarkHashWorkers: pool and process with 1, 2, 4,
// 8 and 64 workers on the coarse hash.
func HashWorkersCases(s Scale, numCPU int) []Case {
	params, spec := s.coarseBase()
	var cs []Case
	for _, st := range workersStrategies() {
		for _, w := range []int{1, 2, 4, 8, 64} {
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.CoarseTasks, Strategy: st, Workers: w, Procs: numCPU})
		}
	}
	return cs
}

// HashProcsCases is BenchmarkHashProcs: sequential at procs=1, and spawn and
// pool at procs = 1 … numCPU and 2 × numCPU, on the coarse hash.
func HashProcsCases(s Scale, numCPU int) []Case {
	params, spec := s.coarseBase()
	cs := []Case{{Params: params, Workload: spec, Tasks: s.CoarseTasks, Strategy: "sequential", Procs: 1}}
	var procs []int
	for p := 1; p <= numCPU; p++ {
		procs = append(procs, p)
	}
	procs = append(procs, 2*numCPU)
	for _, st := range []string{"spawn", "pool"} {
		for _, p := range procs {
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.CoarseTasks, Strategy: st, Procs: p})
		}
	}
	return cs
}

// CounterCases is BenchmarkCounter: every sync variant compiled into this
// binary (workloads.SyncNames: none is left out of -race builds) under
// sequential, spawn, pool, gil and process. A process counts only its own
// chunks in its own memory, so the process rows measure separate counters,
// not a shared one.
func CounterCases(s Scale, numCPU int) []Case {
	var cs []Case
	for _, v := range workloads.SyncNames() {
		params := []workloads.Param{param("incs", itoa(s.Incs)), param("tasks", itoa(s.CounterTasks)), param("sync", v)}
		spec := fmt.Sprintf("counter/incs=%d/sync=%s", s.Incs, v)
		for _, st := range counterStrategies() {
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.CounterTasks, Strategy: st, Procs: numCPU})
		}
	}
	return cs
}
