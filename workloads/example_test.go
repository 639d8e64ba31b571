package workloads_test

import (
	"context"
	"fmt"

	"github.com/concbench/concbench/workloads"
)

func ExampleParse() {
	w, err := workloads.Parse("hash/size=64KiB")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Spec())
	_, err = workloads.Parse("hash/size=0")
	fmt.Println(err)
	// Output:
	// hash/size=65536/rounds=8
	// workloads: hash/size=0: parameter size: size "0" must be positive
}

func ExampleWorkload() {
	w, _ := workloads.Parse("counter/incs=100/sync=atomic")
	b := w.Start(3, 1)
	var sum uint64
	for i := range 3 {
		v, _ := b.Do(context.Background(), 0, i)
		sum += workloads.Fold(i, v)
	}
	lost, err := b.Finish()
	fmt.Println(lost, err)
	// Output:
	// 0 <nil>
}
