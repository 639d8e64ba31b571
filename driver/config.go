package driver

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// configLine is one benchfmt configuration line, "key: value".
type configLine struct {
	key, value string
}

// machineConfig returns the configuration lines that describe this run:
// what the benchmark binary does not print itself (it prints goos, goarch,
// pkg and cpu). A fact that cannot be found is written as "unknown". With a
// prebuilt benchmark binary (-bin), go, commit and the dependency versions
// come from build information (builtConfig), not from the toolchain and git.
func machineConfig(ctx context.Context, modRoot string, o options, now time.Time) []configLine {
	var built []configLine // go, commit, then the dep-* lines
	if o.bin != "" {
		built = builtConfig(o.bin)
	} else {
		built = []configLine{
			{runfile.ConfigGo, orUnknown(goEnv(ctx, modRoot, "GOVERSION"))},
			{runfile.ConfigCommit, orUnknown(gitCommit(ctx, modRoot))},
		}
		deps, err := dependencies(ctx, o.pkg)
		if err != nil {
			deps = []configLine{{"deps", "unknown"}}
		}
		built = append(built, deps...)
	}
	lines := []configLine{
		built[0],
		{runfile.ConfigNumCPU, strconv.Itoa(runtime.NumCPU())},
		{runfile.ConfigGOMAXPROCS, strconv.Itoa(runtime.GOMAXPROCS(0))},
		built[1],
		{runfile.ConfigKernel, orUnknown(kernel())},
		{runfile.ConfigCgroupCPUs, cgroupCPUs()},
		{runfile.ConfigDate, now.UTC().Format(time.RFC3339)},
		{runfile.ConfigScale, o.scale},
		{runfile.ConfigBenchtime, o.benchtime},
		{runfile.ConfigCount, strconv.Itoa(o.count)},
		{runfile.ConfigSampling, o.sampling},
		{runfile.ConfigNoiseBudget, o.noiseBudget.String()},
		{runfile.ConfigMaxSamples, strconv.Itoa(o.maxSamples)},
		{runfile.ConfigDeadline, o.deadline.String()},
		{runfile.ConfigWarmup, warmupLine(o.warmup)},
		{runfile.ConfigBudget, o.budget.String()},
	}
	lines = append(lines, built[2:]...)
	return append(lines, strategyConfig()...)
}

// strategyConfig returns a "strategy-<name>: <properties>" line for every
// registered strategy (runfile.ConfigKey, runfile.Props.String): the
// report reads each strategy's concurrency, core limit, simplicity rank
// and model flag from them, so that it names no strategy itself.
func strategyConfig() []configLine {
	var lines []configLine
	for _, name := range strategies.Names() {
		p, err := strategies.PropsOf(name)
		if err != nil {
			continue // unreachable: Names lists only registered strategies
		}
		lines = append(lines, configLine{runfile.ConfigKey(name), p.String()})
	}
	return lines
}

// writeConfig writes the configuration lines and the Unit lines of the
// higher-is-better units: tasks/s, and survived, delivered and next-batch
// of the Crash family.
func writeConfig(w io.Writer, lines []configLine) error {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%s: %s\n", l.key, l.value)
	}
	// tasks/s, then the Crash family's metrics: see go doc ./bench.
	for _, u := range []string{runfile.UnitTasksPerSec, runfile.UnitSurvived, runfile.UnitDelivered, runfile.UnitNextBatch} {
		fmt.Fprintf(&b, "Unit %s better=higher\n", u)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orUnknown(s string, err error) string {
	if err != nil || s == "" {
		return "unknown"
	}
	return s
}

// output runs a command in dir and returns its trimmed standard output.
func output(ctx context.Context, dir string, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}

func goEnv(ctx context.Context, dir, key string) (string, error) {
	return output(ctx, dir, "go", "env", key)
}

// gitCommit returns the short commit of HEAD, with "-dirty" if tracked files
// differ from it.
func gitCommit(ctx context.Context, dir string) (string, error) {
	rev, err := output(ctx, dir, "git", "rev-parse", "--short", "HEAD")
	if err != nil {
		return "", err
	}
	status, err := output(ctx, dir, "git", "status", "--porcelain", "--untracked-files=no")
	if err != nil {
		return "", err
	}
	if status != "" {
		rev += "-dirty"
	}
	return rev, nil
}

// kernel returns the kernel release, as uname -r prints it.
func kernel() (string, error) {
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// cgroupCPUs returns the CPU quota of this process's cgroup in CPUs ("1.5"),
// "max" if there is none, or "unknown" if no cgroup file says.
func cgroupCPUs() string {
	if b, err := os.ReadFile("/sys/fs/cgroup/cpu.max"); err == nil { // cgroup v2
		return parseCPUMax(string(b))
	}
	quota, err1 := os.ReadFile("/sys/fs/cgroup/cpu/cpu.cfs_quota_us") // cgroup v1
	period, err2 := os.ReadFile("/sys/fs/cgroup/cpu/cpu.cfs_period_us")
	if err1 != nil || err2 != nil {
		return "unknown"
	}
	if strings.TrimSpace(string(quota)) == "-1" {
		return "max"
	}
	return parseCPUMax(string(quota) + " " + string(period))
}

// parseCPUMax turns "quota period" (cpu.max) into CPUs: "max 100000" is
// "max", "150000 100000" is "1.5".
func parseCPUMax(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "unknown"
	}
	if f[0] == "max" {
		return "max"
	}
	if len(f) != 2 {
		return "unknown"
	}
	q, err1 := strconv.ParseFloat(f[0], 64)
	p, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || p <= 0 || q <= 0 {
		return "unknown"
	}
	return strconv.FormatFloat(q/p, 'g', -1, 64)
}

// dependencies returns a "dep-<module path>" line with the version of each
// module linked into the test binary of pkg (go list -deps -test: not the
// modules only the report, the deploy tests or the browser test need). The key is the path lower-cased with every run of other
// characters than letters and digits turned into one dash:
// golang.org/x/sync becomes dep-golang-org-x-sync.
func dependencies(ctx context.Context, pkg string) ([]configLine, error) {
	const format = "{{with .Module}}{{if not .Main}}{{.Path}} {{with .Replace}}{{.Version}}{{else}}{{.Version}}{{end}}{{end}}{{end}}"
	out, err := output(ctx, "", "go", "list", "-deps", "-test", "-f", format, pkg)
	if err != nil {
		return nil, err
	}
	var lines []configLine
	seen := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		path, version, ok := strings.Cut(strings.TrimSpace(l), " ")
		if !ok || seen[path] {
			continue
		}
		seen[path] = true
		lines = append(lines, configLine{runfile.DepPrefix + configKey(path), version})
	}
	slices.SortFunc(lines, func(a, b configLine) int { return strings.Compare(a.key, b.key) })
	return lines, nil
}

// configKey lower-cases s and replaces each run of characters other than
// a-z and 0-9 with one dash.
func configKey(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// warmupLine is the value of the warmup configuration line: what was
// measured and left out of raw.txt.
func warmupLine(n int) string {
	if n == 0 {
		return "none"
	}
	return fmt.Sprintf("%d round(s) of every configuration before round 1, discarded from raw.txt and kept in %s", n, runfile.WarmupFile)
}
