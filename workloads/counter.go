package workloads

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// counter is the shared-state workload: every task of a batch adds 1 to one
// counter incs times, synchronized as sync says.
type counter struct {
	incs int64
	sync string
}

// A syncVariant is one way of synchronizing the counter.
type syncVariant struct {
	name  string
	about string
}

// syncVariants returns the counter's sync variants compiled into this
// binary; racySyncs adds "none" except under -race.
func syncVariants() []syncVariant {
	return append([]syncVariant{
		{"mutex", "a sync.Mutex around each increment"},
		{"atomic", "sync/atomic.Int64.Add"},
		{"channel", "the count lives in a one-slot channel: receive, add, send back"},
		{"sharded", "one counter per worker, padded to a cache line, summed at the end (thread-local)"},
	}, racySyncs()...)
}

// SyncNames returns the counter's sync variants in this binary: mutex,
// atomic, channel, sharded, and none unless the binary was built with -race.
func SyncNames() []string {
	var names []string
	for _, v := range syncVariants() {
		names = append(names, v.name)
	}
	return names
}

func buildCounter(vals map[string]string) (Workload, error) {
	incs, err := parseCount(vals["incs"])
	if err != nil {
		return nil, fmt.Errorf("parameter incs: %w", err)
	}
	if !slices.Contains(SyncNames(), vals["sync"]) {
		hint := ""
		if vals["sync"] == "none" {
			hint = " (none is left out of binaries built with -race)"
		}
		return nil, fmt.Errorf("parameter sync: unknown variant %q%s; valid variants are %s", vals["sync"], hint, strings.Join(SyncNames(), ", "))
	}
	return counter{incs, vals["sync"]}, nil
}

func (w counter) Spec() Spec {
	return Spec{Name: "counter", Params: []Param{
		{"incs", strconv.FormatInt(w.incs, 10)},
		{"sync", w.sync},
	}}
}

// paddedCount is a per-worker count alone on its cache line, so that
// workers incrementing neighbouring shards do not share a line.
type paddedCount struct {
	n int64
	_ [56]byte
}

// counterBatch holds the state one batch shares.
type counterBatch struct {
	w      counter
	tasks  int64
	mu     sync.Mutex
	n      int64 // guarded by mu (mutex) or unguarded (none)
	atomic atomic.Int64
	ch     chan int64
	shards []paddedCount
}

func (w counter) Start(tasks, workers int) Batch {
	b := &counterBatch{w: w, tasks: int64(tasks)}
	switch w.sync {
	case "channel":
		b.ch = make(chan int64, 1)
		b.ch <- 0
	case "sharded":
		b.shards = make([]paddedCount, max(workers, 1))
	}
	return b
}

func (b *counterBatch) Do(ctx context.Context, worker, i int) (uint64, error) {
	incs := b.w.incs
	switch b.w.sync {
	case "mutex":
		for range incs {
			b.mu.Lock()
			b.n++
			b.mu.Unlock()
		}
	case "atomic":
		for range incs {
			b.atomic.Add(1)
		}
	case "channel":
		for range incs {
			b.ch <- <-b.ch + 1
		}
	case "sharded":
		s := &b.shards[worker]
		for range incs {
			s.n++
		}
	default:
		racyAdd(&b.n, incs)
	}
	return uint64(incs), nil
}

func (b *counterBatch) Finish() (int64, error) {
	var total int64
	switch b.w.sync {
	case "atomic":
		total = b.atomic.Load()
	case "channel":
		total = <-b.ch
		b.ch <- total
	case "sharded":
		for i := range b.shards {
			total += b.shards[i].n
		}
	default:
		b.mu.Lock()
		total = b.n
		b.mu.Unlock()
	}
	want := b.tasks * b.w.incs
	if b.w.sync == "none" {
		return want - total, nil
	}
	if total != want {
		return 0, fmt.Errorf("workloads: counter/sync=%s ended at %d, want %d (tasks %d × incs %d)", b.w.sync, total, want, b.tasks, b.w.incs)
	}
	return 0, nil
}
