package bench

import (
	"fmt"
	"time"

	"github.com/montanaflynn/stats"
)

// maxLatencySamples bounds the task completion times kept per benchmark:
// the first iterations are kept until the bound, so that recording needs
// no allocation inside the timed loop. 1<<16 float64s are 512 KiB, faulted
// in before the timer starts.
const maxLatencySamples = 1 << 16

// latencies collects per-task completion times (from batch start) across
// the iterations of a benchmark.
type latencies struct {
	ns []float64 // preallocated, filled up to cap
}

// newLatencies allocates room for the completion times of batches of
// tasks tasks, up to maxLatencySamples (but at least one batch).
func newLatencies(tasks int) *latencies {
	l := &latencies{ns: make([]float64, max(maxLatencySamples, tasks))}
	clear(l.ns) // fault the pages in now, not inside the timed loop
	l.ns = l.ns[:0]
	return l
}

// add records one batch's completion times if there is room for all of them.
func (l *latencies) add(done []time.Duration) {
	if cap(l.ns)-len(l.ns) < len(done) {
		return
	}
	for _, d := range done {
		l.ns = append(l.ns, float64(d.Nanoseconds()))
	}
}

// percentiles returns the 50th and 99th percentiles in nanoseconds.
func (l *latencies) percentiles() (p50, p99 float64, err error) {
	if p50, err = stats.Percentile(l.ns, 50); err != nil {
		return 0, 0, fmt.Errorf("p50 of %d samples: %w", len(l.ns), err)
	}
	if p99, err = stats.Percentile(l.ns, 99); err != nil {
		return 0, 0, fmt.Errorf("p99 of %d samples: %w", len(l.ns), err)
	}
	return p50, p99, nil
}
