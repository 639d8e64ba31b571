// Package proctable lists the processes of the Linux process table, as
// /proc shows them. The tests use it to prove that no worker process
// outlives its run; on other systems List returns an error.
package proctable

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// A Proc is one process seen in /proc.
type Proc struct {
	PID, PPID int
	// State is the state letter of /proc/<pid>/stat: R, S, D, Z …
	State string
	// Exe is the path of the executable, without a " (deleted)" suffix;
	// empty for a zombie or a process this one may not inspect.
	Exe string
	// Cmd is the command line, arguments separated by spaces.
	Cmd string
}

func (p Proc) String() string {
	return fmt.Sprintf("pid %d (parent %d, state %s): %s", p.PID, p.PPID, p.State, p.Cmd)
}

// List returns every process in /proc. A process that exits while it is
// read is left out.
func List() ([]Proc, error) {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil, fmt.Errorf("proctable: listing processes: %w", err)
	}
	var ps []Proc
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue // it exited meanwhile
		}
		// pid (comm) state ppid …; comm may hold spaces and parentheses.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(f) < 2 {
			continue
		}
		p := Proc{PID: pid, State: f[0]}
		p.PPID, _ = strconv.Atoi(f[1])
		if exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); err == nil {
			p.Exe = strings.TrimSuffix(exe, " (deleted)")
		}
		if cmd, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid)); err == nil {
			p.Cmd = strings.TrimSpace(strings.ReplaceAll(string(cmd), "\x00", " "))
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// Children returns the processes whose parent is this process, zombies
// included.
func Children() ([]Proc, error) {
	all, err := List()
	if err != nil {
		return nil, err
	}
	me := os.Getpid()
	var kids []Proc
	for _, p := range all {
		if p.PPID == me {
			kids = append(kids, p)
		}
	}
	return kids, nil
}
