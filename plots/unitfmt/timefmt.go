package unitfmt

import (
	"fmt"
	"math"
	"strconv"
)

// A timeStyle says how formatTime writes the number of a time in its unit
// and what comes between the number and the unit.
type timeStyle int

const (
	// timeShort is the report's style: about three significant digits
	// (num), no space: "312ns", "4.1µs", "10.2ms", "1.5s".
	timeShort timeStyle = iota
	// TimeSpaced is %.3g and a space, for figures inside a sentence:
	// "1.02 ms", "120 µs".
	TimeSpaced
	// TimeExact writes every digit the number has, no space, for round
	// durations such as a chart's tick labels: "500µs", "10ms", "2s".
	TimeExact
)

// FormatTime writes a time of ns nanoseconds in the unit that suits it
// (timeUnit of its absolute value), in the given style. NaN is "—".
func FormatTime(ns float64, style timeStyle) string {
	if math.IsNaN(ns) {
		return "—"
	}
	unit, div := TimeUnit(math.Abs(ns))
	v := ns / div
	switch style {
	case TimeSpaced:
		return fmt.Sprintf("%.3g %s", v, unit)
	case TimeExact:
		return strconv.FormatFloat(v, 'f', -1, 64) + unit
	}
	return Num(v) + unit
}

// Ns writes a time of v nanoseconds in the report's style: formatTime(v,
// timeShort).
func Ns(v float64) string { return FormatTime(v, timeShort) }

// TimeUnit picks ns, µs, ms or s for times around v ns and returns the
// unit and its size in ns. Charts divide their times by the size and name
// the unit on the axis.
func TimeUnit(v float64) (string, float64) {
	switch {
	case v >= 1e9:
		return "s", 1e9
	case v >= 1e6:
		return "ms", 1e6
	case v >= 1e3:
		return "µs", 1e3
	}
	return "ns", 1
}
