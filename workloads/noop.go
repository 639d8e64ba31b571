package workloads

import "context"

// noop is the workload whose tasks do nothing but return a value: what a
// strategy spends on it is the strategy's own per-task overhead.
type noop struct{}

func buildNoop(map[string]string) (Workload, error) { return noop{}, nil }

func (noop) Spec() Spec { return Spec{Name: "noop"} }

func (noop) Start(int, int) Batch {
	return statelessBatch(func(_ context.Context, i int) (uint64, error) { return uint64(i), nil })
}
