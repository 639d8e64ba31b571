package python

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/perf/benchfmt"
)

// TestRunWritesBenchfmt runs a small reference into a run folder, with
// python3 standing in for a free-threaded CPython, and reads python.txt
// back with benchfmt: configuration lines, names, units, interleaving.
func TestRunWritesBenchfmt(t *testing.T) {
	py := python(t)
	run := filepath.Join(t.TempDir(), "20260101T000000Z-host")
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(run, "raw.txt"), []byte("commit: abc1234\nscale: tiny\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	reference(t, "-run", run, "-count", "2", "-benchtime", "1ms", "-bench", "Pycpu|Counter.*sync=mutex", "-ft", py)
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
	} {
		if config[k] != want {
			t.Errorf("config %s = %q, want %q", k, config[k], want)
		}
	}
	// Pycpu: 5 strategies in python, 3 in python-ft; Counter mutex: 3 and 3;
	// two interleaved runs.
	if len(names) != 2*(5+3+3+3) {
		t.Fatalf("%d results, want %d:\n%s", len(names), 2*(5+3+3+3), strings.Join(names, "\n"))
	}
	if names[0] != names[14] || !strings.HasSuffix(names[0], "/strategy=sequential/lang=python/procs="+config["procs"]) {
		t.Errorf("runs not interleaved or misnamed: %s … %s", names[0], names[14])
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
}
