package concbench_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/concbench/concbench/plots"
	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// TestOwnModule does what README.md's "Benchmark your own task" says, from
// the README alone: a fresh clone of this repository at its HEAD commit,
// and a module of its own in a temporary folder, requiring the clone
// through a replace directive, with the README's test file. It
// runs the benchmark once per strategy and makes the report from the
// output. It works offline: the module cache and go.sum of this module
// are enough.
func TestOwnModule(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipped: the go command is not on PATH, and this test builds a module with it")
	}
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs a module of its own (about 10 s)")
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	repo := freshClone(t, here)
	readme, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := readmeTestFile(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}

	mod := t.TempDir()
	gomod := "module example.com/mytask\n\ngo 1.26.0\n\n" +
		"require github.com/concbench/concbench v0.0.0\n\n" +
		"replace github.com/concbench/concbench => " + repo + "\n"
	for name, data := range map[string][]byte{
		"go.mod":         []byte(gomod),
		"go.sum":         sum,
		"mytask_test.go": []byte(src),
	} {
		if err := os.WriteFile(filepath.Join(mod, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goBin, "test", "-run", "^$", "-bench", "Decode", "-benchtime", "1x", "-count", "1", ".")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", strategies.WorkerEnv+"=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go test in the module of its own: %v\nstdout:\n%s\nstderr:\n%s", err, out, stderr.Bytes())
	}
	for _, s := range strategies.Names() {
		re := regexp.MustCompile(`(?m)^BenchmarkDecode/records=100/tasks=64/strategy=` + s + `/procs=\d+\s+1\s+\d+ ns/op`)
		if !re.Match(out) {
			t.Errorf("no result line for strategy %s in:\n%s", s, out)
		}
		if !bytes.Contains(out, []byte(runfile.ConfigKey(s)+": ")) {
			t.Errorf("no configuration line %s: in:\n%s", runfile.ConfigKey(s), out)
		}
	}

	run := filepath.Join(mod, "results", "mytask")
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(run, "raw.txt"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := plots.Generate(run); err != nil {
		t.Fatalf("report of the module's results: %v", err)
	}
	report, err := os.ReadFile(filepath.Join(run, "REPORT.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(report, []byte("records=100")) {
		t.Errorf("REPORT.md does not mention the workload records=100:\n%s", report)
	}
}

// readmeTestFile returns the Go code block of README.md's section
// "Benchmark your own task", without the list item's indentation.
func readmeTestFile(readme string) (string, error) {
	_, section, ok := strings.Cut(readme, "## Benchmark your own task")
	if !ok {
		return "", errors.New("README.md has no section \"Benchmark your own task\"")
	}
	_, code, ok := strings.Cut(section, "```go\n")
	if !ok {
		return "", errors.New("README.md's section \"Benchmark your own task\" has no Go code block")
	}
	var b strings.Builder
	for _, line := range strings.Split(code, "\n") {
		line = strings.TrimPrefix(line, "   ")
		if line == "```" {
			return b.String(), nil
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return "", errors.New("README.md's Go code block in \"Benchmark your own task\" does not end")
}

// freshClone clones the git repository of dir at its HEAD commit into a
// temporary folder and returns the clone's path. Where dir is no git
// checkout or git is missing, it says so and returns dir itself.
func freshClone(t *testing.T, dir string) string {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Logf("git is not on PATH: using %s instead of a fresh clone", dir)
		return dir
	}
	rev, err := exec.Command(git, "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Logf("%s is not a git checkout (%v): using it instead of a fresh clone", dir, err)
		return dir
	}
	clone := filepath.Join(t.TempDir(), "concbench")
	for _, args := range [][]string{
		{"clone", "--quiet", "--shared", "--no-checkout", dir, clone},
		{"-C", clone, "checkout", "--quiet", strings.TrimSpace(string(rev))},
	} {
		if out, err := exec.Command(git, args...).CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return clone
}

// TestMeasurementLinks holds every reference to a record of
// docs/measurements.md, in the Go sources, the Makefile and the README, to
// a heading of that file, by its anchor (the file's name, "#" and the
// anchor) or by its words (the file's name, a comma and the heading in
// double quotes).
func TestMeasurementLinks(t *testing.T) {
	doc, err := os.ReadFile("docs/measurements.md")
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, l := range strings.Split(string(doc), "\n") {
		if h, ok := strings.CutPrefix(strings.TrimLeft(l, "#"), " "); ok && strings.HasPrefix(l, "#") {
			anchors[anchorOf(h)] = true
		}
	}
	byAnchor := regexp.MustCompile(`measurements\.md#([A-Za-z0-9_-]+)`)
	byName := regexp.MustCompile(`measurements\.md, "([^"]+)"`)
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "results" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".go") || path == "Makefile" || path == "README.md") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := strings.ReplaceAll(string(data), "\n// ", " ")
		for _, m := range byAnchor.FindAllStringSubmatch(text, -1) {
			if !anchors[m[1]] {
				t.Errorf("%s links docs/measurements.md#%s, which has no such heading", path, m[1])
			}
		}
		for _, m := range byName.FindAllStringSubmatch(text, -1) {
			if !anchors[anchorOf(m[1])] {
				t.Errorf("%s names the record %q of docs/measurements.md, which has no such heading", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// anchorOf is the anchor GitHub gives a Markdown heading: lower case,
// punctuation but hyphens left out, spaces as hyphens.
func anchorOf(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
