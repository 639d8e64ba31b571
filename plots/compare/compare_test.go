package compare_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/compare"
	"github.com/concbench/concbench/runfile"
)

const example = "../../results/example"

// slowRow is the configuration the tests make slower: a pool row of the
// example run whose interval is ±1 %.
const slowRow = "Hash/size=64KiB/rounds=8/tasks=64/strategy=pool/procs=2"

// copyRun copies the example run's raw.txt into a new run folder, every
// ns/op of the configuration name (when not empty) multiplied by factor.
func copyRun(t *testing.T, name string, factor float64) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(example, runfile.RawFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	n := 0
	for i, line := range lines {
		f := strings.Fields(line)
		if name == "" || len(f) < 4 || f[0] != "Benchmark"+name || f[3] != "ns/op" {
			continue
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		lines[i] = strings.Replace(line, " "+f[2]+" ns/op", " "+strconv.FormatFloat(v*factor, 'f', 0, 64)+" ns/op", 1)
		n++
	}
	if name != "" && n < 6 {
		t.Fatalf("%s has %d samples in the example run", name, n)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, runfile.RawFile), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// An unchanged copy changes no answer, no verdict and no row.
func TestUnchanged(t *testing.T) {
	c, err := compare.Compare(example, copyRun(t, "", 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Answers) != 0 || len(c.Verdicts) != 0 || len(c.Warnings) != 0 {
		t.Errorf("answers %v, verdicts %v, warnings %v", c.Answers, c.Verdicts, c.Warnings)
	}
	if len(c.Rows) < 100 {
		t.Errorf("%d rows compared", len(c.Rows))
	}
	for _, r := range c.Rows {
		if r.Significant || r.Ratio != 1 {
			t.Errorf("%s: ratio %v, significant %v", r.Name, r.Ratio, r.Significant)
		}
	}
	if f := c.Failing(0, nil); len(f) != 0 {
		t.Errorf("failing: %v", f)
	}
}

// One configuration 30 % slower in every sample is the one failing a 10 %
// threshold, with its ratio near 1.3, and is not selected by a regexp
// that leaves it out.
func TestOneSlower(t *testing.T) {
	c, err := compare.Compare(example, copyRun(t, slowRow, 1.3))
	if err != nil {
		t.Fatal(err)
	}
	f := c.Failing(0.1, nil)
	if len(f) != 1 || f[0].Name != slowRow || f[0].Ratio < 1.29 || f[0].Ratio > 1.31 || f[0].Lo <= 1.1 {
		t.Fatalf("failing: %+v", f)
	}
	if d := compare.Describe(f[0]); !strings.HasPrefix(d, slowRow+": 1.3") {
		t.Errorf("described as %q", d)
	}
	if f := c.Failing(0.4, nil); len(f) != 0 {
		t.Errorf("a 40 %% threshold fails %v", f)
	}
	if f := c.Failing(0.1, regexp.MustCompile("^BenchmarkSleep")); len(f) != 0 {
		t.Errorf("-bench ^BenchmarkSleep fails %v", f)
	}
	var out bytes.Buffer
	if err := c.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(slowRow) + `  .*× +slower$`).MatchString(out.String()) {
		t.Errorf("the slower row is not marked:\n%s", out.String())
	}
}

// Two committed runs of different machines: the warning comes first, the
// changed answers before the verdicts and the rows, each answer once.
func TestChangedAnswersFirst(t *testing.T) {
	old, cur := "../../results/fleet-example/20261202T073235Z-vm-1cpu", "../../results/fleet-example/20261202T073620Z-vm-2cpu"
	c, err := compare.Compare(old, cur)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Answers) == 0 || len(c.Rows) == 0 {
		t.Fatalf("answers %v, %d rows", c.Answers, len(c.Rows))
	}
	for _, a := range c.Answers {
		if a.Old == "—" || a.New == "—" {
			t.Errorf("%s is matched in one run only: %+v", a.Workload, a)
		}
	}
	var out bytes.Buffer
	if err := c.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	warn, ans, verd, rows := strings.Index(s, "warning: different machines"), strings.Index(s, "Answers that changed"), strings.Index(s, "Verdicts"), strings.Index(s, "Time per batch")
	if warn < 0 || ans < warn || verd < ans || rows < verd {
		t.Errorf("out of order (%d %d %d %d):\n%s", warn, ans, verd, rows, s)
	}
}

// Runs of different scales are refused, the error naming both.
func TestDifferentScales(t *testing.T) {
	other := "../../results/fleet-example/20261202T073235Z-vm-1cpu"
	_, err := compare.Compare(example, other)
	if err == nil || !strings.Contains(err.Error(), example) || !strings.Contains(err.Error(), other) || !strings.Contains(err.Error(), "quick") {
		t.Errorf("got %v", err)
	}
}

// A missing, hostile or cut input is one line naming the file, and its
// line where it has one.
func TestBadInput(t *testing.T) {
	good := copyRun(t, "", 1)
	hostile := t.TempDir()
	if err := os.WriteFile(filepath.Join(hostile, runfile.RawFile), []byte("BenchmarkSleep/d=10ms/tasks=64/strategy=pool/procs=2 1 -5 ns/op\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cut := t.TempDir()
	data, _ := os.ReadFile(filepath.Join(good, runfile.RawFile))
	if err := os.WriteFile(filepath.Join(cut, runfile.RawFile), data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ dir, want string }{
		{filepath.Join(t.TempDir(), "none"), "none"},
		{hostile, filepath.Join(hostile, runfile.RawFile) + ":1"},
		{cut, filepath.Join(cut, runfile.RawFile) + ":"},
	} {
		for _, args := range [][2]string{{tc.dir, good}, {good, tc.dir}} {
			_, err := compare.Compare(args[0], args[1])
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("compare %s %s: %v", args[0], args[1], err)
			}
		}
	}
}

// The JSON names the runs and holds every row; an unchanged copy's rows
// have ratio 1.
func TestJSON(t *testing.T) {
	c, err := compare.Compare(example, copyRun(t, slowRow, 1.3))
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"old": {`, `"dir": "` + example + `"`, `"name": "` + slowRow + `"`, `"significant": true`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("no %s in\n%.400s", want, data)
		}
	}
}

// make compare, as a user runs it: a copy with one configuration 30 %
// slower in every sample fails FAIL_ON=10%, the command exiting 1 (make
// reports "Error 1" and exits 2, as it does for any failed recipe) and
// naming that configuration with its ratio; the unchanged copy passes.
func TestMakeCompareFailOn(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and benchstat: not in -short")
	}
	old, err := filepath.Abs(example)
	if err != nil {
		t.Fatal(err)
	}
	makeCompare := func(cur string) (string, error) {
		out, err := exec.Command("make", "-C", "../..", "compare", "OLD="+old, "NEW="+cur, "FAIL_ON=10%").CombinedOutput()
		return string(out), err
	}
	out, err := makeCompare(copyRun(t, slowRow, 1.3))
	want := "concbench: significantly slower by more than 10%: " + slowRow + ": 1.3"
	if err == nil || !strings.Contains(out, want) || !strings.Contains(out, "compare] Error 1") {
		t.Errorf("slower copy: %v, no %q or no Error 1 in\n%s", err, want, out)
	}
	if !strings.Contains(out, "Answers: none changed") || !strings.Contains(out, "│") {
		t.Errorf("slower copy: no answers line or no benchstat table:\n%s", out)
	}
	if out, err := makeCompare(copyRun(t, "", 1)); err != nil {
		t.Errorf("unchanged copy: %v\n%s", err, out)
	}
}

// make compare on a run with an impossible value fails with the reader's
// line, before benchstat runs.
func TestMakeCompareChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command: not in -short")
	}
	good, bad := t.TempDir(), t.TempDir()
	line := "BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t1\t10500000 ns/op\n"
	if err := os.WriteFile(filepath.Join(good, runfile.RawFile), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, runfile.RawFile), []byte(strings.Replace(line, "10500000", "-1", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("make", "-s", "-C", "../..", "compare", "OLD="+good, "NEW="+bad)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err == nil {
		t.Fatalf("make compare succeeded:\n%s", stdout.String())
	}
	want := "concbench: " + filepath.Join(bad, runfile.RawFile) + ":1: BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2: ns/op = -1: a time cannot be negative\n"
	if !strings.HasPrefix(stderr.String(), want) || stdout.Len() != 0 {
		t.Errorf("stderr\n%q\nwant it to start with\n%q; stdout\n%s", stderr.String(), want, stdout.String())
	}
}
