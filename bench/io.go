package bench

import (
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// fetchClientPick keeps the core strategies whose W workers each run many
// requests, so that a client kept per worker or shared can reuse its
// connections: the plain loop and the in-process pool.
func fetchClientPick(c Candidate) bool {
	return c.Core && !c.Processes && (c.Concurrency == runfile.One || c.Concurrency == runfile.PerWorker)
}

// filePick keeps the core strategies that are not a model and keep their
// processes: the loop, the in-process ones and persistent processes. gil
// and exec add no question here (a blocked write does not hold the GIL
// model's only P; exec measures process starts, as on the fine hash).
func filePick(c Candidate) bool { return c.Core && !c.Model && !c.ProcessPerTask }

// fetchBatch is tasks requests to the server on port that wait d there
// and return size bytes, by client; the port is in the spec, not the name.
func fetchBatch(d time.Duration, sz int64, client string, tasks, port int) Batch {
	b := batch(tasks, "fetch", "d", dur(d), "size", size(sz), "client", client, "port", itoa(port))
	b.Hidden = []string{"port"}
	return b
}

// fetchSize and fetchTasks are the response size and the batch of Fetch
// and FetchClient.
func fetchSize(s Scale) int64 { return PerScale[int64](s, 16<<10, 16<<10, 1<<10) }

func fetchTasks(s Scale) int { return PerScale(s, 16, 8, 4) }

// fetchCases: loopback HTTP requests that wait on the server (5 ms at
// full), with one shared client. It asks whether real network I/O
// overlaps like sleep.
func fetchCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		d := PerScale(s, 5*time.Millisecond, 2*time.Millisecond, time.Millisecond)
		cs = append(cs, fetchBatch(d, fetchSize(s), "shared", fetchTasks(s), h.FetchPort).Case(st, h.NumCPU))
	}
	return cs
}

// fetchClientCases: requests the server answers at once (d=0s), so that
// the cost of a request is all that is measured, by client (shared,
// per-worker, per-task). It asks whether reusing connections matters.
// per-worker runs only under strategies with workers: a one-at-a-time
// strategy's one worker makes it the same as shared, less one client per
// batch.
func fetchClientCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, client := range []string{"shared", "per-worker", "per-task"} {
		for _, st := range sts {
			if p, err := strategies.PropsOf(st); client == "per-worker" && (err != nil || p.Concurrency == runfile.One) {
				continue
			}
			cs = append(cs, fetchBatch(0, fetchSize(s), client, fetchTasks(s), h.FetchPort).Case(st, h.NumCPU))
		}
	}
	return cs
}

// fileCases: write, read back and remove a file per task, without and with
// fsync.
func fileCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, sync := range []string{"none", "fsync"} {
		b := batch(PerScale(s, 16, 8, 4), "file", "size", size(PerScale[int64](s, 64<<10, 64<<10, 4<<10)), "sync", sync)
		for _, st := range sts {
			cs = append(cs, b.Case(st, h.NumCPU))
		}
	}
	return cs
}
