package plots

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"golang.org/x/perf/benchfmt"
	"golang.org/x/perf/benchmath"
	"golang.org/x/perf/benchproc"

	"github.com/concbench/concbench/internal/oserr"
	"github.com/concbench/concbench/runfile"
)

// File names inside a run folder.
const (
	RawFile        = "raw.txt"
	BenchstatFile  = "benchstat.txt"
	IncompleteFile = "INCOMPLETE"
	ReportFile     = "REPORT.md"
)

// A Run is what plots reads from one run folder.
type Run struct {
	// Dir is the run folder.
	Dir string
	// Config holds the file configuration lines of raw.txt (goos, cpu,
	// numcpu, commit, …) in order of first appearance, except the
	// strategy-<name> lines, which are parsed into Props.
	Config []Param
	// Props holds the strategy properties that the run wrote as
	// "strategy-<name>: <properties>" configuration lines
	// (runfile.ConfigKey, runfile.Props.String), by strategy name.
	// A strategy without one (in a run written before they existed, or
	// the CPython strategies of python.txt) counts as an unknown strategy
	// (see Run.props); python.txt's sequential takes raw.txt's.
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
	Params []Param
	// Metrics maps a raw unit ("ns/op", "tasks/s", …) to its samples.
	Metrics map[string]*Metric
}

// A Metric is the sample of one unit of one benchmark.
type Metric struct {
	Unit    string
	Sample  *benchmath.Sample
	Summary Summary
	// Values are the sample's values in the order of raw.txt (Sample's
	// are sorted), Rounds the round (RoundKey) of each, 0 where the file
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

// ReadRun reads the run folder dir: raw.txt (required), and INCOMPLETE and
// benchstat.txt when present. Every error names the file at fault; syntax
// errors name file:line. In a run marked INCOMPLETE, syntax errors (a line
// cut short by the interruption) become warnings instead.
func ReadRun(dir string) (*Run, error) {
	run := &Run{Dir: dir}
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("run folder %s: %w", dir, oserr.Cause(err))
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a run folder (a folder holding raw.txt)", dir)
	}
	if b, err := os.ReadFile(filepath.Join(dir, IncompleteFile)); err == nil {
		run.IsIncomplete = true
		run.Incomplete = strings.TrimSpace(string(b))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, IncompleteFile), oserr.Cause(err))
	}
	if b, err := os.ReadFile(filepath.Join(dir, BenchstatFile)); err == nil {
		run.Benchstat = string(b)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, BenchstatFile), oserr.Cause(err))
	}
	path := filepath.Join(dir, RawFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file (is %s a run folder?)", path, dir)
	}
	if errors.Is(err, syscall.EISDIR) {
		return nil, fmt.Errorf("%s: a folder, not a file; a run folder holds its results in a raw.txt file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, oserr.Cause(err))
	}
	if err := parseRaw(run, data, path); err != nil {
		return nil, err
	}
	return run, nil
}

// parseRaw parses benchfmt data into run. path is used in messages.
func parseRaw(run *Run, data []byte, path string) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("%s: empty file, no benchmark results", path)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%s: binary data (NUL byte at offset %d), not benchfmt text", path, i)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: invalid UTF-8, not benchfmt text", path)
	}

	// Group values by full name and unit with a benchproc projection;
	// the residue projection catches configuration that changes within
	// the file.
	var parser benchproc.ProjectionParser
	filter, err := benchproc.NewFilter("*")
	if err != nil {
		return fmt.Errorf("building filter: %w", err)
	}
	proj, _, err := parser.ParseWithUnit(".fullname", filter)
	if err != nil {
		return fmt.Errorf("building projection: %w", err)
	}
	nameField := proj.Fields()[0]
	residue := parser.Residue()
	residues := map[benchproc.Key]bool{}

	type group struct {
		bench  *Benchmark
		values map[string][]float64
		rounds map[string][]int
		lines  map[string][]int
		units  []string
	}
	groups := map[string]*group{}
	var order []string
	var syntaxErrs []*benchfmt.SyntaxError
	var valueErrs []string // "file:line: …", one per line at fault
	seenConfig := map[string]bool{}
	run.HigherBetter = map[string]bool{}
	run.Props = map[string]runfile.Props{}

	rd := benchfmt.NewReader(bytes.NewReader(data), path)
	for rd.Scan() {
		switch rec := rd.Result().(type) {
		case *benchfmt.SyntaxError:
			syntaxErrs = append(syntaxErrs, rec)
		case *benchfmt.UnitMetadata:
			if rec.Key == "better" {
				if msg := checkBetter(rec.OrigUnit, rec.Value); msg != "" {
					file, line := rec.Pos()
					valueErrs = append(valueErrs, fmt.Sprintf("%s:%d: %s", file, line, msg))
				}
			}
			if rec.Key == "better" && rec.Value == "higher" {
				run.HigherBetter[rec.OrigUnit] = true
			}
		case *benchfmt.Result:
			if msg, warns := checkResult(rec); msg != "" {
				valueErrs = append(valueErrs, msg)
			} else {
				run.Warnings = append(run.Warnings, warns...)
			}
			for _, c := range rec.Config {
				if !c.File || seenConfig[c.Key] || c.Key == RoundKey {
					continue
				}
				seenConfig[c.Key] = true
				if name, ok := runfile.StrategyOfKey(c.Key); ok {
					p, err := runfile.ParseProps(string(c.Value))
					if err != nil {
						return fmt.Errorf("%s:%d: configuration line %s: %w", path, configLine(data, c.Key), c.Key, err)
					}
					run.Props[name] = p
					continue
				}
				run.Config = append(run.Config, Param{c.Key, string(c.Value)})
			}
			if ok, _ := filter.Apply(rec); !ok {
				continue
			}
			residues[residue.Project(rec)] = true
			round := 0
			if v := rec.GetConfig(RoundKey); v != "" {
				round, _ = strconv.Atoi(v)
			}
			for i, key := range proj.ProjectValues(rec) {
				name := key.Get(nameField)
				g := groups[name]
				if g == nil {
					family, params, err := parseName(name)
					if err != nil {
						file, line := rec.Pos()
						return fmt.Errorf("%s:%d: %v", file, line, err)
					}
					g = &group{bench: &Benchmark{Name: name, Family: family, Params: params}, values: map[string][]float64{}, rounds: map[string][]int{}, lines: map[string][]int{}}
					groups[name] = g
					order = append(order, name)
				}
				v := rec.Values[i]
				unit, val := v.Unit, v.Value
				if v.OrigUnit != "" { // undo benchfmt's tidying (ns/op → sec/op)
					unit, val = v.OrigUnit, v.OrigValue
				}
				if _, ok := g.values[unit]; !ok {
					g.units = append(g.units, unit)
				}
				g.values[unit] = append(g.values[unit], val)
				g.rounds[unit] = append(g.rounds[unit], round)
				_, line := rec.Pos()
				g.lines[unit] = append(g.lines[unit], line)
			}
		}
	}
	if err := rd.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	// A file that does not end with a newline was probably cut short (the
	// driver writes whole lines): say so about an error on its last line,
	// and do not let a last line holding only a name (which benchfmt
	// skips, as go test prints such lines) vanish silently.
	cut := data[len(data)-1] != '\n'
	lastNo := bytes.Count(data, []byte("\n")) + 1
	last := string(data[bytes.LastIndexByte(data, '\n')+1:])
	const cutHint = "the file ends in the middle of this line: was it cut short?"
	if f := strings.Fields(last); cut && len(f) == 1 && strings.HasPrefix(f[0], "Benchmark") {
		if !run.IsIncomplete {
			return fmt.Errorf("%s:%d: %q is not a whole result line; %s", path, lastNo, last, cutHint)
		}
		run.Warnings = append(run.Warnings, fmt.Sprintf("skipped the last line %s:%d, %q, cut short", path, lastNo, last))
	}
	if len(syntaxErrs) > 0 {
		if !run.IsIncomplete || len(order) == 0 {
			first := syntaxErrs[0]
			hint := ""
			if cut && first.Line == lastNo {
				hint = " (" + cutHint + ")"
			}
			if len(syntaxErrs) > 1 {
				return fmt.Errorf("%w%s (and %d more syntax errors)", first, hint, len(syntaxErrs)-1)
			}
			if hint != "" {
				return fmt.Errorf("%w%s", first, hint)
			}
			return first
		}
		for _, e := range syntaxErrs {
			run.Warnings = append(run.Warnings, "skipped malformed line "+e.Error())
		}
	}
	if len(valueErrs) > 0 {
		if len(valueErrs) > 1 {
			return fmt.Errorf("%s (and %d more lines with impossible values)", valueErrs[0], len(valueErrs)-1)
		}
		return errors.New(valueErrs[0])
	}
	if len(order) == 0 {
		return fmt.Errorf("%s: no benchmark results (no Benchmark… lines)", path)
	}
	var keys []benchproc.Key
	for k := range residues {
		keys = append(keys, k)
	}
	for _, f := range benchproc.NonSingularFields(keys) {
		if f.Name == RoundKey {
			continue // changes by design
		}
		run.Warnings = append(run.Warnings, fmt.Sprintf("configuration %q changes within %s; samples were pooled across its values", f.Name, path))
	}
	for _, name := range order {
		g := groups[name]
		g.bench.Metrics = map[string]*Metric{}
		for _, u := range g.units {
			vals := g.values[u]
			s := benchmath.NewSample(slices.Clone(vals), thresholds())
			g.bench.Metrics[u] = &Metric{Unit: u, Sample: s, Summary: summarize(s), Values: vals, Rounds: g.rounds[u], Lines: g.lines[u], File: path}
		}
		run.Benchmarks = append(run.Benchmarks, g.bench)
	}
	return nil
}

// RoundKey is the configuration line that numbers the samples after it:
// the driver writes "round: k" before run k, and numbers its noise re-run
// rounds on from the count. Every configuration has at most one sample
// per round, so samples of one round were measured minutes apart at
// most, interleaved with every other configuration's.
const RoundKey = "round"

// checkResult checks the values of one result line (values.go) and returns
// the error of its first impossible value, "file:line: BenchmarkName: unit
// = value: what is wrong", or else the warnings of its surprising values.
func checkResult(rec *benchfmt.Result) (string, []string) {
	file, line := rec.Pos()
	name := "Benchmark" + string(rec.Name.Full())
	vals := make(map[string]float64, len(rec.Values))
	for _, v := range rec.Values {
		unit, val := v.Unit, v.Value
		if v.OrigUnit != "" { // as written, before benchfmt's tidying
			unit, val = v.OrigUnit, v.OrigValue
		}
		if msg := checkUnit(unit); msg != "" {
			return fmt.Sprintf("%s:%d: %s: %s", file, line, name, msg), nil
		}
		if msg := checkValue(unit, val); msg != "" {
			return fmt.Sprintf("%s:%d: %s: %s = %s: %s", file, line, name, unit, formatValue(val), msg), nil
		}
		vals[unit] = val
	}
	var params []Param
	if _, ps, err := parseName(string(rec.Name.Full())); err == nil {
		params = ps
	}
	var warns []string
	for _, s := range surprises(params, vals) {
		warns = append(warns, fmt.Sprintf("%s:%d: %s: %s", file, line, name, s))
	}
	return "", warns
}

// configLine returns the number of the first line of data that sets the
// configuration key ("key: value"); benchfmt keeps no position for them.
func configLine(data []byte, key string) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if k, _, ok := bytes.Cut(l, []byte(":")); ok && string(k) == key {
			return i + 1
		}
	}
	return 0
}
