package workloads

import (
	"context"
	"fmt"
	"time"
)

// sleep is the I/O-bound workload: each task waits d, as a task waiting on
// the network would, and uses no CPU meanwhile.
type sleep struct {
	d time.Duration
}

func buildSleep(vals map[string]string) (Workload, error) {
	d, err := parseDuration(vals["d"])
	if err != nil {
		return nil, fmt.Errorf("parameter d: %w", err)
	}
	return sleep{d}, nil
}

func (w sleep) Spec() Spec {
	return Spec{Name: "sleep", Params: []Param{{"d", w.d.String()}}}
}

func (w sleep) Start(int, int) Batch {
	return statelessBatch(func(ctx context.Context, i int) (uint64, error) {
		t := time.NewTimer(w.d)
		defer t.Stop()
		select {
		case <-t.C:
			return uint64(i) + uint64(w.d), nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	})
}
