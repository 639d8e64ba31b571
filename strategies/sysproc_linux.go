package strategies

import "syscall"

// sysProcAttr makes the kernel kill a worker when its parent dies, so that
// no worker outlives a crashed benchmark.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
