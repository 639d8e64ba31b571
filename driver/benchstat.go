package driver

import (
	"context"
	"os/exec"
	"runtime/debug"
	"strings"
)

const benchstatPkg = "golang.org/x/perf/cmd/benchstat"

// BenchstatCmd returns the command that runs benchstat with args from the
// folder dir, and its name for messages: bin when not empty (a prebuilt
// benchstat); else go tool benchstat in the suite's module, which has it
// as a tool; go run of it in another module (whose build list holds
// golang.org/x/perf, as concbench requires it); outside any module, go run
// of it at the version of golang.org/x/perf this program was built with.
// It runs go list -m, which takes a few milliseconds.
func BenchstatCmd(bin, dir string, args ...string) (*exec.Cmd, string) {
	var cmd *exec.Cmd
	switch mod, err := output(context.Background(), dir, "go", "list", "-m"); {
	case bin != "":
		cmd = exec.Command(bin, args...)
	case err == nil && mod == concbenchModule:
		cmd = exec.Command("go", append([]string{"tool", "benchstat"}, args...)...)
	case err == nil && mod != "command-line-arguments":
		cmd = exec.Command("go", append([]string{"run", benchstatPkg}, args...)...)
	default:
		cmd = exec.Command("go", append([]string{"run", benchstatPkg + "@" + perfVersion()}, args...)...)
	}
	cmd.Dir = dir
	name := strings.Join(cmd.Args[:len(cmd.Args)-len(args)], " ")
	if bin != "" {
		name = bin
	}
	return cmd, name
}

// perfVersion is the version of golang.org/x/perf this program was built
// with, "latest" when it cannot tell.
func perfVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "golang.org/x/perf" {
				return m.Version
			}
		}
	}
	return "latest"
}
