// Package python holds the tests of the CPython reference implementation in
// reference/python/concbench (see its __main__.py for the manual): that its
// tasks compute, value for value, what the Go workloads compute, and that its
// benchmark names line up with the Go matrix. The tests run python3; they
// skip, saying so, only when python3 is not on the PATH.
package python

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// TestMain ignores the goroutines alive when it starts: importing ants
// (through strategies) starts its default pool, whose two housekeeping
// goroutines live as long as the process.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m, goleak.IgnoreCurrent()) }

// python returns the path of python3, or skips the test.
func python(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on the PATH: the CPython reference cannot be checked here")
	}
	return p
}

// taskValues runs tasks tasks of w one by one in this process and returns
// their values, the Go side of a digest comparison; the batch is released
// after.
func taskValues(t *testing.T, w workloads.Workload, tasks int) []uint64 {
	t.Helper()
	b := w.Start(tasks, 1)
	defer workloads.Release(b)
	var want []uint64
	for i := range tasks {
		v, err := b.Do(context.Background(), 0, i)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, v)
	}
	return want
}

// runFolder makes a run folder, named as the driver names one, whose
// raw.txt holds raw, and returns its path.
func runFolder(t *testing.T, raw string) string {
	t.Helper()
	run := filepath.Join(t.TempDir(), "20260101T000000Z-host")
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(run, "raw.txt"), []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	return run
}

// referenceStderr runs the reference tool with args and returns what it
// wrote to stderr and how it ended, for the tests of its messages.
func referenceStderr(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(python(t), append([]string{"concbench"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	return stderr.String(), err
}

// reference runs the reference tool with args and returns its stdout.
func reference(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(python(t), append([]string{"concbench"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3 concbench %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// TestDigestsMatchGo compares, task by task, the values (and for hash the
// full digests) and the batch checksum of the Python tasks with Go's.
func TestDigestsMatchGo(t *testing.T) {
	for _, c := range []struct {
		spec     string
		tasks    int
		strategy string // the Python strategy that runs the batch; "" for sequential
	}{
		{"hash/size=64B/rounds=1", 16, ""},
		{"hash/size=100B/rounds=3", 8, ""}, // a size that is not a multiple of 8
		{"hash/size=64KiB/rounds=2", 3, ""},
		{"pycpu/n=1000", 8, ""},
		{"pycpu/n=100000", 3, ""},
		{"sleep/d=1ms", 4, ""},
		{"sleep/d=1ms", 16, "asyncio"}, // the async form: asyncio.sleep in coroutines
		{"sleep/d=2ms", 5, "threads"},
		{"counter/incs=10/sync=mutex", 4, ""},
	} {
		name := c.spec
		if c.strategy != "" {
			name += "/strategy=" + c.strategy
		}
		t.Run(name, func(t *testing.T) {
			args := []string{"digests", "-workload", c.spec, "-tasks", strconv.Itoa(c.tasks)}
			if c.strategy != "" {
				args = append(args, "-strategy", c.strategy)
			}
			out := reference(t, args...)
			w, err := workloads.Parse(c.spec)
			if err != nil {
				t.Fatal(err)
			}
			want := taskValues(t, w, c.tasks)
			res, err := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: c.tasks})
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(strings.NewReader(out))
			seen := 0
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				switch {
				case len(f) >= 3 && f[0] == "task":
					i, _ := strconv.Atoi(f[1])
					v, err := strconv.ParseUint(f[2], 10, 64)
					if err != nil || i != seen || i >= c.tasks {
						t.Fatalf("bad line %q", sc.Text())
					}
					if v != want[i] {
						t.Errorf("task %d: Python %d, Go %d", i, v, want[i])
					}
					if strings.HasPrefix(c.spec, "hash/") {
						checkDigest(t, c.spec, i, f, v)
					}
					seen++
				case len(f) == 2 && f[0] == "checksum":
					if f[1] != strconv.FormatUint(res.Checksum, 10) {
						t.Errorf("batch checksum: Python %s, Go %d", f[1], res.Checksum)
					}
				default:
					t.Fatalf("unexpected line %q", sc.Text())
				}
			}
			if seen != c.tasks {
				t.Errorf("Python printed %d tasks, want %d:\n%s", seen, c.tasks, out)
			}
		})
	}
}

// TestFetchMatchesGo runs CPython's fetch tasks against Go's fetch server,
// under the strategies that run Fetch (asyncio: asyncio.open_connection
// and plain HTTP/1.1; the others: http.client), and compares every task's
// value (the CRC-64 of its body) and the batch checksum with Go's tasks
// against the same server.
func TestFetchMatchesGo(t *testing.T) {
	srv, err := workloads.NewFetchServer()
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}()
	every := []string{"sequential", "threads", "threadpool", "asyncio"}
	for _, c := range []struct {
		spec       string
		tasks      int
		strategies []string
	}{
		{"fetch/d=1ms/size=1KiB/client=shared", 8, every},
		{"fetch/d=0s/size=5B/client=shared", 3, []string{"sequential", "asyncio"}},     // shorter than the 8 bytes of i
		{"fetch/d=0s/size=40004B/client=shared", 3, []string{"sequential", "asyncio"}}, // the 32 KiB pattern repeated, cut
		{"fetch/d=2ms/size=16KiB/client=shared", 16, []string{"threads", "asyncio"}},   // the full scale's body
	} {
		spec := fmt.Sprintf("%s/port=%d", c.spec, srv.Port())
		w, err := workloads.Parse(spec)
		if err != nil {
			t.Fatal(err)
		}
		want := taskValues(t, w, c.tasks)
		res, err := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: c.tasks})
		if err != nil {
			t.Fatal(err)
		}
		if cl, ok := w.(interface{ Close() error }); ok {
			cl.Close()
		}
		for _, st := range c.strategies {
			t.Run(c.spec+"/strategy="+st, func(t *testing.T) {
				out := reference(t, "digests", "-workload", spec, "-tasks", strconv.Itoa(c.tasks), "-strategy", st)
				var lines []string
				for i, v := range want {
					lines = append(lines, fmt.Sprintf("task %d %d", i, v))
				}
				lines = append(lines, fmt.Sprintf("checksum %d", res.Checksum))
				if w := strings.Join(lines, "\n") + "\n"; out != w {
					t.Errorf("Python printed\n%s\nwant (Go's)\n%s", out, w)
				}
			})
		}
	}
}

// checkDigest checks the full digest Python printed for hash task i against
// an independent computation of the hash workload's definition, and its
// first 8 bytes against the task value.
func checkDigest(t *testing.T, spec string, i int, f []string, v uint64) {
	t.Helper()
	if len(f) != 4 {
		t.Fatalf("hash task %d: no digest in %q", i, strings.Join(f, " "))
	}
	d, err := hex.DecodeString(f[3])
	if err != nil || len(d) != 32 {
		t.Fatalf("hash task %d: digest %q is not 32 hex bytes", i, f[3])
	}
	if got := binary.LittleEndian.Uint64(d); got != v {
		t.Errorf("hash task %d: digest starts with %d, value is %d", i, got, v)
	}
	s, _ := workloads.ParseSpec(spec)
	size, _ := s.Get("size")
	rounds, _ := s.Get("rounds")
	n, _ := runfile.ParseSize(size)
	r, _ := strconv.Atoi(rounds)
	if want := hashDigest(int(n), r, i); !bytes.Equal(d, want) {
		t.Errorf("hash task %d: Python digest %x, want %x", i, d, want)
	}
}

// TestNamesMatchGo checks that every Python case at every scale is named as
// a Go case of the same family, with a Python strategy and lang=python
// before procs, so that the report can line them up.
func TestNamesMatchGo(t *testing.T) {
	counterpart := map[string]string{"sequential": "sequential", "threads": "spawn", "threadpool": "pool", "mppool": "process", "mpprocess": "exec", "asyncio": "spawn"}
	for _, s := range bench.Scales() {
		goNames := map[string]bool{}
		// Every family of the table: Python runs a subset of them, and
		// each of its names must be a Go name of the same family.
		for _, f := range bench.Families() {
			for _, c := range f.CasesAt(s, bench.Host{NumCPU: runtime.NumCPU(), FetchPort: 1}) {
				goNames[f.Name+"/"+c.Name()] = true
			}
		}
		// The port of a fetch server is in the workload, not in the name.
		out := reference(t, "list", "-scale", s.Name, "-fetch-port", "1")
		lines := strings.Fields(out)
		var asyncRows []string
		if len(lines) < 20 {
			t.Fatalf("%s: only %d Python cases:\n%s", s.Name, len(lines), out)
		}
		for _, name := range lines {
			name = strings.TrimPrefix(name, "Benchmark")
			if strings.Contains(name, "/sync=none/") && !slices.Contains(workloads.SyncNames(), "none") {
				continue // a -race binary has no Go sync=none rows
			}
			parts := strings.Split(name, "/")
			if !slices.Contains(bench.FamilyNames(), parts[0]) {
				t.Errorf("%s: %s: Python family %s is not in the table of bench.Families", s.Name, name, parts[0])
				continue
			}
			n := len(parts)
			if n < 4 || parts[n-2] != "lang=python" || parts[n-1] != fmt.Sprintf("procs=%d", runtime.NumCPU()) {
				t.Errorf("%s: %s does not end in lang=python/procs=%d", s.Name, name, runtime.NumCPU())
				continue
			}
			st := strings.TrimPrefix(parts[n-3], "strategy=")
			goSt, ok := counterpart[st]
			if !ok {
				t.Errorf("%s: %s: unknown Python strategy %q", s.Name, name, st)
				continue
			}
			goName := strings.Join(slices.Concat(parts[:n-3], []string{"strategy=" + goSt, parts[n-1]}), "/")
			if !goNames[goName] {
				t.Errorf("%s: %s has no Go twin %s", s.Name, name, goName)
			}
			if st == "asyncio" {
				asyncRows = append(asyncRows, parts[0])
				// gil, the model named in python.txt, has its row too.
				if gilName := strings.Join(slices.Concat(parts[:n-3], []string{"strategy=gil", parts[n-1]}), "/"); !goNames[gilName] {
					t.Errorf("%s: %s has no Go gil row %s", s.Name, name, gilName)
				}
			}
		}
		// asyncio runs the workloads with an async form, and only those.
		if !slices.Equal(asyncRows, []string{"Sleep", "Fetch"}) {
			t.Errorf("%s: asyncio rows in families %v, want [Sleep Fetch]", s.Name, asyncRows)
		}
	}
}

// TestBadInput checks that bad input gets one clear line and a non-zero
// exit, and that an existing python.txt is never overwritten.
func TestBadInput(t *testing.T) {
	py := python(t)
	run := runFolder(t, "scale: tiny\n")
	if err := os.WriteFile(filepath.Join(run, "python.txt"), []byte("earlier\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-run", run}, "python.txt exists and is never overwritten"},
		{[]string{"-run", run, "-o", "p2.txt", "-count", "0"}, "-count (COUNT) '0' is not a positive integer"},
		{[]string{"-run", run, "-o", "p2.txt", "-scale", "huge"}, "valid scales are full, quick, tiny"},
		{[]string{"-run", run, "-o", "p2.txt", "-bench", "Nothing"}, "matches no case"},
		{[]string{"-run", filepath.Join(run, "missing")}, "no such folder"},
		{[]string{"-results", t.TempDir()}, "no run folder under"},
		{[]string{"digests", "-workload", "disk"}, "valid workloads are sleep, hash, counter, pycpu, fetch"},
		{[]string{"digests", "-workload", "fetch/d=1ms"}, "parameter port: '0' is not the port of a fetch server"},
		{[]string{"digests", "-workload", "fetch/client=per-task/port=1"}, "parameter client: 'per-task' is not one of shared"},
		{[]string{"list", "-fetch-port", "http"}, "-fetch-port 'http' is not a port"},
		{[]string{"digests", "-workload", "counter/sync=spin"}, "valid variants are mutex, none"},
		{[]string{"-run", run, "-o", "p2.txt", "-strategies", "greenlets", "-child"}, "valid strategies are sequential, threads, threadpool, mppool, mpprocess, asyncio"},
		{[]string{"digests", "-workload", "hash/size=64B/rounds=1", "-strategy", "asyncio"}, "has no async form; asyncio runs sleep"},
	} {
		cmd := exec.Command(py, append([]string{"concbench"}, c.args...)...)
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), c.want) || strings.Count(strings.TrimSpace(string(out)), "\n") > 0 {
			t.Errorf("concbench %s: %v, %q; want one line containing %q and a non-zero exit", strings.Join(c.args, " "), err, out, c.want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(run, "python.txt")); string(b) != "earlier\n" {
		t.Errorf("python.txt was changed to %q", b)
	}
	if _, err := os.Stat(filepath.Join(run, "p2.txt")); err == nil {
		t.Errorf("a failed run left p2.txt behind")
	}
}
