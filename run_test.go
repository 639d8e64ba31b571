package concbench

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/concbench/concbench/strategies"
)

func okBuild(spec Spec) (Workload, error) {
	if spec.Name != "w" {
		return nil, errors.New(`unknown workload; valid workloads are w`)
	}
	return Func[struct{}]{Name: spec, Do: func(_ context.Context, _ struct{}, i int) (uint64, error) { return uint64(i), nil }}, nil
}

func TestCasesNameEveryStrategy(t *testing.T) {
	cs, err := cases(okBuild, "w/size=64KiB/mode=a", 8, 2)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Name())
	}
	var want []string
	for _, s := range strategies.Names() {
		want = append(want, "size=64KiB/mode=a/tasks=8/strategy="+s+"/procs=2")
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
		wantParts []string
	}{
		{nil, "w", 8, []string{"build is nil"}},
		{okBuild, "w", 0, []string{"tasks is 0", "at least 1"}},
		{okBuild, "w/x", 8, []string{`parameter "x" is not key=value`}},
		{okBuild, "w/tasks=3", 8, []string{`"tasks"`, "Run adds"}},
		{okBuild, "w/at=1:2", 8, []string{"no ':'"}},
		{okBuild, "v", 8, []string{"building v", "valid workloads are w"}},
	} {
		_, err := cases(tc.build, tc.spec, tc.tasks, 2)
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
