package fleet

import (
	"fmt"
	"os"

	"github.com/concbench/concbench/internal/atomicfile"
	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/runfile"
)

// File names in the output folder.
const (
	ReportFile = "FLEET.md"
	HTMLFile   = runfile.HTMLFile
)

// A Fleet is the cross-machine report of several runs, ready to be
// written.
type Fleet struct {
	// Machines are the runs in the order given.
	Machines []*Machine
	// Warnings are printed at the top of the report: runs of different
	// commits, runs marked INCOMPLETE.
	Warnings []string
	Answers  []Answer
	Verdicts []Verdict
	Scalings []Scaling
	// Charts holds the speedup-against-cores chart, when some machine
	// has a GOMAXPROCS sweep.
	Charts []chart.Chart
}

// Build reads the run folders dirs and derives the fleet report without
// writing anything. It refuses no folder, a folder given twice, a folder
// that is not a readable run (the error names its file) and runs of
// different scales (the error names both folders and scales). Runs of
// different commits, and runs marked INCOMPLETE, are accepted with a
// warning; a single run is accepted, and the report says there is nothing
// to compare.
func Build(dirs []string) (*Fleet, error) {
	if err := checkDirs(dirs); err != nil {
		return nil, err
	}
	f := &Fleet{}
	for _, d := range dirs {
		m, err := readMachine(d)
		if err != nil {
			return nil, err
		}
		f.Machines = append(f.Machines, m)
	}
	if err := checkScales(f.Machines); err != nil {
		return nil, err
	}
	distinctLabels(f.Machines)
	if w := commitWarning(f.Machines); w != "" {
		f.Warnings = append(f.Warnings, w)
	}
	f.Warnings = append(f.Warnings, incompleteWarnings(f.Machines)...)
	f.Answers = answers(f.Machines)
	f.Verdicts = verdicts(f.Machines)
	f.Scalings = scalings(f.Machines)
	var rows []*rundir.Row
	labels := make([]string, len(f.Machines))
	for i, m := range f.Machines {
		rows = append(rows, m.Rows...)
		labels[i] = m.Label
	}
	var series []chart.CoreSeries
	for _, sc := range f.Scalings {
		cs := chart.CoreSeries{Strategy: sc.Strategy, Fit: sc.Fit}
		for _, pt := range sc.Points {
			cs.Points = append(cs.Points, chart.CorePoint{Machine: pt.Machine, N: pt.N, Speedup: pt.Speedup})
		}
		series = append(series, cs)
	}
	workload := ""
	if len(f.Scalings) > 0 {
		workload = f.Scalings[0].Workload
	}
	p, err := chart.ChartSpeedupCores(workload, series, labels, chart.StrategyOrder(rows))
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", chart.CoresChart, err)
	}
	if p != nil {
		c, err := chart.Render(p, chart.CoresChart)
		if err != nil {
			return nil, err
		}
		f.Charts = append(f.Charts, c)
	}
	return f, nil
}

// Generate builds the fleet report of dirs and writes it into the folder
// out, created if needed: the charts (PNG and SVG), HTMLFile (the same
// report as one self-contained page) and ReportFile last. Nothing is
// written when reading or checking the runs fails.
func Generate(dirs []string, out string) (*Fleet, error) {
	f, err := Build(dirs)
	if err != nil {
		return nil, err
	}
	d := f.Document()
	svgs := map[string][]byte{}
	var files []atomicfile.File
	for _, c := range f.Charts {
		svgs[c.Name] = c.SVG
		files = append(files, atomicfile.File{Name: c.Name + ".png", Data: c.PNG}, atomicfile.File{Name: c.Name + ".svg", Data: c.SVG})
	}
	page, err := d.HTML(svgs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", HTMLFile, err)
	}
	files = append(files, atomicfile.File{Name: HTMLFile, Data: page}, atomicfile.File{Name: ReportFile, Data: d.Markdown()})
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("creating the output folder %s: %w", out, err)
	}
	if err := (atomicfile.Writer{}).WriteAll(out, files); err != nil {
		return nil, err
	}
	return f, nil
}
