package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Bounds of TestHostileValuesBounded: the report on any input stays under
// maxRSS of resident memory and ends within maxWall; the address space is
// capped at addressLimit so that a runaway ends there, not at the
// machine's memory.
const (
	maxRSS       = 300 << 20
	maxWall      = 30 * time.Second
	addressLimit = 2 << 30
)

// TestHostileValuesBounded runs the report command, as make report builds
// it, on hostile and degenerate run folders under an address-space limit:
// each ends with exit 1, one line naming raw.txt:LINE and the metric, and
// nothing written, or with a complete report; none grows past maxRSS.
func TestHostileValuesBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the report command")
	}
	bin := buildReport(t)
	example := readLines(t, "../../../results/example/raw.txt")
	fixture := readLines(t, "../../testdata/run/raw.txt")
	firstResult := 0
	for i, l := range example {
		if strings.HasPrefix(l, "Benchmark") {
			firstResult = i
			break
		}
	}
	// nsOp puts v in place of the ns/op of the first result line of the
	// example run, as in the hand edit of issue 19.
	nsOp := func(v string) []string {
		ls := append([]string(nil), example...)
		ls[firstResult] = regexp.MustCompile(`\s[0-9.]+ ns/op`).ReplaceAllString(ls[firstResult], " "+v+" ns/op")
		return ls
	}
	firstName := strings.Fields(example[firstResult])[0]
	for _, tc := range []struct {
		name  string
		lines []string
		err   string // "" means a complete report
	}{
		{"NaN", nsOp("NaN"), fmt.Sprintf("raw.txt:%d: %s: ns/op = NaN: not a finite number", firstResult+1, firstName)},
		{"+Inf", nsOp("+Inf"), fmt.Sprintf("raw.txt:%d: %s: ns/op = +Inf: not a finite number", firstResult+1, firstName)},
		{"-Inf", nsOp("-Inf"), fmt.Sprintf("raw.txt:%d: %s: ns/op = -Inf: not a finite number", firstResult+1, firstName)},
		{"-1", nsOp("-1"), fmt.Sprintf("raw.txt:%d: %s: ns/op = -1: a time cannot be negative", firstResult+1, firstName)},
		{"0", nsOp("0"), fmt.Sprintf("raw.txt:%d: %s: ns/op = 0: must be above 0", firstResult+1, firstName)},
		{"1e300", nsOp("1e300"), fmt.Sprintf("raw.txt:%d: %s: ns/op = 1e+300: above a day", firstResult+1, firstName)},
		{"all-equal", mapValues(fixture, func(int, string, string) string { return "1000" }), ""},
		{"one-sample", firstOfEach(fixture), ""},
		{"huge-range", mapValues(fixture, extremes), ""},
		{"no-ns-op", mapValues(fixture, func(_ int, v, unit string) string { return v }, "widgets/op"), ""},
		{"procs-2e9", renameProcs(fixture), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "raw.txt"), []byte(strings.Join(tc.lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*maxWall)
			defer cancel()
			cmd := exec.CommandContext(ctx, "sh", "-c", `ulimit -v "$1" && exec "$2" "$3"`, "sh", strconv.Itoa(addressLimit>>10), bin, dir)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			wall := time.Since(start)
			rss := int64(0)
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				rss = ru.Maxrss << 10 // KiB on Linux
			}
			t.Logf("%s: %s, peak RSS %d MiB", tc.name, wall.Round(time.Millisecond), rss>>20)
			if rss > maxRSS || wall > maxWall {
				t.Errorf("peak RSS %d MiB, %s: over the bound of %d MiB, %s", rss>>20, wall, maxRSS>>20, maxWall)
			}
			if tc.err == "" {
				if err != nil {
					t.Fatalf("%v\n%s", err, stderr.String())
				}
				for _, f := range []string{"REPORT.md", "index.html"} {
					if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
						t.Error(err)
					}
				}
				return
			}
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit %d (%v), want 1\n%s", code, err, stderr.String())
			}
			want := "report: " + filepath.Join(dir, tc.err)
			if got := stderr.String(); !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 {
				t.Errorf("stderr\n%q\nwant one line starting\n%q", got, want)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Errorf("%d files in the run folder, want raw.txt alone", len(ents))
			}
		})
	}
}

// buildReport builds the report command (without -race, as make report
// does) into a temporary folder.
func buildReport(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "report")
	cmd := exec.Command(gobin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// readLines returns the lines of a file.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// mapValues replaces every value of every result line by f(line index,
// value, unit), and every unit by a unit of its own named after unit when
// one is given.
func mapValues(lines []string, f func(i int, v, unit string) string, unit ...string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		fs := strings.Fields(l)
		if !strings.HasPrefix(l, "Benchmark") || len(fs) < 4 {
			out[i] = l
			continue
		}
		parts := []string{fs[0], fs[1]}
		for k := 2; k+1 < len(fs); k += 2 {
			u := fs[k+1]
			if len(unit) > 0 {
				u = fmt.Sprintf("%s%d/op", strings.TrimSuffix(unit[0], "/op"), k/2)
			}
			parts = append(parts, f(i, fs[k], fs[k+1])+" "+u)
		}
		out[i] = strings.Join(parts, "\t")
	}
	return out
}

// extremes gives each value the smallest or the largest value its unit
// allows, alternating by line: the widest range a run can hold.
func extremes(i int, v, unit string) string {
	lo := i%2 == 0
	pick := func(a, b string) string {
		if lo {
			return a
		}
		return b
	}
	switch unit {
	case "ns/op", "ns/task":
		return pick("0.001", "8.64e13")
	case "p50-ns", "p99-ns":
		return pick("0", "8.64e13")
	case "cpu-ns/op":
		return pick("0", "8.8e16")
	case "tasks/s":
		return pick("1e-300", "1e15")
	case "lost-updates/op":
		return "0"
	}
	return pick("0", "1e15")
}

// firstOfEach keeps the first result line of each benchmark: one sample.
func firstOfEach(lines []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range lines {
		name := strings.Fields(l + " ")[0]
		if strings.HasPrefix(l, "Benchmark") {
			if seen[name] {
				continue
			}
			seen[name] = true
		}
		out = append(out, l)
	}
	return out
}

// renameProcs gives the largest GOMAXPROCS of the HashProcs sweep a
// value of two billion.
func renameProcs(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l
		if strings.HasPrefix(l, "BenchmarkHashProcs/") {
			out[i] = strings.Replace(l, "/procs=4", "/procs=2000000000", 1)
		}
	}
	return out
}

// TestCheck runs -check on a good and a bad run: the bad one's error
// names raw.txt:LINE and the metric, warnings are printed, and nothing is
// written into either folder.
func TestCheck(t *testing.T) {
	good, bad := t.TempDir(), t.TempDir()
	line := "BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t1\t10500000 ns/op\t11262632 p50-ns\t10867808 p99-ns\n"
	if err := os.WriteFile(filepath.Join(good, "raw.txt"), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "raw.txt"), []byte(line+strings.Replace(line, "10500000", "NaN", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-check", good, good}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	warn := "report: warning: " + filepath.Join(good, "raw.txt") + ":1: BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2: p99-ns = 10867808 is below p50-ns = 11262632\n"
	if stderr.String() != warn+warn || stdout.Len() != 0 {
		t.Errorf("stdout %q, stderr %q, want the warning twice", stdout.String(), stderr.String())
	}
	err := run([]string{"-check", good, bad}, &stdout, &stderr)
	want := filepath.Join(bad, "raw.txt") + ":2: BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2: ns/op = NaN: not a finite number"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	for _, dir := range []string{good, bad} {
		if ents, _ := os.ReadDir(dir); len(ents) != 1 {
			t.Errorf("%s: %d files, want raw.txt alone", dir, len(ents))
		}
	}
}
