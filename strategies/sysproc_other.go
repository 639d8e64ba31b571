//go:build !linux

package strategies

import "syscall"

// sysProcAttr has nothing to add where the kernel cannot kill a worker
// with its parent; Close and the error paths still reap every worker.
func sysProcAttr() *syscall.SysProcAttr { return nil }
