package workloads_test

import (
	"context"
	"testing"

	"github.com/concbench/concbench/workloads"
)

// pinnedHashSums are batch checksums of 16 tasks computed by the first
// implementation of hash, which allocated a fresh buffer per task. They pin
// the task definition: any faster implementation must be bit-identical.
var pinnedHashSums = []struct {
	spec string
	sum  uint64
}{
	{"hash/size=1/rounds=1", 0x91bdf2b2bbbd6673},
	{"hash/size=7/rounds=2", 0x16275c4cef90c52c},
	{"hash/size=64/rounds=1", 0x7b4e3b65b0cdc8cd},
	{"hash/size=100/rounds=3", 0x7fc6d16377e6a09a},
	{"hash/size=4097/rounds=2", 0xe097d5f0b4d696},
	{"hash/size=32768/rounds=1", 0x23e3ae9f0f416e7d},
	{"hash/size=65536/rounds=8", 0x6b5a795aa5523b65},
}

func TestHashChecksumsArePinned(t *testing.T) {
	for _, p := range pinnedHashSums {
		w, err := workloads.Parse(p.spec)
		if err != nil {
			t.Fatal(err)
		}
		if sum, _ := runAll(t, w, 16); sum != p.sum {
			t.Errorf("%s: checksum of 16 tasks = %#x, pinned %#x", p.spec, sum, p.sum)
		}
	}
}

// TestHashWorkersShareNothing runs the 16 tasks on 3 workers in a shuffled
// order, two batches at once on one workload, and checks the pinned sums:
// the buffers reused per worker and across batches carry nothing from one
// task to the next.
func TestHashWorkersShareNothing(t *testing.T) {
	for _, p := range pinnedHashSums[2:5] {
		w, _ := workloads.Parse(p.spec)
		a, b := w.Start(16, 3), w.Start(16, 3)
		var sa, sb uint64
		for k := range 16 {
			i := (k * 7) % 16
			for _, x := range []struct {
				batch workloads.Batch
				sum   *uint64
			}{{a, &sa}, {b, &sb}} {
				v, err := x.batch.Do(context.Background(), k%3, i)
				if err != nil {
					t.Fatal(err)
				}
				*x.sum += workloads.Fold(i, v)
			}
		}
		for _, batch := range []workloads.Batch{a, b} {
			if _, err := batch.Finish(); err != nil {
				t.Fatal(err)
			}
			workloads.Release(batch)
		}
		if sa != p.sum || sb != p.sum {
			t.Errorf("%s: interleaved batches gave %#x and %#x, pinned %#x", p.spec, sa, sb, p.sum)
		}
	}
}

// TestHashAllocatesNothingPerTask checks that a batch's tasks reuse their
// worker's buffer, and that a later batch of the same workload reuses the
// buffers of the last one: the bytes a batch allocates do not grow with
// size.
func TestHashAllocatesNothingPerTask(t *testing.T) {
	if raceEnabled {
		t.Skip("-race: sync.Pool drops a random share of its buffers, so allocations are not a fixed count; make test runs this test without -race")
	}
	w, _ := workloads.Parse("hash/size=64KiB/rounds=1")
	runAll(t, w, 1) // the first batch allocates the buffer
	allocs := testing.AllocsPerRun(20, func() {
		b := w.Start(4, 1)
		for i := range 4 {
			b.Do(context.Background(), 0, i)
		}
		b.Finish()
		workloads.Release(b)
	})
	// Start allocates the batch and its slot per worker; a task nothing.
	if allocs > 2 {
		t.Errorf("a 4-task batch of hash/size=64KiB allocates %v times, want at most 2", allocs)
	}
}
