package plots

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/runfile"
)

func TestCeilings(t *testing.T) {
	dir := testrun.Copy(t)
	f, err := os.OpenFile(filepath.Join(dir, runfile.RawFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Sequential takes about 16 ms and process 8.6 ms in the testrun.Fixture();
	// the probe 8.0 ms: process reaches about 93 % of it.
	for i := range 6 {
		fmt.Fprintf(f, "BenchmarkHashCeiling/size=64KiB/rounds=8/tasks=64/probe=processes/workers=2/procs=2 \t 60\t%d ns/op\t125000 ns/task\n", 8_000_000+i*1000)
	}
	f.Close()
	rep, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	cs := answer.Ceilings(rep.Rows)
	if len(cs) != 1 {
		t.Fatalf("Ceilings = %+v, want one", cs)
	}
	c := cs[0]
	if c.Workload != "hash size=64KiB rounds=8 tasks=64" || c.Process == nil || c.Sequential == nil || c.Process.Strategy != "process" {
		t.Fatalf("ceiling %+v: not paired with the Hash rows", c)
	}
	if c.Machine.V < 1.9 || c.Machine.V > 2.1 || c.Reached < 0.85 || c.Reached > 1 {
		t.Errorf("machine speedup %v, process reaches %v; want about 2× and 93 %%", c.Machine, c.Reached)
	}
	md := string(rep.Markdown())
	for _, want := range []string{"## Machine ceiling for process (lesson 4)", "| hash size=64KiB rounds=8 tasks=64 | 2 |", "% of the probe |"} {
		if !strings.Contains(md, want) {
			t.Errorf("REPORT.md lacks %q", want)
		}
	}
	if strings.Contains(md, "baseline for HashCeiling") {
		t.Errorf("the probe is reported as lacking a sequential baseline")
	}
	if strings.Index(md, "## Machine ceiling") < strings.Index(md, "## Verdicts") {
		t.Errorf("the ceiling comes before the verdicts")
	}
}

func TestNoCeilingWithoutProbe(t *testing.T) {
	rep, err := Build(testrun.Copy(t))
	if err != nil {
		t.Fatal(err)
	}
	if cs := answer.Ceilings(rep.Rows); len(cs) != 0 {
		t.Errorf("Ceilings = %+v without a probe row", cs)
	}
	if strings.Contains(string(rep.Markdown()), "Machine ceiling") {
		t.Errorf("REPORT.md has a ceiling section without a probe row")
	}
}
