package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// CrashEnv marks a process started by the Crash family to run two batches
// of one strategy: its main or TestMain must call ServeCrash when
// IsCrashChild is true (after the checks for worker processes), as it
// calls strategies.ServeWorker for the process strategy.
const CrashEnv = "CONCBENCH_CRASH"

// IsCrashChild reports whether this process was started by the Crash
// family to run its batches.
func IsCrashChild() bool { return os.Getenv(CrashEnv) != "" }

// crashTimeout bounds one crash child: a child that takes longer is
// killed and the benchmark fails. A child takes about 50 ms.
const crashTimeout = 30 * time.Second

// crashLine starts each line a crash child writes on its standard output.
const crashLine = "concbench-crash "

// A crashRequest is what a crash child runs, encoded in CrashEnv as
// "strategy tasks crash-spec next-spec next-checksum".
type crashRequest struct {
	Strategy string
	Tasks    int
	Crash    string // batch 1: task k crashes
	Next     string // batch 2: the same tasks, none crashing
	Want     uint64 // batch 2's checksum
}

func (r crashRequest) String() string {
	return fmt.Sprintf("%s %d %s %s %d", r.Strategy, r.Tasks, r.Crash, r.Next, r.Want)
}

func parseCrashRequest(s string) (crashRequest, error) {
	f := strings.Fields(s)
	if len(f) != 5 {
		return crashRequest{}, fmt.Errorf("%s=%q is not \"strategy tasks crash-spec next-spec checksum\"", CrashEnv, s)
	}
	tasks, err1 := strconv.Atoi(f[1])
	want, err2 := strconv.ParseUint(f[4], 10, 64)
	if err1 != nil || err2 != nil || tasks < 0 {
		return crashRequest{}, fmt.Errorf("%s=%q: bad tasks or checksum", CrashEnv, s)
	}
	return crashRequest{Strategy: f[0], Tasks: tasks, Crash: f[2], Next: f[3], Want: want}, nil
}

// ServeCrash is the Crash family's child: it runs the batch that CrashEnv
// names under its strategy (GOMAXPROCS workers: the parent sets it), with
// task k crashing, and writes on out a line "concbench-crash batch=1
// delivered=N error=KIND" once Run returns, where N counts the other
// tasks whose results reached the strategy (their Job.Done slots) and
// KIND is worker (a *strategies.WorkerError), task (a *TaskError), none or
// other. It then runs the batch again with no task crashing and writes
// "concbench-crash batch=2 ok=1" if its checksum is right (ok=0 and the
// error otherwise), closes the strategy and returns nil. Under an
// in-process strategy the crash ends the process before any line.
func ServeCrash(out io.Writer) error {
	req, err := parseCrashRequest(os.Getenv(CrashEnv))
	if err != nil {
		return err
	}
	crash, err := workloads.Parse(req.Crash)
	if err != nil {
		return err
	}
	next, err := workloads.Parse(req.Next)
	if err != nil {
		return err
	}
	s, err := strategies.New(req.Strategy, strategies.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	k := -1
	for _, p := range crash.Spec().Params {
		if p.Key == "k" {
			k, _ = strconv.Atoi(p.Value)
		}
	}
	ctx := context.Background()
	done := make([]time.Duration, req.Tasks)
	_, err = s.Run(ctx, strategies.Job{Workload: crash, Tasks: req.Tasks, Done: done})
	delivered := 0
	for i, d := range done {
		if i != k && d > 0 {
			delivered++
		}
	}
	var we *strategies.WorkerError
	var te *strategies.TaskError
	kind := "other"
	switch {
	case err == nil:
		kind = "none"
	case errors.As(err, &we):
		kind = "worker"
	case errors.As(err, &te):
		kind = "task"
	}
	if _, err := fmt.Fprintf(out, "%sbatch=1 delivered=%d error=%s\n", crashLine, delivered, kind); err != nil {
		return err
	}
	r, err := s.Run(ctx, strategies.Job{Workload: next, Tasks: req.Tasks})
	ok := 0
	switch {
	case err != nil:
		fmt.Fprintf(os.Stderr, "batch 2: %v\n", err)
	case r.Checksum != req.Want:
		fmt.Fprintf(os.Stderr, "batch 2: checksum %#x, want %#x\n", r.Checksum, req.Want)
	default:
		ok = 1
	}
	if _, err := fmt.Fprintf(out, "%sbatch=2 ok=%d\n", crashLine, ok); err != nil {
		return err
	}
	return s.Close()
}

// A crashOutcome is what the parent saw of one crash child.
type crashOutcome struct {
	// Survived: the child ran to its end and exited 0.
	Survived bool
	// Returned: batch 1's Run returned (a batch=1 line).
	Returned bool
	// Delivered is batch 1's delivered count; Error its error kind.
	Delivered int
	Error     string
	// Next: batch 2 ran with the right checksum.
	Next bool
	// Exit is the child's exit status ("exit status 2"), Stderr the
	// end of its standard error.
	Exit   string
	Stderr string
}

// runCrashChild starts exe as a crash child for req at GOMAXPROCS procs,
// waits for it (killing it after crashTimeout) and reads what it wrote.
// A child that died is an error unless it died of the crash.
func runCrashChild(exe string, req crashRequest, procs int) (crashOutcome, error) {
	ctx, cancel := context.WithTimeout(context.Background(), crashTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "-test.run=^$", "-test.bench=^$", "-test.fuzz=^$")
	cmd.Env = append(os.Environ(), CrashEnv+"="+req.String(), "GOMAXPROCS="+strconv.Itoa(procs),
		"GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	o := crashOutcome{Survived: err == nil, Stderr: tailOf(stderr.String(), 2<<10)}
	if cmd.ProcessState != nil {
		o.Exit = cmd.ProcessState.String()
	}
	if ctx.Err() != nil {
		return o, fmt.Errorf("crash child of %s killed after %s; stderr: %s", req.Strategy, crashTimeout, o.Stderr)
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return o, fmt.Errorf("crash child of %s: %v", req.Strategy, err)
	}
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), crashLine)
		if !ok {
			continue
		}
		if _, err := fmt.Sscanf(line, "batch=1 delivered=%d error=%s", &o.Delivered, &o.Error); err == nil {
			o.Returned = true
			continue
		}
		var next int
		if _, err := fmt.Sscanf(line, "batch=2 ok=%d", &next); err == nil {
			o.Next = next == 1
			continue
		}
		return o, fmt.Errorf("crash child of %s: unexpected line %q", req.Strategy, sc.Text())
	}
	if err != nil && !strings.Contains(o.Stderr, workloads.CrashMessage) {
		return o, fmt.Errorf("crash child of %s died (%s), not of the crash; stderr: %s", req.Strategy, o.Exit, o.Stderr)
	}
	if err == nil && !o.Returned {
		return o, fmt.Errorf("crash child of %s exited 0 without running its batches", req.Strategy)
	}
	return o, nil
}

func tailOf(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// crashStrategies are the strategies of the Crash family: every one, the
// six core strategies and the five library adapters.
func crashStrategies() []string { return strategies.Names() }

// CrashCases is BenchmarkCrash, the crash-isolation lesson: a batch of
// CrashTasks tasks of CrashSleep in which task k = CrashTasks/2 kills its
// process (see the crash workload), under every strategy, each batch in a
// child process of the benchmark, followed by the same batch with no task
// crashing. Workload is the crashing batch's spec.
func CrashCases(s Scale, numCPU int) []Case {
	d := s.CrashSleep.String()
	k := s.CrashTasks / 2
	params := []workloads.Param{param("k", itoa(k)), param("d", d), param("tasks", itoa(s.CrashTasks))}
	spec := fmt.Sprintf("crash/k=%d/d=%s", k, d)
	var cs []Case
	for _, st := range crashStrategies() {
		cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.CrashTasks, Strategy: st, Procs: numCPU})
	}
	return cs
}

// runCrashFamily runs each case as a sub-benchmark of b, honouring
// ListEnv and OnlyEnv as RunFamily does.
func runCrashFamily(b *testing.B, cases []Case) {
	want := checksums{}
	list := os.Getenv(ListEnv) != ""
	only, err := onlyNames()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		if only != nil && !only[b.Name()+"/"+c.Name()] {
			continue
		}
		b.Run(c.Name(), func(b *testing.B) {
			if list {
				fmt.Fprintf(os.Stdout, "%s%s\n", ListPrefix, b.Name())
				b.SkipNow()
			}
			runCrash(b, c, want)
		})
	}
}

// crashRequestOf builds the request of case c: its crashing batch, then
// the same tasks with k = tasks, whose checksum a pool of one worker per
// task computes here (the batch never reaches a crash).
func crashRequestOf(c Case, want checksums) (crashRequest, error) {
	w, err := workloads.Parse(c.Workload)
	if err != nil {
		return crashRequest{}, err
	}
	spec := w.Spec()
	for i := range spec.Params {
		if spec.Params[i].Key == "k" {
			spec.Params[i].Value = itoa(c.Tasks)
		}
	}
	next, err := workloads.New(spec)
	if err != nil {
		return crashRequest{}, err
	}
	sum, err := want.get(context.Background(), strategies.Pool{Workers: max(1, c.Tasks)}, next, c.Tasks)
	if err != nil {
		return crashRequest{}, err
	}
	return crashRequest{Strategy: c.Strategy, Tasks: c.Tasks, Crash: w.Spec().String(), Next: next.Spec().String(), Want: sum}, nil
}

// runCrash measures one case: each op is one crash child, started, run
// and reaped, and the metrics are the share of ops
// whose child survived (survived), ran its next batch correctly
// (next-batch), and the mean of batch 1's delivered results (delivered).
func runCrash(b *testing.B, c Case, want checksums) {
	if strategies.IsWorker() || IsCrashChild() {
		b.Fatal("refusing to start crash children from inside a worker or a crash child")
	}
	req, err := crashRequestOf(c, want)
	if err != nil {
		b.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatalf("finding the running binary: %v", err)
	}
	// No untimed child first: the family's time is judged by nothing,
	// and a child under exec costs a few tenths of a second.
	var o crashOutcome
	var survived, delivered, next float64
	for b.Loop() {
		if o, err = runCrashChild(exe, req, c.Procs); err != nil {
			b.Fatal(err)
		}
		if o.Survived {
			survived++
		}
		if o.Returned {
			delivered += float64(o.Delivered)
		}
		if o.Next {
			next++
		}
	}
	n := float64(b.N)
	b.ReportMetric(survived/n, runfile.UnitSurvived)
	b.ReportMetric(delivered/n, runfile.UnitDelivered)
	b.ReportMetric(next/n, runfile.UnitNextBatch)
	if !o.Survived {
		b.Logf("%s: the child died (%s): the crash took the program", c.Strategy, o.Exit)
	} else {
		b.Logf("%s: the child survived; batch 1 returned error kind %s, delivered %d; next batch ok: %v", c.Strategy, o.Error, o.Delivered, o.Next)
	}
}
