package plots

import (
	"slices"
	"strings"
)

// verdictChart names the chart behind a verdict, "" when none fits. It
// reads the claim: the worker-count lesson points to the hash worker sweep,
// the shared-state lesson to the lost updates (or the counter throughput),
// and any other to the time
// chart of the workload the claim names (fine or coarse hash, sleep, or the
// kind of any other time chart, so that new workloads link too).
func verdictChart(v Verdict, charts []Chart) string {
	claim := strings.ToLower(v.Claim)
	has := func(name string) bool {
		return slices.ContainsFunc(charts, func(c Chart) bool { return c.Name == name })
	}
	prefixed := func(prefix string) string {
		for _, c := range charts {
			if strings.HasPrefix(c.Name, prefix) {
				return c.Name
			}
		}
		return ""
	}
	switch {
	case strings.Contains(claim, "pool size") && has("speedup-workers-hash"):
		return "speedup-workers-hash"
	case (strings.Contains(claim, "loses updates") || strings.Contains(claim, "lost-updates")) && has("counter-lost"):
		return "counter-lost"
	case strings.Contains(claim, "counter") && has("counter-throughput"):
		return "counter-throughput"
	case strings.Contains(claim, "on the flood") && has(FloodChart):
		return FloodChart
	case strings.Contains(claim, "processes contain a crash") && has(CrashChart):
		return CrashChart
	case strings.Contains(claim, "fine hash"):
		return prefixed("time-hash-fine-")
	case strings.Contains(claim, "coarse hash"):
		return prefixed("time-hash-coarse-")
	case strings.Contains(claim, "gomaxprocs") && has("speedup-procs"):
		return "speedup-procs"
	case strings.Contains(claim, "on fetch with d=0s"):
		return prefixed("time-fetchclient-")
	case strings.Contains(claim, "on fetch ("):
		return prefixed("time-fetch-")
	case strings.Contains(claim, "on file with sync=fsync"):
		for _, c := range charts {
			if strings.HasPrefix(c.Name, "time-file-") && strings.Contains(c.Name, "-sync-fsync-") {
				return c.Name
			}
		}
		return ""
	}
	for _, c := range charts {
		kind, _, _ := strings.Cut(strings.TrimPrefix(c.Name, "time-"), "-")
		if strings.HasPrefix(c.Name, "time-") && kind != "" && strings.Contains(claim, kind) {
			return c.Name
		}
	}
	return ""
}
