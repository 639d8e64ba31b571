package workloads

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// A byteUnit is a suffix ParseSize accepts and its multiplier.
type byteUnit struct {
	suffix string
	mult   int64
}

// byteUnits returns the suffixes ParseSize accepts, binary ones first and
// longest first, so that "KiB" is tried before "B".
func byteUnits() []byteUnit {
	return []byteUnit{
		{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10},
		{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"kB", 1e3}, {"B", 1},
	}
}

// ParseSize parses a byte count such as "64KiB", "1MiB", "64B" or "4096".
// The count must be positive.
func ParseSize(s string) (int64, error) {
	num, mult := s, int64(1)
	for _, u := range byteUnits() {
		if strings.HasSuffix(s, u.suffix) {
			num, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q is not a byte count such as 64B, 64KiB or 1MiB", s)
	}
	if n <= 0 {
		return 0, fmt.Errorf("size %q must be positive", s)
	}
	if n > math.MaxInt64/mult {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return n * mult, nil
}

// FormatSize returns the shortest exact human form of a byte count:
// 65536 → "64KiB", 100 → "100B". ParseSize(FormatSize(n)) == n.
func FormatSize(n int64) string {
	for _, u := range byteUnits()[:3] {
		if n >= u.mult && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}

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

// parseDuration parses a positive Go duration such as "10ms".
func parseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration such as 10ms or 1.5s", s)
	}
	if d <= 0 {
		return 0, fmt.Errorf("duration %s must be positive", d)
	}
	return d, nil
}
