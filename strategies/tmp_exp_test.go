package strategies_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"concbench/strategies"
)

func TestExpTimeline(t *testing.T) {
	w := mustParse(t, "hash/size=64KiB/rounds=8")
	for _, n := range []int{1, 2} {
		p := strategies.NewProcess(strategies.Options{Workers: n})
		job := strategies.Job{Workload: w, Tasks: 64, Done: make([]time.Duration, 64)}
		p.Run(context.Background(), job)
		var best time.Duration = time.Hour
		for range 10 {
			st := time.Now()
			p.Run(context.Background(), job)
			best = min(best, time.Since(st))
		}
		fmt.Println(n, best)
		p.Close()
	}
	var best time.Duration = time.Hour
	for range 10 {
		st := time.Now()
		strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: 64})
		best = min(best, time.Since(st))
	}
	fmt.Println("seq", best)
}
