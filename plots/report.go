package plots

import (
	"fmt"
	"path/filepath"

	"github.com/concbench/concbench/internal/atomicfile"
	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/runfile"
)

// A Report is everything derived from one run, ready to be written.
type Report struct {
	Run      *rundir.Run
	Rows     []*rundir.Row
	Fits     []rundir.AmdahlFit
	Choices  []answer.Choice
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
	rep.Choices = answer.Choose(rows)
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
// (PNG and SVG), deps.txt (when raw.txt names dependency versions),
// summary.json and rows.csv (the results for other tools), index.html and
// REPORT.md into it. Every file is first written to a
// temporary file in dir; once all are complete they are renamed into
// place, REPORT.md last. Nothing is written when reading or deriving
// fails, and nothing is replaced when writing fails (a full disk) or when
// one of the names is taken by a folder; no temporary file is left.
func Generate(dir string) (*Report, error) { return generate(dir, atomicfile.Writer{}) }

// generate is Generate writing with w.
func generate(dir string, w atomicfile.Writer) (*Report, error) {
	rep, err := Build(dir)
	if err != nil {
		return nil, err
	}
	var files []atomicfile.File
	for _, c := range rep.allCharts() {
		files = append(files, atomicfile.File{Name: c.Name + ".png", Data: c.PNG}, atomicfile.File{Name: c.Name + ".svg", Data: c.SVG})
	}
	if deps := rep.deps(); deps != nil {
		files = append(files, atomicfile.File{Name: runfile.DepsFile, Data: deps})
	}
	sum, err := rep.SummaryJSON()
	if err != nil {
		return nil, err
	}
	rows, err := rep.RowsCSV()
	if err != nil {
		return nil, err
	}
	files = append(files, atomicfile.File{Name: runfile.SummaryFile, Data: sum}, atomicfile.File{Name: runfile.RowsFile, Data: rows})
	page, err := rep.HTML()
	if err != nil {
		return nil, err
	}
	files = append(files, atomicfile.File{Name: runfile.HTMLFile, Data: page}, atomicfile.File{Name: runfile.ReportFile, Data: rep.Markdown()})
	if err := w.WriteAll(dir, files); err != nil {
		return nil, err
	}
	return rep, nil
}

// Markdown renders REPORT.md, the answer first: the title, one line about
// the machine and one on the precision, the recommendation table, the
// lessons' verdicts, how to read the report (the rule, the ratio, a
// glossary), the sampling, the overview and the charts across workloads,
// Go vs CPython; then an appendix with each workload's charts, the noise,
// the derived figures, the fits, the warnings and the machine. Dependency versions and the benchstat
// tables are files of their own (runfile.DepsFile, BenchstatFile), linked, so that
// no fenced block is longer than a screen.
func (rep *Report) Markdown() []byte { return rep.Document().Markdown() }

// Document is the report as a document (package document), which
// Markdown and HTML render.
func (rep *Report) Document() *document.Doc {
	d := &document.Doc{
		Title: "concbench report: " + rep.Name(),
		Lead:  []string{rep.MachineSummary(), rep.PrecisionSummary()},
	}
	if run := rep.Run; run.IsIncomplete {
		q := document.Quote{Paras: []string{"**INCOMPLETE RUN.** The benchmark driver was interrupted; this report covers only what was measured."}}
		if run.Incomplete != "" {
			q.Paras = append(q.Paras, run.Incomplete)
		}
		d.Notices = []document.Quote{q}
	}
	var b body
	if rep.hasWarnings() {
		b.p("This run has warnings: see [Warnings](#warnings).")
	}
	for _, section := range []func(*body){
		rep.writeChoices, rep.writeVerdicts, rep.writeReading, rep.writeSampling, rep.writeFloodSizes,
		rep.writeCeilings, rep.writeOverview, rep.writeCharts, rep.writePython,
	} {
		section(&b)
	}
	b.h(2, "Appendix")
	b.p("What the sections above rest on: each workload's own charts, the rows still noisy, every configuration's derived figures, the fits, the warnings and the machine.")
	b.sub = 1
	for _, section := range []func(*body){
		rep.writeWorkloadCharts, rep.writeNoise, rep.writeRows, rep.writeFits, rep.writeWarnings, rep.writeMachine,
	} {
		section(&b)
	}
	d.Body = b.blocks
	return d
}

// Name is the name of the run: its folder's base name.
func (rep *Report) Name() string { return filepath.Base(filepath.Clean(rep.Run.Dir)) }
