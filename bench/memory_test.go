package bench

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// TestProbeMemory checks that the probe sees the stacks of goroutines that
// wait at once: 2000 sleeping tasks on spawn hold at least 2000 minimal
// stacks (2 KiB), and on a pool of 100 workers a fifth of that or less.
func TestProbeMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 2000 goroutines")
	}
	const tasks = 2000
	// spawn's tasks wait at a gate until all 2000 have started, then 50 ms
	// more, so that all its goroutines are alive at once however slow
	// starting them is: with sleeps of 5 ms (and of 50 ms), under -race and
	// a loaded machine, the first tasks ended before the last started (723
	// to 1239 alive at the peak). The pool's 100 workers could never open
	// the gate: they sleep 5 ms a task.
	sleep, err := workloads.Parse("sleep/d=5ms")
	if err != nil {
		t.Fatal(err)
	}
	gate := gateWorkload{hold: 50 * time.Millisecond}
	ctx := context.Background()
	// The checksum is the strategy's own (sequential would take 10 s on
	// the sleeps and never open the gate):
	// this test is about memory, the strategies' tests about checksums.
	sum := func(s strategies.Strategy, w workloads.Workload) probeResult {
		t.Helper()
		r, err := s.Run(ctx, strategies.Job{Workload: w, Tasks: tasks})
		if err != nil {
			t.Fatal(err)
		}
		p, err := probe(ctx, s, w, tasks, r.Checksum)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	spawn := sum(strategies.Spawn{}, gate)
	pool := sum(strategies.Pool{Workers: 100}, sleep)
	t.Logf("spawn %+v, pool %+v", spawn, pool)
	if spawn.Mem.Stack < tasks*2048 {
		t.Errorf("spawn of %d sleeping tasks: peak stacks %d B, want at least %d", tasks, spawn.Mem.Stack, tasks*2048)
	}
	if pool.Mem.Stack*5 > spawn.Mem.Stack {
		t.Errorf("pool of 100: peak stacks %d B, not a fifth of spawn's %d B", pool.Mem.Stack, spawn.Mem.Stack)
	}
	if spawn.Mem.RSS == 0 {
		t.Errorf("spawn of %d goroutines: no RSS growth (exact %v)", tasks, spawn.Mem.RSSExact)
	}
}

func TestParseStatus(t *testing.T) {
	text := "Name:\tbench.test\nVmPeak:\t  900 kB\nVmHWM:\t    2048 kB\nVmRSS:\t    1024 kB\nThreads:\t5\n"
	rss, hwm, err := parseStatus("status", []byte(text))
	if err != nil || rss != 1024<<10 || hwm != 2048<<10 {
		t.Errorf("parseStatus = %d, %d, %v; want %d, %d", rss, hwm, err, 1024<<10, 2048<<10)
	}
	for _, bad := range []string{"Name:\tx\n", "VmRSS:\t12 MB\nVmHWM:\t1 kB\n", "VmRSS:\tlots kB\nVmHWM:\t1 kB\n"} {
		if _, _, err := parseStatus("status", []byte(bad)); err == nil || !strings.Contains(err.Error(), "parsing status") {
			t.Errorf("parseStatus(%q) = %v, want an error naming the file", bad, err)
		}
	}
}

// released is a batch that counts its Release calls.
type released struct {
	workloads.Batch
	n *int
}

func (r released) Release() { *r.n++ }

func TestPeakBatchReleases(t *testing.T) {
	var n int
	b := peakBatch{released{n: &n}, &peaks{}}
	workloads.Release(b)
	if n != 1 {
		t.Errorf("releasing the probe's batch released the inner one %d times, want 1", n)
	}
}

// gateWorkload's tasks wait until every task of their batch has started,
// then hold more; task i returns i. A task whose gate has not opened after
// a minute fails.
type gateWorkload struct{ hold time.Duration }

func (gateWorkload) Spec() workloads.Spec { return workloads.Spec{Name: "gate"} }

func (g gateWorkload) Start(tasks, _ int) workloads.Batch {
	return &gateBatch{hold: g.hold, tasks: int64(tasks), open: make(chan struct{})}
}

type gateBatch struct {
	hold    time.Duration
	tasks   int64
	started atomic.Int64
	open    chan struct{}
}

func (b *gateBatch) Do(ctx context.Context, _, i int) (uint64, error) {
	if b.started.Add(1) == b.tasks {
		close(b.open)
	}
	select {
	case <-b.open:
	case <-ctx.Done():
		return 0, ctx.Err()
	case <-time.After(time.Minute):
		return 0, errors.New("gate: not every task started within a minute")
	}
	time.Sleep(b.hold)
	return uint64(i), nil
}

func (*gateBatch) Finish() (int64, error) { return 0, nil }
