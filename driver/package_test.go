package driver

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/concbench/concbench/runfile"
)

// The command on a user's package (testdata/fake, written with
// concbench.Run): its flags reach the benchmarks (the strategies, the
// worker counts, a setting that reaches every worker process and never
// the names), and the run ends with a run folder, the report and the
// printed answer.
func TestUserPackage(t *testing.T) {
	results := t.TempDir()
	var stdout, stderr syncBuffer
	err := drive([]string{"-count", "6", "-warmup", "0", "-benchtime", "1x", "-bench", "Add", "-set", "tag=127.0.0.1:39803",
		"-workers", "1,4", "-strategies", "pool,exec", "-results", results, "./testdata/fake"}, &stdout, &stderr, nil, testHooks)
	if err != nil {
		t.Fatalf("drive: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	dirs := runDirs(t, results)
	if len(dirs) != 1 {
		t.Fatalf("run folders %v", dirs)
	}
	raw, err := os.ReadFile(filepath.Join(dirs[0], runfile.RawFile))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, l := range strings.Split(string(raw), "\n") {
		if name, ok := resultName(l); ok {
			names[name] = true
		}
	}
	want := []string{"sequential/procs", "pool/workers=1/procs", "pool/workers=4/procs", "exec/workers=1/procs", "exec/workers=4/procs"}
	if len(names) != len(want) {
		t.Errorf("configurations %v, want %d", names, len(want))
	}
	for _, w := range want {
		found := false
		for n := range names {
			found = found || strings.Contains(n, "BenchmarkAdd/n=3/need=tag/tasks=8/strategy="+w)
		}
		if !found {
			t.Errorf("no configuration strategy=%s in %v", w, names)
		}
	}
	if strings.Contains(string(raw), "39803") {
		t.Errorf("the setting entered raw.txt:\n%s", raw)
	}
	for _, f := range []string{runfile.BenchstatFile, runfile.ReportFile, runfile.HTMLFile} {
		if _, err := os.Stat(filepath.Join(dirs[0], f)); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
	if !strings.Contains(stdout.String(), "Which strategy at procs=") || !strings.Contains(stdout.String(), "n=3 need=tag tasks=8: use ") {
		t.Errorf("no printed answer for the workload:\n%s", stdout.String())
	}
}

// A package path that does not build, and a package with no concbench
// benchmarks, are each one line of error, before any run folder.
func TestPackageErrors(t *testing.T) {
	for _, tc := range []struct{ pkg, want string }{
		{"./testdata/nosuch", "building the test binary of ./testdata/nosuch (go test -c): "},
		{"./testdata/plain", "./testdata/plain has no concbench benchmarks: a benchmark of its must call concbench.Run"},
	} {
		results := filepath.Join(t.TempDir(), "results")
		err := drive([]string{"-count", "6", "-results", results, tc.pkg}, &syncBuffer{}, &syncBuffer{}, nil, testHooks)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q, want one line starting %q", tc.pkg, err, tc.want)
		}
		if _, err := os.Stat(results); err == nil {
			if dirs, _ := os.ReadDir(results); len(dirs) > 0 {
				t.Errorf("%s: a run folder was made", tc.pkg)
			}
		}
	}
}

// The cost probe leaves out a configuration whose batches would take more
// than its share of the budget (exec: a process start per task), naming
// it with its estimate and the -force that keeps it; -force keeps it.
func TestCostProbe(t *testing.T) {
	run := func(t *testing.T, extra ...string) (string, string) {
		t.Helper()
		results := t.TempDir()
		var stdout, stderr syncBuffer
		args := append([]string{"-count", "6", "-warmup", "0", "-benchtime", "1x", "-bench", "Nap", "-budget", "2s", "-report=false", "-results", results}, extra...)
		if err := drive(append(args, "./testdata/fake"), &stdout, &stderr, nil, testHooks); err != nil {
			t.Fatalf("drive: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
		}
		raw, err := os.ReadFile(filepath.Join(runDirs(t, results)[0], runfile.RawFile))
		if err != nil {
			t.Fatal(err)
		}
		return stdout.String(), string(raw)
	}
	out, raw := run(t)
	left := regexp.MustCompile(`left out Nap/ms=0/tasks=256/strategy=exec/workers=1/procs=\d+: a batch takes .*, more than 83ms \(1/4 of the 2s budget over 6 rounds\); -force 'strategy=exec/workers=1' keeps it`)
	if !left.MatchString(out) {
		t.Errorf("stdout does not name exec as left out:\n%s", out)
	}
	if strings.Contains(raw, "strategy=exec") || !strings.Contains(raw, "strategy=pool/workers=1") {
		t.Errorf("raw.txt: exec should be left out, pool kept:\n%s", raw)
	}
	out, raw = run(t, "-force", "strategy=exec")
	if strings.Contains(out, "left out") || !strings.Contains(raw, "strategy=exec/workers=1") {
		t.Errorf("with -force, exec is still left out:\n%s\n%s", out, raw)
	}
}

// Ctrl-C during a user's run keeps every sample it finished: raw.txt holds
// every result the driver printed, and INCOMPLETE says why it stopped.
func TestInterruptUserPackage(t *testing.T) {
	results := t.TempDir()
	sigs := make(chan os.Signal, 1)
	var once sync.Once
	stdout := &notifyWriter{s: "[run 3/", f: func() { once.Do(func() { sigs <- syscall.SIGINT }) }}
	var stderr syncBuffer
	err := drive([]string{"-count", "40", "-warmup", "0", "-benchtime", "1x", "-bench", "Nap", "-results", results, "./testdata/fake"}, stdout, &stderr, sigs, testHooks)
	if err == nil || !strings.Contains(err.Error(), "interrupted by SIGINT") {
		t.Fatalf("error %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	dir := runDirs(t, results)[0]
	raw, err := os.ReadFile(filepath.Join(dir, runfile.RawFile))
	if err != nil {
		t.Fatal(err)
	}
	printed := strings.Count(stdout.String(), "] Nap/")
	kept := 0
	for _, l := range strings.Split(string(raw), "\n") {
		if _, ok := resultName(l); ok {
			kept++
		}
	}
	if printed < 4 || kept < printed {
		t.Errorf("printed %d results, raw.txt kept %d", printed, kept)
	}
	if inc, err := os.ReadFile(filepath.Join(dir, runfile.IncompleteFile)); err != nil || !strings.Contains(string(inc), "interrupted by SIGINT") {
		t.Errorf("INCOMPLETE: %q, %v", inc, err)
	}
}
