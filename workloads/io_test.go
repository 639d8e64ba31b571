package workloads_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// openFDs returns the targets of this process's open file descriptors.
func openFDs(t *testing.T) []string {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("skipped: this check reads /proc/self/fd: %v", err)
	}
	var fds []string
	for _, e := range ents {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name()))
		if err == nil { // the fd of the ReadDir itself is gone by now
			fds = append(fds, e.Name()+" -> "+target)
		}
	}
	return fds
}

// snapshot is what runs and is open before a test.
type snapshot struct {
	fds        []string
	goroutines goleak.Option
}

func takeSnapshot(t *testing.T) snapshot {
	return snapshot{openFDs(t), goleak.IgnoreCurrent()}
}

// checkNoLeaks fails t if, within a few seconds, file descriptors other
// than before's are still open or goroutines other than before's run.
func checkNoLeaks(t *testing.T, before snapshot) {
	t.Helper()
	var extra []string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		extra = slices.DeleteFunc(openFDs(t), func(fd string) bool { return slices.Contains(before.fds, fd) })
		if len(extra) == 0 || time.Now().After(deadline) {
			break
		}
	}
	if len(extra) > 0 {
		t.Errorf("file descriptors left open: %v", extra)
	}
	goleak.VerifyNone(t, before.goroutines)
}

// runEveryStrategy runs tasks tasks of w under every strategy and checks
// each checksum against sequential's. It closes each strategy, so that no
// worker process is left.
func runEveryStrategy(t *testing.T, w workloads.Workload, tasks int) {
	t.Helper()
	ctx := context.Background()
	seq, err := strategies.Sequential{}.Run(ctx, strategies.Job{Workload: w, Tasks: tasks})
	if err != nil {
		t.Fatalf("sequential %s: %v", w.Spec(), err)
	}
	for _, name := range strategies.Names() {
		s, err := strategies.New(name, strategies.Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		for run := range 2 { // the second run reuses what the first left: connections, workers
			r, err := s.Run(ctx, strategies.Job{Workload: w, Tasks: tasks})
			if err != nil {
				t.Errorf("%s on %s, run %d: %v", name, w.Spec(), run, err)
			} else if r.Checksum != seq.Checksum {
				t.Errorf("%s on %s, run %d: checksum %#x, sequential's %#x", name, w.Spec(), run, r.Checksum, seq.Checksum)
			}
		}
		if err := s.Close(); err != nil {
			t.Errorf("closing %s: %v", name, err)
		}
	}
}

func closeWorkload(t *testing.T, w workloads.Workload) {
	t.Helper()
	c, ok := w.(interface{ Close() error })
	if !ok {
		t.Fatalf("%s is not an io.Closer", w.Spec())
	}
	if err := c.Close(); err != nil {
		t.Error(err)
	}
}

func startServer(t *testing.T) *workloads.FetchServer {
	t.Helper()
	srv, err := workloads.NewFetchServer()
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func TestFetchEveryStrategy(t *testing.T) {
	before := takeSnapshot(t)
	srv := startServer(t)
	for _, client := range []string{"shared", "per-worker", "per-task"} {
		t.Run(client, func(t *testing.T) {
			w, err := workloads.Parse(fmt.Sprintf("fetch/d=1ms/size=10000/client=%s/port=%d", client, srv.Port()))
			if err != nil {
				t.Fatal(err)
			}
			runEveryStrategy(t, w, 12)
			closeWorkload(t, w)
		})
	}
	if err := srv.Close(); err != nil {
		t.Error(err)
	}
	checkNoLeaks(t, before)
}

// Every client mode reads the same bodies, so every mode gives the same
// checksum, and so does another server: the checksum depends on the
// tasks, not on the port.
func TestFetchChecksumIndependentOfClientAndPort(t *testing.T) {
	var sums []uint64
	for _, client := range []string{"shared", "per-worker", "per-task"} {
		srv := startServer(t)
		w, err := workloads.Parse(fmt.Sprintf("fetch/d=0s/size=100KiB/client=%s/port=%d", client, srv.Port()))
		if err != nil {
			t.Fatal(err)
		}
		r, err := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: 5})
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, r.Checksum)
		closeWorkload(t, w)
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}
	if sums[0] != sums[1] || sums[1] != sums[2] {
		t.Errorf("checksums by client mode differ: %#x", sums)
	}
}

func TestFetchServerDown(t *testing.T) {
	before := takeSnapshot(t)
	srv := startServer(t)
	port := srv.Port()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	for _, client := range []string{"shared", "per-worker", "per-task"} {
		w, err := workloads.Parse(fmt.Sprintf("fetch/client=%s/port=%d", client, port))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range strategies.Names() {
			s, err := strategies.New(name, strategies.Options{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Run(context.Background(), strategies.Job{Workload: w, Tasks: 4})
			if err == nil || !strings.Contains(err.Error(), "connection refused") || !strings.Contains(err.Error(), "fetch: ") {
				t.Errorf("%s, client=%s, server down: error %v, want a fetch error saying connection refused", name, client, err)
			}
			s.Close()
		}
		closeWorkload(t, w)
	}
	checkNoLeaks(t, before)
}

func TestFetchCancel(t *testing.T) {
	before := takeSnapshot(t)
	srv := startServer(t)
	w, err := workloads.Parse(fmt.Sprintf("fetch/d=5s/client=per-worker/port=%d", srv.Port()))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strategies.Names() {
		s, err := strategies.New(name, strategies.Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		start := time.Now()
		_, err = s.Run(ctx, strategies.Job{Workload: w, Tasks: 8})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 3*time.Second {
			t.Errorf("%s cancelled after 100ms of 5s requests: %v after %s, want context.DeadlineExceeded at once", name, err, time.Since(start))
		}
		s.Close()
	}
	closeWorkload(t, w)
	if err := srv.Close(); err != nil {
		t.Error(err)
	}
	checkNoLeaks(t, before)
}

func TestFileEveryStrategy(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // worker processes inherit it
	before := takeSnapshot(t)
	for _, sync := range []string{"none", "fsync"} {
		t.Run(sync, func(t *testing.T) {
			w, err := workloads.Parse("file/size=5000/sync=" + sync)
			if err != nil {
				t.Fatal(err)
			}
			runEveryStrategy(t, w, 10)
			closeWorkload(t, w)
		})
	}
	checkNoLeaks(t, before)
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		var names []string
		for _, e := range left {
			names = append(names, e.Name())
		}
		t.Errorf("left in the temporary folder: %v", names)
	}
}

// A disk where the folder cannot be made (TMPDIR names a regular file)
// fails the batch with the reason, under every strategy.
func TestFileDiskFails(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(notDir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", notDir)
	w, err := workloads.Parse("file/size=4KiB")
	if err != nil {
		t.Fatal(err)
	}
	defer closeWorkload(t, w)
	for _, name := range strategies.Names() {
		s, err := strategies.New(name, strategies.Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Run(context.Background(), strategies.Job{Workload: w, Tasks: 4})
		if err == nil || !strings.Contains(err.Error(), "file: making the folder") || !strings.Contains(err.Error(), "not a directory") {
			t.Errorf("%s with TMPDIR a file: error %v, want one saying the folder could not be made: not a directory", name, err)
		}
		s.Close()
	}
}

// A cancelled batch leaves no file: every task removes its own, and Close
// removes the folder.
func TestFileCancelLeavesNothing(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	w, err := workloads.Parse("file/size=1MiB/sync=fsync")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strategies.Names() {
		s, err := strategies.New(name, strategies.Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
		_, err = s.Run(ctx, strategies.Job{Workload: w, Tasks: 64})
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s cancelled: %v", name, err)
		}
		s.Close()
	}
	closeWorkload(t, w)
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d entries left in the temporary folder after a cancelled batch and Close", len(left))
	}
}

func TestIOBadSpecs(t *testing.T) {
	for spec, want := range map[string]string{
		"fetch":                         "start one with workloads.NewFetchServer",
		"fetch/port=70000":              "parameter port",
		"fetch/port=1/d=11s":            "between 0s and the server's limit of 10s",
		"fetch/port=1/d=-1ms":           "between 0s",
		"fetch/port=1/size=65MiB":       "limit of 64MiB",
		"fetch/port=1/client=pooled":    `"pooled" is not one of [shared per-worker per-task]`,
		"fetch/port=1/host=example.com": `unknown parameter "host"`,
		"file/size=0":                   "must be positive",
		"file/size=1GiB":                "limit of 256MiB",
		"file/sync=fdatasync":           `"fdatasync" is not one of [none fsync]`,
	} {
		_, err := workloads.Parse(spec)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "workloads: ") {
			t.Errorf("Parse(%q) = %v, want an error containing %q", spec, err, want)
		}
	}
}
