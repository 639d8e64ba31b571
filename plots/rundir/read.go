package rundir

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

	"github.com/concbench/concbench/internal/oserr"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
	"golang.org/x/perf/benchfmt"
	"golang.org/x/perf/benchmath"
	"golang.org/x/perf/benchproc"
)

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
	if b, err := os.ReadFile(filepath.Join(dir, runfile.IncompleteFile)); err == nil {
		run.IsIncomplete = true
		run.Incomplete = strings.TrimSpace(string(b))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, runfile.IncompleteFile), oserr.Cause(err))
	}
	if b, err := os.ReadFile(filepath.Join(dir, runfile.BenchstatFile)); err == nil {
		run.Benchstat = string(b)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, runfile.BenchstatFile), oserr.Cause(err))
	}
	path := filepath.Join(dir, runfile.RawFile)
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
	if err := ParseRaw(run, data, path); err != nil {
		return nil, err
	}
	return run, nil
}

// ParseRaw parses benchfmt data into run. path is used in messages.
func ParseRaw(run *Run, data []byte, path string) error {
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
				if !c.File || seenConfig[c.Key] || c.Key == runfile.RoundKey {
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
				run.Config = append(run.Config, runfile.Param{Key: c.Key, Value: string(c.Value)})
			}
			if ok, _ := filter.Apply(rec); !ok {
				continue
			}
			residues[residue.Project(rec)] = true
			round := 0
			if v := rec.GetConfig(runfile.RoundKey); v != "" {
				round, _ = strconv.Atoi(v)
			}
			for i, key := range proj.ProjectValues(rec) {
				name := key.Get(nameField)
				g := groups[name]
				if g == nil {
					family, params, err := runfile.ParseName(name)
					if err != nil {
						file, line := rec.Pos()
						return fmt.Errorf("%s:%d: %v", file, line, err)
					}
					pkg := rec.GetConfig(runfile.ConfigPkg)
					suite := pkg == "" || pkg == runfile.SuitePackage
					g = &group{bench: &Benchmark{Name: name, Family: family, Params: params, Suite: suite}, values: map[string][]float64{}, rounds: map[string][]int{}, lines: map[string][]int{}}
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
	// Configuration lines after the last result (the driver's stopped
	// line) apply to no result, so benchfmt never reports them.
	for _, c := range trailingConfig(data) {
		if !seenConfig[c.Key] {
			seenConfig[c.Key] = true
			run.Config = append(run.Config, c)
		}
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
	// A result line cut after a whole metric still parses, its last
	// metrics lost: in a complete run it is refused as well.
	if f := strings.Fields(last); cut && !run.IsIncomplete && len(f) > 1 && strings.HasPrefix(f[0], "Benchmark") {
		return fmt.Errorf("%s:%d: the result line has no newline; %s", path, lastNo, cutHint)
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
		if f.Name == runfile.RoundKey {
			continue // changes by design
		}
		run.Warnings = append(run.Warnings, fmt.Sprintf("configuration %q changes within %s; samples were pooled across its values", f.Name, path))
	}
	for _, name := range order {
		g := groups[name]
		g.bench.Metrics = map[string]*Metric{}
		for _, u := range g.units {
			vals := g.values[u]
			s := benchmath.NewSample(slices.Clone(vals), stat.Thresholds())
			g.bench.Metrics[u] = &Metric{Unit: u, Sample: s, Summary: stat.Summarize(s), Values: vals, Rounds: g.rounds[u], Lines: g.lines[u], File: path}
		}
		run.Benchmarks = append(run.Benchmarks, g.bench)
	}
	return nil
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

// trailingConfig returns the configuration lines ("key: value", the key
// lower case, as benchfmt reads them) after the last result line of data.
func trailingConfig(data []byte) []runfile.Param {
	lines := strings.Split(string(data), "\n")
	var out []runfile.Param
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if strings.HasPrefix(l, "Benchmark") {
			break
		}
		k, v, ok := strings.Cut(l, ": ")
		if !ok || k == "" || strings.ToLower(k) != k || strings.ContainsAny(k, " \t") {
			continue
		}
		out = append([]runfile.Param{{Key: k, Value: strings.TrimSpace(v)}}, out...)
	}
	return out
}
