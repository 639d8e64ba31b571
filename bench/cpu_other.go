//go:build !linux

package bench

import (
	"errors"
	"time"

	"github.com/concbench/concbench/strategies"
)

// cpuTime is only implemented on Linux; elsewhere cpu-ns/op is not reported.
func cpuTime(strategies.Strategy) (time.Duration, error) {
	return 0, errors.New("CPU time is only measured on Linux")
}
