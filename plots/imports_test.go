package plots

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// forbiddenDeps are the packages the report must not link: the pool
// libraries the strategies wrap (ants starts goroutines when imported)
// and the packages that import them or run workloads. The report reads
// what a run file means from package runfile alone.
var forbiddenDeps = []string{
	"github.com/panjf2000/ants",
	"github.com/alitto/pond",
	"github.com/sourcegraph/conc",
	"github.com/concbench/concbench/strategies",
	"github.com/concbench/concbench/workloads",
	"github.com/concbench/concbench/bench",
}

// TestNoPoolLibraries lists the dependencies of plots and its commands
// (go list -deps ./..., tests not included) and fails on any of
// forbiddenDeps or a package below one.
func TestNoPoolLibraries(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go list needs the go command, not on PATH: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", "./...").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list -deps ./...: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list -deps ./...: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps ./... listed nothing")
	}
	for _, dep := range deps {
		for _, bad := range forbiddenDeps {
			if dep == bad || strings.HasPrefix(dep, bad+"/") {
				t.Errorf("plots depends on %s; the report must not link it (see package runfile)", dep)
			}
		}
	}
}

// goList runs go list with args in the plots folder and returns the
// fields of its output.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go list needs the go command, not on PATH: %v", err)
	}
	out, err := exec.Command(goTool, append([]string{"list"}, args...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
		}
		t.Fatalf("go list %s: %v", strings.Join(args, " "), err)
	}
	return strings.Fields(string(out))
}

// renderers are the libraries that draw and render the report: only the
// packages named, and those below them, import them.
var renderers = map[string]string{
	"gonum.org/v1/plot":        "github.com/concbench/concbench/plots/chart",
	"github.com/yuin/goldmark": "github.com/concbench/concbench/plots/document",
}

// TestRenderersStayInTheirPackages holds each renderer to the one package
// that imports it, and keeps both out of the driver, which reads runs
// (rundir, stat) but draws nothing.
func TestRenderersStayInTheirPackages(t *testing.T) {
	for _, line := range goList(t, "-f", "{{.ImportPath}}:{{range .Imports}}{{.}},{{end}}", "./...") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Split(imports, ",") {
			for lib, owner := range renderers {
				if (imp == lib || strings.HasPrefix(imp, lib+"/")) && pkg != owner && !strings.HasPrefix(pkg, owner+"/") {
					t.Errorf("%s imports %s; only %s may", pkg, imp, owner)
				}
			}
		}
	}
	for _, dep := range goList(t, "-deps", "../driver") {
		for lib := range renderers {
			if dep == lib || strings.HasPrefix(dep, lib+"/") {
				t.Errorf("the driver links %s", dep)
			}
		}
	}
}

// TestRenderingStartsNoGoroutine holds the report's packages (those the
// Makefile's RENDER_PKGS tests without -race: plots and below, but its
// commands and the browser test) to what lets them skip the race
// detector: no go statement and no os/exec in their code.
func TestRenderingStartsNoGoroutine(t *testing.T) {
	for _, line := range goList(t, "-f", "{{.Dir}}|{{join .GoFiles \",\"}}", "./...") {
		dir, files, _ := strings.Cut(line, "|")
		if strings.Contains(dir, "/plots/browser") || strings.Contains(dir, "/plots/cmd/") || files == "" {
			continue
		}
		for _, name := range strings.Split(files, ",") {
			path := filepath.Join(dir, name)
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				if imp.Path.Value == `"os/exec"` {
					t.Errorf("%s imports os/exec", path)
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if _, ok := n.(*ast.GoStmt); ok {
					t.Errorf("%s starts a goroutine", path)
				}
				return true
			})
		}
	}
}
