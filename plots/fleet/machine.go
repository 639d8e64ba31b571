package fleet

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
)

// A Machine is one run of the fleet: its folder, the label every table and
// the chart give it, and what package plots derives from its raw.txt.
type Machine struct {
	// Dir is the run folder as given.
	Dir string
	// Label is the machine's short name: the host of the folder name
	// (make bench names it <UTC time>-<host>; any other folder by its own
	// name) and its cores, "myhost (2 cores)"; when several runs share
	// one, each gets " #1", " #2", … in the order given.
	Label string
	Run   *rundir.Run
	// Rows, Choices and Verdicts are the run's derived rows, answer table
	// (answer.Choose) and verdicts (the lesson table), as its own report
	// has them.
	Rows     []*rundir.Row
	Choices  []answer.Choice
	Verdicts []judge.Verdict
}

// readMachine reads the run folder dir and derives what the fleet report
// compares, without drawing the run's own charts. Errors are ReadRun's,
// which name the file at fault.
func readMachine(dir string) (*Machine, error) {
	run, err := rundir.ReadRun(dir)
	if err != nil {
		return nil, err
	}
	rows := run.Derive()
	return &Machine{
		Dir:      dir,
		Label:    machineLabel(dir, run),
		Run:      run,
		Rows:     rows,
		Choices:  answer.Choose(rows),
		Verdicts: judge.Verdicts(run, rows),
	}, nil
}

// runFolder matches the name make bench gives a run folder, <UTC
// time>-<host>.
var runFolder = regexp.MustCompile(`^[0-9]{8}T[0-9]{6}Z-(.+)$`)

// machineLabel is the label of a run before duplicates are told apart:
// the host (or the folder's name) and the cores the run could use.
func machineLabel(dir string, run *rundir.Run) string {
	name := filepath.Base(filepath.Clean(dir))
	if m := runFolder.FindStringSubmatch(name); m != nil {
		name = m[1]
	}
	switch c := run.Cores(); {
	case math.IsInf(c, 0):
		return name + " (cores unknown)"
	case c == 1:
		return name + " (1 core)"
	default:
		return fmt.Sprintf("%s (%g cores)", name, c)
	}
}

// distinctLabels adds " #k" to the labels that several machines share,
// numbering each such group from 1 in order.
func distinctLabels(ms []*Machine) {
	count := map[string]int{}
	for _, m := range ms {
		count[m.Label]++
	}
	seen := map[string]int{}
	for _, m := range ms {
		if l := m.Label; count[l] > 1 {
			seen[l]++
			m.Label = fmt.Sprintf("%s #%d", l, seen[l])
		}
	}
}

// config is a configuration line of the machine's raw.txt, "—" when
// absent.
func (m *Machine) config(key string) string {
	if v := m.Run.ConfigValue(key); v != "" {
		return v
	}
	return "—"
}
