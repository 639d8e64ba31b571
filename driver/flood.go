package driver

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/runfile"
)

// floodFamily prefixes the full names of the flood's benchmarks.
const floodFamily = "Benchmark" + runfile.FamilyFlood + "/"

// memoryMargin is how much more memory than the estimated peak
// (bench.FloodEstimate.PeakRSS) must be available before a run with the
// published flood starts: the collector's headroom over the live heap and
// the binary's own.
const memoryMargin = 1.5

// floodEstimate returns the estimate of the flood cases among names (all
// of the scale's when names is nil), and ok false when the scale has no
// published flood (bench.Scale.PublishedTasks) or nothing of it is
// selected.
func floodEstimate(o options, names []string) (bench.FloodEstimate, bool, error) {
	s, err := bench.ScaleByName(o.scale)
	if err != nil || s.PublishedTasks == 0 {
		return bench.FloodEstimate{}, false, err
	}
	var sel map[string]bool
	if names != nil {
		sel = map[string]bool{}
		for _, n := range names {
			sel[n] = true
		}
	}
	flood, err := bench.FamilyCases(strings.Trim(strings.TrimPrefix(floodFamily, "Benchmark"), "/"), s, bench.Host{NumCPU: runtime.NumCPU()})
	if err != nil {
		return bench.FloodEstimate{}, false, err
	}
	var cases []bench.Case
	for _, c := range flood {
		if sel == nil || sel[floodFamily+c.Name()] {
			cases = append(cases, c)
		}
	}
	if len(cases) == 0 {
		return bench.FloodEstimate{}, false, nil
	}
	e, err := bench.EstimateFlood(cases, o.benchtime, o.warmup+o.count)
	return e, err == nil, err
}

// printFloodEstimate prints the estimate of the selected flood cases and
// refuses to start when this machine has less memory available than the
// estimated peak allows for (memoryMargin). It does nothing at a scale
// without the published flood.
func printFloodEstimate(w io.Writer, o options, names []string) error {
	e, ok, err := floodEstimate(o, names)
	if err != nil || !ok {
		return err
	}
	fmt.Fprintf(w, "estimate: %s\n", e)
	avail, known := memAvailable()
	need := int64(float64(e.PeakRSS) * memoryMargin)
	if known && avail < need {
		return fmt.Errorf("this machine has %.1f GB of memory available, and the flood's unbounded rows may need %.1f GB (%.1f GB estimated, ×%.1f): free memory or run it on a larger machine (go doc ./cmd/concbench)",
			float64(avail)/1e9, float64(need)/1e9, float64(e.PeakRSS)/1e9, memoryMargin)
	}
	return nil
}

// memAvailable returns MemAvailable of /proc/meminfo in bytes; known is
// false where it cannot be read.
func memAvailable() (bytes int64, known bool) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	return parseMemAvailable(string(b))
}

// parseMemAvailable reads the MemAvailable line ("MemAvailable: 123 kB")
// of the content of /proc/meminfo.
func parseMemAvailable(meminfo string) (int64, bool) {
	for _, l := range strings.Split(meminfo, "\n") {
		rest, ok := strings.CutPrefix(l, "MemAvailable:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0, false
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || kb < 0 {
			return 0, false
		}
		return kb << 10, true
	}
	return 0, false
}
