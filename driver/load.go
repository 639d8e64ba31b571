package driver

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// busyWarning warns, on w, when the one-minute load average is above the
// CPU count: other work then competes with the benchmarks for the CPUs, the
// intervals widen, and noise re-runs cannot narrow them. when says at what
// point of the run ("before the runs"). Where /proc/loadavg cannot be read
// (not Linux), it says nothing.
func busyWarning(w io.Writer, when string) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return
	}
	if msg := busyMessage(string(b), runtime.NumCPU(), when); msg != "" {
		fmt.Fprintln(w, msg)
	}
}

// busyMessage is the warning for the content of /proc/loadavg on a machine
// of cpus CPUs, "" when the one-minute load is at most cpus.
func busyMessage(loadavg string, cpus int, when string) string {
	f := strings.Fields(loadavg)
	if len(f) == 0 {
		return ""
	}
	load, err := strconv.ParseFloat(f[0], 64)
	if err != nil || load <= float64(cpus) {
		return ""
	}
	return fmt.Sprintf("concbench: warning: the machine is busy %s (load average %s on %d CPUs): other work takes CPU time from the benchmarks, so intervals will be wide, and re-runs cannot narrow them; measure on an idle machine",
		when, f[0], cpus)
}
