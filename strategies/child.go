package strategies

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

const (
	// handshakeTimeout bounds the wait for a new worker's hello, unless
	// the strategy's reply timeout is shorter.
	handshakeTimeout = 10 * time.Second
	// cancelGrace bounds the wait for a worker's reply once its chunk was
	// cancelled; a worker that overruns it is killed.
	cancelGrace = 2 * time.Second
	// exitGrace bounds the wait for a worker to exit once its stdin is
	// closed; a worker that overruns it is killed.
	exitGrace = 5 * time.Second
)

// A child is one worker process, seen from the parent.
type child struct {
	cmd    *exec.Cmd
	stdin  *os.File
	stdout *os.File
	r      *bufio.Reader
	stderr *tail

	wmu sync.Mutex // serializes writes to stdin and its closing
	buf []byte     // guarded by wmu

	// exited is closed by the goroutine that waits for the process,
	// once it has exited and been reaped; waitErr is then cmd.Wait's
	// result. A worker that dies while idle is thus noticed (and
	// replaced) by the next Run, and no exited worker stays a zombie.
	exited  chan struct{}
	waitErr error
}

// startChild starts binary as a worker process and waits for its hello,
// for at most handshakeTimeout or timeout, whichever is shorter;
// if ctx is done first, it kills the worker and returns ctx.Err().
func startChild(ctx context.Context, binary string, timeout time.Duration) (*child, error) {
	handshake := min(handshakeTimeout, timeout)
	if IsWorker() {
		return nil, &WorkerError{First: -1, Last: -1, Err: errors.New("refusing to start a worker process from inside a worker process")}
	}
	if binary == "" {
		exe, err := os.Executable()
		if err != nil {
			return nil, &WorkerError{First: -1, Last: -1, Err: fmt.Errorf("finding the running binary: %w", err)}
		}
		binary = exe
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, &WorkerError{First: -1, Last: -1, Err: err}
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, &WorkerError{First: -1, Last: -1, Err: err}
	}
	// The -test flags make a test binary that does not serve workers run
	// nothing, so that it fails the handshake instead of running its
	// tests again; a binary that serves workers never reads them.
	cmd := exec.Command(binary, "-test.run=^$", "-test.bench=^$", "-test.fuzz=^$")
	// GORACE keeps a -race worker from sleeping a second at exit.
	// GOMAXPROCS=1: a worker runs one task at a time, so a second P
	// would only run the garbage collector and the frame reader beside
	// it, competing with the other workers for the cores.
	cmd.Env = append(os.Environ(), WorkerEnv+"="+protocolMagic, "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"), "GOMAXPROCS=1")
	cmd.Stdin, cmd.Stdout = inR, outW
	c := &child{cmd: cmd, stdin: inW, stdout: outR, r: bufio.NewReader(outR), stderr: &tail{}, exited: make(chan struct{})}
	cmd.Stderr = c.stderr
	cmd.SysProcAttr = sysProcAttr()
	cmd.WaitDelay = exitGrace
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, &WorkerError{First: -1, Last: -1, Err: fmt.Errorf("starting %s: %w", binary, err)}
	}
	go func() {
		c.waitErr = cmd.Wait()
		close(c.exited)
	}()
	c.stdout.SetReadDeadline(time.Now().Add(handshake))
	stop := context.AfterFunc(ctx, func() { c.stdout.SetReadDeadline(time.Now()) })
	m, err := readMessage(c.r)
	stop()
	if ctx.Err() != nil {
		c.kill()
		return nil, ctx.Err()
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		err = fmt.Errorf("no hello within %s", handshake)
	} else if err == nil && (m.kind != frameHello || m.text != protocolMagic) {
		err = fmt.Errorf("%w: first frame is %q %q, not hello %q", errProtocol, m.kind, m.text, protocolMagic)
	}
	if err != nil {
		c.kill()
		return nil, c.fail(-1, -1, fmt.Errorf("failed the worker handshake (%v): %s does not serve concbench workers; its main or TestMain must call strategies.ServeWorker when strategies.IsWorker() is true", err, binary))
	}
	return c, nil
}

func (c *child) pid() int { return c.cmd.Process.Pid }

func (c *child) name() string { return fmt.Sprintf("worker pid %d", c.pid()) }

// send writes one frame to the worker's stdin.
func (c *child) send(m message) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.buf = m.encode(c.buf[:0])
	_, err := c.stdin.Write(c.buf)
	return err
}

// run has the worker run tasks first to first+n-1 of the workload spec
// names and returns the chunk's checksum and lost updates. When ctx is
// done, it asks the worker to stop and returns ctx.Err(). An error that
// leaves the worker unusable is a *WorkerError and the worker is killed
// and waited for; a task's failure is a *TaskError and the worker lives.
func (c *child) run(ctx context.Context, spec string, first, n int, timeout time.Duration) (uint64, int64, error) {
	if err := c.sendRun(spec, first, n); err != nil {
		return 0, 0, err
	}
	w := c.watch(ctx)
	defer w.stop()
	return w.reply(first, n, timeout)
}

// sendRun sends a run frame for tasks first to first+n-1. If the write
// fails, it kills the worker and returns a *WorkerError.
func (c *child) sendRun(spec string, first, n int) error {
	if err := c.send(message{kind: frameRun, spec: spec, first: first, n: n}); err != nil {
		c.kill()
		return c.fail(first, first+n-1, fmt.Errorf("sending tasks: %w", err))
	}
	return nil
}

// A watch ties a worker's replies to a context: once the context is done,
// it sends the worker a cancel frame, which stops every chunk sent before
// it, and gives the worker cancelGrace to answer each of them.
type watch struct {
	c   *child
	ctx context.Context

	mu        sync.Mutex
	cancelled bool // guarded by mu; the cancel frame is being sent or was
	stopFunc  func() bool
	sent      chan struct{} // closed once the cancel frame was sent
}

// watch starts watching ctx for c. The caller must call stop.
func (c *child) watch(ctx context.Context) *watch {
	w := &watch{c: c, ctx: ctx, sent: make(chan struct{})}
	w.stopFunc = context.AfterFunc(ctx, func() {
		defer close(w.sent)
		w.mu.Lock()
		w.cancelled = true
		c.stdout.SetReadDeadline(time.Now().Add(cancelGrace))
		w.mu.Unlock()
		c.send(message{kind: frameCancel})
	})
	return w
}

// stop stops watching and waits for a cancel frame being sent.
func (w *watch) stop() {
	if !w.stopFunc() {
		<-w.sent
	}
}

// reply reads the worker's reply to its oldest unanswered chunk, tasks
// first to first+n-1, waiting at most timeout, or cancelGrace once the
// context is done. It returns the chunk's checksum and lost updates; a
// *TaskError if a task failed, which leaves the worker usable; ctx.Err()
// if the chunk was cancelled; or a *WorkerError, after killing the worker,
// if the worker broke down.
func (w *watch) reply(first, n int, timeout time.Duration) (uint64, int64, error) {
	c, ctx, last := w.c, w.ctx, first+n-1
	w.mu.Lock()
	if !w.cancelled {
		c.stdout.SetReadDeadline(time.Now().Add(timeout))
	}
	w.mu.Unlock()
	m, err := readMessage(c.r)
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		c.kill()
		if ctx.Err() != nil {
			return 0, 0, ctx.Err()
		}
		return 0, 0, c.fail(first, last, fmt.Errorf("no complete reply within %s: worker hung; killed it", timeout))
	case err == io.EOF:
		c.kill()
		return 0, 0, c.fail(first, last, errors.New("worker closed its stdout before replying"))
	case err != nil:
		c.kill()
		return 0, 0, c.fail(first, last, fmt.Errorf("reading reply: %w", noEOF(err)))
	}
	switch m.kind {
	case frameDone:
		return m.checksum, m.lost, nil
	case frameCancelled:
		if ctx.Err() == nil {
			c.kill()
			return 0, 0, c.fail(first, last, fmt.Errorf("%w: worker cancelled a chunk nobody cancelled", errProtocol))
		}
		return 0, 0, ctx.Err()
	case frameError:
		te := &TaskError{Task: m.task, Worker: c.name(), Err: errors.New(m.text)}
		if m.panicked {
			te.Stack = []byte(m.stack)
		}
		if m.task < 0 {
			te.Task = first
		}
		return 0, 0, te
	}
	c.kill()
	return 0, 0, c.fail(first, last, fmt.Errorf("%w: unexpected reply frame %q", errProtocol, m.kind))
}

// fail builds a *WorkerError for the worker, which must have been reaped:
// its exit status ("exit status 3", "signal: killed") ends the message.
func (c *child) fail(first, last int, err error) *WorkerError {
	e := &WorkerError{PID: c.pid(), First: first, Last: last, Err: err, Stderr: c.stderr.String()}
	if st := c.cmd.ProcessState; st != nil {
		e.Err = fmt.Errorf("%w (worker %s)", err, st)
	}
	return e
}

// dead reports whether the worker has exited and been reaped.
func (c *child) dead() bool {
	select {
	case <-c.exited:
		return true
	default:
		return false
	}
}

// kill kills the worker (if it still runs) and reaps it.
func (c *child) kill() {
	c.cmd.Process.Kill()
	c.wait()
}

// wait waits for the worker to be reaped and closes the parent's pipe
// ends. It may be called more than once.
func (c *child) wait() error {
	<-c.exited
	c.wmu.Lock()
	c.stdin.Close()
	c.wmu.Unlock()
	c.stdout.Close()
	return c.waitErr
}

// close closes the worker's stdin, which tells it to exit, and waits for
// it; a worker that does not exit within exitGrace is killed.
func (c *child) close() error {
	c.wmu.Lock()
	c.stdin.Close()
	c.wmu.Unlock()
	t := time.AfterFunc(exitGrace, func() { c.cmd.Process.Kill() })
	defer t.Stop()
	if err := c.wait(); err != nil {
		return fmt.Errorf("%s: %w", c.name(), err)
	}
	return nil
}

// tail keeps the last bytes written to it: a worker's stderr.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

const tailSize = 2 << 10

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > tailSize {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-tailSize:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
