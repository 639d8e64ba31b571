package rundir

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// Bounds of a plausible measurement. A value beyond them is not a slow or a
// large benchmark but a broken number (a hand edit, a bad merge, a bug in a
// workload's own metric), and it would otherwise reach log axes, tick
// generation and statistics that assume measurements.
const (
	// MinTimeNs is the shortest plausible time other than 0: a
	// picosecond. No batch or task of concbench's takes less, and a
	// positive time below it only stretches a log axis over hundreds of
	// decades.
	MinTimeNs = 1e-3
	// MaxWallNs is the longest plausible wall time of one op or one task:
	// a day.
	MaxWallNs = 24 * 3600 * 1e9
	// MaxCPUNs is the most CPU time one op can plausibly use: a day on
	// each of 1024 CPUs.
	MaxCPUNs = 1024 * MaxWallNs
	// MaxBytes is the largest plausible byte count: 1 EiB.
	MaxBytes = 1 << 60
	// MaxCount is the largest plausible count (allocations, goroutines,
	// lost updates, tasks per second): 10¹⁵.
	MaxCount = 1e15
)

// A unitRule says what the values of one unit can be.
type unitRule struct {
	// kind is what the unit measures: "time", "bytes", "count", "rate",
	// "share" (a percentage) or "flag" (a share of ops, 0 to 1).
	kind string
	// positive says the value must be above 0; otherwise 0 is allowed.
	// Either way it cannot be negative.
	positive bool
	// max is the largest plausible value.
	max float64
	// higherBetter is the direction the report reads the unit in; a
	// "Unit <unit> better=…" line that says otherwise contradicts it.
	higherBetter bool
}

// unitRules is the table of the units concbench writes, by unit as written
// in raw.txt. Values of any other unit must be finite numbers, nothing more.
//
//	unit              kind   allowed values              better
//	ns/op, ns/task    time   > 0, at most MaxWallNs      lower
//	p50-ns, p99-ns    time   ≥ 0, at most MaxWallNs      lower
//	cpu-ns/op         time   ≥ 0, at most MaxCPUNs       lower
//	B/op, peak-*-B    bytes  ≥ 0, at most MaxBytes       lower
//	allocs/op, lost-updates/op, peak-goroutines, faults/op
//	                  count  ≥ 0, at most MaxCount       lower
//	tasks/s           rate   > 0, at most MaxCount       higher
//	steal-pct, other-pct
//	                  share  ≥ 0, at most 100            lower
//	survived, next-batch
//	                  flag   ≥ 0, at most 1              higher
//	delivered         count  ≥ 0, at most MaxCount       higher
//
// survived and next-batch are the share of a sample's ops in which the
// crash child survived, or ran its next batch: 1 or 0 for one op, a
// fraction in between over several.
// No time lies strictly between 0 and MinTimeNs. A batch always takes
// some time, so ns/op and ns/task are never 0, and a
// finished batch has a throughput above 0. CPU time is read from rusage,
// whose granularity on some systems is a clock tick, and a task's completion
// time from the batch start can round to 0 on a coarse clock: those may be
// 0. Every value in results/example and examples/decode passes.
func unitRules(unit string) (unitRule, bool) {
	switch unit {
	case runfile.UnitNsPerOp, runfile.UnitNsPerTask:
		return unitRule{kind: "time", positive: true, max: MaxWallNs}, true
	case runfile.UnitP50Ns, runfile.UnitP99Ns:
		return unitRule{kind: "time", max: MaxWallNs}, true
	case runfile.UnitCPUNsPerOp:
		return unitRule{kind: "time", max: MaxCPUNs}, true
	case "B/op", runfile.UnitPeakHeap, runfile.UnitPeakRSS, runfile.UnitPeakStack:
		return unitRule{kind: "bytes", max: MaxBytes}, true
	case "allocs/op", runfile.UnitLostUpdates, runfile.UnitPeakRoutines, runfile.UnitFaultsPerOp:
		return unitRule{kind: "count", max: MaxCount}, true
	case runfile.UnitTasksPerSec:
		return unitRule{kind: "rate", positive: true, max: MaxCount, higherBetter: true}, true
	case runfile.UnitStealPct, runfile.UnitOtherPct:
		return unitRule{kind: "share", max: 100}, true
	case runfile.UnitSurvived, runfile.UnitNextBatch:
		return unitRule{kind: "flag", max: 1, higherBetter: true}, true
	case runfile.UnitDelivered:
		return unitRule{kind: "count", max: MaxCount, higherBetter: true}, true
	}
	return unitRule{}, false
}

// checkUnit returns what contradicts a metric's known meaning in unit, or
// "": a time per op or per task in a unit other than ns ("ms/op"), or a
// metric whose unit is fixed by its name in another unit: a p50 is in ns
// (p50-ns), so "p50-ms" is a p50 in a unit the report does not read, an
// error rather than a metric that silently goes missing.
func checkUnit(unit string) string {
	if _, ok := unitRules(unit); ok {
		return ""
	}
	stems := [...]struct{ stem, want string }{
		{"p50-", runfile.UnitP50Ns},
		{"p99-", runfile.UnitP99Ns},
		{"cpu-", runfile.UnitCPUNsPerOp},
		{"peak-heap-", runfile.UnitPeakHeap},
		{"peak-rss-", runfile.UnitPeakRSS},
		{"peak-stack-", runfile.UnitPeakStack},
	}
	for _, s := range stems {
		if strings.HasPrefix(unit, s.stem) {
			return fmt.Sprintf("unit %s: the report reads this metric as %s; write it in that unit", unit, s.want)
		}
	}
	if t, per, ok := strings.Cut(unit, "/"); ok && (per == "op" || per == "task") {
		switch t {
		case "s", "ms", "us", "µs", "min", "h":
			return fmt.Sprintf("unit %s: the report reads times in ns (ns/%s); write it in that unit", unit, per)
		}
	}
	return ""
}

// checkValue returns what is wrong with the value v of unit, or "" when
// it is a plausible measurement (see unitRules).
func checkValue(unit string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "not a finite number"
	}
	r, ok := unitRules(unit)
	if !ok {
		return ""
	}
	switch {
	case v < 0:
		return fmt.Sprintf("a %s cannot be negative", r.noun())
	case v == 0 && r.positive:
		if r.kind == "time" {
			return "must be above 0 (no batch runs in no time)"
		}
		return "must be above 0 (a finished batch has done some tasks per second)"
	case r.kind == "time" && v > 0 && v < MinTimeNs:
		return "below a picosecond (0.001 ns), not a plausible measurement"
	case v > r.max:
		return fmt.Sprintf("above %s, not a plausible measurement", r.maxText())
	}
	return ""
}

// checkBetter returns what contradicts the known direction of unit in a
// "Unit <unit> better=<value>" line, or "".
func checkBetter(unit, value string) string {
	r, ok := unitRules(unit)
	if !ok || (value != "higher" && value != "lower") {
		return ""
	}
	if (value == "higher") != r.higherBetter {
		want := "lower"
		if r.higherBetter {
			want = "higher"
		}
		return fmt.Sprintf("Unit %s better=%s: a %s is better %s", unit, value, r.noun(), want)
	}
	return ""
}

// noun names the kind of a rule in messages.
func (r unitRule) noun() string {
	switch r.kind {
	case "bytes":
		return "byte count"
	case "rate":
		return "throughput"
	case "share":
		return "share of the CPU time"
	case "flag":
		return "share of ops (0 to 1)"
	}
	return r.kind
}

// maxText writes the bound of a rule for messages: "a day (8.64e+13 ns)".
func (r unitRule) maxText() string {
	switch r.max {
	case MaxWallNs:
		return "a day (8.64e+13 ns)"
	case MaxCPUNs:
		return "a day on each of 1024 CPUs (8.84736e+16 ns)"
	case MaxBytes:
		return "1 EiB"
	}
	return strconv.FormatFloat(r.max, 'g', -1, 64)
}

// formatValue writes a value as read: "NaN", "+Inf", "-1", "10867808",
// "1e+300".
func formatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// surprises returns what is surprising, though possible, among the values
// of one result line (by unit) of a benchmark with name parts params: a
// p99 below the p50 of the same line (both come from the same batches, so
// the two were probably swapped), and more lost updates than the batch made
// increments (tasks × incs in the name). The report goes on and lists
// them as warnings.
func surprises(params []runfile.Param, vals map[string]float64) []string {
	var out []string
	p50, ok50 := vals[runfile.UnitP50Ns]
	p99, ok99 := vals[runfile.UnitP99Ns]
	if ok50 && ok99 && p99 < p50 {
		out = append(out, fmt.Sprintf("p99-ns = %s is below p50-ns = %s", formatValue(p99), formatValue(p50)))
	}
	if lost, ok := vals[runfile.UnitLostUpdates]; ok {
		tasks, incs := paramFloat(params, runfile.KeyTasks), paramFloat(params, runfile.KeyIncs)
		if tasks > 0 && incs > 0 && lost > tasks*incs {
			out = append(out, fmt.Sprintf("lost-updates/op = %s is more than the batch's %s increments (tasks × incs)", formatValue(lost), formatValue(tasks*incs)))
		}
	}
	return out
}

// paramFloat returns the name part key as a number, or 0.
func paramFloat(params []runfile.Param, key string) float64 {
	for _, p := range params {
		if p.Key == key {
			v, err := strconv.ParseFloat(p.Value, 64)
			if err != nil || math.IsNaN(v) {
				return 0
			}
			return v
		}
	}
	return 0
}
