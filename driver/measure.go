package driver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/internal/oserr"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// tailWriter keeps the last max bytes written to it.
type tailWriter struct {
	max int
	buf []byte
}

func (t *tailWriter) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = t.buf[len(t.buf)-t.max:]
	}
	return len(p), nil
}

// measure writes raw.txt in dir: the configuration, then the output of
// o.count runs of the benchmark binary and of the noise re-runs, streamed
// line by line. An interrupted or failed run leaves INCOMPLETE next to
// raw.txt and returns an error saying what happened. If raw.txt cannot be
// created or its configuration lines cannot be written, nothing was
// measured: the run folder is removed again.
func (d *driver) measure(ctx context.Context, dir string, names []string, now time.Time) error {
	rawPath := filepath.Join(dir, runfile.RawFile)
	f, err := os.OpenFile(rawPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		os.Remove(dir)
		return fmt.Errorf("cannot create %s: %v; nothing was measured, and the empty run folder was removed", rawPath, oserr.Cause(err))
	}
	defer f.Close()
	var raw io.Writer = f
	if d.wrapRaw != nil {
		raw = d.wrapRaw(f)
	}
	if err := writeConfig(raw, machineConfig(ctx, d.modRoot, d.o, now)); err != nil {
		f.Close()
		os.Remove(rawPath)
		os.Remove(dir)
		return fmt.Errorf("writing %s: %v; nothing was measured, and the run folder was removed", rawPath, oserr.Cause(err))
	}
	fmt.Fprintf(d.stdout, "writing %s: %d benchmarks × %d runs, -benchtime %s, scale %s\n", rawPath, len(names), d.o.count, d.o.benchtime, d.o.scale)

	busyWarning(d.stdout, "before the runs")
	p := newProgress(d.stdout, d.o.warmup, d.o.count, names, now)
	if sw, ok := d.stdout.(*statusWriter); ok {
		p.status = sw
		defer sw.Clear()
	}
	if len(d.guess) > 0 {
		p.guess = d.guess
	}
	if e, ok, err := floodEstimate(d.o, names); ok && err == nil {
		p.guess = map[string]time.Duration{}
		for name, t := range e.Cases {
			p.guess[floodFamily+name] = t
		}
	}
	if err := d.warmUp(ctx, dir, p); err != nil {
		return err
	}
	// Rounds are numbered in the order they run, count runs and noise
	// re-runs alike (see noiseRuns for why they alternate).
	nz := d.newNoiseRuns()
	p.decided = nz.decided
	next := 1
	var mainTime time.Duration
	for i := 1; i <= d.o.count; i++ {
		if s := d.interrupted(); s != nil {
			return d.incomplete(dir, p, fmt.Sprintf("interrupted by %s before run %d of %d", sigName(s), i, d.o.count))
		}
		p.startRun(d.o.warmup+i, time.Now())
		if err := writeRound(raw, next); err != nil {
			return d.runFailed(dir, p, &rawWriteError{err}, fmt.Sprintf("run %d of %d", i, d.o.count))
		}
		next++
		runStart := time.Now()
		if err := d.runOnce(ctx, raw, p, nil); err != nil {
			return d.runFailed(dir, p, err, fmt.Sprintf("run %d of %d", i, d.o.count))
		}
		mainTime += time.Since(runStart)
		if d.o.noiseBudget > 0 && i >= stat.MinSamples && i < d.o.count {
			slot := nz.share(d, d.o.count-i, mainTime/time.Duration(i))
			if next, err = d.rerunNoisy(ctx, dir, raw, p, nz, next, slot, false); err != nil {
				return err
			}
		}
	}
	if d.o.noiseBudget > 0 {
		if _, err := d.rerunNoisy(ctx, dir, raw, p, nz, next, nz.share(d, 0, 0), true); err != nil {
			return err
		}
		nz.report(d)
		if err := writeStopped(raw, nz.stop); err != nil {
			return d.runFailed(dir, p, &rawWriteError{err}, "the end of sampling")
		}
	}
	if err := f.Close(); err != nil {
		return d.incomplete(dir, p, fmt.Sprintf("writing %s failed when closing it: %v", rawPath, oserr.Cause(err)))
	}
	fmt.Fprintf(d.stdout, "measured %d results in %s\n", p.results, round(time.Since(now)))
	return nil
}

// warmUp runs the whole matrix o.warmup times before the count runs and
// writes what it measured to warmup.txt in dir, not to raw.txt: the
// report never reads it, and raw.txt's warmup line says it is there.
func (d *driver) warmUp(ctx context.Context, dir string, p *progress) error {
	if d.o.warmup == 0 {
		return nil
	}
	path := filepath.Join(dir, runfile.WarmupFile)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return d.incomplete(dir, p, fmt.Sprintf("cannot create %s: %v", path, oserr.Cause(err)))
	}
	defer f.Close()
	for i := 1; i <= d.o.warmup; i++ {
		if s := d.interrupted(); s != nil {
			return d.incomplete(dir, p, fmt.Sprintf("interrupted by %s before warm-up run %d of %d", sigName(s), i, d.o.warmup))
		}
		p.startRun(i, time.Now())
		if err := d.runOnce(ctx, f, p, nil); err != nil {
			return d.runFailed(dir, p, err, fmt.Sprintf("warm-up run %d of %d", i, d.o.warmup))
		}
	}
	if err := f.Close(); err != nil {
		return d.incomplete(dir, p, fmt.Sprintf("writing %s failed when closing it: %v", path, oserr.Cause(err)))
	}
	return nil
}

// runFailed turns the error of a run of the benchmark binary (which, "run
// 2 of 10", names) into INCOMPLETE and the error to report.
func (d *driver) runFailed(dir string, p *progress, err error, which string) error {
	var we *rawWriteError
	if errors.As(err, &we) {
		return d.incomplete(dir, p, fmt.Sprintf("writing %s failed during %s: %v; the benchmark binary was stopped", filepath.Join(dir, runfile.RawFile), which, oserr.Cause(we.err)))
	}
	if s := d.interrupted(); s != nil || killedBy(err) != nil {
		if s == nil {
			s = killedBy(err)
		}
		return d.incomplete(dir, p, fmt.Sprintf("interrupted by %s during %s, after %d of its %d benchmarks", sigName(s), which, p.done, len(p.names)))
	}
	return d.incomplete(dir, p, fmt.Sprintf("%s failed: %v", which, err))
}

// rawWriteError is a failed write to raw.txt (a full disk, say).
type rawWriteError struct{ err error }

func (e *rawWriteError) Error() string { return "writing raw.txt: " + e.err.Error() }
func (e *rawWriteError) Unwrap() error { return e.err }

// A selection narrows a run of the benchmark binary to some
// configurations: pattern selects their families (-test.bench), and the
// file called only lists their full names (bench.OnlyEnv).
type selection struct {
	pattern, only string
}

// runOnce runs the benchmark binary once (only the configurations of sel,
// if not nil), appending its output to raw as it comes and feeding result
// lines to p. If a write to raw fails, the binary is stopped at once (it
// and its worker processes are waited for) and a *rawWriteError is
// returned.
func (d *driver) runOnce(ctx context.Context, raw io.Writer, p *progress, sel *selection) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	args := []string{"-test.count=1", "-test.benchmem", "-test.benchtime=" + d.o.benchtime}
	if sel != nil {
		args = append(args, "-test.bench="+sel.pattern) // the last -test.bench wins
	}
	cmd := d.benchCmd(ctx, false, args...)
	if sel != nil {
		cmd.Env = append(cmd.Env, bench.OnlyEnv+"="+sel.only)
	} else if d.only != "" {
		cmd.Env = append(cmd.Env, bench.OnlyEnv+"="+d.only)
	}
	var fails failures
	var writeErr error
	lw := &lineWriter{handle: func(line string) error {
		if writeErr != nil {
			return nil // the binary is being stopped; drop what it still says
		}
		if _, err := io.WriteString(raw, line+"\n"); err != nil {
			writeErr = &rawWriteError{err}
			stop()
			return nil
		}
		fails.line(line)
		if name, ok := resultName(line); ok {
			p.result(name, line, time.Now())
		}
		return nil
	}}
	errTail := &tailWriter{max: 4096}
	cmd.Stdout = lw
	cmd.Stderr = io.MultiWriter(d.stderr, errTail)
	err := cmd.Run()
	if writeErr != nil {
		return writeErr
	}
	if err == nil {
		return nil
	}
	if f := fails.String(); f != "" {
		return fmt.Errorf("%w\n%s", err, f)
	}
	msg := strings.TrimSpace(string(errTail.buf))
	if rest := strings.TrimSpace(lw.rest()); rest != "" {
		msg = strings.TrimSpace(msg + "\n" + rest)
	}
	if msg != "" {
		return fmt.Errorf("%w\n%s", err, msg)
	}
	return err
}

// incomplete writes dir/INCOMPLETE saying why and how much was measured,
// and returns the error to report.
func (d *driver) incomplete(dir string, p *progress, why string) error {
	text := fmt.Sprintf("%s.\nraw.txt holds the %d results measured before that; no benchstat.txt or report was written.\nRegenerate them from what was kept with: make report RUN=%s\n", why, p.results, dir)
	if err := os.WriteFile(filepath.Join(dir, runfile.IncompleteFile), []byte(text), 0o644); err != nil {
		return fmt.Errorf("%s; kept %d results in %s, but INCOMPLETE could not be written there (%v)", why, p.results, filepath.Join(dir, runfile.RawFile), oserr.Cause(err))
	}
	return fmt.Errorf("%s; kept %d results in %s (see INCOMPLETE there)", why, p.results, filepath.Join(dir, runfile.RawFile))
}

// killedBy returns SIGINT or SIGTERM if err says the benchmark binary died
// of it (as when Ctrl-C reaches the whole process group before this
// process's own handler runs), and nil otherwise.
func killedBy(err error) os.Signal {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return nil
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return nil
	}
	if s := ws.Signal(); s == syscall.SIGINT || s == syscall.SIGTERM {
		return s
	}
	return nil
}
