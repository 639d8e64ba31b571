package runfile

// The keys of a benchmark name's key=value parts, as in
// "Hash/size=64KiB/rounds=8/tasks=64/strategy=pool/workers=4/procs=2".
// The parts before strategy say what the workload does; strategy, workers
// and procs say how a batch runs (a report groups by the first and
// compares along the second); probe marks a row that measures the machine
// rather than a strategy; lang names the language of a reference run
// (python.txt).
const (
	KeyStrategy = "strategy" // the strategy's registered name
	KeyWorkers  = "workers"  // the bound of a per-worker strategy
	KeyProcs    = "procs"    // GOMAXPROCS
	KeyTasks    = "tasks"    // the tasks of one batch
	KeyDelay    = "d"        // how long a task sleeps or the server waits (ParseDuration)
	KeySize     = "size"     // the bytes a task hashes, allocates, fetches or writes (ParseSize)
	KeyRounds   = "rounds"   // how many times a hash task hashes its buffer
	KeyIncs     = "incs"     // the increments of one counter task
	KeySync     = "sync"     // the counter's or the file's synchronisation variant
	KeyClient   = "client"   // how fetch tasks share an HTTP client
	KeyProbe    = "probe"    // what a ceiling row probes
	KeyLang     = "lang"     // the language of a reference row
	KeyTwin     = "twin"     // the arm of an A/A pair, a or b: the same code under two names
)
