package concbench

import (
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// A Spec names a workload and its parameters; its text form is
// name/key=value/…, for example decode/records=100. It is
// workloads.Spec.
type Spec = workloads.Spec

// A Workload is a batch of deterministic tasks that every strategy can
// run; a Func is one. It is workloads.Workload.
type Workload = workloads.Workload

// A Func is your task as a function of its index, with optional
// per-worker state of type S made by Setup and released by Teardown. See
// workloads.Func for the full contract: when Setup runs, which calls may
// overlap, and what Do must return.
type Func[S any] = workloads.Func[S]

// A Build builds the workload a Spec names, or returns an error saying
// which names and parameters are valid. It must be a pure function of the
// Spec: the benchmark and every worker process call it and must get
// workloads whose task i returns the same value. It is strategies.Lookup.
type Build = strategies.Lookup

// ParseSpec parses the text form of a Spec, such as "decode/records=100";
// it is workloads.ParseSpec.
func ParseSpec(text string) (Spec, error) { return workloads.ParseSpec(text) }
