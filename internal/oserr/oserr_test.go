package oserr_test

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"

	"github.com/concbench/concbench/internal/oserr"
)

func TestCause(t *testing.T) {
	for _, err := range []error{
		&os.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC},
		&os.LinkError{Op: "rename", Old: "/a", New: "/b", Err: syscall.ENOSPC},
		os.NewSyscallError("write", syscall.ENOSPC),
		fmt.Errorf("wrapped: %w", &os.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}),
	} {
		if got := oserr.Cause(err); got != syscall.ENOSPC {
			t.Errorf("Cause(%v) = %v, want ENOSPC", err, got)
		}
	}
	plain := errors.New("plain")
	if got := oserr.Cause(plain); got != plain {
		t.Errorf("Cause(plain) = %v", got)
	}
}

func ExampleCause() {
	_, err := os.Open("/no/such/file")
	fmt.Println(oserr.Cause(err))
	// Output: no such file or directory
}
