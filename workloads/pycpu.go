package workloads

import (
	"context"
	"fmt"
	"strconv"
)

// pycpu is the pure-interpreter CPU workload, the tutorials' `number ** 2`
// kind of work: task i sums the squares of the n integers i·n … i·n+n−1,
// modulo 2⁶⁴, and returns the sum. In Go it is a tight integer loop; its
// twin in reference/python is the same loop in pure Python, where every
// iteration is interpreted bytecode that holds the GIL. The two compute
// the same values, so the batch checksums agree across languages.
type pycpu struct {
	n int64
}

func buildPycpu(vals map[string]string) (Workload, error) {
	n, err := parseCount(vals["n"])
	if err != nil {
		return nil, fmt.Errorf("parameter n: %w", err)
	}
	return pycpu{n}, nil
}

func (w pycpu) Spec() Spec {
	return Spec{Name: "pycpu", Params: []Param{{"n", strconv.FormatInt(w.n, 10)}}}
}

func (w pycpu) Start(int, int) Batch {
	return statelessBatch(func(ctx context.Context, i int) (uint64, error) {
		return sumSquares(uint64(i)*uint64(w.n), uint64(w.n)), nil
	})
}

// sumSquares returns the sum of x² for x in [lo, lo+n), modulo 2⁶⁴.
//
//go:noinline
func sumSquares(lo, n uint64) uint64 {
	var s uint64
	for x := lo; x < lo+n; x++ {
		s += x * x
	}
	return s
}
