package bench

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/concbench/concbench/internal/proctable"
	"github.com/concbench/concbench/workloads"
)

// crashCase returns the tiny scale's Crash case of strategy name.
func crashCase(t *testing.T, name string) Case {
	t.Helper()
	s, err := ScaleByName("tiny")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range casesOf(t, "Crash", s) {
		if c.Strategy == name {
			return c
		}
	}
	t.Fatalf("no Crash case of %s", name)
	return Case{}
}

// runCrashCase runs one crash child of the tiny scale's case of strategy
// name, and checks from /proc that nothing it started is left: no child of
// this process, and no other process running this binary (a worker whose
// parent died would be adopted by init).
func runCrashCase(t *testing.T, name string) crashOutcome {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("checks for leftover processes in /proc")
	}
	req, err := crashRequestOf(crashCase(t, name), checksums{})
	if err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	o, err := runCrashChild(exe, req, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %+v", name, o)
	kids, err := proctable.Children()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range kids {
		t.Errorf("child process %v outlived the crash child", p)
	}
	all, err := proctable.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		if p.Exe == exe && p.PID != os.Getpid() {
			t.Errorf("process %v runs this binary after the crash child ended", p)
		}
	}
	return o
}

// TestCrashInProcessLosesTheProgram: under an in-process strategy the
// crash kills the child, with exit status 2 and the panic on its stderr,
// before batch 1 returns; the benchmark (this process) survives it.
func TestCrashInProcessLosesTheProgram(t *testing.T) {
	for _, name := range []string{"spawn", "pool", "ants"} {
		t.Run(name, func(t *testing.T) {
			o := runCrashCase(t, name)
			if o.Survived || o.Returned || o.Next {
				t.Errorf("the child survived the crash: %+v", o)
			}
			if o.Exit != "exit status 2" || !strings.Contains(o.Stderr, workloads.CrashMessage) {
				t.Errorf("the child died of something else (%s): %s", o.Exit, o.Stderr)
			}
		})
	}
}

// TestCrashProcessContains: under the strategies whose tasks run in other
// processes (process, exec) only a worker dies;
// batch 1 returns a *WorkerError and the next batch runs correctly, on a
// new worker for process.
func TestCrashProcessContains(t *testing.T) {
	for _, name := range pick(func(c Candidate) bool { return c.Processes }) {
		t.Run(name, func(t *testing.T) {
			o := runCrashCase(t, name)
			if !o.Survived || !o.Returned || o.Error != "worker" || !o.Next {
				t.Errorf("want the child to survive, batch 1 to fail with a *WorkerError and the next batch to run: %+v", o)
			}
			if tasks := crashCase(t, name).Tasks; o.Delivered < 0 || o.Delivered >= tasks {
				t.Errorf("delivered %d of the %d other tasks' results", o.Delivered, tasks-1)
			}
		})
	}
}

func TestCrashRequestRoundTrip(t *testing.T) {
	req, err := crashRequestOf(crashCase(t, "pool"), checksums{})
	if err != nil {
		t.Fatal(err)
	}
	if req.Crash != "crash/k=2/d=1ms" || req.Next != "crash/k=4/d=1ms" || req.Tasks != 4 {
		t.Errorf("request %+v", req)
	}
	got, err := parseCrashRequest(req.String())
	if err != nil || got != req {
		t.Errorf("parsed back as %+v, %v; want %+v", got, err, req)
	}
	if _, err := parseCrashRequest("spawn 4"); err == nil {
		t.Error("a short request parsed")
	}
}
