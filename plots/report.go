package plots

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/runfile"
)

// A Report is everything derived from one run, ready to be written.
type Report struct {
	Run      *rundir.Run
	Rows     []*rundir.Row
	Fits     []rundir.AmdahlFit
	Choices  []judge.Choice
	Verdicts []judge.Verdict
	Charts   []chart.Chart
	// Python is the Go vs CPython comparison, nil without python.txt;
	// PythonCharts are its charts.
	Python       *judge.Python
	PythonCharts []chart.Chart
}

// Build reads the run folder dir and derives the report without writing
// anything.
func Build(dir string) (*Report, error) {
	run, err := rundir.ReadRun(dir)
	if err != nil {
		return nil, err
	}
	return build(run)
}

func build(run *rundir.Run) (*Report, error) {
	rows := run.Derive()
	cores := run.Cores()
	rep := &Report{Run: run, Rows: rows}
	rep.Fits = rundir.FitAmdahl(rows, cores)
	rep.Choices = judge.Choose(rows)
	rep.Verdicts = judge.Verdicts(run, rows)
	charts, err := chart.Charts(rows, rep.Fits, cores)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", run.Dir, err)
	}
	rep.Charts = charts
	if rep.Python, err = judge.ReadPython(run, rows); err != nil {
		return nil, err
	}
	if rep.PythonCharts, err = chart.PythonCharts(rep.Python); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(run.Dir, runfile.PythonFile), err)
	}
	return rep, nil
}

// Generate builds the report of the run folder dir and writes the charts
// (PNG and SVG), runfile.DepsFile (when raw.txt names dependency versions),
// runfile.HTMLFile and REPORT.md into it. Every file is first written to a
// temporary file in dir; once all are complete they are renamed into
// place, REPORT.md last. Nothing is written when reading or deriving
// fails, and nothing is replaced when writing fails (a full disk) or when
// one of the names is taken by a folder; no temporary file is left.
func Generate(dir string) (*Report, error) {
	rep, err := Build(dir)
	if err != nil {
		return nil, err
	}
	var files []outFile
	for _, c := range rep.allCharts() {
		files = append(files, outFile{c.Name + ".png", c.PNG}, outFile{c.Name + ".svg", c.SVG})
	}
	if deps := rep.deps(); deps != nil {
		files = append(files, outFile{runfile.DepsFile, deps})
	}
	page, err := rep.HTML()
	if err != nil {
		return nil, err
	}
	files = append(files, outFile{runfile.HTMLFile, page}, outFile{runfile.ReportFile, rep.Markdown()})
	if err := writeAll(dir, files); err != nil {
		return nil, err
	}
	return rep, nil
}

// Markdown renders REPORT.md, the answer first: the title, one line about
// the machine, the recommendation table (within the first 15 lines of a
// complete run), the verdicts, the overview heatmap, the charts; then the
// details, and the machine last. Dependency versions and the benchstat
// tables are files of their own (runfile.DepsFile, BenchstatFile), linked, so that
// no fenced block is longer than a screen.
func (rep *Report) Markdown() []byte {
	var b bytes.Buffer
	run := rep.Run
	if run.IsIncomplete {
		fmt.Fprintf(&b, "> **INCOMPLETE RUN.** The benchmark driver was interrupted; this report covers only what was measured.\n")
		if run.Incomplete != "" {
			fmt.Fprintf(&b, ">\n")
			for _, l := range strings.Split(run.Incomplete, "\n") {
				fmt.Fprintf(&b, "> %s\n", l)
			}
		}
		fmt.Fprintf(&b, "\n")
	}
	fmt.Fprintf(&b, "# concbench report: %s\n\n", rep.Name())
	fmt.Fprintf(&b, "%s\n\n", rep.MachineSummary())
	fmt.Fprintf(&b, "%s\n\n", rep.PrecisionSummary())
	fmt.Fprintf(&b, "**The rule.** %s\n\n", Rule())
	if rep.hasWarnings() {
		fmt.Fprintf(&b, "This run has warnings: see [Warnings](#warnings).\n\n")
	}
	rep.writeChoices(&b)
	rep.writeVerdicts(&b)
	rep.writeFloodSizes(&b)
	rep.writeCeilings(&b)
	rep.writeOverview(&b)
	rep.writeCharts(&b)
	rep.writePython(&b)
	rep.writeNoise(&b)
	rep.writeRows(&b)
	rep.writeFits(&b)
	rep.writeWarnings(&b)
	rep.writeMachine(&b)
	return b.Bytes()
}

// Name is the name of the run: its folder's base name.
func (rep *Report) Name() string { return filepath.Base(filepath.Clean(rep.Run.Dir)) }
