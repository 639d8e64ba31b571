package concbench

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

func okBuild(spec Spec) (Workload, error) {
	if spec.Name != "w" {
		return nil, errors.New(`unknown workload; valid workloads are w`)
	}
	return Func[struct{}]{Name: spec, Do: func(_ context.Context, _ struct{}, i int) (uint64, error) { return uint64(i), nil }}, nil
}

func TestCasesNameEveryStrategy(t *testing.T) {
	cs, err := cases(okBuild, "w/size=64KiB/mode=a", 8, 2, config{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Name())
	}
	// The strategies on workers sweep the default counts: 2 and 8 for 8
	// tasks on 2 CPUs; the others run once.
	var want []string
	for _, s := range strategies.Names() {
		p, err := strategies.PropsOf(s)
		if err != nil {
			t.Fatal(err)
		}
		if p.Concurrency != runfile.PerWorker {
			want = append(want, "size=64KiB/mode=a/tasks=8/strategy="+s+"/procs=2")
			continue
		}
		for _, w := range []string{"2", "8"} {
			want = append(want, "size=64KiB/mode=a/tasks=8/strategy="+s+"/workers="+w+"/procs=2")
		}
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("names:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
}

func TestCasesBadInput(t *testing.T) {
	for _, tc := range []struct {
		build     Build
		spec      string
		tasks     int
		c         config
		wantParts []string
	}{
		{nil, "w", 8, config{}, []string{"build is nil"}},
		{okBuild, "w", 0, config{}, []string{"tasks is 0", "at least 1"}},
		{okBuild, "w/x", 8, config{}, []string{`parameter "x" is not key=value`}},
		{okBuild, "w/tasks=3", 8, config{}, []string{`"tasks"`, "Run adds"}},
		{okBuild, "w/at=1:2", 8, config{}, []string{"no ':'", "Setting"}},
		{okBuild, "v", 8, config{}, []string{"building v", "valid workloads are w"}},
		{okBuild, "w", 8, config{strategies: []string{"pool", "nope"}}, []string{`unknown strategy "nope"`, "valid strategies are sequential, spawn"}},
		{okBuild, "w", 8, config{workers: []int{4, 0}}, []string{"worker count 0", "at least 1 worker"}},
	} {
		_, err := cases(tc.build, tc.spec, tc.tasks, 2, tc.c)
		if err == nil {
			t.Errorf("cases(%q, %d) = nil error", tc.spec, tc.tasks)
			continue
		}
		for _, p := range tc.wantParts {
			if !strings.Contains(err.Error(), p) || !strings.HasPrefix(err.Error(), "concbench: ") {
				t.Errorf("cases(%q, %d) error %q lacks %q or the package prefix", tc.spec, tc.tasks, err, p)
			}
		}
	}
}

// The options narrow and widen the cases: a subset of strategies (with
// sequential, the baseline, always), a sweep of worker counts, settings
// that reach the workload's Spec but not the names; the command's
// environment variables replace the options.
func TestCasesOptions(t *testing.T) {
	var c config
	for _, o := range []Option{Strategies("pool", "spawn"), Workers(16, 1, 4), Setting("addr", "127.0.0.1:1")} {
		o(&c)
	}
	cs, err := cases(okBuild, "w/n=1", 64, 2, c)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, k := range cs {
		names = append(names, k.Name())
		if k.Workload != "w/n=1?addr=127.0.0.1%3A1" {
			t.Errorf("%s: workload %q, want the spec with its setting", k.Name(), k.Workload)
		}
	}
	want := "n=1/tasks=64/strategy=sequential/procs=2 n=1/tasks=64/strategy=spawn/procs=2 " +
		"n=1/tasks=64/strategy=pool/workers=1/procs=2 n=1/tasks=64/strategy=pool/workers=4/procs=2 n=1/tasks=64/strategy=pool/workers=16/procs=2"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("names\n%s\nwant\n%s", got, want)
	}
	t.Setenv(WorkersEnv, "2,8")
	t.Setenv(StrategiesEnv, "pool")
	t.Setenv(TasksEnv, "100")
	t.Setenv(SettingsEnv, "token=x=y")
	tasks := 64
	if err := c.fromEnv(&tasks); err != nil {
		t.Fatal(err)
	}
	if tasks != 100 || !slices.Equal(c.workers, []int{2, 8}) || !slices.Equal(c.strategies, []string{"pool"}) || c.settings[len(c.settings)-1] != (Param{Key: "token", Value: "x=y"}) {
		t.Errorf("from the environment: tasks %d, %+v", tasks, c)
	}
	t.Setenv(WorkersEnv, "2,zero")
	if err := c.fromEnv(&tasks); err == nil || !strings.Contains(err.Error(), WorkersEnv) {
		t.Errorf("a bad %s: %v", WorkersEnv, err)
	}
}

func TestDefaultWorkers(t *testing.T) {
	for _, tc := range []struct {
		procs, tasks int
		want         []int
	}{{2, 64, []int{2, 8, 32, 64}}, {2, 16, []int{2, 8, 16}}, {2, 2, []int{2}}, {4, 3, []int{3}}, {1, 10000, []int{1, 16, 1024, 10000}}, {2, 10000, []int{2, 32, 2048, 10000}}} {
		if got := defaultWorkers(tc.procs, tc.tasks); !slices.Equal(got, tc.want) {
			t.Errorf("defaultWorkers(%d, %d) = %v, want %v", tc.procs, tc.tasks, got, tc.want)
		}
	}
}
