package workloads

import (
	"context"
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/concbench/concbench/runfile"
)

// alloc is the allocation-bound workload: task i allocates a fresh
// size-byte buffer, writes a word generated from i into every 64-byte
// line of it (so every page and cache line is touched), reads the words
// back and returns their mix. Its cost is the allocator's and the garbage
// collector's: zeroing or faulting in size bytes, and collecting them
// again, more than the arithmetic. It shows what a strategy does to
// allocation: goroutines share one heap and one collector, while each
// worker process has its own.
type alloc struct {
	size int64
}

// maxAllocSize bounds the buffer a task allocates.
const maxAllocSize = 1 << 30

// allocLine is the stride of the words a task writes: a cache line.
const allocLine = 64

func buildAlloc(vals map[string]string) (Workload, error) {
	size, err := runfile.ParseSize(vals["size"])
	if err != nil {
		return nil, fmt.Errorf("parameter size: %w", err)
	}
	if size > maxAllocSize {
		return nil, fmt.Errorf("parameter size: %s is above the limit of %s", runfile.FormatSize(size), runfile.FormatSize(maxAllocSize))
	}
	return alloc{size}, nil
}

func (w alloc) Spec() Spec {
	return Spec{Name: "alloc", Params: []Param{{"size", strconv.FormatInt(w.size, 10)}}}
}

func (w alloc) Start(int, int) Batch {
	return statelessBatch(func(_ context.Context, i int) (uint64, error) {
		return allocTask(make([]byte, w.size), i), nil
	})
}

// allocTask touches buf for task i and returns the task's value. A buffer
// shorter than a word gets the word's first bytes.
//
//go:noinline
func allocTask(buf []byte, i int) uint64 {
	seed := uint64(i) * 0x9e3779b97f4a7c15
	var word [8]byte
	for off := 0; off < len(buf); off += allocLine {
		binary.LittleEndian.PutUint64(word[:], mix64(seed+uint64(off)))
		copy(buf[off:], word[:])
	}
	var acc uint64
	for off := 0; off < len(buf); off += allocLine {
		clear(word[:])
		copy(word[:], buf[off:])
		acc = mix64(acc ^ binary.LittleEndian.Uint64(word[:]))
	}
	return acc
}
