package plots

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/runfile"
)

// Bounds of one input of FuzzReport: fuzzWall of wall time (times
// raceSlowdown under the race detector) and fuzzAlloc bytes allocated while
// its report is made.
const (
	fuzzWall  = 5 * time.Second * raceSlowdown
	fuzzAlloc = 1 << 30
)

// fuzzSeedLines picks lines of the example run: a few configuration lines,
// the better=higher line and results of Sleep, Counter and HashProcs, so
// that the seeds reach the statistics, the fits and every kind of chart.
func fuzzSeedLines(t testing.TB) []string {
	b, err := os.ReadFile("../results/example/raw.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "numcpu:"), strings.HasPrefix(l, "cgroup-cpus:"), strings.HasPrefix(l, "strategy-sequential:"),
			strings.HasPrefix(l, "strategy-spawn:"), strings.HasPrefix(l, "Unit "):
			out = append(out, l)
		case i+1 >= 51 && i+1 <= 54, i+1 >= 95 && i+1 <= 97, i+1 >= 102 && i+1 <= 103, i+1 == 123:
			out = append(out, l)
		}
	}
	return out
}

// FuzzReport makes the whole report of a raw.txt built from lines of a
// real run with mutated values and names. Each input ends within fuzzWall,
// allocates less than fuzzAlloc and never panics; it either writes a
// complete report or returns one line naming raw.txt (with its line, for
// anything but a fault of the whole file).
func FuzzReport(f *testing.F) {
	seed := fuzzSeedLines(f)
	join := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	f.Add(join(seed))
	// Every result line repeated, so that rows reach the 6 samples of an
	// interval and a test.
	var six []string
	for _, l := range seed {
		if strings.HasPrefix(l, "Benchmark") {
			l = strings.Repeat(l+"\n", 6)
			l = strings.TrimSuffix(l, "\n")
		}
		six = append(six, l)
	}
	f.Add(join(six))
	nsOp := regexp.MustCompile(`\s[0-9.]+ ns/op`)
	p99 := regexp.MustCompile(`\s[0-9.]+ p99-ns`)
	rate := regexp.MustCompile(`\s[0-9.]+ tasks/s`)
	for _, v := range []string{"NaN", "+Inf", "-Inf", "-1", "0", "1e300", "1e-300", "-0"} {
		for _, re := range []*regexp.Regexp{nsOp, p99, rate} {
			ls := append([]string(nil), six...)
			for i, l := range ls {
				if strings.HasPrefix(l, "Benchmark") {
					unit := re.FindString(l)
					unit = unit[strings.LastIndexByte(unit, ' '):]
					ls[i] = re.ReplaceAllString(l, " "+v+unit)
					break
				}
			}
			f.Add(join(ls))
		}
	}
	for _, name := range [][2]string{
		{"/procs=2", "/procs=2000000000"}, {"/tasks=64", "/tasks=0"}, {"/tasks=64", "/tasks=9223372036854775807"},
		{"/d=10ms", "/d=1e300h"}, {"/strategy=spawn", "/strategy="}, {"/incs=1000", "/incs=NaN"}, {"Sleep/", "/"},
	} {
		f.Add(strings.ReplaceAll(join(six), name[0], name[1]))
	}
	f.Fuzz(func(t *testing.T, raw string) {
		dir := t.TempDir()
		path := filepath.Join(dir, runfile.RawFile)
		if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		// A report that runs away is stopped here, with its stacks, so
		// that the fuzzer keeps the input: it could not end by itself.
		watchdog := time.AfterFunc(2*fuzzWall, func() {
			buf := make([]byte, 1<<20)
			panic(fmt.Sprintf("the report did not end within %s:\n%s", 2*fuzzWall, buf[:runtime.Stack(buf, true)]))
		})
		_, err := Generate(dir)
		watchdog.Stop()
		wall := time.Since(start)
		runtime.ReadMemStats(&after)
		if wall > fuzzWall {
			t.Errorf("the report took %s, more than %s", wall, fuzzWall)
		}
		if a := after.TotalAlloc - before.TotalAlloc; a > fuzzAlloc {
			t.Errorf("the report allocated %d MiB, more than %d MiB", a>>20, fuzzAlloc>>20)
		}
		if err == nil {
			for _, f := range []string{runfile.ReportFile, runfile.HTMLFile} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("no error, but %v", err)
				}
			}
			return
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") {
			t.Errorf("error of more than one line: %q", msg)
		}
		if !errorNamesLine(msg, path) {
			t.Errorf("error %q names neither %s:LINE nor a fault of the whole file", msg, path)
		}
	})
}

// errorNamesLine reports whether an error of the report names path:LINE,
// or path and a fault of the whole file (empty, binary, not UTF-8, no
// results).
func errorNamesLine(msg, path string) bool {
	if rest, ok := strings.CutPrefix(msg, path+":"); ok && len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' {
		return true
	}
	for _, whole := range []string{": empty file", ": binary data", ": invalid UTF-8", ": no benchmark results"} {
		if strings.HasPrefix(msg, path+whole) {
			return true
		}
	}
	return false
}
