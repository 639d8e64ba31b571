//go:build unix

package strategies

import (
	"io"
	"os"
	"syscall"
)

// pollable returns a reader of the same stream as in whose reads park the
// goroutine in the runtime's network poller instead of blocking a thread
// in read(2), and the file to close, which also ends a read that is
// waiting. A worker's stdin is a pipe the parent made blocking; a
// blocked read holds an OS thread, and with GOMAXPROCS=1 every frame that
// arrives costs a thread hand-off. pollable reads a non-blocking duplicate
// of the descriptor instead. A reader that is not an *os.File, or whose
// descriptor cannot be duplicated, is returned as it is with a nil file.
func pollable(in io.Reader) (io.Reader, *os.File) {
	f, ok := in.(*os.File)
	if !ok {
		return in, nil
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return in, nil
	}
	dup := -1
	rc.Control(func(fd uintptr) {
		syscall.ForkLock.RLock()
		defer syscall.ForkLock.RUnlock()
		if d, err := syscall.Dup(int(fd)); err == nil {
			syscall.CloseOnExec(d)
			dup = d
		}
	})
	if dup < 0 {
		return in, nil
	}
	if err := syscall.SetNonblock(dup, true); err != nil {
		syscall.Close(dup)
		return in, nil
	}
	nf := os.NewFile(uintptr(dup), f.Name())
	return nf, nf
}
