package strategies_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/concbench/concbench/internal/proctable"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// faultBound is how long a failing Run may take beyond its Timeout: the
// faults below would otherwise hang for a minute (DefaultTimeout) or
// forever.
const faultBound = 5 * time.Second

// children returns the pids of this process's child processes, zombies
// included, with their state letter (R, S, Z …).
func children(t testing.TB) map[int]proctable.Proc {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("lists child processes from /proc")
	}
	ps, err := proctable.Children()
	if err != nil {
		t.Fatal(err)
	}
	kids := map[int]proctable.Proc{}
	for _, p := range ps {
		kids[p.PID] = p
	}
	return kids
}

// assertNoChildren fails the test if this process has a child process,
// running or zombie, other than those in allowed.
func assertNoChildren(t testing.TB, allowed ...int) {
	t.Helper()
	for pid, p := range children(t) {
		if !slices.Contains(allowed, pid) {
			t.Errorf("child process %v outlived the run", p)
		}
	}
}

// assertOnlyWorkers fails the test if this process has a child process
// other than the live workers of s, if s is a *Process: after exec's Run,
// none at all.
func assertOnlyWorkers(t testing.TB, s strategies.Strategy) {
	t.Helper()
	if p, ok := s.(*strategies.Process); ok {
		// A worker listed here and dead by the time /proc is read
		// has been reaped, so it is not there.
		assertNoChildren(t, p.PIDs()...)
		return
	}
	assertNoChildren(t)
}

// remote lists the strategies that run tasks in worker processes.
var remote = []string{"process", "exec"}

// wantWorkerError checks that err is a *WorkerError naming a pid, the task
// range holding task at (at < 0: any), and saying want.
func wantWorkerError(t *testing.T, err error, at int, want string) *strategies.WorkerError {
	t.Helper()
	var we *strategies.WorkerError
	if !errors.As(err, &we) {
		t.Fatalf("err = %v, want a *WorkerError", err)
	}
	if we.PID <= 0 || !strings.Contains(err.Error(), fmt.Sprintf("worker pid %d", we.PID)) {
		t.Errorf("error does not name the worker's pid: %v", err)
	}
	if at >= 0 && (we.First > at || we.Last < at) {
		t.Errorf("error names tasks %d-%d, not task %d: %v", we.First, we.Last, at, err)
	}
	if at >= 0 && !strings.Contains(err.Error(), "task") {
		t.Errorf("error does not name the tasks: %v", err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want it to say %q", err, want)
	}
	return we
}

// runsAgain checks that s runs a fresh batch correctly.
func runsAgain(t *testing.T, s strategies.Strategy) {
	t.Helper()
	tasks := 100
	if s.Name() == "exec" {
		tasks = 6 // a process each
	}
	w := mustParse(t, "hash/size=64B/rounds=1")
	want, _ := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: tasks})
	got, err := s.Run(context.Background(), strategies.Job{Workload: w, Tasks: tasks})
	if err != nil {
		t.Fatalf("the run after the fault failed: %v", err)
	}
	if got != want {
		t.Errorf("the run after the fault returned %+v, sequential %+v", got, want)
	}
}

// closeAndCheck closes s, checks that it refuses to run, and that no
// child process remains.
func closeAndCheck(t *testing.T, s strategies.Strategy) {
	t.Helper()
	s.Close() // a worker that died while idle may be reported here
	if _, ok := s.(*strategies.Process); ok {
		if _, err := s.Run(context.Background(), strategies.Job{Workload: mustParse(t, "noop"), Tasks: 1}); err != strategies.ErrClosed {
			t.Errorf("Run after Close: err = %v, want ErrClosed", err)
		}
	}
	assertNoChildren(t)
}

func TestWorkerFaults(t *testing.T) {
	const timeout = time.Second
	for _, name := range remote {
		for _, f := range []struct{ how, want string }{
			{"exit", "exit status 3"},
			{"exit0", "closed its stdout before replying (worker exit status 0)"},
			{"kill", "signal: killed"},
			{"garbage", `unknown frame type 'g'`},
			{"truncated", "no complete reply within 1s"},
			{"hang", "no complete reply within 1s: worker hung"},
		} {
			t.Run(name+"/"+f.how, func(t *testing.T) {
				s, err := strategies.New(name, strategies.Options{Workers: 2, Timeout: timeout})
				if err != nil {
					t.Fatal(err)
				}
				defer closeAndCheck(t, s)
				at := 13
				if name == "exec" {
					at = 3 // a process per task: fewer before the fault
				}
				start := time.Now()
				_, err = s.Run(context.Background(), strategies.Job{Workload: fault{at: at, how: f.how}, Tasks: 40})
				if took := time.Since(start); took > timeout+faultBound {
					t.Errorf("the failing run took %v", took)
				}
				t.Log(err)
				we := wantWorkerError(t, err, at, f.want)
				if p, ok := s.(*strategies.Process); ok && slices.Contains(p.PIDs(), we.PID) {
					t.Errorf("the failed worker %d is still listed in %v", we.PID, p.PIDs())
				}
				assertOnlyWorkers(t, s)
				runsAgain(t, s)
			})
		}
	}
}

// spied wraps a workload and closes called when Run first asks for its
// Spec, which process does once its workers are up and just before
// sending them tasks.
type spied struct {
	workloads.Workload
	once   sync.Once
	called chan struct{}
}

func (s *spied) Spec() workloads.Spec {
	s.once.Do(func() { close(s.called) })
	return s.Workload.Spec()
}

func TestProcessWorkerKilledFromOutside(t *testing.T) {
	p := strategies.NewProcess(strategies.Options{Workers: 2})
	defer closeAndCheck(t, p)
	runsAgain(t, p) // starts the workers
	pids := p.PIDs()
	if len(pids) != 2 {
		t.Fatalf("PIDs() = %v, want 2 workers", pids)
	}
	// 4000 tasks of 1 ms in chunks of 500 keep both workers busy for
	// two seconds at least.
	w := &spied{Workload: mustParse(t, "sleep/d=1ms"), called: make(chan struct{})}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := p.Run(context.Background(), strategies.Job{Workload: w, Tasks: 4000})
		done <- err
	}()
	<-w.called
	time.Sleep(50 * time.Millisecond)
	if during := p.PIDs(); !slices.Equal(during, pids) {
		t.Errorf("PIDs() during the run = %v, want %v", during, pids)
	}
	if err := syscall.Kill(pids[0], syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		we := wantWorkerError(t, err, -1, "signal: killed")
		if we.PID != pids[0] || we.First < 0 {
			t.Errorf("error names pid %d, tasks %d-%d; killed pid %d mid-chunk", we.PID, we.First, we.Last, pids[0])
		}
	case <-time.After(faultBound):
		t.Fatalf("Run still running %v after its worker was killed", time.Since(start))
	}
	assertNoChildren(t, pids[1])
	runsAgain(t, p)
	if after := p.PIDs(); len(after) != 2 || slices.Contains(after, pids[0]) || !slices.Contains(after, pids[1]) {
		t.Errorf("PIDs() after = %v, want %d and a replacement for %d", after, pids[1], pids[0])
	}
}

func TestProcessWorkerKilledWhileIdle(t *testing.T) {
	p := strategies.NewProcess(strategies.Options{Workers: 2})
	defer closeAndCheck(t, p)
	runsAgain(t, p)
	pids := p.PIDs()
	for _, pid := range pids {
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
	}
	// The strategy reaps its workers as soon as they exit.
	for deadline := time.Now().Add(faultBound); len(p.PIDs()) > 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("PIDs() = %v %v after killing them", p.PIDs(), faultBound)
		}
	}
	assertNoChildren(t)
	runsAgain(t, p) // replaces both, silently
	if after := p.PIDs(); len(after) != 2 {
		t.Errorf("PIDs() = %v, want 2 new workers", after)
	}
}

func TestExecWorkerKilledFromOutside(t *testing.T) {
	e := strategies.Exec{Workers: 2}
	done := make(chan error, 1)
	go func() {
		_, err := e.Run(context.Background(), strategies.Job{Workload: mustParse(t, "sleep/d=20s"), Tasks: 4})
		done <- err
	}()
	var victim int
	for deadline := time.Now().Add(faultBound); victim == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("exec started no process")
		}
		for pid := range children(t) {
			victim = pid
			break
		}
	}
	if err := syscall.Kill(victim, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		we := wantWorkerError(t, err, -1, "signal: killed")
		if we.PID != victim || we.First != we.Last || we.First < 0 {
			t.Errorf("error names pid %d, tasks %d-%d; killed pid %d running one task", we.PID, we.First, we.Last, victim)
		}
	case <-time.After(faultBound):
		t.Fatal("Run still running after its worker was killed")
	}
	assertNoChildren(t)
}

// script writes an executable shell script and returns its path.
func script(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "worker.sh")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// hello is a shell command that sends the worker handshake.
var hello = fmt.Sprintf(`printf '\%03o\110\%03o%s'`, 2+len(strategies.ProtocolMagic), len(strategies.ProtocolMagic), strategies.ProtocolMagic)

func TestBinariesThatDoNotServeWorkers(t *testing.T) {
	// Only fake workers start here, so short deadlines fail no real one;
	// Options.Timeout bounds the handshake too.
	const timeout = 300 * time.Millisecond
	const notWorker = "does not serve concbench workers"
	cases := []struct {
		name, binary, want string
		started            bool // the process starts, so it has a pid
	}{
		{"true", "/bin/true", notWorker, true},
		{"cat", "/bin/cat", notWorker, true},
		{"sleeper", script(t, "exec sleep 60"), "no hello within 300ms", true},
		{"chatter", script(t, "echo I am not a worker; exec sleep 60"), notWorker, true},
		{"missing", filepath.Join(t.TempDir(), "no-such-binary"), "no such file", false},
		{"directory", t.TempDir(), "permission denied", false},
		// The tasks meet a broken pipe or the end of the worker's stdout.
		{"hello-then-exit", script(t, hello), "(worker exit status 0)", true},
		{"hello-then-hang", script(t, hello+"; exec sleep 60"), "no complete reply within 300ms", true},
	}
	if !testing.Short() {
		cases = append(cases, struct {
			name, binary, want string
			started            bool
		}{"go-test-binary", goTestBinaryWithoutHook(t), notWorker, true})
	}
	for _, name := range remote {
		for _, c := range cases {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				s, err := strategies.New(name, strategies.Options{Workers: 2, Binary: c.binary, Timeout: timeout})
				if err != nil {
					t.Fatal(err)
				}
				defer closeAndCheck(t, s)
				start := time.Now()
				_, err = s.Run(context.Background(), strategies.Job{Workload: mustParse(t, "noop"), Tasks: 4})
				if took := time.Since(start); took > timeout+faultBound {
					t.Errorf("the failing run took %v", took)
				}
				t.Log(err)
				var we *strategies.WorkerError
				if !errors.As(err, &we) {
					t.Fatalf("err = %v, want a *WorkerError", err)
				}
				if !strings.Contains(err.Error(), c.want) {
					t.Errorf("err = %v, want it to say %q", err, c.want)
				}
				if c.started != (we.PID > 0) || c.started && !strings.Contains(err.Error(), fmt.Sprintf("worker pid %d", we.PID)) {
					t.Errorf("error names pid %d: %v", we.PID, err)
				}
				if name == "exec" && !strings.Contains(err.Error(), "(task ") {
					t.Errorf("error does not name the task: %v", err)
				}
				// A process worker that passed the handshake may live
				// until Close if the batch failed before it got tasks.
				assertOnlyWorkers(t, s)
			})
		}
	}
}

// goTestBinaryWithoutHook builds the test binary of a tiny package whose
// TestMain does not serve workers and whose test, if it ever ran, would
// write a marker file; it fails the test if the marker appears.
func goTestBinaryWithoutHook(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	files := map[string]string{
		"go.mod": "module nohook\n\ngo 1.26\n",
		"nohook_test.go": `package nohook

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(m.Run()) }

func TestWritesMarker(t *testing.T) { os.WriteFile(os.Getenv("NOHOOK_MARKER"), []byte("ran"), 0o644) }
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin := filepath.Join(dir, "nohook.test")
	cmd := exec.CommandContext(ctx, gobin, "test", "-c", "-o", bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot build a test binary: %v\n%s", err, out)
	}
	t.Setenv("NOHOOK_MARKER", marker)
	t.Cleanup(func() {
		if _, err := os.Stat(marker); err == nil {
			t.Error("the test binary without a worker hook ran its tests when started as a worker")
		}
	})
	return bin
}

func TestCancelHungWorker(t *testing.T) {
	// With the default one-minute Timeout, only the cancellation ends the
	// wait: the hung worker is given a grace period, then killed.
	for _, name := range remote {
		t.Run(name, func(t *testing.T) {
			s, err := strategies.New(name, strategies.Options{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			defer closeAndCheck(t, s)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(200*time.Millisecond, cancel)
			start := time.Now()
			_, err = s.Run(ctx, strategies.Job{Workload: fault{at: 0, how: "hang"}, Tasks: 8})
			if err != context.Canceled {
				t.Errorf("err = %v, want context.Canceled", err)
			}
			if took := time.Since(start); took > faultBound {
				t.Errorf("the cancelled run took %v", took)
			}
			assertOnlyWorkers(t, s)
			runsAgain(t, s)
		})
	}
}
