package strategies

import (
	"errors"
	"fmt"
)

// ErrClosed is returned by Run on a strategy that was closed and holds
// resources across runs (process); the others stay usable after Close.
var ErrClosed = errors.New("strategies: strategy is closed")

// A TaskError is the failure of one task: an error it returned or a panic.
type TaskError struct {
	Task int // index of the task
	// Worker names the worker process that ran the task ("worker pid
	// 1234"); empty for in-process strategies.
	Worker string
	// Err is the task's error, or for a panic the panic value as an error.
	Err error
	// Stack is the stack of the panicking goroutine; nil if the task
	// returned an error.
	Stack []byte
}

func (e *TaskError) Error() string {
	where := ""
	if e.Worker != "" {
		where = " in " + e.Worker
	}
	if e.Stack != nil {
		return fmt.Sprintf("task %d panicked%s: %v\n%s", e.Task, where, e.Err, e.Stack)
	}
	return fmt.Sprintf("task %d%s: %v", e.Task, where, e.Err)
}

func (e *TaskError) Unwrap() error { return e.Err }

// A WorkerError is the failure of a worker process itself: it could not
// start, died, hung, or broke the protocol.
type WorkerError struct {
	PID int // 0 if the process never started
	// First and Last are the range of tasks the worker was running, or
	// -1 if it was running none.
	First, Last int
	Err         error
	// Stderr is the tail of what the worker wrote to its standard error.
	Stderr string
}

func (e *WorkerError) Error() string {
	msg := fmt.Sprintf("worker pid %d", e.PID)
	if e.PID == 0 {
		msg = "worker (not started)"
	}
	switch {
	case e.First < 0:
	case e.First == e.Last:
		msg += fmt.Sprintf(" (task %d)", e.First)
	default:
		msg += fmt.Sprintf(" (tasks %d-%d)", e.First, e.Last)
	}
	msg += ": " + e.Err.Error()
	if e.Stderr != "" {
		msg += "; its stderr ends: " + e.Stderr
	}
	return msg
}

func (e *WorkerError) Unwrap() error { return e.Err }
