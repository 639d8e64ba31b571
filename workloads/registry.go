package workloads

import (
	"fmt"
	"strings"
)

// A param describes one parameter of a workload: its key, its default and
// what values it takes.
type param struct {
	key, def, valid string
}

// A kind is one entry of the registry.
type kind struct {
	name   string
	about  string
	params []param
	build  func(vals map[string]string) (Workload, error)
}

// kinds returns the registry. It is a function, not a variable, so that no
// package state can be changed.
func kinds() []kind {
	return []kind{
		{"noop", "does nothing; measures a strategy's own overhead", nil, buildNoop},
		{"sleep", "sleeps d per task; stands for an I/O wait", []param{
			{"d", "10ms", "a positive duration such as 10ms"},
		}, buildSleep},
		{"hash", "chains SHA-256 rounds times over a size-byte buffer; CPU-bound", []param{
			{"size", "64KiB", "a positive byte count such as 64B or 64KiB"},
			{"rounds", "8", "a positive integer"},
		}, buildHash},
		{"counter", "adds 1 to a counter shared by the batch incs times per task", []param{
			{"incs", "1000", "a positive integer"},
			{"sync", "mutex", strings.Join(SyncNames(), "|")},
		}, buildCounter},
		{"alloc", "allocates and touches a fresh size-byte buffer per task; allocation-bound", []param{
			{"size", "1MiB", "a positive byte count such as 64KiB or 1MiB"},
		}, buildAlloc},
		{"pycpu", "sums the squares of n integers per task, the tutorials' number ** 2 loop; CPU-bound", []param{
			{"n", "100000", "a positive integer"},
		}, buildPycpu},
		{"fetch", "GETs a size-byte body from a FetchServer on 127.0.0.1 that answers after d; real network I/O", []param{
			{"d", "1ms", "a duration from 0s to 10s"},
			{"size", "16KiB", "a byte count up to 64MiB"},
			{"client", "shared", strings.Join(fetchClients(), "|")},
			{"port", "0", "the Port of a running FetchServer (required)"},
		}, buildFetch},
		{"file", "writes size bytes to a new file per task, optionally fsyncs, reads it back and removes it; real disk I/O", []param{
			{"size", "64KiB", "a byte count up to 256MiB"},
			{"sync", "none", strings.Join(fileSyncs(), "|")},
		}, buildFile},
		{"crash", "waits d per task; task k then kills its process, uncatchably (a panic in a goroutine of its own): run it only in a child process", []param{
			{"k", "0", "a non-negative integer; a batch of at most k tasks does not crash"},
			{"d", "1ms", "a positive duration such as 1ms"},
		}, buildCrash},
	}
}

// Names returns the names of the registered workloads.
func Names() []string {
	var names []string
	for _, k := range kinds() {
		names = append(names, k.name)
	}
	return names
}

// Usage returns one line per workload: its name, parameters with their
// defaults and valid values, and what it does.
func Usage() string {
	var b strings.Builder
	for _, k := range kinds() {
		fmt.Fprintf(&b, "%s", k.name)
		for _, p := range k.params {
			fmt.Fprintf(&b, "/%s=%s", p.key, p.def)
		}
		fmt.Fprintf(&b, "\t%s", k.about)
		for _, p := range k.params {
			fmt.Fprintf(&b, "; %s: %s", p.key, p.valid)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// New builds the workload that spec names. Parameters missing from spec
// take their defaults. An unknown workload or parameter, or a value out of
// range, is an error that says what is valid.
func New(spec Spec) (Workload, error) {
	for _, k := range kinds() {
		if k.name != spec.Name {
			continue
		}
		vals := make(map[string]string, len(k.params))
		for _, p := range k.params {
			vals[p.key] = p.def
		}
		for _, p := range spec.Params {
			if _, ok := vals[p.Key]; !ok {
				return nil, fmt.Errorf("workloads: %s: unknown parameter %q; %s takes %s", spec, p.Key, k.name, paramList(k.params))
			}
			vals[p.Key] = p.Value
		}
		w, err := k.build(vals)
		if err != nil {
			return nil, fmt.Errorf("workloads: %s: %w", spec, err)
		}
		return w, nil
	}
	return nil, fmt.Errorf("workloads: unknown workload %q; valid workloads are %s", spec.Name, strings.Join(Names(), ", "))
}

// Parse parses text as a Spec and builds its workload.
func Parse(text string) (Workload, error) {
	spec, err := ParseSpec(text)
	if err != nil {
		return nil, err
	}
	return New(spec)
}

func paramList(ps []param) string {
	if len(ps) == 0 {
		return "no parameters"
	}
	var keys []string
	for _, p := range ps {
		keys = append(keys, p.key+" ("+p.valid+")")
	}
	return strings.Join(keys, ", ")
}
