package runfile

import (
	"fmt"
	"time"
)

// ParseDuration parses a duration as a name part writes it (d=10ms, d=0s):
// a Go duration (time.Duration.String's form, read by time.ParseDuration).
// It accepts any sign: whether zero or a negative duration makes sense is
// the caller's to say. The error names s and not the key, which the
// caller adds.
func ParseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration such as 0s, 10ms or 1.5s", s)
	}
	return d, nil
}
