package python

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/concbench/concbench/internal/proctable"
)

// TestInterruptLeavesNoProcess interrupts a reference run while its
// multiprocessing workers are busy and checks that it exits non-zero with
// one line saying what was kept, that python.txt keeps whole lines only,
// and that no process of the run is left (forked workers carry the run
// folder in their command line).
func TestInterruptLeavesNoProcess(t *testing.T) {
	py := python(t)
	run := filepath.Join(t.TempDir(), "20260101T000000Z-orphans")
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(run, "raw.txt"), []byte("scale: full\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "concbench", "-run", run, "-count", "50", "-benchtime", "20ms", "-bench", "Pycpu.*mp", "-ft", "none")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the first result is written, so that workers are running.
	out := filepath.Join(run, "python.txt")
	deadline := time.Now().Add(30 * time.Second)
	for {
		b, _ := os.ReadFile(out)
		if bytes.Contains(b, []byte("Benchmark")) {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no result within 30 s:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Interrupt while workers run: the run's own process and at least
	// one forked worker carry the run folder in their command lines.
	for len(runProcs(t, run)) < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("never saw a worker process of the run: the check below would prove nothing")
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err == nil {
			t.Errorf("an interrupted run exited 0")
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("the run did not stop within 20 s of SIGINT:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted; what was measured stays in") {
		t.Errorf("stderr does not say what was kept:\n%s", stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil || len(b) == 0 || b[len(b)-1] != '\n' {
		t.Errorf("python.txt does not end with a whole line: %v %q", err, b)
	}
	// Workers the kernel has not yet reaped get a moment.
	var left []string
	for range 50 {
		if left = runProcs(t, run); len(left) == 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("processes left 5 s after the run:\n%s", strings.Join(left, "\n"))
}

// runProcs lists the processes whose command line holds the run folder.
func runProcs(t *testing.T, run string) []string {
	t.Helper()
	procs, err := proctable.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range procs {
		if strings.Contains(p.Cmd, run) {
			out = append(out, p.String())
		}
	}
	return out
}
