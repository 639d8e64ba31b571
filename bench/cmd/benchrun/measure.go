package main

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
// o.count runs of the benchmark binary, streamed line by line. An
// interrupted or failed run leaves INCOMPLETE next to raw.txt and returns
// an error saying what happened.
func (d *driver) measure(ctx context.Context, dir string, names []string, now time.Time) error {
	rawPath := filepath.Join(dir, "raw.txt")
	raw, err := os.OpenFile(rawPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("creating raw.txt: %w", err)
	}
	defer raw.Close()
	if err := writeConfig(raw, machineConfig(ctx, d.modRoot, d.o, now)); err != nil {
		return fmt.Errorf("writing %s: %w", rawPath, err)
	}
	fmt.Fprintf(d.stdout, "writing %s: %d benchmarks × %d runs, -benchtime %s, scale %s\n", rawPath, len(names), d.o.count, d.o.benchtime, d.o.scale)

	p := newProgress(d.stdout, d.o.count, names, now)
	for i := 1; i <= d.o.count; i++ {
		if s := d.interrupted(); s != nil {
			return d.incomplete(dir, p, fmt.Sprintf("interrupted by %s before run %d of %d", sigName(s), i, d.o.count))
		}
		p.startRun(i, time.Now())
		if err := d.runOnce(ctx, raw, p); err != nil {
			if s := d.interrupted(); s != nil || killedBy(err) != nil {
				if s == nil {
					s = killedBy(err)
				}
				return d.incomplete(dir, p, fmt.Sprintf("interrupted by %s during run %d of %d, after %d of its %d benchmarks", sigName(s), i, d.o.count, p.done, len(names)))
			}
			return d.incomplete(dir, p, fmt.Sprintf("run %d of %d failed: %v", i, d.o.count, err))
		}
	}
	if err := raw.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", rawPath, err)
	}
	fmt.Fprintf(d.stdout, "measured %d results in %s\n", p.results, round(time.Since(now)))
	return nil
}

// runOnce runs the benchmark binary once, appending its output to raw as it
// comes and feeding result lines to p.
func (d *driver) runOnce(ctx context.Context, raw io.Writer, p *progress) error {
	cmd := d.benchCmd(ctx, false, "-test.count=1", "-test.benchmem", "-test.benchtime="+d.o.benchtime)
	var fails failures
	var writeErr error
	lw := &lineWriter{handle: func(line string) error {
		if _, err := io.WriteString(raw, line+"\n"); err != nil && writeErr == nil {
			writeErr = fmt.Errorf("writing raw.txt: %w", err)
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
	if err := os.WriteFile(filepath.Join(dir, "INCOMPLETE"), []byte(text), 0o644); err != nil {
		return fmt.Errorf("%s; writing INCOMPLETE: %w", why, err)
	}
	return fmt.Errorf("%s; kept %d results in %s (see INCOMPLETE there)", why, p.results, filepath.Join(dir, "raw.txt"))
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
