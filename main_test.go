package concbench_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc64"
	"strconv"
	"testing"

	"github.com/concbench/concbench"
	"github.com/concbench/concbench/strategies"
)

// TestMain serves worker processes with build, as a user's TestMain does.
func TestMain(m *testing.M) { concbench.Main(m, build) }

// build knows one workload, squares/n=N: task i writes the squares of
// i…i+n−1 into its worker's buffer and returns the buffer's CRC-64.
func build(spec concbench.Spec) (concbench.Workload, error) {
	if spec.Name == "greet" {
		return greet(spec)
	}
	if spec.Name != "squares" {
		return nil, fmt.Errorf("unknown workload %q; valid workloads are greet, squares", spec.Name)
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

// greet needs the setting word, as a task that calls a service needs its
// address: task i returns the CRC-64 of "<word> <i>". Without the setting,
// build fails, in the benchmark and in every worker process alike.
func greet(spec concbench.Spec) (concbench.Workload, error) {
	word, ok := spec.Setting("word")
	if !ok {
		return nil, fmt.Errorf("%s: the setting word is missing", spec)
	}
	table := crc64.MakeTable(crc64.ECMA)
	return concbench.Func[struct{}]{
		Name: spec,
		Do: func(_ context.Context, _ struct{}, i int) (uint64, error) {
			return crc64.Checksum([]byte(word+" "+strconv.Itoa(i)), table), nil
		},
	}, nil
}

// A setting reaches the worker processes: process and exec, which build
// the workload in processes of their own from what they are sent, give
// sequential's checksum on a workload that needs one.
func TestSettingReachesWorkerProcesses(t *testing.T) {
	spec, err := concbench.ParseSpec("greet")
	if err != nil {
		t.Fatal(err)
	}
	spec.Settings = []concbench.Param{{Key: "word", Value: "hello, 127.0.0.1:39803/x?y"}}
	w, err := build(spec)
	if err != nil {
		t.Fatal(err)
	}
	var want uint64
	for _, name := range []string{"sequential", "process", "exec"} {
		s, err := strategies.New(name, strategies.Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Run(context.Background(), strategies.Job{Workload: w, Tasks: 8})
		if c, ok := s.(interface{ Close() error }); ok {
			c.Close()
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name == "sequential" {
			want = r.Checksum
		} else if r.Checksum != want {
			t.Errorf("%s: checksum %#x, sequential's %#x", name, r.Checksum, want)
		}
	}
}
