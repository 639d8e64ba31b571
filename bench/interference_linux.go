package bench

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/concbench/concbench/runfile"
)

// Interference metrics (runfile.UnitStealPct, runfile.UnitOtherPct): what
// else the machine did while a sample was timed, read from the first line
// of /proc/stat (all CPUs, in clock ticks of 10 ms) before and after the
// timed loop. They are data, reported with
// every sample; no sample is ever dropped because of them. The report's
// Noise section sets the slow samples of a noisy row against them.
//
//	steal-pct   the share of the machine's CPU time (every CPU, the whole
//	            timed loop) that the hypervisor gave to other guests
//	other-pct   the share spent busy on something other than this
//	            benchmark: the machine's busy time less this process's,
//	            its children's and its worker processes' CPU time
//	            (cpu-ns/op × b.N), never below 0
//
// With ticks of 10 ms, a sample of 50 ms on 2 CPUs sees 10 ticks in all:
// each figure is coarse alone and meaningful over the samples of a row.

// machineTicks are the CPU time counters of /proc/stat, summed over CPUs.
type machineTicks struct {
	busy, steal, total int64
}

// readTicks reads the "cpu" line of /proc/stat: user nice system idle
// iowait irq softirq steal (guest time is already in user and nice).
func readTicks() (machineTicks, error) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return machineTicks{}, err
	}
	return parseTicks(data)
}

// parseTicks parses the text of /proc/stat.
func parseTicks(data []byte) (machineTicks, error) {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	f := bytes.Fields(line)
	if len(f) < 9 || string(f[0]) != "cpu" {
		return machineTicks{}, fmt.Errorf("/proc/stat: first line %q is not the cpu total", line)
	}
	var v [8]int64
	for i := range v {
		n, err := strconv.ParseInt(string(f[i+1]), 10, 64)
		if err != nil || n < 0 {
			return machineTicks{}, fmt.Errorf("/proc/stat: field %d of the cpu line, %q, is not a tick count", i+1, f[i+1])
		}
		v[i] = n
	}
	user, nice, system, idle, iowait, irq, softirq, steal := v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
	busy := user + nice + system + irq + softirq
	return machineTicks{busy: busy, steal: steal, total: busy + idle + iowait + steal}, nil
}

// A loadWatch holds the machine's counters at the start of a timed loop.
type loadWatch struct {
	start machineTicks
	err   error
}

// startLoad reads the machine's counters; call it right before the timed
// loop.
func startLoad() *loadWatch {
	t, err := readTicks()
	return &loadWatch{start: t, err: err}
}

// report reports runfile.UnitStealPct and runfile.UnitOtherPct for the loop since startLoad;
// own is the CPU time the benchmark itself used in it (ownOK false when
// unknown: then runfile.UnitOtherPct is not reported). Where /proc/stat cannot be
// read, it logs why and reports neither.
func (l *loadWatch) report(b *testing.B, own time.Duration, ownOK bool) {
	end, err := readTicks()
	if err == nil {
		err = l.err
	}
	if err != nil {
		b.Logf("%s and %s not reported: %v", runfile.UnitStealPct, runfile.UnitOtherPct, err)
		return
	}
	steal, other, ok := interference(l.start, end, own)
	if !ok {
		return // no tick passed: nothing to say
	}
	b.ReportMetric(steal, runfile.UnitStealPct)
	if ownOK {
		b.ReportMetric(other, runfile.UnitOtherPct)
	}
}

// interference returns the percentages of the machine's CPU time that was
// stolen and that was busy with other work between two readings; ok is
// false when no tick passed between them.
func interference(start, end machineTicks, own time.Duration) (steal, other float64, ok bool) {
	total := end.total - start.total
	if total <= 0 {
		return 0, 0, false
	}
	ownTicks := float64(own) / float64(clockTick)
	steal = 100 * float64(end.steal-start.steal) / float64(total)
	other = 100 * max(0, float64(end.busy-start.busy)-ownTicks) / float64(total)
	return steal, min(other, 100), true
}
