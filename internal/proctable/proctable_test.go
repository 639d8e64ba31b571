package proctable_test

import (
	"os"
	"os/exec"
	"runtime"
	"testing"

	"github.com/concbench/concbench/internal/proctable"
)

func TestChildren(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	cmd := exec.Command("sleep", "10")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	kids, err := proctable.Children()
	cmd.Process.Kill()
	cmd.Wait()
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, k := range kids {
		if k.PID == cmd.Process.Pid {
			found = k.PPID == os.Getpid() && k.Cmd == "sleep 10" && k.Exe != ""
		}
	}
	if !found {
		t.Errorf("child %d not listed as sleep 10 in %v", cmd.Process.Pid, kids)
	}
	kids, _ = proctable.Children()
	for _, k := range kids {
		if k.PID == cmd.Process.Pid {
			t.Errorf("reaped child %d still listed: %v", k.PID, k)
		}
	}
}
