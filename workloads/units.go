package workloads

import (
	"fmt"
	"strconv"
	"time"

	"github.com/concbench/concbench/runfile"
)

// parseCount parses a positive integer parameter.
func parseCount(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not an integer", s)
	}
	if n <= 0 {
		return 0, fmt.Errorf("%d must be positive", n)
	}
	return n, nil
}

// parseDuration parses a positive duration such as "10ms" as a name
// writes it (runfile.ParseDuration).
func parseDuration(s string) (time.Duration, error) {
	d, err := runfile.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, fmt.Errorf("duration %s must be positive", d)
	}
	return d, nil
}
