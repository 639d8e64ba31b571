package bench

import (
	"bytes"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
)

// The runtime/metrics this package samples during a probe batch.
const (
	// stacksMetric is the heap memory reserved for goroutine stacks:
	// it grows with the goroutines alive at once (2 KiB or more each).
	stacksMetric = "/memory/classes/heap/stacks:bytes"
	// objectsMetric is the heap memory held by objects, live ones and
	// dead ones the collector has not yet swept.
	objectsMetric = "/memory/classes/heap/objects:bytes"
)

// A memPeak is the most memory a batch used above what was in use when it
// started: goroutine stacks, heap objects, and resident set size.
type memPeak struct {
	Stack, Heap, RSS uint64
	// RSSExact reports whether RSS comes from the kernel's high-water mark
	// (VmHWM after a reset through /proc/self/clear_refs); otherwise it is
	// the most VmRSS seen by sampling, which can miss a short peak.
	RSSExact bool
}

// memWatch follows one batch's memory. Start it before the batch; sample
// from any goroutine while it runs; end reads the peaks. The samples are
// raised with atomics, so sample may be called concurrently.
type memWatch struct {
	stack0, heap0, rss0 uint64
	exact               bool // the kernel's VmHWM was reset at the start
	stack, heap, rss    atomic.Uint64
}

// startMemWatch returns the collector's and the kernel's memory to a
// baseline and starts watching. It runs debug.FreeOSMemory (a full
// collection that also returns free pages to the operating system; the
// probe is untimed) so that the stacks, garbage and resident pages of the
// previous case do not hide this one's, then resets the kernel's peak RSS
// by writing 5 to /proc/self/clear_refs (Linux 4.0 and later). Where that
// write is refused (another OS, a locked-down /proc), the RSS peak is the
// largest of the VmRSS samples instead.
func startMemWatch() *memWatch {
	debug.FreeOSMemory()
	m := &memWatch{}
	m.exact = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	s := readMem()
	m.stack0, m.heap0 = s[0].Value.Uint64(), s[1].Value.Uint64()
	m.stack.Store(m.stack0)
	m.heap.Store(m.heap0)
	if rss, _, err := procStatus(); err == nil {
		m.rss0 = rss
		m.rss.Store(rss)
	}
	return m
}

// readMem reads the stack and heap-object metrics.
func readMem() [2]metrics.Sample {
	s := [2]metrics.Sample{{Name: stacksMetric}, {Name: objectsMetric}}
	metrics.Read(s[:])
	return s
}

// sample raises the peaks to the current stack and heap sizes, and, when
// the kernel keeps no high-water mark and rss is true, to the current RSS.
func (m *memWatch) sample(rss bool) {
	s := readMem()
	raiseU(&m.stack, s[0].Value.Uint64())
	raiseU(&m.heap, s[1].Value.Uint64())
	if rss && !m.exact {
		if v, _, err := procStatus(); err == nil {
			raiseU(&m.rss, v)
		}
	}
}

// end takes a last sample and returns the peaks above the start.
func (m *memWatch) end() (memPeak, error) {
	m.sample(true)
	p := memPeak{
		Stack:    sub0(m.stack.Load(), m.stack0),
		Heap:     sub0(m.heap.Load(), m.heap0),
		RSSExact: m.exact,
	}
	if m.exact {
		_, hwm, err := procStatus()
		if err != nil {
			return memPeak{}, fmt.Errorf("peak RSS: %w", err)
		}
		p.RSS = sub0(hwm, m.rss0)
	} else {
		p.RSS = sub0(m.rss.Load(), m.rss0)
	}
	return p, nil
}

func sub0(a, b uint64) uint64 {
	if a < b {
		return 0
	}
	return a - b
}

// raiseU sets *m to v if v is larger.
func raiseU(m *atomic.Uint64, v uint64) {
	for {
		old := m.Load()
		if v <= old || m.CompareAndSwap(old, v) {
			return
		}
	}
}

// procStatus returns this process's VmRSS and VmHWM in bytes, from
// /proc/self/status.
func procStatus() (rss, hwm uint64, err error) {
	const name = "/proc/self/status"
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, fmt.Errorf("reading %s: %w", name, err)
	}
	return parseStatus(name, data)
}

// parseStatus reads the VmRSS and VmHWM lines ("VmRSS:   1234 kB") of a
// /proc/<pid>/status file.
func parseStatus(name string, data []byte) (rss, hwm uint64, err error) {
	var seen int
	for line := range bytes.Lines(data) {
		key, rest, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		var dst *uint64
		switch string(key) {
		case "VmRSS":
			dst = &rss
		case "VmHWM":
			dst = &hwm
		default:
			continue
		}
		f := bytes.Fields(rest)
		if len(f) != 2 || string(f[1]) != "kB" {
			return 0, 0, fmt.Errorf("parsing %s: %s line %q is not a size in kB", name, key, bytes.TrimSpace(line))
		}
		kb, err := strconv.ParseUint(string(f[0]), 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("parsing %s: %s: %w", name, key, err)
		}
		*dst = kb << 10
		seen++
	}
	if seen != 2 {
		return 0, 0, fmt.Errorf("parsing %s: no VmRSS and VmHWM lines", name)
	}
	return rss, hwm, nil
}
