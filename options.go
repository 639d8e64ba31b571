package concbench

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// An Option changes what Run measures: the worker counts it sweeps, the
// strategies it runs, the settings the worker processes get. Flags of the
// concbench command given for the run replace the options of the same
// kind (see the environment variables below), so that a run can be
// widened or narrowed without editing the benchmark.
type Option func(*config)

// config is what the options of one Run call set.
type config struct {
	workers    []int
	strategies []string
	settings   []Param
}

// A Param is one key=value parameter or setting of a Spec; it is
// workloads.Param.
type Param = workloads.Param

// Workers sets the worker counts the strategies that run tasks on a set
// of workers (pool, process, exec and the library pools) run at, one
// benchmark each, named workers=W. By default Run sweeps up to four
// counts from the CPU count to the task count, fourfold apart where they
// fit: for 64 tasks on 2 CPUs, 2, 8, 32 and 64. The strategies that start
// worker processes (process, exec) run only the counts up to four per CPU:
// a process each is dear, and more cannot wait better than goroutines do.
// A count below 1 makes Run fail the benchmark. The command's -workers
// flag (CONCBENCH_WORKERS) replaces it.
func Workers(counts ...int) Option {
	return func(c *config) { c.workers = slices.Clone(counts) }
}

// Strategies sets the strategies Run measures, by their registered names
// (strategies.Names); sequential, the baseline of every speedup, is
// always measured. An unknown name makes Run fail the benchmark, listing
// the valid ones. The command's -strategies flag (CONCBENCH_STRATEGIES)
// replaces it.
func Strategies(names ...string) Option {
	return func(c *config) { c.strategies = slices.Clone(names) }
}

// Setting gives the workload's Spec a setting: a value every process that
// builds the workload needs but that is not part of what it does, such as
// the address of a service its tasks call. The benchmark and every worker
// process find it with Spec.Setting; it never enters a benchmark's name,
// so runs that call the service at different addresses compare. The
// command's -set key=value flags (CONCBENCH_SETTINGS) add to them.
func Setting(key, value string) Option {
	return func(c *config) { c.settings = append(c.settings, Param{Key: key, Value: value}) }
}

// The environment variables through which the concbench command passes
// its flags to the benchmarks of a package it runs. Each replaces the
// options of its kind in every Run call; CONCBENCH_SETTINGS adds to them.
const (
	WorkersEnv    = "CONCBENCH_WORKERS"  // -workers: counts, comma-separated
	StrategiesEnv = bench.StrategiesEnv  // -strategies: names, comma-separated
	TasksEnv      = "CONCBENCH_TASKS"    // -tasks: the task count of every Run
	SettingsEnv   = "CONCBENCH_SETTINGS" // -set: key=value settings, newline-separated
)

// fromEnv applies the command's environment variables to c and tasks.
func (c *config) fromEnv(tasks *int) error {
	if v := os.Getenv(WorkersEnv); v != "" {
		ws, err := ParseCounts(v)
		if err != nil {
			return fmt.Errorf("%s=%q: %w", WorkersEnv, v, err)
		}
		c.workers = ws
	}
	if v := os.Getenv(StrategiesEnv); v != "" {
		c.strategies = strings.Split(v, ",")
	}
	if v := os.Getenv(TasksEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("%s=%q: the task count must be a whole number of at least 1", TasksEnv, v)
		}
		*tasks = n
	}
	if v := os.Getenv(SettingsEnv); v != "" {
		for _, kv := range strings.Split(v, "\n") {
			k, val, ok := strings.Cut(kv, "=")
			if !ok || k == "" {
				return fmt.Errorf("%s: %q is not key=value", SettingsEnv, kv)
			}
			c.settings = append(c.settings, Param{Key: k, Value: val})
		}
	}
	return nil
}

// ParseCounts parses worker counts written as the -workers flag takes
// them: whole numbers of at least 1, comma-separated ("1,4,16,64").
func ParseCounts(text string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(text, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("worker count %q is not a whole number of at least 1", f)
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

// defaultWorkers is the sweep of Workers' default: procs and every
// fourfold larger count below tasks, then tasks, thinned to four evenly
// spread along the list when longer; tasks alone when it is at most procs.
func defaultWorkers(procs, tasks int) []int {
	if tasks <= procs {
		return []int{tasks}
	}
	var ws []int
	for w := max(procs, 1); w < tasks; w *= 4 {
		ws = append(ws, w)
	}
	ws = append(ws, tasks)
	if n := len(ws); n > 4 {
		ws = []int{ws[0], ws[(n-1+1)/3], ws[(2*(n-1)+1)/3], ws[n-1]}
	}
	return ws
}

// maxProcessWorkers is the most worker processes per CPU a strategy that
// starts processes runs at.
const maxProcessWorkers = 4

// pick returns the strategies of names to run, in registry order:
// sequential always, then those named (all when names is empty). An
// unknown name is an error listing the valid ones.
func pick(names []string) ([]string, error) {
	all := strategies.Names()
	for _, n := range names {
		if !slices.Contains(all, n) {
			return nil, fmt.Errorf("unknown strategy %q; valid strategies are %s", n, strings.Join(all, ", "))
		}
	}
	var out []string
	for _, n := range all {
		if len(names) == 0 || n == all[0] || slices.Contains(names, n) {
			out = append(out, n)
		}
	}
	return out, nil
}
