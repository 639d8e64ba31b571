package driver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/concbench/concbench/internal/proctable"
)

// snapshot returns every file under root with its bytes, and every folder
// with a nil value.
func snapshot(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			files[path] = nil
			return nil
		}
		b, err := os.ReadFile(path)
		files[path] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameSnapshot fails t if root no longer matches before, byte for byte.
func sameSnapshot(t *testing.T, root string, before map[string][]byte) {
	t.Helper()
	after := snapshot(t, root)
	for _, p := range slices.Sorted(maps.Keys(before)) {
		b, ok := after[p]
		switch {
		case !ok:
			t.Errorf("%s was removed", p)
		case !bytes.Equal(b, before[p]):
			t.Errorf("%s changed: %q, was %q", p, b, before[p])
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was created", p)
		}
	}
}

// earlierResults makes a results folder holding an earlier run folder with
// a few files, and a stray regular file, and returns the results folder,
// the earlier run folder and the stray file.
func earlierResults(t *testing.T) (results, earlier, stray string) {
	t.Helper()
	results = filepath.Join(t.TempDir(), "results")
	earlier = filepath.Join(results, "20250101T000000Z-earlier")
	if err := os.MkdirAll(earlier, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"raw.txt":       "goos: linux\nBenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2 \t1\t100 ns/op\n",
		"benchstat.txt": "earlier benchstat\n",
		"REPORT.md":     "# earlier report\n",
	} {
		if err := os.WriteFile(filepath.Join(earlier, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stray = filepath.Join(results, "notes.txt")
	if err := os.WriteFile(stray, []byte("not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return results, earlier, stray
}

// TestResultsNotUsable points -results at a regular file and under one: one
// clear line, before anything is built, and nothing created or changed.
func TestResultsNotUsable(t *testing.T) {
	results, earlier, stray := earlierResults(t)
	for _, tc := range []struct {
		name, results, want string
	}{
		{"is a file", filepath.Join(earlier, "raw.txt"), "-results " + filepath.Join(earlier, "raw.txt") + " is a file, not a folder; point -results at a folder"},
		{"under a file", filepath.Join(stray, "new", "results"), "-results " + filepath.Join(stray, "new", "results") + " is under " + stray + ", which is a file, not a folder; point -results at a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, results)
			var stdout, stderr bytes.Buffer
			err := drive([]string{"-scale", "tiny", "-count", "1", "-results", tc.results}, &stdout, &stderr, nil, testHooks)
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line containing %q", err, tc.want)
			}
			if stdout.Len() != 0 || stderr.Len() != 0 {
				t.Errorf("output before refusing -results: stdout %q stderr %q", stdout.String(), stderr.String())
			}
			sameSnapshot(t, results, before)

			// newRunFolder checks too, in case the path changed after
			// the early check.
			if _, err := newRunFolder(tc.results, "", time.Now()); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("newRunFolder: error %v, want %q", err, tc.want)
			}
			sameSnapshot(t, results, before)
		})
	}
	t.Run("proc", func(t *testing.T) {
		// /proc/self is a folder in which nothing can be created.
		_, err := newRunFolder("/proc/self/results", "", time.Now())
		if err == nil || !strings.HasPrefix(err.Error(), "cannot create the results folder /proc/self/results (-results): ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("error %q", err)
		}
	})
}

// fullDisk passes writes through until one containing arm has passed, and
// then fails every write with ENOSPC, as a file on a full disk does.
type fullDisk struct {
	w     io.Writer
	name  string
	arm   string
	mu    sync.Mutex
	armed bool
	fails int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.armed {
		f.fails++
		return 0, &fs.PathError{Op: "write", Path: f.name, Err: syscall.ENOSPC}
	}
	if bytes.Contains(p, []byte(f.arm)) {
		f.armed = true
	}
	return f.w.Write(p)
}

// failAfterFirstResult returns a wrapRaw for the driver that makes raw.txt
// "full" once the first benchmark result has been written.
func failAfterFirstResult(disk **fullDisk) func(io.Writer) io.Writer {
	return func(w io.Writer) io.Writer {
		name := "raw.txt"
		if f, ok := w.(*os.File); ok {
			name = f.Name()
		}
		*disk = &fullDisk{w: w, name: name, arm: "Benchmark"}
		return *disk
	}
}

// checkDiskFullError checks what a run that hit a full disk in raw.txt
// returned and left in dir.
func checkDiskFullError(t *testing.T, err error, dir, firstResult string) {
	t.Helper()
	rawPath := filepath.Join(dir, "raw.txt")
	want := "writing " + rawPath + " failed during run 1 of "
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), ": no space left on device; the benchmark binary was stopped") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %q, want one line containing %q and the cause", err, want)
	}
	raw, rerr := os.ReadFile(rawPath)
	if rerr != nil || !strings.Contains(string(raw), firstResult) {
		t.Errorf("raw.txt lost what was written before the disk filled: %v\n%s", rerr, raw)
	}
	inc, ierr := os.ReadFile(filepath.Join(dir, "INCOMPLETE"))
	if ierr != nil || !strings.Contains(string(inc), "no space left on device") {
		t.Errorf("INCOMPLETE: %q, %v", inc, ierr)
	}
}

// TestRawWriteFails makes raw.txt's disk fill up while a stand-in benchmark
// binary that would otherwise run for a long time is printing: the run
// fails at once naming raw.txt and the cause, the binary is killed and
// reaped, what was written stays and INCOMPLETE says why.
func TestRawWriteFails(t *testing.T) {
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bench.test")
	pidFile := filepath.Join(tmp, "pid")
	script := `#!/bin/sh
echo $$ > ` + pidFile + `
echo "goos: linux"
echo "BenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2 	1	100 ns/op"
echo "BenchmarkSleep/d=1ms/tasks=4/strategy=pool/procs=2 	1	100 ns/op"
exec sleep 1000
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	var disk *fullDisk
	d := &driver{o: options{count: 3, bench: ".", benchtime: "1x", scale: "tiny"}, stdout: &stdout, stderr: &stderr, modRoot: ".", binary: bin, wrapRaw: failAfterFirstResult(&disk)}
	start := time.Now()
	err := d.measure(t.Context(), dir, []string{"BenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2", "BenchmarkSleep/d=1ms/tasks=4/strategy=pool/procs=2"}, time.Now())
	// Without the kill, the binary would sleep for 1000 s.
	if el := time.Since(start); el > 2*time.Minute {
		t.Errorf("the run took %v after the disk filled", el)
	}
	checkDiskFullError(t, err, dir, "strategy=spawn/procs=2")
	if disk.fails != 1 {
		t.Errorf("%d writes failed, want 1: the driver must stop writing after the first failure", disk.fails)
	}
	if raw, _ := os.ReadFile(filepath.Join(dir, "raw.txt")); strings.Contains(string(raw), "strategy=pool") {
		t.Errorf("raw.txt holds the line whose write failed:\n%s", raw)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	// Killed and reaped: no /proc entry at all, not even a zombie.
	if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); !errors.Is(err, fs.ErrNotExist) {
		stat, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		t.Errorf("the benchmark binary (pid %d) is still there: %s", pid, stat)
	}
}

// TestRawFullFromTheStart writes raw.txt to /dev/full, which fails every
// write with ENOSPC: nothing was measured, so the run folder is removed
// and earlier runs are untouched.
func TestRawFullFromTheStart(t *testing.T) {
	results, earlier, _ := earlierResults(t)
	before := snapshot(t, results)
	dir, err := newRunFolder(results, "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	d := &driver{o: options{count: 1, bench: ".", benchtime: "1x", scale: "tiny"}, stdout: &stdout, stderr: &stderr, modRoot: ".", binary: "/bin/false",
		wrapRaw: func(io.Writer) io.Writer {
			full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { full.Close() })
			return full
		}}
	err = d.measure(t.Context(), dir, []string{"BenchmarkSleep"}, time.Now())
	want := "writing " + filepath.Join(dir, "raw.txt") + ": no space left on device; nothing was measured, and the run folder was removed"
	if err == nil || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	sameSnapshot(t, results, before)
	if _, err := os.Stat(earlier); err != nil {
		t.Error(err)
	}
}

// processes lists the processes whose executable satisfies match; it may
// run on any goroutine, so it returns none if /proc cannot be read.
func processes(match func(exe string) bool) []proctable.Proc {
	all, _ := proctable.List()
	var ps []proctable.Proc
	for _, p := range all {
		if p.Exe != "" && match(p.Exe) {
			ps = append(ps, p)
		}
	}
	return ps
}

// zombieChildren lists the children of this test process that exited and
// were not reaped.
func zombieChildren(t *testing.T) []proctable.Proc {
	t.Helper()
	kids, err := proctable.Children()
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(kids, func(p proctable.Proc) bool { return p.State != "Z" })
}

// noProcessesLeft fails t if, after a grace of a few seconds for worker
// processes to die of their parent's death, a process whose executable
// satisfies match is still running, or a child of this process is a zombie.
func noProcessesLeft(t *testing.T, what string, match func(exe string) bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		left := processes(match)
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("%d processes running %s are left:\n%v", len(left), what, left)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if zs := zombieChildren(t); len(zs) > 0 {
		t.Errorf("unreaped children: %v", zs)
	}
}

// buildDriver builds the benchmark binary into a fresh folder and returns a
// driver for it with the options o, and the selected benchmarks.
func buildDriver(t *testing.T, o options) (*driver, []string) {
	t.Helper()
	root, err := moduleRoot(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if o.pkg == "" {
		o.pkg = benchPkg
	}
	d := &driver{o: o, stdout: &syncBuffer{}, stderr: &syncBuffer{}, modRoot: root, binary: filepath.Join(t.TempDir(), "bench.test")}
	if err := d.build(t.Context()); err != nil {
		t.Fatal(err)
	}
	names, err := d.list(t.Context(), o.bench)
	if err != nil || len(names) == 0 {
		t.Fatalf("listing: %v, %d names", err, len(names))
	}
	return d, names
}

// TestRawWriteFailsWithWorkers fills raw.txt's disk during a run of the
// real benchmark binary with process workers: the run fails naming raw.txt,
// and no process of the binary (the benchmark binary or a worker) is left.
func TestRawWriteFailsWithWorkers(t *testing.T) {
	var disk *fullDisk
	d, names := buildDriver(t, options{count: 20, bench: "SleepWorkers", benchtime: "10x", scale: "tiny"})
	d.wrapRaw = failAfterFirstResult(&disk)
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	err := d.measure(ctx, dir, names, time.Now())
	checkDiskFullError(t, err, dir, "BenchmarkSleepWorkers/")
	noProcessesLeft(t, d.binary, func(exe string) bool { return exe == d.binary })
}
