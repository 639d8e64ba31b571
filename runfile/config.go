package runfile

// The configuration lines ("key: value") the driver writes at the top of
// RawFile, besides those go test writes itself (goos, goarch, pkg, cpu)
// and the strategy-<name> lines of ConfigKey. A reader finds an absent
// line "" and must take it as unknown.
const (
	ConfigGo          = "go"           // the Go version of the benchmark binary
	ConfigCommit      = "commit"       // the suite's commit, "-dirty" when changed
	ConfigNumCPU      = "numcpu"       // runtime.NumCPU of the benchmark process
	ConfigGOMAXPROCS  = "gomaxprocs"   // its GOMAXPROCS at start
	ConfigKernel      = "kernel"       // the kernel release
	ConfigCgroupCPUs  = "cgroup-cpus"  // the cgroup's CPU quota in CPUs, or "max"
	ConfigDate        = "date"         // the start, RFC 3339 in UTC
	ConfigScale       = "scale"        // the workload sizes (bench.Scale)
	ConfigBenchtime   = "benchtime"    // go test -benchtime of each sample
	ConfigCount       = "count"        // the interleaved rounds every configuration runs
	ConfigNoiseBudget = "noise-budget" // the time allowed for re-runs of wide rows
	ConfigMaxSamples  = "max-samples"  // the most samples a re-run row gets
	ConfigDeadline    = "deadline"     // when re-runs stop, after the start
	ConfigWarmup      = "warmup"       // the discarded warm-up rounds, or "none"
	ConfigBudget      = "budget"       // how long the whole run could take; 0s: no budget
	// ConfigSampling says what ran after the count rounds: SamplingDecided,
	// only the rows of conclusions still open, until none is; or
	// SamplingPrecise, the rows wider than ±5 %. ConfigStopped, the last
	// line of a complete run's raw.txt, says why sampling ended.
	ConfigSampling  = "sampling"
	ConfigStopped   = "stopped"
	SamplingDecided = "decided"
	SamplingPrecise = "precise"
	// RoundKey numbers the samples after it: the driver writes
	// "round: k" before round k, and numbers its re-run rounds on from
	// the count. Every configuration has at most one sample per round, so
	// the samples of one round were measured minutes apart at most,
	// interleaved with every other configuration's.
	RoundKey = "round"
	// ConfigPkg is go test's own line naming the package whose
	// benchmarks the file holds; SuitePackage is the suite's matrix,
	// whose families the lessons are judged on. A run of any other
	// package is a user's: its families are the user's, whatever their
	// names.
	ConfigPkg    = "pkg"
	SuitePackage = "github.com/concbench/concbench/bench"
	// DepPrefix starts the lines that name a module linked into the
	// benchmark binary and its version: "dep-golang.org/x/sync: v0.25.0".
	DepPrefix = "dep-"
)
