package concbench_test

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// TestOwnModule does what docs/own-task.md says, from that page alone: a fresh clone of this repository at its HEAD commit, a
// module of its own in a temporary folder requiring the clone through a
// replace directive, the page's test file (a task that calls a loopback
// HTTP service it starts, one that hashes), the concbench command added
// as a tool, and the page's one command, run twice within a budget with
// a sweep of worker counts. Each run ends with the printed answer and a
// report in a run folder of its own, and the two runs compare
// configuration by configuration: the same names, no port in any. It
// works offline: the module cache and go.sum of this module are enough.
func TestOwnModule(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipped: the go command is not on PATH, and this test builds a module with it")
	}
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs a module of its own (about a minute)")
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	repo := freshClone(t, here)
	readme, err := os.ReadFile(filepath.Join(repo, "docs", "own-task.md"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := ownTaskFile(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "go get -tool github.com/concbench/concbench/cmd/concbench") ||
		!strings.Contains(string(readme), "go tool concbench -budget 3m -workers 1,4,16,64 .") {
		t.Fatal("docs/own-task.md no longer gives the commands this test runs")
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
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	goCmd := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, goBin, args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", strategies.WorkerEnv+"=")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := goCmd("get", "-tool", "github.com/concbench/concbench/cmd/concbench"); err != nil {
		t.Fatalf("go get -tool: %v\n%s", err, out)
	}
	names := make([]map[string]bool, 2)
	for i := range names {
		results := filepath.Join(mod, "results", strconv.Itoa(i))
		out, err := goCmd("tool", "concbench", "-budget", "60s", "-noise-budget", "0", "-count", "6", "-warmup", "0", "-benchtime", "1x", "-workers", "1,4", "-results", results, ".")
		if err != nil {
			t.Fatalf("go tool concbench: %v\n%s", err, out)
		}
		for _, want := range []string{"Which strategy at procs=", "\n  Call size=1024 tasks=64: use ", "\n  Hash size=16384 tasks=64: use "} {
			if !strings.Contains(out, want) {
				t.Errorf("run %d: the printed answer lacks %q:\n%s", i, want, out)
			}
		}
		dirs, err := filepath.Glob(filepath.Join(results, "*"))
		if err != nil || len(dirs) != 1 {
			t.Fatalf("run %d: run folders %v, %v", i, dirs, err)
		}
		for _, f := range []string{runfile.RawFile, runfile.BenchstatFile, runfile.ReportFile, runfile.HTMLFile} {
			if _, err := os.Stat(filepath.Join(dirs[0], f)); err != nil {
				t.Errorf("run %d: %v", i, err)
			}
		}
		raw, err := os.ReadFile(filepath.Join(dirs[0], runfile.RawFile))
		if err != nil {
			t.Fatal(err)
		}
		names[i] = map[string]bool{}
		for _, l := range strings.Split(string(raw), "\n") {
			if f := strings.Fields(l); len(f) > 2 && strings.HasPrefix(f[0], "Benchmark") {
				names[i][f[0]] = true
			}
		}
		for n := range names[i] {
			if strings.Contains(n, "127.0.0.1") || strings.Contains(n, "addr") {
				t.Errorf("run %d: a setting entered the name %s", i, n)
			}
		}
		if !names[i]["BenchmarkCall/size=1024/tasks=64/strategy=pool/workers=4/procs="+strconv.Itoa(runtime.NumCPU())] {
			t.Errorf("run %d: no pool at 4 workers in %v", i, names[i])
		}
	}
	if len(names[0]) == 0 || !maps.Equal(names[0], names[1]) {
		t.Errorf("the two runs do not share their configurations:\n%v\n%v", names[0], names[1])
	}
}

// ownTaskFile returns the first Go code block of docs/own-task.md
// "Benchmark your own task", without the list item's indentation.
func ownTaskFile(readme string) (string, error) {
	_, code, ok := strings.Cut(readme, "```go\n")
	if !ok {
		return "", errors.New("docs/own-task.md has no Go code block")
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
	return "", errors.New("docs/own-task.md's Go code block does not end")
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
// docs/measurements.md, in the Go sources, the Makefile, the README and docs/, to
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
		if d.IsDir() || !(strings.HasSuffix(path, ".go") || path == "Makefile" || path == "README.md" || path == "CONTRIBUTING.md" || strings.HasPrefix(path, "docs/") && strings.HasSuffix(path, ".md")) {
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

// TestDocLinks holds every relative link of README.md, CONTRIBUTING.md and
// docs/ to a file that exists, and a link to a heading of a Markdown file
// to a heading it has.
func TestDocLinks(t *testing.T) {
	files, err := filepath.Glob("docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, path := range append([]string{"README.md", "CONTRIBUTING.md"}, files...) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			target, anchor, _ := strings.Cut(m[1], "#")
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			file := path
			if target != "" {
				file = filepath.Join(filepath.Dir(path), target)
				if _, err := os.Stat(file); err != nil {
					t.Errorf("%s links %s, which does not exist", path, m[1])
					continue
				}
			}
			if anchor == "" || !strings.HasSuffix(file, ".md") {
				continue
			}
			doc, err := os.ReadFile(file)
			if err != nil {
				t.Errorf("%s links %s: %v", path, m[1], err)
				continue
			}
			found := false
			for _, l := range strings.Split(string(doc), "\n") {
				if h, ok := strings.CutPrefix(strings.TrimLeft(l, "#"), " "); ok && strings.HasPrefix(l, "#") && anchorOf(h) == anchor {
					found = true
				}
			}
			if !found {
				t.Errorf("%s links %s, but %s has no such heading", path, m[1], file)
			}
		}
	}
}
