package runfile

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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

// ParseSize parses a byte count as a name part writes it (size=64KiB):
// a positive integer, bare or followed by one of B, KiB, MiB, GiB (powers
// of 1024) or kB, KB, MB, GB (powers of 1000). "64KiB", "1MiB", "64B" and
// "4096" are sizes; "0", "4k" and "1.5MiB" are not. The error names s and
// not the key, which the caller adds.
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

// FormatSize returns the shortest exact form of a byte count in the binary
// units: 65536 → "64KiB", 100 → "100B". ParseSize(FormatSize(n)) == n for
// every n > 0.
func FormatSize(n int64) string {
	for _, u := range byteUnits()[:3] {
		if n >= u.mult && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}
