package driver

import (
	"testing"
	"time"
)

func TestParseCPUMax(t *testing.T) {
	for in, want := range map[string]string{
		"max 100000\n":    "max",
		"200000 100000\n": "2",
		"150000 100000":   "1.5",
		"":                "unknown",
		"x 100000":        "unknown",
	} {
		if got := parseCPUMax(in); got != want {
			t.Errorf("parseCPUMax(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestConfigKey(t *testing.T) {
	for in, want := range map[string]string{
		"golang.org/x/perf":             "golang-org-x-perf",
		"git.sr.ht/~sbinet/gg":          "git-sr-ht-sbinet-gg",
		"github.com/MontanaFlynn/Stats": "github-com-montanaflynn-stats",
	} {
		if got := configKey(in); got != want {
			t.Errorf("configKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResultName(t *testing.T) {
	line := "BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t 95\t10458000 ns/op\t163406.25 ns/task"
	if name, ok := resultName(line); !ok || name != "BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2" {
		t.Errorf("resultName = %q, %v", name, ok)
	}
	for _, l := range []string{"goos: linux", "BenchmarkSleep", "--- FAIL: BenchmarkSleep", "PASS"} {
		if _, ok := resultName(l); ok {
			t.Errorf("resultName(%q) took it for a result", l)
		}
	}
	if got := timePerOp(line); got != "10.458ms/op" {
		t.Errorf("timePerOp = %q", got)
	}
}

func TestCheckBenchtime(t *testing.T) {
	for _, ok := range []string{"1x", "200ms", "2s"} {
		if err := checkBenchtime(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"0x", "x", "-1s", "0s", "fast"} {
		if checkBenchtime(bad) == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestLineWriter(t *testing.T) {
	var got []string
	w := &lineWriter{handle: func(l string) error { got = append(got, l); return nil }}
	w.Write([]byte("ab"))
	w.Write([]byte("c\nde\n"))
	w.Write([]byte("f"))
	if len(got) != 2 || got[0] != "abc" || got[1] != "de" || w.rest() != "f" {
		t.Errorf("lines %q, rest %q", got, w.rest())
	}
}

func TestProgressETA(t *testing.T) {
	var out syncBuffer
	t0 := time.Unix(0, 0)
	p := newProgress(&out, 0, 3, []string{"A", "B"}, t0)
	p.startRun(1, t0)
	p.result("A", "", t0.Add(1*time.Second))
	if got := p.eta(t0.Add(time.Second)); got != ", ETA ~5s" { // 2s per run: 1s left + 2 runs
		t.Errorf("run 1 ETA %q", got)
	}
	p.result("B", "", t0.Add(3*time.Second))
	p.startRun(2, t0.Add(3*time.Second))
	p.result("A", "", t0.Add(4*time.Second))
	if got := p.eta(t0.Add(4 * time.Second)); got != ", ETA 5s" { // B 2s + run 3 3s
		t.Errorf("run 2 ETA %q", got)
	}
}
