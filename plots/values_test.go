package plots

import (
	"os"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/runfile"
)

// An impossible value in raw.txt stops the report before it writes
// anything: the run folder holds raw.txt alone afterwards.
func TestGenerateImpossibleValueWritesNothing(t *testing.T) {
	dir := testrun.Write(t, "numcpu: 2\nBenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t 21\t NaN ns/op\n")
	if _, err := Generate(dir); err == nil || !strings.Contains(err.Error(), "ns/op = NaN: not a finite number") {
		t.Fatalf("Generate = %v, want the NaN named", err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() != runfile.RawFile {
			t.Errorf("%s was written", e.Name())
		}
	}
}
