package runfile_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStandardLibraryOnly keeps runfile a leaf: go list -deps finds no
// package outside the standard library but runfile itself.
func TestStandardLibraryOnly(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go list needs the go command, not on PATH: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list -deps: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep != "github.com/concbench/concbench/runfile" {
			t.Errorf("runfile depends on %s, outside the standard library", dep)
		}
	}
}
