package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/concbench/concbench/strategies"
)

// clockTick is the unit of utime and stime in /proc/<pid>/stat (USER_HZ,
// 100 on every Linux architecture Go supports).
const clockTick = 10 * time.Millisecond

// pidLister is a strategy with live worker processes, such as
// *strategies.Process, whose workers are not reaped until Close and so are
// not yet in RUSAGE_CHILDREN.
type pidLister interface {
	PIDs() []int
}

// cpuTime returns the user+system CPU time used so far by this process, by
// its reaped children (the processes of exec), and by the live worker
// processes of s if it has any.
func cpuTime(s strategies.Strategy) (time.Duration, error) {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if err := syscall.Getrusage(who, &ru); err != nil {
			return 0, fmt.Errorf("getrusage: %w", err)
		}
		total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if pl, ok := s.(pidLister); ok {
		for _, pid := range pl.PIDs() {
			d, err := procCPU(pid)
			if err != nil {
				return 0, err
			}
			total += d
		}
	}
	return total, nil
}

// procCPU returns utime+stime of a live process from /proc/<pid>/stat.
func procCPU(pid int) (time.Duration, error) {
	name := fmt.Sprintf("/proc/%d/stat", pid)
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, fmt.Errorf("cpu time of worker: %w", err)
	}
	return parseStat(name, string(data))
}

// parseStat reads utime and stime (fields 14 and 15) from the text of a
// /proc/<pid>/stat file.
func parseStat(name, text string) (time.Duration, error) {
	ticks, err := sumStatFields(name, text, "utime/stime", 14, 15)
	return time.Duration(ticks) * clockTick, err
}

// sumStatFields returns the sum of the numbered fields (from 1, as proc(5)
// numbers them) of the text of a /proc/<pid>/stat file. The command name
// (field 2) is in parentheses and may hold spaces, so fields are counted
// after its closing parenthesis; what names the fields in errors.
func sumStatFields(name, text, what string, fields ...int) (int64, error) {
	i := strings.LastIndexByte(text, ')')
	if i < 0 {
		return 0, fmt.Errorf("%s: no command name", name)
	}
	f := strings.Fields(text[i+1:])
	// f[0] is field 3 (state), so field n is f[n-3].
	var sum int64
	for _, n := range fields {
		if n-3 >= len(f) {
			return 0, fmt.Errorf("%s: only %d fields after the command name", name, len(f))
		}
		v, err := strconv.ParseInt(f[n-3], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %s %q: %w", name, what, f[n-3], err)
		}
		sum += v
	}
	return sum, nil
}

// pageFaults returns the page faults (minor and major) taken so far by
// this process, by its reaped children and by the live worker processes
// of s if it has any: each is a first touch of memory (or a copy on
// write) that the kernel, and on a VM the hypervisor, had to back.
func pageFaults(s strategies.Strategy) (int64, error) {
	var total int64
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if err := syscall.Getrusage(who, &ru); err != nil {
			return 0, fmt.Errorf("getrusage: %w", err)
		}
		total += ru.Minflt + ru.Majflt
	}
	if pl, ok := s.(pidLister); ok {
		for _, pid := range pl.PIDs() {
			name := fmt.Sprintf("/proc/%d/stat", pid)
			data, err := os.ReadFile(name)
			if err != nil {
				return 0, fmt.Errorf("page faults of worker: %w", err)
			}
			n, err := parseFaults(name, string(data))
			if err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}

// parseFaults reads minflt and majflt (fields 10 and 12) from the text of
// a /proc/<pid>/stat file.
func parseFaults(name, text string) (int64, error) {
	return sumStatFields(name, text, "page fault count", 10, 12)
}
