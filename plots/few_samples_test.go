package plots

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// firstSamples copies raw.txt keeping the configuration lines and the
// first n result lines of each benchmark.
func firstSamples(t *testing.T, raw string, n int) string {
	t.Helper()
	f, err := os.Open(raw)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	seen := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if fs := strings.Fields(line); len(fs) > 0 && strings.HasPrefix(fs[0], "Benchmark") {
			if seen[fs[0]]++; seen[fs[0]] > n {
				continue
			}
		}
		b.WriteString(line + "\n")
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A 3-sample copy of a real run can decide nothing: no verdict passes or
// fails, and no strategy is called as good as another.
func TestThreeSamplesDecideNothing(t *testing.T) {
	raw := filepath.Join("..", "results", "example", runfile.RawFile)
	if _, err := os.Stat(raw); err != nil {
		t.Skipf("no example run: %v", err)
	}
	dir := testrun.Write(t, firstSamples(t, raw, 3))
	rep, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range rep.Verdicts {
		if v.Outcome != stat.Inconclusive || !strings.Contains(v.Note(), "too few samples: n=3, need 6") && !strings.HasPrefix(v.Note(), "no data") {
			t.Errorf("lesson %d: %s (%s)", v.Lesson, v.Outcome, v.Note())
		}
	}
	if len(rep.Choices) == 0 {
		t.Fatal("no choices")
	}
	for _, c := range rep.Choices {
		if c.TooFew != 3 || c.Recommended != nil || len(c.AsGood)+len(c.Unclear)+len(c.Avoid) != 0 {
			t.Errorf("%s: too few %d, recommended %v, as good %s", c.Workload, c.TooFew, c.Recommended, answer.Names(c.AsGood))
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, runfile.ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	text := string(md)
	for _, bad := range []string{"**PASS**", "**FAIL**"} {
		if strings.Contains(text, bad) {
			t.Errorf("REPORT.md says %s", bad)
		}
	}
	var sleepRow string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "| waiting on a timer | sleep d=10ms tasks=64 |") {
			sleepRow = l
		}
	}
	if !strings.Contains(sleepRow, "too few samples to rank (n=3, need 6)") || strings.Contains(sleepRow, "sequential") {
		t.Errorf("sleep answer row: %q", sleepRow)
	}
}
