package driver

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/concbench/concbench"
	"github.com/concbench/concbench/bench"
)

// waitDelay is how long an interrupted child may take to exit before it is
// killed.
const waitDelay = 5 * time.Second

// driver holds one invocation's state.
type driver struct {
	o       options
	stdout  io.Writer
	stderr  io.Writer
	modRoot string // the module's root; "" when everything is prebuilt
	pkgDir  string // the package's folder, where its test binary runs; "" with -bin
	binary  string
	tmp     string    // the driver's temporary folder, removed at the end
	start   time.Time // when the driver started, for -deadline

	// hooks are the command's: open rows and the report.
	hooks Hooks
	// only, when set, is the file of the configurations every round runs
	// (bench.OnlyEnv): those the cost probe kept. guess holds the probe's
	// batch time of each, for the first round's ETA.
	only  string
	guess map[string]time.Duration

	// wrapRaw, if set, wraps the writer of raw.txt; tests use it to make
	// writes fail as on a full disk.
	wrapRaw func(io.Writer) io.Writer

	mu  sync.Mutex
	sig os.Signal // first signal received, if any
}

// interrupted returns the signal that interrupted the run, or nil.
func (d *driver) interrupted() os.Signal {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.sig
}

// drive is run with the signals to react to as a channel, so that tests can
// send them.
func drive(args []string, stdout, stderr io.Writer, sigs <-chan os.Signal, hooks Hooks) error {
	o, err := parseOptions(args, stderr)
	if err != nil {
		return err
	}
	if f, ok := stdout.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			o.tty = true
			stdout = &statusWriter{w: stdout}
		}
	}
	if o.estimate {
		e, ok, err := floodEstimate(o, nil)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("-estimate: scale %s has no published flood to estimate; use -scale flood", o.scale)
		}
		fmt.Fprintf(stdout, "estimate: %s\n", e)
		return nil
	}
	// A -results that cannot hold run folders is refused before the
	// build, which takes a while; newRunFolder checks again.
	if err := checkResults(o.results); err != nil {
		return err
	}
	d := &driver{o: o, stdout: stdout, stderr: stderr, start: time.Now(), hooks: hooks}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case s := <-sigs:
			d.mu.Lock()
			d.sig = s
			d.mu.Unlock()
			fmt.Fprintf(stderr, "concbench: %s: stopping the benchmark binary and keeping what was measured\n", sigName(s))
			cancel()
		case <-stop:
		}
	}()

	// The module's source and the go command are needed only for what
	// was not given prebuilt; with -bin the benchmark binary runs in the
	// current folder.
	if o.needsGo() {
		if d.modRoot, err = moduleRoot(ctx); err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp("", "concbench-")
	if err != nil {
		return fmt.Errorf("creating a temporary folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	d.tmp = tmp
	if o.bin != "" {
		d.binary = o.bin
		fmt.Fprintf(stdout, "using the prebuilt benchmark binary %s (-bin)\n", o.bin)
	} else {
		d.binary = filepath.Join(tmp, "bench.test")
		fmt.Fprintf(stdout, "building the benchmark binary (go test -c %s)\n", o.pkg)
		if err := d.build(ctx); err != nil {
			return d.early(err)
		}
		if d.pkgDir, err = output(ctx, "", "go", "list", "-f", "{{.Dir}}", o.pkg); err != nil {
			return d.early(fmt.Errorf("locating %s: %w", o.pkg, err))
		}
	}
	names, err := d.list(ctx, o.bench)
	if err != nil {
		return d.early(err)
	}
	if len(names) == 0 {
		return d.noBenchmarks(ctx)
	}

	if err := printFloodEstimate(stdout, o, names); err != nil {
		return err
	}
	names, probed, err := d.probe(ctx, names)
	if err != nil {
		return d.early(err)
	}
	d.fitCount(names, probed)
	d.guess = probed.batch
	if len(probed.leftOut) > 0 {
		if d.only, err = d.onlyFile("run", names); err != nil {
			return err
		}
	}

	now := time.Now()
	dir, err := newRunFolder(o.results, o.host, now)
	if err != nil {
		return err
	}
	if err := d.measure(ctx, dir, names, now); err != nil {
		return err
	}
	return d.summarize(dir)
}

// early turns an error before measuring into an interrupt message if a
// signal caused it.
func (d *driver) early(err error) error {
	if s := d.interrupted(); s != nil {
		return fmt.Errorf("interrupted by %s before any benchmark ran; nothing was written", sigName(s))
	}
	return err
}

// moduleRoot returns the folder holding the go.mod of the module of the
// current folder: the suite's, or a user's that requires it.
func moduleRoot(ctx context.Context) (string, error) {
	gomod, err := output(ctx, "", "go", "env", "GOMOD")
	if err != nil {
		return "", explainNoGo(fmt.Errorf("finding the module: %w", err))
	}
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside a Go module: run from your module's folder (or the suite's repository), or %s", noGoHint)
	}
	return filepath.Dir(gomod), nil
}

// build compiles the test binary of the package once, from the current
// folder, as go test names the package there. A package that does not
// build is an error of one line: go's first.
func (d *driver) build(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, "go", "test", "-c", "-o", d.binary, d.o.pkg)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building the test binary of %s (go test -c): %s", d.o.pkg, firstLine(out.String(), err))
	}
	if _, err := os.Stat(d.binary); err != nil {
		return fmt.Errorf("%s has no test files: write its benchmarks in a _test.go file, calling concbench.Run", d.o.pkg)
	}
	return nil
}

// firstLine is the first line of what go printed, or err when it printed
// nothing.
func firstLine(out string, err error) string {
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return err.Error()
}

// noBenchmarks says why no benchmark was selected: -bench matches none
// of the package's, or the package has no benchmark that calls
// concbench.Run (or runs the suite's matrix).
func (d *driver) noBenchmarks(ctx context.Context) error {
	if d.o.pkg == benchPkg {
		return fmt.Errorf("-bench (BENCH) %q matches no benchmark; the families are %s", d.o.bench, strings.Join(bench.FamilyNames(), ", "))
	}
	if d.o.bench != "." {
		if all, err := d.list(ctx, "."); err == nil && len(all) > 0 {
			return fmt.Errorf("-bench %q matches none of the %d concbench benchmarks of %s", d.o.bench, len(all), d.o.pkg)
		}
	}
	return fmt.Errorf("%s has no concbench benchmarks: a benchmark of its must call concbench.Run, and its TestMain concbench.Main", d.o.pkg)
}

// benchCmd returns the command running the benchmark binary with args, in
// list mode if list is set. An interrupt is forwarded to it as the same
// signal; it is killed if it has not exited waitDelay later.
func (d *driver) benchCmd(ctx context.Context, list bool, args ...string) *exec.Cmd {
	args = append([]string{"-test.run=^$", "-test.bench=" + d.o.bench}, args...)
	cmd := exec.CommandContext(ctx, d.binary, args...)
	cmd.Dir = d.pkgDir
	cmd.Env = append(os.Environ(), d.benchEnv()...)
	if list {
		cmd.Env = append(cmd.Env, bench.ListEnv+"=1")
	}
	cmd.Cancel = func() error {
		s := d.interrupted()
		if s == nil {
			s = syscall.SIGTERM
		}
		return cmd.Process.Signal(s)
	}
	cmd.WaitDelay = waitDelay
	return cmd
}

// benchEnv is what the flags tell the test binary: the suite's scale,
// and the options of the benchmarks that call concbench.Run.
func (d *driver) benchEnv() []string {
	env := []string{bench.ScaleEnv + "=" + d.o.scale}
	if d.o.workers != "" {
		env = append(env, concbench.WorkersEnv+"="+d.o.workers)
	}
	if d.o.strategies != "" {
		env = append(env, concbench.StrategiesEnv+"="+d.o.strategies)
	}
	if d.o.tasks > 0 {
		env = append(env, concbench.TasksEnv+"="+strconv.Itoa(d.o.tasks))
	}
	if len(d.o.settings) > 0 {
		env = append(env, concbench.SettingsEnv+"="+strings.Join(d.o.settings, "\n"))
	}
	return env
}

// list returns the full names of the benchmarks that pattern selects, in
// the order they run, without running them.
func (d *driver) list(ctx context.Context, pattern string) ([]string, error) {
	cmd := d.benchCmd(ctx, true, "-test.benchtime=1x", "-test.bench="+pattern)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var names []string
	for _, line := range strings.Split(out.String(), "\n") {
		if name, ok := strings.CutPrefix(line, bench.ListPrefix); ok {
			names = append(names, strings.TrimSpace(name))
		}
	}
	if err != nil {
		msg := strings.TrimSpace(errOut.String() + "\n" + out.String())
		return nil, fmt.Errorf("listing the benchmarks that -bench (BENCH) %q selects: %w\n%s", pattern, err, msg)
	}
	return names, nil
}

// sigName names the signals the driver handles as the shell does.
func sigName(s os.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}
