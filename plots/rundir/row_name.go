package rundir

import (
	"fmt"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// RowName is a row's strategy with its workers part, if any.
func RowName(r *Row) string {
	if r.Workers > 0 {
		return fmt.Sprintf("%s workers=%d", r.Strategy, r.Workers)
	}
	return r.Strategy
}

// Label is a short human name for a workload: "sleep d=10ms tasks=64",
// "hash (coarse) size=64KiB …".
func Label(r *Row) string {
	if r.Bench.Kind() == KindHash {
		return strings.Replace(r.Workload, "hash ", "hash ("+HashGrain(r.Bench)+") ", 1)
	}
	return r.Workload
}

// WorkKind names the kind of work a row does, as a reader would say it
// ("waiting on a timer", "CPU-bound, coarse tasks"), for the suite's
// matrix; a user's workload is named by its family.
func WorkKind(r *Row) string {
	b := r.Bench
	if !b.Suite {
		return b.Family
	}
	switch b.Family {
	case runfile.FamilySleep, runfile.FamilySleepWorkers:
		return "waiting on a timer"
	case runfile.FamilyHash, runfile.FamilyHashWorkers, runfile.FamilyHashProcs, runfile.FamilyHashCeiling:
		if HashGrain(b) == "coarse" {
			return "CPU-bound, coarse tasks"
		}
		return "CPU-bound, tiny tasks"
	case runfile.FamilyCounter:
		return "a shared counter, " + map[string]string{
			"mutex": "under a mutex", "atomic": "atomic adds", "channel": "through a channel",
			"sharded": "one per worker, summed", "none": "unsynchronized (racy)",
		}[b.Param(runfile.KeySync)]
	case runfile.FamilyPycpu:
		return "a CPU-bound loop (the tutorials')"
	case runfile.FamilyAlloc:
		return "allocating " + b.Param(runfile.KeySize) + " a task"
	case runfile.FamilyFlood:
		return "a flood of waiting tasks"
	case runfile.FamilyOverhead:
		return "no work: a strategy's own cost"
	case runfile.FamilyFetch:
		return "network waits (loopback HTTP)"
	case runfile.FamilyFetchClient:
		return "quick HTTP calls, " + map[string]string{
			"shared": "one shared client", "per-worker": "a client per worker", "per-task": "a client per task",
		}[b.Param(runfile.KeyClient)]
	case runfile.FamilyFile:
		if b.Param(runfile.KeySync) == "fsync" {
			return "file writes with fsync"
		}
		return "file writes"
	case runfile.FamilyCrash:
		return "a task that crashes its process"
	case runfile.FamilyTwin:
		return "the A/A control"
	}
	return b.Family
}
