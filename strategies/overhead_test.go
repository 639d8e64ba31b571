package strategies_test

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"testing"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// The overhead benchmarks run no-op tasks, so that what they measure is
// the strategy itself, side by side with the bare primitive it wraps:
//
//	spawn    vs BenchmarkOverhead/primitive=goroutine (go func(){ wg.Done() }())
//	pool     vs BenchmarkOverhead/primitive=channel   (buffered handoff to GOMAXPROCS receivers)
//	process  vs BenchmarkOverhead/primitive=pipe      (one-byte round trip to a child)
//	exec     vs BenchmarkOverhead/primitive=start     (start and wait for a worker)
//
// and the library adapters against the same two in-process primitives:
// errgroup and semaphore start a goroutine per task (against goroutine),
// ants, pond and conc hand tasks to workers (against channel). They run
// at the default concurrency, GOMAXPROCS, with the batch of 4096 tasks
// submitted from one goroutine.
//
// Every figure is reported per task as ns/task.
const overheadTasks = 4096

func BenchmarkOverhead(b *testing.B) {
	w, err := workloads.Parse("noop")
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range strategies.Names() {
		tasks := overheadTasks
		if name == "exec" {
			tasks = 16
		}
		b.Run("strategy="+name, func(b *testing.B) {
			s := newStrategy(b, name, strategies.Options{})
			job := strategies.Job{Workload: w, Tasks: tasks}
			if _, err := s.Run(context.Background(), job); err != nil { // start workers
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Run(context.Background(), job); err != nil {
					b.Fatal(err)
				}
			}
			reportPerTask(b, tasks)
		})
	}
	b.Run("primitive=goroutine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var wg sync.WaitGroup
			for range overheadTasks {
				wg.Add(1)
				go func() { wg.Done() }()
			}
			wg.Wait()
		}
		reportPerTask(b, overheadTasks)
	})
	b.Run("primitive=channel", func(b *testing.B) {
		b.ReportAllocs()
		receivers := runtime.GOMAXPROCS(0)
		for b.Loop() {
			ch := make(chan int, receivers)
			var wg sync.WaitGroup
			for range receivers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range ch {
					}
				}()
			}
			for i := range overheadTasks {
				ch <- i
			}
			close(ch)
			wg.Wait()
		}
		reportPerTask(b, overheadTasks)
	})
	b.Run("primitive=pipe", func(b *testing.B) {
		cmd := exec.Command("cat")
		in, err := cmd.StdinPipe()
		if err != nil {
			b.Fatal(err)
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Skipf("no cat to echo bytes: %v", err)
		}
		defer func() { in.Close(); cmd.Wait() }()
		buf := []byte{'x'}
		for b.Loop() {
			if _, err := in.Write(buf); err != nil {
				b.Fatal(err)
			}
			if _, err := out.Read(buf); err != nil {
				b.Fatal(err)
			}
		}
		reportPerTask(b, 1)
	})
	b.Run("primitive=start", func(b *testing.B) {
		exe, err := os.Executable()
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			// A test binary asked to run no test: the start-up and exit
			// of a Go process, without the handshake.
			if err := exec.Command(exe, "-test.run=^$").Run(); err != nil {
				b.Fatal(err)
			}
		}
		reportPerTask(b, 1)
	})
}

func reportPerTask(b *testing.B, tasks int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tasks), "ns/task")
}
