package plots

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Param is one key=value part of a benchmark name.
type Param struct {
	Key, Value string
}

// parseName splits a benchmark name as benchfmt gives it ("Sleep/d=10ms/procs=2",
// without the "Benchmark" prefix) into its family ("Sleep") and its key=value
// parts, in order. A part without "=" is an error: concbench never writes one.
func parseName(name string) (family string, params []Param, err error) {
	parts := strings.Split(name, "/")
	family = parts[0]
	if family == "" {
		return "", nil, fmt.Errorf("benchmark name %q has no base name", name)
	}
	for _, p := range parts[1:] {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return "", nil, fmt.Errorf("benchmark name %q: part %q is not key=value", name, p)
		}
		params = append(params, Param{k, v})
	}
	return family, params, nil
}

// parseSize parses a size in the human form the benchmarks write: "64B",
// "64KiB", "1MiB", "2GiB" (also "k"/"KB" style decimal prefixes and a bare
// number of bytes).
func parseSize(s string) (int64, error) {
	num := strings.TrimRightFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	suffix := s[len(num):]
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("size %q: no leading number", s)
	}
	mult := map[string]int64{
		"": 1, "B": 1,
		"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30,
		"k": 1e3, "K": 1e3, "KB": 1e3, "kB": 1e3, "MB": 1e6, "M": 1e6, "GB": 1e9, "G": 1e9,
	}
	m, ok := mult[suffix]
	if !ok {
		return 0, fmt.Errorf("size %q: unknown unit %q", s, suffix)
	}
	if n > math.MaxInt64/m {
		return 0, fmt.Errorf("size %q overflows", s)
	}
	return n * m, nil
}

// parseDuration parses a Go duration ("10ms").
func parseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("duration %q: %w", s, err)
	}
	return d, nil
}

// parsePositive parses a positive integer parameter such as tasks or workers.
func parsePositive(key, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s=%q is not a positive integer", key, s)
	}
	return n, nil
}
