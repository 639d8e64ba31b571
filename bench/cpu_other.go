//go:build !linux

package bench

import (
	"errors"
	"testing"
	"time"

	"github.com/concbench/concbench/strategies"
)

// cpuTime is only implemented on Linux; elsewhere cpu-ns/op is not reported.
func cpuTime(strategies.Strategy) (time.Duration, error) {
	return 0, errors.New("CPU time is only measured on Linux")
}

// pageFaults is only implemented on Linux; elsewhere faults/op is not
// reported.
func pageFaults(strategies.Strategy) (int64, error) {
	return 0, errors.New("page faults are only counted on Linux")
}

// loadWatch measures nothing where there is no /proc/stat.
type loadWatch struct{}

func startLoad() *loadWatch { return &loadWatch{} }

func (*loadWatch) report(*testing.B, time.Duration, bool) {}
