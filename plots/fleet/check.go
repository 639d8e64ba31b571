package fleet

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// checkDirs refuses a command line without run folders and a folder given
// twice.
func checkDirs(dirs []string) error {
	if len(dirs) == 0 {
		return fmt.Errorf("no run folder given: a fleet report compares the run folders of make bench on several machines")
	}
	seen := map[string]string{}
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			return fmt.Errorf("reading %s: %w", d, err)
		}
		if first, ok := seen[abs]; ok {
			return fmt.Errorf("%s and %s are the same run folder: give each run once", first, d)
		}
		seen[abs] = d
	}
	return nil
}

// scaleOf names the scale of a machine's run, "unknown" when raw.txt has
// no scale line.
func scaleOf(m *Machine) string {
	if s := m.Run.ConfigValue(runfile.ConfigScale); s != "" {
		return s
	}
	return "unknown"
}

// checkScales refuses runs of different scales: their workloads differ in
// size (d, tasks, …), so their benchmarks, answers and speedups do not
// line up. The error names the first run and the first that differs.
func checkScales(ms []*Machine) error {
	first := ms[0]
	for _, m := range ms[1:] {
		if a, b := scaleOf(first), scaleOf(m); a != b {
			return fmt.Errorf("%s is a %s-scale run and %s a %s-scale one: the scales measure different workload sizes (make bench-quick: d=5ms, tasks=16, …; make bench: d=10ms, tasks=64, …), so their answers and speedups do not compare; give runs of one scale",
				first.Dir, a, m.Dir, b)
		}
	}
	return nil
}

// commitWarning is the warning for runs of different commits, "" when all
// share one: a difference between them may come from the code, not the
// machine.
func commitWarning(ms []*Machine) string {
	var parts []string
	commits := map[string]bool{}
	for _, m := range ms {
		c := m.config("commit")
		commits[c] = true
		parts = append(parts, m.Label+": "+c)
	}
	if len(commits) < 2 {
		return ""
	}
	return fmt.Sprintf("the runs come from different commits (%s): a difference between machines below may come from the code, not the machine", strings.Join(parts, ", "))
}

// incompleteWarnings are the warnings for runs marked INCOMPLETE (the
// driver was interrupted): their answers rest on what was measured before.
func incompleteWarnings(ms []*Machine) []string {
	var ws []string
	for _, m := range ms {
		if m.Run.IsIncomplete {
			first, _, _ := strings.Cut(strings.TrimSpace(m.Run.Incomplete), "\n")
			w := fmt.Sprintf("%s (%s) is an INCOMPLETE run: its tables cover only what was measured before the driver was interrupted", m.Label, m.Dir)
			if first != "" {
				w += " (" + first + ")"
			}
			ws = append(ws, w)
		}
	}
	return ws
}
