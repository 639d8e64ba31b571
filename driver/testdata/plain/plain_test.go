// Package plain has a benchmark that does not call concbench.Run: the
// concbench command finds nothing to run in it.
package plain

import "testing"

func BenchmarkPlain(b *testing.B) {
	for b.Loop() {
	}
}
