package rundir

import (
	"fmt"
	"strconv"
	"strings"
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

// parsePositive parses a positive integer parameter such as tasks or workers.
func parsePositive(key, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s=%q is not a positive integer", key, s)
	}
	return n, nil
}
