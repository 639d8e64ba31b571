package rundir

import (
	"fmt"

	"github.com/concbench/concbench/runfile"
	"golang.org/x/perf/benchfmt"
)

// checkResult checks the values of one result line (values.go) and returns
// the error of its first impossible value, "file:line: BenchmarkName: unit
// = value: what is wrong", or else the warnings of its surprising values.
func checkResult(rec *benchfmt.Result) (string, []string) {
	file, line := rec.Pos()
	name := "Benchmark" + string(rec.Name.Full())
	vals := make(map[string]float64, len(rec.Values))
	for _, v := range rec.Values {
		unit, val := v.Unit, v.Value
		if v.OrigUnit != "" { // as written, before benchfmt's tidying
			unit, val = v.OrigUnit, v.OrigValue
		}
		if msg := checkUnit(unit); msg != "" {
			return fmt.Sprintf("%s:%d: %s: %s", file, line, name, msg), nil
		}
		if msg := checkValue(unit, val); msg != "" {
			return fmt.Sprintf("%s:%d: %s: %s = %s: %s", file, line, name, unit, formatValue(val), msg), nil
		}
		vals[unit] = val
	}
	var params []runfile.Param
	if _, ps, err := runfile.ParseName(string(rec.Name.Full())); err == nil {
		params = ps
	}
	var warns []string
	for _, s := range surprises(params, vals) {
		warns = append(warns, fmt.Sprintf("%s:%d: %s: %s", file, line, name, s))
	}
	return "", warns
}
