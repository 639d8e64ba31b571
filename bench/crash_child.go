package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

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
// killed and the benchmark fails. It is far above what a child takes
// (docs/measurements.md#crash-op-time), so only a hung child meets it.
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
