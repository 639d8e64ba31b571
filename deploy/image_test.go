package deploy

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// podmanRunEnv holds extra flags for podman run, for hosts where its
// defaults cannot start a container (see the package doc).
const podmanRunEnv = "CONCBENCH_PODMAN_RUN"

// command runs name with args under ctx and returns its combined output,
// with an error that carries the command line and the output.
func command(ctx context.Context, name string, args ...string) (string, error) {
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

// TestImage builds the image as make image does, from make
// image-binaries' context, and runs its entry point on two small families
// of the quick scale (Sleep, with the process and exec strategies that
// re-execute the benchmark binary, and File, which writes to /tmp), with
// no network, a read-only root as in the Job, and the results folder
// mounted at /results: a run folder
// named by -host appears there with raw.txt, benchstat.txt and REPORT.md.
// It skips without podman or make, and when podman builds the image but
// cannot run a container.
func TestImage(t *testing.T) {
	podman, err := exec.LookPath("podman")
	if err != nil {
		t.Skipf("podman not on the PATH: %v; this test builds deploy/Containerfile and runs the image with it", err)
	}
	makeCmd, err := exec.LookPath("make")
	if err != nil {
		t.Skipf("make not on the PATH: %v; this test builds the image's context with make image-binaries", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 4*time.Minute)
	defer cancel()

	buildContext := t.TempDir()
	if _, err := command(ctx, makeCmd, "-C", "..", "--no-print-directory", "image-binaries", "IMAGE_CONTEXT="+buildContext); err != nil {
		t.Fatal(err)
	}
	tag := fmt.Sprintf("localhost/concbench-image-test:%d", os.Getpid())
	if _, err := command(ctx, podman, "build", "--quiet", "-t", tag, buildContext); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := command(context.Background(), podman, "rmi", "--force", tag); err != nil {
			t.Logf("removing the test image: %v", err)
		}
	})

	// As deploy/job.yaml runs it: a read-only root (podman then mounts a
	// tmpfs at /tmp, as the Job mounts an emptyDir), no capabilities, no
	// privilege escalation; and no network, since nothing is fetched.
	run := []string{"run", "--rm", "--network=none", "--read-only", "--cap-drop=all", "--security-opt=no-new-privileges"}
	if os.Getuid() != 0 {
		// Rootless: run as the user of the test, so that it can remove
		// what the container writes into the results folder.
		run = append(run, "--userns=keep-id")
	}
	run = append(run, strings.Fields(os.Getenv(podmanRunEnv))...)
	if out, err := command(ctx, podman, slices.Concat(run, []string{tag, "-estimate", "-scale", "flood"})...); err != nil || !strings.HasPrefix(out, "estimate: ") {
		t.Skipf("podman built the image but cannot run it here (%v); where its defaults cannot start a container, %s adds flags to podman run (go doc ./deploy)", err, podmanRunEnv)
	}

	results := t.TempDir()
	// The image's user, 65532, writes the run folder.
	if err := os.Chmod(results, 0o777); err != nil {
		t.Fatal(err)
	}
	args := slices.Concat(run, []string{"--volume", results + ":/results:Z", tag,
		"-scale", "quick", "-count", "1", "-warmup", "0", "-benchtime", "1x", "-bench", "^BenchmarkSleep$|^BenchmarkFile$", "-host", "image-test"})
	out, err := command(ctx, podman, args...)
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob(filepath.Join(results, "*Z-image-test"))
	if err != nil || len(dirs) != 1 {
		t.Fatalf("run folders %v (%v), want one named <UTC time>-image-test; output:\n%s", dirs, err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dirs[0], "raw.txt"))
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, out)
	}
	for _, want := range []string{"BenchmarkSleep/", "strategy=process", "strategy=exec", "BenchmarkFile/"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("raw.txt lacks %q:\n%s", want, raw)
		}
	}
	for _, f := range []string{"benchstat.txt", "REPORT.md"} {
		if _, err := os.Stat(filepath.Join(dirs[0], f)); err != nil {
			t.Errorf("no %s: %v; output:\n%s", f, err, out)
		}
	}
	head, _, _ := strings.Cut(string(raw), "Unit ")
	t.Logf("the container wrote %s; its machine lines:\n%s", filepath.Base(dirs[0]), strings.Join(slices.DeleteFunc(strings.Split(head, "\n"), func(l string) bool { return strings.HasPrefix(l, "dep-") || strings.HasPrefix(l, "strategy-") }), "\n"))
}
