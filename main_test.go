package concbench_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc64"
	"strconv"
	"testing"

	"github.com/concbench/concbench"
)

// TestMain serves worker processes with build, as a user's TestMain does.
func TestMain(m *testing.M) { concbench.Main(m, build) }

// build knows one workload, squares/n=N: task i writes the squares of
// i…i+n−1 into its worker's buffer and returns the buffer's CRC-64.
func build(spec concbench.Spec) (concbench.Workload, error) {
	if spec.Name != "squares" {
		return nil, fmt.Errorf("unknown workload %q; valid workloads are squares", spec.Name)
	}
	text, ok := spec.Get("n")
	if !ok {
		return nil, fmt.Errorf("%s: parameter n (a positive integer) is missing", spec)
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 {
		return nil, fmt.Errorf("%s: parameter n must be a positive integer, not %q", spec, text)
	}
	table := crc64.MakeTable(crc64.ECMA)
	return concbench.Func[[]byte]{
		Name:  spec,
		Setup: func(context.Context) ([]byte, error) { return make([]byte, 8*n), nil },
		Do: func(_ context.Context, buf []byte, i int) (uint64, error) {
			for k := range n {
				x := uint64(i + k)
				binary.LittleEndian.PutUint64(buf[8*k:], x*x)
			}
			return crc64.Checksum(buf, table), nil
		},
	}, nil
}

// BenchmarkSquares is what a user writes; TestOwnModule runs the same from
// a module of its own.
func BenchmarkSquares(b *testing.B) { concbench.Run(b, build, "squares/n=64", 16) }
