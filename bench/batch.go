package bench

import (
	"slices"
	"strconv"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/workloads"
)

// A Batch is a workload and a batch size: the one value from which a
// case's name parameters and its workload's spec text both come, so that
// the two cannot drift apart.
//
// The name parameters are the spec's parameters in order, less Hidden,
// with tasks=Tasks inserted before the parameter TasksBefore, or last when
// TasksBefore is empty or absent. The spec text is Spec.String().
type Batch struct {
	Spec  workloads.Spec
	Tasks int
	// TasksBefore is the key of the parameter that tasks= precedes in
	// the name (the counter's sync); empty puts tasks= last.
	TasksBefore string
	// Hidden are keys of the spec left out of the name: values that
	// change from run to run, such as a server's port.
	Hidden []string
}

// batch returns a Batch of tasks tasks of the workload name with the
// parameters kv, given as key, value pairs.
func batch(tasks int, name string, kv ...string) Batch {
	s := workloads.Spec{Name: name}
	for i := 0; i+1 < len(kv); i += 2 {
		s.Params = append(s.Params, workloads.Param{Key: kv[i], Value: kv[i+1]})
	}
	return Batch{Spec: s, Tasks: tasks}
}

// Params returns the batch's name parameters (see Batch).
func (b Batch) Params() []workloads.Param {
	tasks := workloads.Param{Key: runfile.KeyTasks, Value: strconv.Itoa(b.Tasks)}
	var ps []workloads.Param
	placed := false
	for _, p := range b.Spec.Params {
		if slices.Contains(b.Hidden, p.Key) {
			continue
		}
		if !placed && b.TasksBefore != "" && p.Key == b.TasksBefore {
			ps, placed = append(ps, tasks), true
		}
		ps = append(ps, p)
	}
	if !placed {
		ps = append(ps, tasks)
	}
	return ps
}

// Case returns the batch under strategy st at GOMAXPROCS procs, at the
// strategy's default worker count.
func (b Batch) Case(st string, procs int) Case {
	return Case{Params: b.Params(), Workload: b.Spec.String(), Tasks: b.Tasks, Strategy: st, Procs: procs}
}

// WithTasks returns the batch with n tasks.
func (b Batch) WithTasks(n int) Batch {
	b.Tasks = n
	return b
}

func itoa(n int) string { return strconv.Itoa(n) }

func size(n int64) string { return runfile.FormatSize(n) }

func dur(d time.Duration) string { return d.String() }
