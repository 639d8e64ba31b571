package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// CeilingEnv marks a process started by the HashCeiling probe: its main or
// TestMain must call ServeCeiling when IsCeilingWorker is true, as it calls
// strategies.ServeWorker for the process strategy.
const CeilingEnv = "CONCBENCH_CEILING"

// IsCeilingWorker reports whether this process was started by the
// HashCeiling probe.
func IsCeilingWorker() bool { return os.Getenv(CeilingEnv) == "1" }

// ServeCeiling is the probe's worker: for each line "spec first n" read
// from in, it runs tasks first to first+n-1 of the workload in one batch,
// in a plain loop, and writes their checksum (Fold sum) in decimal on a
// line of out. It returns nil when in ends. It is the process strategy's
// worker without its protocol: no frames, no chunks, no cancellation, one
// round trip per share.
func ServeCeiling(in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	w := bufio.NewWriter(out)
	var spec string
	var wl workloads.Workload
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			return fmt.Errorf("bench: ceiling worker: request %q is not \"spec first n\"", sc.Text())
		}
		first, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || first < 0 || n < 0 {
			return fmt.Errorf("bench: ceiling worker: request %q: bad task range", sc.Text())
		}
		if f[0] != spec {
			if wl, err1 = workloads.Parse(f[0]); err1 != nil {
				return fmt.Errorf("bench: ceiling worker: %w", err1)
			}
			spec = f[0]
		}
		b := wl.Start(n, 1)
		var sum uint64
		for i := first; i < first+n; i++ {
			v, err := b.Do(context.Background(), 0, i)
			if err != nil {
				return fmt.Errorf("bench: ceiling worker: task %d: %w", i, err)
			}
			sum += workloads.Fold(i, v)
		}
		workloads.Release(b)
		fmt.Fprintf(w, "%d\n", sum)
		if err := w.Flush(); err != nil {
			return fmt.Errorf("bench: ceiling worker: writing: %w", err)
		}
	}
	return sc.Err()
}

// hashCeilingCases is the HashCeiling probe: the coarse hash of the Hash
// family on as many processes as CPUs, each hashing its contiguous share
// of the batch in a plain loop. Its cases name Probe, not a strategy.
func hashCeilingCases(s Scale, h Host, _ []string) []Case {
	c := coarseBatch(s).Case("", h.NumCPU)
	c.Probe, c.Workers = "processes", h.NumCPU
	return []Case{c}
}

// runCeilingFamily runs each case as a sub-benchmark of b; with ListEnv
// set, each only prints its name.
func runCeilingFamily(b *testing.B, cases []Case) {
	want := checksums{}
	list := os.Getenv(ListEnv) != ""
	for _, c := range cases {
		b.Run(c.Name(), func(b *testing.B) {
			if list {
				fmt.Fprintf(os.Stdout, "%s%s\n", ListPrefix, b.Name())
				b.SkipNow()
			}
			runCeiling(b, c, want)
		})
	}
}

// ceilingWorker is one process of the probe.
type ceilingWorker struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// runCeiling measures one case: Workers processes each hash their share,
// once untimed, then timed by b.Loop (one call per sample: the processes
// start once).
func runCeiling(b *testing.B, c Case, want checksums) {
	prev := runtime.GOMAXPROCS(c.Procs)
	b.Cleanup(func() { runtime.GOMAXPROCS(prev) })
	w, err := workloads.Parse(c.Workload)
	if err != nil {
		b.Fatalf("workload %s: %v", c.Workload, err)
	}
	sum, err := want.get(context.Background(), strategies.Sequential{}, w, c.Tasks)
	if err != nil {
		b.Fatal(err)
	}
	if strategies.IsWorker() || IsCeilingWorker() {
		b.Fatal("refusing to start probe processes from inside a worker process")
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatalf("finding the running binary: %v", err)
	}
	workers := make([]*ceilingWorker, c.Workers)
	for k := range workers {
		cmd := exec.Command(exe, "-test.run=^$", "-test.bench=^$")
		cmd.Env = append(os.Environ(), CeilingEnv+"=1", "GOMAXPROCS=1")
		cmd.Stderr = os.Stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			b.Fatal(err)
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatalf("starting a probe process: %v", err)
		}
		workers[k] = &ceilingWorker{cmd, in, bufio.NewReader(out)}
		b.Cleanup(func() {
			in.Close()
			if err := cmd.Wait(); err != nil {
				b.Errorf("probe process %d: %v", cmd.Process.Pid, err)
			}
		})
	}
	round := func() {
		for k, cw := range workers {
			first, last := k*c.Tasks/c.Workers, (k+1)*c.Tasks/c.Workers
			if _, err := fmt.Fprintf(cw.in, "%s %d %d\n", c.Workload, first, last-first); err != nil {
				b.Fatalf("probe process %d: %v", cw.cmd.Process.Pid, err)
			}
		}
		var got uint64
		for _, cw := range workers {
			line, err := cw.out.ReadString('\n')
			if err != nil {
				b.Fatalf("probe process %d: reading its checksum: %v", cw.cmd.Process.Pid, err)
			}
			v, err := strconv.ParseUint(strings.TrimSpace(line), 10, 64)
			if err != nil {
				b.Fatalf("probe process %d: reply %q: %v", cw.cmd.Process.Pid, line, err)
			}
			got += v
		}
		if got != sum {
			b.Fatalf("checksum mismatch: the probe gave %#x, sequential gave %#x", got, sum)
		}
	}
	round() // warm-up: the processes start and fault their buffers in
	load := startLoad()
	for b.Loop() {
		round()
	}
	// The probe processes' CPU time is not counted as the benchmark's
	// own here, so other-pct is not reported; steal-pct is.
	load.report(b, 0, false)
	tasks := float64(b.N) * float64(c.Tasks)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/tasks, runfile.UnitNsPerTask)
	if b.Elapsed() > 0 {
		b.ReportMetric(tasks/b.Elapsed().Seconds(), runfile.UnitTasksPerSec)
	}
}
