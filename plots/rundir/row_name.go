package rundir

import (
	"fmt"
	"strings"
)

// RowName is a row's strategy with its workers part, if any.
func RowName(r *Row) string {
	if r.Workers > 0 {
		return fmt.Sprintf("%s workers=%d", r.Strategy, r.Workers)
	}
	return r.Strategy
}

// Label is a short human name for a workload: "sleep d=10ms tasks=64",
// "hash (coarse) size=64KiB …".
func Label(r *Row) string {
	if r.Bench.Kind() == KindHash {
		return strings.Replace(r.Workload, "hash ", "hash ("+HashGrain(r.Bench)+") ", 1)
	}
	return r.Workload
}
