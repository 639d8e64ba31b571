package bench

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// RunFamily runs each case as a sub-benchmark of b named by Case.Name.
// The checksum every run must reproduce is computed once per workload and
// batch size, with Sequential, outside the timer and only when a case that
// needs it runs. With ListEnv set, each case only prints its name; with
// OnlyEnv set, only the cases the file lists run.
func RunFamily(b *testing.B, cases []Case) {
	want := checksums{}
	probes := map[string]probeResult{} // case name → its probe's figures
	list := os.Getenv(ListEnv) != ""
	only, err := onlyNames()
	if err != nil {
		b.Fatal(err)
	}
	keep := strategiesKept()
	for _, c := range cases {
		if only != nil && !only[b.Name()+"/"+c.Name()] || !keep(c.Strategy) {
			continue
		}
		b.Run(c.Name(), func(b *testing.B) {
			if list {
				fmt.Fprintf(os.Stdout, "%s%s\n", ListPrefix, b.Name())
				b.SkipNow()
			}
			runCase(b, c, want, probes)
		})
	}
}

// checksums caches the sequential checksum of each batch, keyed by the
// workload's spec text and the number of tasks.
type checksums map[string]uint64

// get returns the sequential checksum of tasks tasks of w, computed by
// ref: Sequential, or for batches too long to run one task at a time, a
// strategy that the strategies' tests hold to sequential's checksum.
func (cs checksums) get(ctx context.Context, ref strategies.Strategy, w workloads.Workload, tasks int) (uint64, error) {
	key := fmt.Sprintf("%s#%d", w.Spec(), tasks)
	if sum, ok := cs[key]; ok {
		return sum, nil
	}
	r, err := ref.Run(ctx, strategies.Job{Workload: w, Tasks: tasks})
	if err != nil {
		return 0, fmt.Errorf("%s baseline of %s: %w", ref.Name(), key, err)
	}
	cs[key] = r.Checksum
	return r.Checksum, nil
}

// strategiesKept returns whether a case of strategy runs: every one when
// StrategiesEnv is unset, else those it lists and the baseline.
func strategiesKept() func(strategy string) bool {
	v := os.Getenv(StrategiesEnv)
	if v == "" {
		return func(string) bool { return true }
	}
	names := strings.Split(v, ",")
	return func(s string) bool {
		p, err := strategies.PropsOf(s)
		return s == "" || slices.Contains(names, s) || err == nil && p.Concurrency == runfile.One && !p.Model
	}
}

// onlyNames reads the file that OnlyEnv names into a set of full benchmark
// names; nil when OnlyEnv is unset.
func onlyNames() (map[string]bool, error) {
	path := os.Getenv(OnlyEnv)
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", OnlyEnv, err)
	}
	names := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			names[l] = true
		}
	}
	return names, nil
}
