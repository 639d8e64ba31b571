package python

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/runfile"

	"golang.org/x/perf/benchfmt"
)

// TestRunWritesBenchfmt runs a small reference into a run folder, with
// python3 standing in for a free-threaded CPython, and reads python.txt
// back with benchfmt: configuration lines, names, units, interleaving.
func TestRunWritesBenchfmt(t *testing.T) {
	py := python(t)
	run := runFolder(t, "commit: abc1234\nscale: tiny\n")
	reference(t, "-run", run, "-count", "2", "-benchtime", "1ms", "-bench", "Pycpu|Counter.*sync=mutex|Sleep.*asyncio", "-ft", py)
	f, err := os.Open(filepath.Join(run, "python.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := benchfmt.NewReader(f, "python.txt")
	config := map[string]string{}
	var names []string
	for rd.Scan() {
		switch r := rd.Result().(type) {
		case *benchfmt.SyntaxError:
			t.Fatal(r)
		case *benchfmt.Result:
			for _, c := range r.Config {
				config[c.Key] = string(c.Value)
			}
			names = append(names, string(r.Name.Full()))
			units := map[string]bool{}
			for _, v := range r.Values {
				units[v.OrigUnit] = true
				units[v.Unit] = true
			}
			for _, u := range []string{"ns/op", "cpu-ns/op", "ns/task", "tasks/s"} {
				if !units[u] {
					t.Errorf("%s lacks %s", r.Name.Full(), u)
				}
			}
		}
	}
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"python-implementation": "CPython", "python-gil": "on", "python-ft-gil": "on", "commit": "abc1234",
		"scale": "tiny", "count": "2", "counterpart-threads": "spawn", "model-threads": "gil", "mp-start-method": "fork",
		"counterpart-asyncio": "spawn", "model-asyncio": "gil", "families-asyncio": "Sleep Fetch", "overlaps-asyncio": "threads",
	} {
		if config[k] != want {
			t.Errorf("config %s = %q, want %q", k, config[k], want)
		}
	}
	// Sleep under asyncio: 1 in python, none in python-ft; Pycpu: 5
	// strategies in python, 3 in python-ft; Counter mutex: 3 and 3; two
	// interleaved runs.
	if len(names) != 2*(1+5+3+3+3) {
		t.Fatalf("%d results, want %d:\n%s", len(names), 2*(1+5+3+3+3), strings.Join(names, "\n"))
	}
	if names[0] != names[15] || !strings.HasSuffix(names[0], "/strategy=asyncio/lang=python/procs="+config["procs"]) {
		t.Errorf("runs not interleaved or misnamed: %s … %s", names[0], names[15])
	}
	ft := 0
	for _, n := range names {
		if strings.Contains(n, "/lang=python-ft/") {
			ft++
		}
	}
	if ft != 2*6 {
		t.Errorf("%d free-threaded rows, want 12", ft)
	}
	// Every value passes the report's checks, without a warning.
	data, err := os.ReadFile(filepath.Join(run, "python.txt"))
	if err != nil {
		t.Fatal(err)
	}
	check := t.TempDir()
	if err := os.WriteFile(filepath.Join(check, runfile.RawFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if r, err := rundir.ReadRun(check); err != nil {
		t.Error(err)
	} else if len(r.Warnings) > 0 {
		t.Errorf("warnings: %q", r.Warnings)
	}
}

// TestRunRejectsNonFiniteRaw: the reference reads the run's raw.txt for
// its configuration; a result value there that is not a finite number
// stops it with raw.txt:LINE, the benchmark and the metric, as it would
// stop make report, before anything is measured or written.
func TestRunRejectsNonFiniteRaw(t *testing.T) {
	py := python(t)
	for _, v := range []string{"NaN", "+Inf", "-inf"} {
		run := filepath.Join(t.TempDir(), "20260101T000000Z-host")
		if err := os.MkdirAll(run, 0o755); err != nil {
			t.Fatal(err)
		}
		raw := "scale: tiny\nBenchmarkSleep/d=1ms/tasks=4/strategy=spawn/procs=2 \t1\t1100000 ns/op\nBenchmarkSleep/d=1ms/tasks=4/strategy=gil/procs=2 \t1\t1100000 ns/op\t" + v + " cpu-ns/op\n"
		if err := os.WriteFile(filepath.Join(run, "raw.txt"), []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(py, "concbench", "-run", run, "-count", "1", "-benchtime", "1ms", "-bench", "Pycpu", "-ft", "none")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		want := "reference: " + filepath.Join(run, "raw.txt") + ":3: BenchmarkSleep/d=1ms/tasks=4/strategy=gil/procs=2: cpu-ns/op = " + v + ": not a finite number\n"
		if err == nil || stderr.String() != want {
			t.Errorf("%s: %v, stderr %q, want %q", v, err, stderr.String(), want)
		}
		if _, err := os.Stat(filepath.Join(run, "python.txt")); err == nil {
			t.Errorf("%s: python.txt was written", v)
		}
	}
}

// TestRunWithFetchServer builds Go's fetch server (cmd/fetchserver), as
// make reference does, and runs the Fetch rows against it: one row per
// strategy that runs Fetch, asyncio included, the server named in the
// configuration, and no server process left once the run ends.
func TestRunWithFetchServer(t *testing.T) {
	py := python(t)
	bin := filepath.Join(t.TempDir(), "fetchserver")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/fetchserver").CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/fetchserver: %v\n%s", err, out)
	}
	run := runFolder(t, "scale: tiny\n")
	cmd := exec.Command(py, "concbench", "-run", run, "-count", "1", "-benchtime", "1ms", "-bench", "Fetch", "-ft", "none", "-fetch-server", bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(run, "python.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "BenchmarkFetch/") {
			rows = append(rows, strings.Fields(l)[0])
		}
	}
	for i, st := range []string{"sequential", "threads", "threadpool", "asyncio"} {
		if i >= len(rows) || !strings.HasPrefix(rows[i], "BenchmarkFetch/d=1ms/size=1KiB/client=shared/tasks=4/strategy="+st+"/lang=python/procs=") {
			t.Errorf("Fetch rows %q: row %d is not strategy=%s", rows, i, st)
		}
	}
	if len(rows) != 4 {
		t.Errorf("%d Fetch rows, want 4", len(rows))
	}
	if !strings.Contains(string(data), "\nfetch-server: Go's workloads.FetchServer in a process of its own, 127.0.0.1:") {
		t.Errorf("python.txt does not name the fetch server:\n%s", data)
	}
	if left := runProcs(t, bin); len(left) > 0 {
		t.Errorf("the fetch server outlived the run:\n%s", strings.Join(left, "\n"))
	}
}
