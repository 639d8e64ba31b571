package workloads_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/workloads"
)

// allocValue is task i of alloc/size=size written the plain way: the
// words it writes, read back from a map instead of memory.
func allocValue(size, i int) uint64 {
	mix := func(z uint64) uint64 {
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	var acc uint64
	for off := 0; off < size; off += 64 {
		var word [8]byte
		binary.LittleEndian.PutUint64(word[:], mix(uint64(i)*0x9e3779b97f4a7c15+uint64(off)))
		clear(word[min(8, size-off):])
		acc = mix(acc ^ binary.LittleEndian.Uint64(word[:]))
	}
	return acc
}

func TestAllocValues(t *testing.T) {
	for _, size := range []int{1, 5, 64, 100, 4096, 1 << 20} {
		w, err := workloads.Parse("alloc/size=" + runfile.FormatSize(int64(size)))
		if err != nil {
			t.Fatal(err)
		}
		b := w.Start(3, 1)
		for _, i := range []int{0, 1, 77} {
			got, err := b.Do(context.Background(), 0, i)
			if err != nil {
				t.Fatal(err)
			}
			if want := allocValue(size, i); got != want {
				t.Errorf("alloc size %d task %d = %#x, want %#x", size, i, got, want)
			}
		}
	}
}

func TestAllocAllocatesEveryTask(t *testing.T) {
	w, _ := workloads.Parse("alloc/size=64KiB")
	b := w.Start(1, 1)
	if n := testing.AllocsPerRun(10, func() { b.Do(context.Background(), 0, 3) }); n < 1 {
		t.Errorf("an alloc task allocates %v times, want at least once", n)
	}
}

func TestAllocBadSize(t *testing.T) {
	for text, want := range map[string]string{
		"alloc/size=0":    "must be positive",
		"alloc/size=2GiB": "above the limit",
		"alloc/n=3":       "alloc takes size",
	} {
		if _, err := workloads.Parse(text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", text, err, want)
		}
	}
}

func ExampleParse_alloc() {
	w, _ := workloads.Parse("alloc/size=1MiB")
	fmt.Println(w.Spec())
	// Output:
	// alloc/size=1048576
}
