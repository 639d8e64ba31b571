// Package fake is a user's package for the tests of the concbench command:
// two workloads written with concbench.Run, one cheap and one whose exec
// batches are dear (each task a process start and a wait).
package fake

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/concbench/concbench"
)

// build knows add/n=N (task i returns i+N) and nap/ms=M (task i sleeps M
// milliseconds and returns i); both read the setting tag when given, as a
// task reads a service's address, and fail without it when need=tag.
func build(spec concbench.Spec) (concbench.Workload, error) {
	tag, _ := spec.Setting("tag")
	if v, _ := spec.Get("need"); v == "tag" && tag == "" {
		return nil, fmt.Errorf("%s: the setting tag is missing", spec)
	}
	switch spec.Name {
	case "add":
		n, err := strconv.Atoi(get(spec, "n"))
		if err != nil {
			return nil, fmt.Errorf("%s: n: %w", spec, err)
		}
		return concbench.Func[struct{}]{Name: spec, Do: func(_ context.Context, _ struct{}, i int) (uint64, error) {
			return uint64(i + n + len(tag)), nil
		}}, nil
	case "nap":
		ms, err := strconv.Atoi(get(spec, "ms"))
		if err != nil {
			return nil, fmt.Errorf("%s: ms: %w", spec, err)
		}
		return concbench.Func[struct{}]{Name: spec, Do: func(ctx context.Context, _ struct{}, i int) (uint64, error) {
			select {
			case <-time.After(time.Duration(ms) * time.Millisecond):
			case <-ctx.Done():
				return 0, ctx.Err()
			}
			return uint64(i), nil
		}}, nil
	}
	return nil, fmt.Errorf("unknown workload %q; valid workloads are add, nap", spec.Name)
}

func get(spec concbench.Spec, key string) string {
	v, _ := spec.Get(key)
	return v
}

func TestMain(m *testing.M) { concbench.Main(m, build) }

func BenchmarkAdd(b *testing.B) {
	concbench.Run(b, build, "add/n=3/need=tag", 8, concbench.Strategies("spawn", "pool", "exec"), concbench.Workers(2))
}

func BenchmarkNap(b *testing.B) {
	concbench.Run(b, build, "nap/ms=0", 256, concbench.Strategies("pool", "exec"), concbench.Workers(1))
}
