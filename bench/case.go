package bench

import (
	"strconv"
	"strings"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

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
	// Probe, when set, names a probe of the machine that the case runs
	// instead of a strategy (HashCeiling: processes); the name then says
	// probe=Probe where it would say strategy=.
	Probe string
	// Twin, when set, names the arm of an A/A pair (a or b): two cases
	// alike in everything but this name part, which comes before
	// strategy.
	Twin string
	// Workers is the concurrency of pool, process and exec; zero means the
	// default (GOMAXPROCS) and leaves workers out of the name.
	Workers int
	Procs   int
	// RefWorkers, if positive, has the checksum every batch must
	// reproduce computed by a pool of that many workers instead of by
	// Sequential: for batches of waiting tasks that take long one at a
	// time (Sleep and SleepWorkers: 64 tasks of 10 ms, 0.64 s a family
	// in every round; Flood: 20,000 tasks of 1 ms, 20 s, and the
	// published 1,000,000 of 10 ms, almost three hours). The strategies'
	// tests hold pool to sequential's checksum on every workload.
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
// the params, then strategy=S (or probe=P), workers=W if set, and procs=P.
func (c Case) Name() string {
	parts := make([]runfile.Param, 0, len(c.Params)+3)
	for _, p := range c.Params {
		parts = append(parts, runfile.Param{Key: p.Key, Value: p.Value})
	}
	if c.Twin != "" {
		parts = append(parts, runfile.Param{Key: runfile.KeyTwin, Value: c.Twin})
	}
	if c.Probe != "" {
		parts = append(parts, runfile.Param{Key: runfile.KeyProbe, Value: c.Probe})
	} else {
		parts = append(parts, runfile.Param{Key: runfile.KeyStrategy, Value: c.Strategy})
	}
	if c.Workers > 0 {
		parts = append(parts, runfile.Param{Key: runfile.KeyWorkers, Value: strconv.Itoa(c.Workers)})
	}
	parts = append(parts, runfile.Param{Key: runfile.KeyProcs, Value: strconv.Itoa(c.Procs)})
	return runfile.FormatName("", parts...)
}

// Racy reports whether the case is the deliberately unsynchronized counter,
// the only one allowed to lose updates.
func (c Case) Racy() bool {
	for _, p := range c.Params {
		if p.Key == runfile.KeySync && p.Value == "none" {
			return true
		}
	}
	return false
}

// Counter reports whether the case runs the counter workload, which reports
// lost-updates/op.
func (c Case) Counter() bool { return strings.HasPrefix(c.Workload, "counter/") }

// reference returns the strategy that computes the checksum every batch
// of the case must reproduce: Sequential, or a pool of RefWorkers.
func (c Case) reference() strategies.Strategy {
	if c.RefWorkers > 0 {
		return strategies.Pool{Workers: c.RefWorkers}
	}
	return strategies.Sequential{}
}
