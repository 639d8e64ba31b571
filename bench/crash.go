package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
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

// crashCases is the Crash family, the crash-isolation lesson: a batch of
// 8 tasks of 1 ms at full (6 at quick, 4 at tiny) in which task k = tasks/2 kills its
// process (see the crash workload), each batch in a child process of the
// benchmark, followed by the same batch with no task crashing. Workload
// is the crashing batch's spec.
func crashCases(s Scale, h Host, sts []string) []Case {
	tasks := PerScale(s, 8, 6, 4)
	b := batch(tasks, "crash", "k", itoa(tasks/2), "d", dur(time.Millisecond))
	var cs []Case
	for _, st := range sts {
		cs = append(cs, b.Case(st, h.NumCPU))
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
	// and a child under exec, which starts a process per task, is the
	// dearest op of the family (docs/measurements.md#crash-op-time).
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
