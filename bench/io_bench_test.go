package bench

import (
	"testing"

	"github.com/concbench/concbench/workloads"
)

// fetchFamily runs the cases that build returns against a FetchServer
// started for the family and closed after it.
func fetchFamily(b *testing.B, build func(Scale, int, int) []Case) {
	srv, err := workloads.NewFetchServer()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := srv.Close(); err != nil {
			b.Error(err)
		}
	})
	family(b, func(s Scale, numCPU int) []Case { return build(s, numCPU, srv.Port()) })
}

// BenchmarkFetch: loopback HTTP requests that wait on the server, under all six strategies.
func BenchmarkFetch(b *testing.B) { fetchFamily(b, FetchCases) }

// BenchmarkFetchClient: immediate loopback requests by client (shared, per-worker, per-task).
func BenchmarkFetchClient(b *testing.B) { fetchFamily(b, FetchClientCases) }

// BenchmarkFile: a file written, read back and removed per task, without and with fsync.
func BenchmarkFile(b *testing.B) { family(b, FileCases) }
