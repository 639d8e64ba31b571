package strategies

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/concbench/concbench/workloads"
)

// WorkerEnv is the environment variable that marks a process started by
// process or exec as a worker. Its value is the protocol magic.
const WorkerEnv = "CONCBENCH_WORKER"

// IsWorker reports whether this process was started as a worker process by
// the process or exec strategy. A binary that serves workers checks it
// first thing in main or TestMain, before parsing flags or running
// anything else:
//
//	func TestMain(m *testing.M) {
//		if strategies.IsWorker() {
//			if err := strategies.ServeWorker(os.Stdin, os.Stdout, nil); err != nil {
//				fmt.Fprintln(os.Stderr, err)
//				os.Exit(1)
//			}
//			os.Exit(0)
//		}
//		os.Exit(m.Run())
//	}
func IsWorker() bool {
	return os.Getenv(WorkerEnv) == protocolMagic
}

// A Lookup builds the workload a Spec names; workloads.New is the default.
type Lookup func(workloads.Spec) (workloads.Workload, error)

// ServeWorker serves the worker protocol: it says hello on out, then runs
// the chunks of tasks that arrive on in, one at a time and sequentially,
// each in a fresh batch, and answers each with its checksum or its first
// error, in the order they arrived. A task panic is answered with the
// panic value and stack. Chunks that arrive while one runs wait in a queue
// (the parent keeps two per worker in flight, so that a worker never idles
// between chunks). A cancel frame stops the running chunk between tasks
// and inside a waiting task, and answers every queued chunk with
// "cancelled" without running it. lookup rebuilds workloads from their
// specs; nil means workloads.New.
//
// When in is an *os.File (a worker's stdin), ServeWorker reads a
// non-blocking duplicate of it through the runtime's poller, so that the
// goroutine waiting for frames holds no thread while a chunk computes.
//
// ServeWorker returns nil when in ends cleanly, after the running chunk
// (if any) stops, and an error for a broken protocol or a failed write.
// Since each chunk is its own batch, a counter in a worker process counts
// only its chunk: processes do not share memory.
func ServeWorker(in io.Reader, out io.Writer, lookup Lookup) error {
	if lookup == nil {
		lookup = workloads.New
	}
	w := bufio.NewWriter(out)
	if err := writeMessage(w, message{kind: frameHello, text: protocolMagic}); err != nil {
		return fmt.Errorf("strategies: worker: saying hello: %w", err)
	}

	in, polled := pollable(in)
	frames := make(chan message)
	readErr := make(chan error, 1)
	quit := make(chan struct{})
	var reader sync.WaitGroup
	reader.Add(1)
	defer func() {
		close(quit)
		if polled != nil {
			polled.Close() // ends the reader's read
			reader.Wait()
		}
	}()
	go func() {
		defer reader.Done()
		r := bufio.NewReader(in)
		for {
			m, err := readMessage(r)
			if err != nil {
				readErr <- err
				return
			}
			select {
			case frames <- m:
			case <-quit:
				return
			}
		}
	}()

	s := server{lookup: lookup, done: make(chan message, 1)}
	defer s.stop()
	for {
		select {
		case m := <-frames:
			if err := s.handle(m); err != nil {
				return fmt.Errorf("strategies: worker: %w", err)
			}
		case err := <-readErr:
			if err == io.EOF {
				return nil
			}
			return fmt.Errorf("strategies: worker: reading stdin: %w", err)
		case reply := <-s.done:
			s.cancel()
			s.cancel = nil
			if err := writeMessage(w, reply); err != nil {
				return fmt.Errorf("strategies: worker: writing reply: %w", err)
			}
			if err := s.next(w); err != nil {
				return fmt.Errorf("strategies: worker: writing reply: %w", err)
			}
		}
	}
}

// maxQueued bounds the chunks a worker holds besides the running one; the
// parent sends at most pipelineDepth - 1.
const maxQueued = 8

// server is the state of ServeWorker's loop.
type server struct {
	lookup   Lookup
	specText string
	workload workloads.Workload
	cancel   context.CancelFunc // non-nil while a chunk runs
	done     chan message
	queue    []queued // chunks waiting, oldest first
}

// queued is a chunk that waits for the running one.
type queued struct {
	run       message
	cancelled bool // a cancel frame arrived after it
}

// handle handles a frame from the parent.
func (s *server) handle(m message) error {
	switch m.kind {
	case frameCancel:
		if s.cancel != nil {
			s.cancel()
		}
		for i := range s.queue {
			s.queue[i].cancelled = true
		}
		return nil
	case frameRun:
	default:
		return fmt.Errorf("%w: unexpected frame %q", errProtocol, m.kind)
	}
	if len(s.queue) == maxQueued {
		return fmt.Errorf("%w: more than %d chunks queued", errProtocol, maxQueued)
	}
	s.queue = append(s.queue, queued{run: m})
	if s.cancel == nil {
		s.start()
	}
	return nil
}

// next answers the queued chunks that were cancelled and starts the first
// that was not, if any. No chunk runs when it is called.
func (s *server) next(w *bufio.Writer) error {
	for len(s.queue) > 0 && s.queue[0].cancelled {
		s.queue = s.queue[1:]
		if err := writeMessage(w, message{kind: frameCancelled}); err != nil {
			return err
		}
	}
	if len(s.queue) > 0 {
		s.start()
	}
	return nil
}

// start starts the first queued chunk, which was not cancelled, in a
// goroutine that sends its reply on s.done.
func (s *server) start() {
	m := s.queue[0].run
	s.queue = s.queue[1:]
	if m.spec != s.specText || s.workload == nil {
		s.closeWorkload()
		spec, err := workloads.ParseSpec(m.spec)
		if err == nil {
			s.workload, err = s.lookup(spec)
		}
		if err != nil {
			s.workload = nil
			s.done <- message{kind: frameError, task: -1, text: err.Error()}
			s.cancel = func() {}
			return
		}
		s.specText = m.spec
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	w := s.workload
	go func() { s.done <- runChunk(ctx, w, m.first, m.n) }()
}

// stop cancels the running chunk and waits for it, then closes the
// workload, so that ServeWorker leaves no goroutine behind.
func (s *server) stop() {
	if s.cancel != nil {
		s.cancel()
		<-s.done
	}
	s.closeWorkload()
}

// closeWorkload closes the current workload if it holds resources across
// batches (an io.Closer, such as fetch's shared client or file's folder).
// No chunk is running when it is called.
func (s *server) closeWorkload() {
	if c, ok := s.workload.(io.Closer); ok {
		c.Close()
	}
	s.workload = nil
}

// runChunk runs tasks first to first+n-1 of w in one batch.
func runChunk(ctx context.Context, w workloads.Workload, first, n int) message {
	b := w.Start(n, 1)
	defer workloads.Release(b)
	var sum uint64
	for i := first; i < first+n; i++ {
		if ctx.Err() != nil {
			return message{kind: frameCancelled}
		}
		v, err := do(ctx, b, 0, i)
		if err != nil {
			if ctx.Err() != nil {
				return message{kind: frameCancelled}
			}
			var te *TaskError
			errors.As(err, &te)
			return message{kind: frameError, task: i, panicked: te.Stack != nil, text: te.Err.Error(), stack: string(te.Stack)}
		}
		sum += workloads.Fold(i, v)
	}
	lost, err := b.Finish()
	if err != nil {
		return message{kind: frameError, task: -1, text: err.Error()}
	}
	return message{kind: frameDone, checksum: sum, lost: lost}
}

func writeMessage(w *bufio.Writer, m message) error {
	if _, err := w.Write(m.encode(nil)); err != nil {
		return err
	}
	return w.Flush()
}
