package strategies_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// TestMain is the test binary's entry and, when started by process or exec,
// a worker process serving workloads.New plus the fault workload below.
func TestMain(m *testing.M) {
	if strategies.IsWorker() {
		if err := strategies.ServeWorker(os.Stdin, os.Stdout, lookup); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	// Importing ants starts its default pool, whose two housekeeping
	// goroutines live as long as the process: ignore what runs now.
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}

// lookup builds the registered workloads and "fault".
func lookup(spec workloads.Spec) (workloads.Workload, error) {
	if spec.Name != "fault" {
		return workloads.New(spec)
	}
	at, _ := spec.Get("at")
	how, _ := spec.Get("how")
	n, err := strconv.Atoi(at)
	if err != nil {
		return nil, fmt.Errorf("fault: bad at %q", at)
	}
	return fault{at: n, how: how}, nil
}

// fault is a workload whose task at fails as how says; the other tasks
// sleep a millisecond. error and panic work in any strategy; exit, exit0,
// kill, hang and garbage only make sense in a worker process.
type fault struct {
	at  int
	how string
}

func (f fault) Spec() workloads.Spec {
	return workloads.Spec{Name: "fault", Params: []workloads.Param{{Key: "at", Value: strconv.Itoa(f.at)}, {Key: "how", Value: f.how}}}
}

func (f fault) Start(int, int) workloads.Batch { return f }

func (f fault) Finish() (int64, error) { return 0, nil }

func (f fault) Do(ctx context.Context, _, i int) (uint64, error) {
	if i == f.at {
		switch f.how {
		case "error":
			return 0, errors.New("boom")
		case "panic":
			panic("kaboom")
		case "exit":
			os.Exit(3)
		case "exit0":
			os.Exit(0)
		case "kill":
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		case "garbage":
			os.Stdout.Write([]byte("\x05garbage and more garbage"))
		case "truncated":
			os.Stdout.Write([]byte{40, 'D', 1, 2})
			time.Sleep(time.Hour)
		case "hang":
			time.Sleep(time.Hour)
		}
	}
	t := time.NewTimer(time.Millisecond)
	defer t.Stop()
	select {
	case <-t.C:
		return uint64(i), nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// mustParse builds a registered workload or fails the test.
func mustParse(t testing.TB, text string) workloads.Workload {
	t.Helper()
	w, err := workloads.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// newStrategy builds a strategy by name and closes it at the end of the test.
func newStrategy(t testing.TB, name string, opts strategies.Options) strategies.Strategy {
	t.Helper()
	s, err := strategies.New(name, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("closing %s: %v", name, err)
		}
	})
	return s
}
