package plots

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
)

// A run of -sampling decided says what stopped where and why, and the A/A
// control counts the pairs the rule called different: here one pair whose
// arm b was made 30 % slower (a planted alarm) and one alike. The twins
// are never ranked and draw no warning for their missing baseline.
func TestSamplingSection(t *testing.T) {
	const sleep, hash = "Twin/d=10ms/tasks=64/twin=%s/strategy=spawn/procs=2", "Twin/size=64KiB/rounds=8/tasks=64/twin=%s/strategy=spawn/procs=2"
	arm := func(f, a string) string { return strings.Replace(f, "%s", a, 1) }
	raw := "numcpu: 2\ncount: 6\nmax-samples: 60\nsampling: decided\n" + testrun.StrategyLines +
		testrun.Lines(arm(sleep, "a"), 1e7) + testrun.Lines(arm(sleep, "b"), 1.3e7) +
		testrun.Lines(arm(hash, "a"), 5e6) + testrun.Lines(arm(hash, "b"), 5e6) +
		"stopped: nothing open\n"
	rep, err := Build(testrun.Write(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	md := string(rep.Markdown())
	for _, want := range []string{
		"## Sampling\n",
		"4 of the 4 configurations stopped at 6 samples, every conclusion they are in decided. Sampling ended when nothing was open.",
		"The rule called 1 of its 2 pairs different",
		"| sleep d=10ms tasks=64 | 6, 6 | 1.30 [",
		"**different** (a false alarm)",
		"| hash (coarse) size=64KiB rounds=8 tasks=64 | 6, 6 | 1.00 [",
		"the same (within 10 %)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("REPORT.md lacks %q:\n%s", want, md)
		}
	}
	if c := rep.Summary().Control; len(c) != 2 || !c[0].Differs || c[1].Differs || !c[1].Same || c[0].Ratio == nil {
		t.Errorf("summary.json's control: %+v", c)
	}
	if len(rep.Choices) != 0 || strings.Contains(md, "baseline for Twin") {
		t.Errorf("the twins are ranked (%d answers) or warned about:\n%s", len(rep.Choices), md)
	}
}
