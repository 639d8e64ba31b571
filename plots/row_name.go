package plots

import (
	"fmt"
	"strings"
)

// rowName is a row's strategy with its workers part, if any.
func rowName(r *Row) string {
	if r.Workers > 0 {
		return fmt.Sprintf("%s workers=%d", r.Strategy, r.Workers)
	}
	return r.Strategy
}

// label is a short human name for a workload: "sleep d=10ms tasks=64",
// "hash (coarse) size=64KiB …".
func label(r *Row) string {
	if kind(r.Bench.Family) == KindHash {
		return strings.Replace(r.Workload, "hash ", "hash ("+hashGrain(r.Bench)+") ", 1)
	}
	return r.Workload
}
