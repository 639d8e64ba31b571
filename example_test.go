package concbench_test

import (
	"context"
	"fmt"

	"github.com/concbench/concbench"
	"github.com/concbench/concbench/strategies"
)

// A workload is built from its Spec; the same build serves the benchmark
// and its worker processes. Here two strategies run it and agree.
func Example() {
	spec, err := concbench.ParseSpec("squares/n=100")
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := build(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	job := strategies.Job{Workload: w, Tasks: 64}
	seq, _ := strategies.Sequential{}.Run(context.Background(), job)
	pool, _ := strategies.Pool{Workers: 4}.Run(context.Background(), job)
	fmt.Println(w.Spec(), seq.Checksum == pool.Checksum)

	_, err = build(concbench.Spec{Name: "cubes"})
	fmt.Println(err)
	// Output:
	// squares/n=100 true
	// unknown workload "cubes"; valid workloads are greet, squares
}
