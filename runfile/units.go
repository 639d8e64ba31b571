package runfile

// The units of the metrics a benchmark reports, as they stand after the
// value on a result line ("1234 ns/op"). The doc of package bench says how
// each is measured.
const (
	UnitNsPerOp      = "ns/op"           // wall time of one batch (go test's own)
	UnitNsPerTask    = "ns/task"         // wall time of one batch ÷ its tasks
	UnitTasksPerSec  = "tasks/s"         // tasks ÷ wall time (higher is better)
	UnitCPUNsPerOp   = "cpu-ns/op"       // CPU time of the benchmark and its worker processes per batch
	UnitP50Ns        = "p50-ns"          // median task completion time from the batch start
	UnitP99Ns        = "p99-ns"          // 99th percentile of the same
	UnitPeakRoutines = "peak-goroutines" // the most goroutines alive during one batch
	UnitPeakStack    = "peak-stack-B"    // the most goroutine stack memory during one batch
	UnitPeakHeap     = "peak-heap-B"     // the most heap object memory during one batch
	UnitPeakRSS      = "peak-rss-B"      // the peak resident set growth during one batch
	UnitLostUpdates  = "lost-updates/op" // counter increments lost per batch
	UnitStealPct     = "steal-pct"       // share of the machine's CPU time the hypervisor stole while timed
	UnitOtherPct     = "other-pct"       // share of it busy with work other than the benchmark's
	UnitFaultsPerOp  = "faults/op"       // page faults of the benchmark's processes per batch
	UnitSurvived     = "survived"        // share of crash ops whose child ran to its end (higher is better)
	UnitDelivered    = "delivered"       // results of a crash batch's other tasks that reached the strategy, per op
	UnitNextBatch    = "next-batch"      // share of crash ops whose next batch ran right (higher is better)
)
