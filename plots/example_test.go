package plots_test

import (
	"fmt"
	"log"

	"github.com/concbench/concbench/plots"
)

// Build reads a run folder and derives the report without writing it;
// Generate does the same and writes the charts and REPORT.md. On the
// coarse hash pool is fastest, but spawn, 1.2 % slower, is simpler.
func ExampleBuild() {
	rep, err := plots.Build("testdata/run")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range rep.Choices[:3] {
		fmt.Printf("%s: use %s, speedup %.2f\n", c.Workload, c.Recommended.Name(), c.Recommended.Row.Speedup.V)
	}
	for _, v := range rep.Verdicts {
		fmt.Printf("lesson %d: %s\n", v.Lesson, v.Outcome)
	}
	fmt.Printf("%s Amdahl serial fraction %.5f\n", rep.Fits[0].Strategy, rep.Fits[0].F)
	// Output:
	// sleep d=10ms tasks=64: use spawn, speedup 61.43
	// hash size=64KiB rounds=8 tasks=64: use spawn, speedup 1.95
	// hash size=64B rounds=1 tasks=4096: use sequential, speedup 1.00
	// lesson 1: PASS
	// lesson 2: PASS
	// lesson 3: PASS
	// lesson 4: PASS
	// lesson 5: PASS
	// lesson 6: PASS
	// lesson 7: PASS
	// lesson 8: PASS
	// spawn Amdahl serial fraction 0.04375
}
