package rundir

import (
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
	"golang.org/x/perf/benchmath"
)

// A Run is what plots reads from one run folder.
type Run struct {
	// Dir is the run folder.
	Dir string
	// Config holds the file configuration lines of raw.txt (goos, cpu,
	// numcpu, commit, …) in order of first appearance, except the
	// strategy-<name> lines, which are parsed into Props.
	Config []runfile.Param
	// Props holds the strategy properties that the run wrote as
	// "strategy-<name>: <properties>" configuration lines
	// (runfile.ConfigKey, runfile.Props.String), by strategy name.
	// A strategy without such a line (a run written before they existed,
	// CPython's strategies) has the properties of Run.PropsOf: it may
	// run every task at once and ranks last (UnknownRank).
	Props map[string]runfile.Props
	// Benchmarks are the distinct benchmark names in order of first
	// appearance, each with its samples per unit.
	Benchmarks []*Benchmark
	// HigherBetter lists the units declared "better=higher".
	HigherBetter map[string]bool
	// Incomplete is the content of the INCOMPLETE file; IsIncomplete
	// reports whether that file exists.
	Incomplete   string
	IsIncomplete bool
	// Benchstat is the content of benchstat.txt, "" when absent.
	Benchstat string
	// Warnings are problems that did not stop the report: syntax errors
	// in an incomplete run, configuration that changes within the file.
	Warnings []string
}

// A Benchmark is one benchmark configuration and all its samples.
type Benchmark struct {
	// Name is the full name without "Benchmark": "Sleep/d=10ms/…/procs=2".
	Name string
	// Family is the base name: "Sleep", "HashWorkers", …
	Family string
	// Params are the key=value parts of the name, in order.
	Params []runfile.Param
	// Suite reports whether the benchmark is of the suite's matrix
	// (runfile.SuitePackage, or a file that names no package), not of a
	// user's package, whose families may share the suite's names.
	Suite bool
	// Metrics maps a raw unit ("ns/op", "tasks/s", …) to its samples.
	Metrics map[string]*Metric
}

// A Metric is the sample of one unit of one benchmark.
type Metric struct {
	Unit    string
	Sample  *benchmath.Sample
	Summary stat.Summary
	// Values are the sample's values in the order of raw.txt (Sample's
	// are sorted), Rounds the round (runfile.RoundKey) of each, 0 where the file
	// numbers none, and Lines the line of raw.txt each comes from: the
	// metrics of one result line share it.
	Values []float64
	Rounds []int
	Lines  []int
	// File is the file the values come from: rounds pair only within
	// one file (raw.txt's round 3 and python.txt's were not measured
	// together).
	File string
}

// Param returns the value of the name part key, or "".
func (b *Benchmark) Param(key string) string {
	for _, p := range b.Params {
		if p.Key == key {
			return p.Value
		}
	}
	return ""
}

// Metric returns the samples of unit, or nil.
func (b *Benchmark) Metric(unit string) *Metric { return b.Metrics[unit] }

// ConfigValue returns the value of a configuration line, or "".
func (r *Run) ConfigValue(key string) string {
	for _, p := range r.Config {
		if p.Key == key {
			return p.Value
		}
	}
	return ""
}
