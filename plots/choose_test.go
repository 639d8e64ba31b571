package plots

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChooseFixture(t *testing.T) {
	_, rows := readFixture(t)
	cs := Choose(rows)
	sleep := cs[0]
	if sleep.Workload != "sleep d=10ms tasks=64" || sleep.TooFew != 0 {
		t.Fatalf("first choice %s, too few %d", sleep.Workload, sleep.TooFew)
	}
	// gil (10.56 ms) is a model: spawn (10.5 ms) is the fastest and used.
	if sleep.Fastest.Strategy != "spawn" || sleep.Recommended.Name() != "spawn" {
		t.Errorf("sleep: fastest %s, use %s", sleep.Fastest.Strategy, sleep.Recommended.Name())
	}
	for _, k := range append(append(sleep.AsGood, sleep.Unclear...), sleep.Avoid...) {
		if k.Row.Props.Model {
			t.Errorf("sleep ranks the model %s", k.Name())
		}
	}
	// Avoid is judged against the fastest: pool (320.7 ms) is 30.7× spawn.
	if got := names(sleep.Avoid); !strings.Contains(got, "pool: 30.7× slower [30.4, 30.9]") || !strings.Contains(got, "sequential: 61.4× slower") {
		t.Errorf("sleep avoid = %s", got)
	}
	// Coarse hash: pool is fastest; spawn, 1.2 % slower, is simpler.
	coarse := cs[1]
	if coarse.Fastest.Strategy != "pool" || coarse.Recommended.Name() != "spawn" || names(coarse.AsGood) != "process: 1.06× [1.05, 1.07]" {
		t.Errorf("coarse: fastest %s, use %s, as good %s", coarse.Fastest.Strategy, coarse.Recommended.Name(), names(coarse.AsGood))
	}
	a := answerOf(coarse)
	if a.Use != "spawn (1.01× [1.00, 1.02] the time of the fastest, pool)" || !strings.HasPrefix(a.Speedup, "1.95 [") {
		t.Errorf("coarse answer %+v", a)
	}
}

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
	raw := filepath.Join("..", "results", "example", RawFile)
	if _, err := os.Stat(raw); err != nil {
		t.Skipf("no example run: %v", err)
	}
	dir := writeRun(t, firstSamples(t, raw, 3))
	rep, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range rep.Verdicts {
		if v.Outcome != Inconclusive || !strings.Contains(v.Note, "too few samples: n=3, need 6") && !strings.HasPrefix(v.Note, "no data") {
			t.Errorf("lesson %d: %s (%s)", v.Lesson, v.Outcome, v.Note)
		}
	}
	if len(rep.Choices) == 0 {
		t.Fatal("no choices")
	}
	for _, c := range rep.Choices {
		if c.TooFew != 3 || c.Recommended != nil || len(c.AsGood)+len(c.Unclear)+len(c.Avoid) != 0 {
			t.Errorf("%s: too few %d, recommended %v, as good %s", c.Workload, c.TooFew, c.Recommended, names(c.AsGood))
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, ReportFile))
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
		if strings.HasPrefix(l, "| sleep d=10ms tasks=64 | 2 |") {
			sleepRow = l
		}
	}
	if !strings.Contains(sleepRow, "too few samples to rank (n=3, need 6)") || strings.Contains(sleepRow, "sequential") {
		t.Errorf("sleep answer row: %q", sleepRow)
	}
}
