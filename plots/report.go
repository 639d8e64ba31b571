package plots

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// A Report is everything derived from one run, ready to be written.
type Report struct {
	Run      *Run
	Rows     []*Row
	Fits     []AmdahlFit
	Choices  []Choice
	Verdicts []Verdict
	Charts   []Chart
	// Python is the Go vs CPython comparison, nil without python.txt.
	Python *Python
}

// Build reads the run folder dir and derives the report without writing
// anything.
func Build(dir string) (*Report, error) {
	run, err := ReadRun(dir)
	if err != nil {
		return nil, err
	}
	return build(run)
}

func build(run *Run) (*Report, error) {
	rows := run.Derive()
	cores := run.cores()
	rep := &Report{Run: run, Rows: rows}
	rep.Fits = FitAmdahl(rows, cores)
	rep.Choices = Choose(rows)
	rep.Verdicts = run.Verdicts(rows)
	charts, err := Charts(rows, rep.Fits, cores)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", run.Dir, err)
	}
	rep.Charts = charts
	if rep.Python, err = readPython(run, rows); err != nil {
		return nil, err
	}
	return rep, nil
}

// Generate builds the report of the run folder dir and writes the charts
// (PNG and SVG), DepsFile (when raw.txt names dependency versions),
// HTMLFile and REPORT.md into it. Every file is first written to a
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
		files = append(files, outFile{DepsFile, deps})
	}
	page, err := rep.HTML()
	if err != nil {
		return nil, err
	}
	files = append(files, outFile{HTMLFile, page}, outFile{ReportFile, rep.Markdown()})
	if err := writeAll(dir, files); err != nil {
		return nil, err
	}
	return rep, nil
}

// Markdown renders REPORT.md, the answer first: the title, one line about
// the machine, the recommendation table (within the first 15 lines of a
// complete run), the verdicts, the overview heatmap, the charts; then the
// details, and the machine last. Dependency versions and the benchstat
// tables are files of their own (DepsFile, BenchstatFile), linked, so that
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
	fmt.Fprintf(&b, "**The rule.** %s\n\n", Rule)
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

// MachineSummary is one line about the machine and the run: CPU, cores,
// Go, OS, date, commit and sample count, from the configuration lines;
// a missing item is left out.
func (rep *Report) MachineSummary() string {
	cfg := rep.Run.ConfigValue
	var parts []string
	add := func(format, v string) {
		if v != "" {
			parts = append(parts, fmt.Sprintf(format, v))
		}
	}
	add("%s", strings.TrimSpace(cfg("cpu")))
	if c := rep.Run.cores(); !math.IsInf(c, 0) {
		parts = append(parts, fmt.Sprintf("%g cores", c))
	}
	add("%s", cfg("go"))
	if cfg("goos") != "" {
		parts = append(parts, cfg("goos")+"/"+cfg("goarch"))
	}
	if d := cfg("date"); strings.HasSuffix(d, "Z") {
		parts = append(parts, strings.Replace(strings.TrimSuffix(d, "Z"), "T", " ", 1)+" UTC")
	} else {
		add("%s", d)
	}
	add("commit %s", cfg("commit"))
	n := 0
	for _, bm := range rep.Run.Benchmarks {
		if m := bm.Metric(runfile.UnitNsPerOp); m != nil {
			n = max(n, m.Summary.N)
		}
	}
	parts = append(parts, fmt.Sprintf("%d configurations, up to %d samples each", len(rep.Run.Benchmarks), n))
	return "**Machine:** " + strings.Join(parts, " · ") + " ([details](#machine-and-run))"
}

// PrecisionSummary is one line on the precision the run reached and the
// interference it suffered: how many configurations are within ±5 %, their
// sample counts, and the steal time (see Run.RunPrecision, Run.RunSteal).
func (rep *Report) PrecisionSummary() string {
	s := "**Precision:** " + rep.Run.RunPrecision().String()
	if st, ok := rep.Run.RunSteal(); ok {
		s += " · **steal:** " + st.String()
	}
	return s + " ([noise](#noise))"
}

// warnings lists the problems of the run that did not stop the report.
func (rep *Report) warnings() []string {
	var missing []string
	for _, v := range rep.Verdicts {
		if strings.HasPrefix(v.Note, "no data: ") {
			missing = append(missing, fmt.Sprintf("lesson %d (%s)", v.Lesson, strings.TrimPrefix(strings.SplitN(v.Note, "; ", 2)[0], "no data: ")))
		}
	}
	noBase := map[string]bool{}
	for _, r := range rep.Rows {
		if r.Baseline == nil && !isBaseline(r.Props) && r.Bench.Param(runfile.KeyProbe) == "" && !isSmallerBatch(rep.Rows, []*Row{r}) {
			noBase[r.Bench.Family+" "+r.Workload] = true
		}
	}
	ws := slices.Clone(rep.Run.Warnings)
	for _, k := range sortedKeys(noBase) {
		ws = append(ws, fmt.Sprintf("no `sequential` baseline for %s: no speedup or efficiency there", k))
	}
	if len(missing) > 0 {
		ws = append(ws, "missing data: "+strings.Join(missing, "; "))
	}
	return ws
}

func (rep *Report) hasWarnings() bool { return len(rep.warnings()) > 0 }

func (rep *Report) writeWarnings(b *bytes.Buffer) {
	ws := rep.warnings()
	if len(ws) == 0 {
		return
	}
	fmt.Fprintf(b, "## Warnings\n\n")
	for _, w := range ws {
		fmt.Fprintf(b, "- %s\n", w)
	}
	fmt.Fprintf(b, "\n")
}

// writeMachine writes the configuration lines of raw.txt except the
// dependency versions (in DepsFile), and links the raw files.
func (rep *Report) writeMachine(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Machine and run\n\n")
	fmt.Fprintf(b, "Generated from [`%s`](%s) by `make report`. Medians with %.0f %% confidence intervals (benchmath, distribution-free; the sample range, for orientation only, when a configuration has fewer than 6 samples); comparisons by Mann-Whitney U at α = %.2f; conclusions by the rule at the top. See `go doc github.com/concbench/concbench/plots` for how every figure and verdict is computed.\n\n",
		RawFile, RawFile, Confidence*100, Alpha)
	if rep.Run.Benchstat != "" {
		fmt.Fprintf(b, "The benchstat tables are in [`%s`](%s)", BenchstatFile, BenchstatFile)
	} else {
		fmt.Fprintf(b, "%s is absent from this run folder; regenerate it with `go tool benchstat -col /strategy %s`", BenchstatFile, filepath.Join(rep.Run.Dir, RawFile))
	}
	if len(rep.deps()) > 0 {
		fmt.Fprintf(b, "; the dependency versions in [`%s`](%s)", DepsFile, DepsFile)
	}
	fmt.Fprintf(b, ".\n\n")
	if len(rep.Run.Config) == 0 {
		fmt.Fprintf(b, "%s has no configuration lines.\n\n", RawFile)
		return
	}
	fmt.Fprintf(b, "| key | value |\n|---|---|\n")
	for _, c := range rep.Run.Config {
		if !isDep(c.Key) {
			fmt.Fprintf(b, "| %s | %s |\n", cell(c.Key), cell(c.Value))
		}
	}
	fmt.Fprintf(b, "\n")
}

func (rep *Report) writeChoices(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Which strategy for which work\n\n")
	if len(rep.Choices) == 0 {
		fmt.Fprintf(b, "No Sleep, Hash or Counter results.\n\n")
		return
	}
	fmt.Fprintf(b, "Use: the simplest strategy (%s) not significantly slower than the fastest. Every other strategy is compared with the fastest (time ratio with its 95 %% interval): \"as good\" is within 10 %%, \"avoid\" is significantly more than 10 %% slower, \"undecided\" is neither. Models (gil) are not ranked.\n\n", simplicity(rep.Rows))
	fmt.Fprintf(b, "| workload | procs | use | speedup vs sequential | fastest time/op | as good | undecided | avoid |\n|---|---|---|---|---|---|---|---|\n")
	for _, c := range rep.Choices {
		a := answerOf(c)
		t := ns(c.Fastest.Time.Center)
		if c.Fastest.Noisy {
			t += " (noisy)"
		}
		fmt.Fprintf(b, "| %s | %d | **%s** | %s | %s | %s | %s | %s |\n", cell(a.Workload), a.Procs, cell(a.Use),
			a.Speedup, t, cell(orDash(a.AsGood)), cell(orDash(a.Unclear)), cell(orDash(a.Avoid)))
	}
	fmt.Fprintf(b, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (rep *Report) writeVerdicts(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Verdicts\n\n")
	if len(rep.Verdicts) == 0 {
		fmt.Fprintf(b, "None: this run has none of the suite's own workloads, on which the lessons and claims are judged (a run of your own workload compares strategies in the table above).\n\n")
		return
	}
	fmt.Fprintf(b, "Each seed lesson as a claim. PASS/FAIL need the whole interval on one side of the threshold; an interval that straddles it, a difference that is not significant, or missing data gives INCONCLUSIVE.\n\n")
	fmt.Fprintf(b, "| # | claim | verdict | figure | p-value | note | chart |\n|---|---|---|---|---|---|---|\n")
	for _, v := range rep.Verdicts {
		note := v.Note
		if v.Noisy {
			note = strings.TrimPrefix(note+"; noisy (CI wider than ±5 %)", "; ")
		}
		chart := "—"
		if c := verdictChart(v, rep.Charts); c != "" {
			chart = fmt.Sprintf("[chart](%s.png)", c)
		}
		fmt.Fprintf(b, "| %d | %s | **%s** | %s | %s | %s | %s |\n", v.Lesson, cell(v.Claim), v.Outcome, cell(v.Figure), cell(v.P), cell(orDash(note)), chart)
	}
	fmt.Fprintf(b, "\n")
}

func (rep *Report) writeCharts(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Charts\n\n")
	if len(rep.Charts) == 0 {
		fmt.Fprintf(b, "No data to chart.\n\n")
		return
	}
	for _, c := range rep.Charts {
		if c.Name == OverviewChart {
			continue
		}
		fmt.Fprintf(b, "### %s\n\n![%s](%s.png)\n\n([SVG](%s.svg))\n\n", c.Title, c.Title, c.Name, c.Name)
	}
}

// writeOverview shows the overview heatmap, when the run has one.
func (rep *Report) writeOverview(b *bytes.Buffer) {
	for _, c := range rep.Charts {
		if c.Name == OverviewChart {
			fmt.Fprintf(b, "## Overview\n\n")
			fmt.Fprintf(b, "Speedup over sequential of every strategy on every workload: purple is faster than sequential, orange slower, white the same (log scale). \"≈\" marks a cell not significantly different from sequential (p ≥ %.2f), \"±\" one whose interval is wider than ±%.0f %% (noisy). Workloads with no sequential row (the flood, the ceiling probe) are not in it.\n\n", Alpha, NoisyWidth*100)
			fmt.Fprintf(b, "![%s](%s.png)\n\n([SVG](%s.svg))\n\n", c.Title, c.Name, c.Name)
		}
	}
}

func (rep *Report) writeRows(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Derived figures\n\n")
	fmt.Fprintf(b, "Speedup = median(sequential ns/op) / median(ns/op), interval [seq lo / hi, seq hi / lo]. Efficiency: sleep, ideal ⌈tasks/concurrency⌉·d ÷ ns/op; hash, speedup ÷ min(procs, cores, tasks, workers) (1 for sequential and gil). Parallelism = cpu-ns/op ÷ ns/op. p: Mann-Whitney U against the baseline.\n\n")
	fmt.Fprintf(b, "| benchmark | n | time/op | time/task | speedup | p | efficiency | parallelism | noisy |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rep.Rows {
		noisy := ""
		if r.Noisy {
			noisy = fmt.Sprintf("noisy ±%.0f %%", 100*r.Time.RelHalfWidth())
		}
		fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", cell(r.Bench.Name), r.Time.N, nsSummary(r.Time), ns(r.PerTask.Center),
			est(r.Speedup), pval(r.P), est(r.Efficiency), num(r.Parallelism), noisy)
	}
	fmt.Fprintf(b, "\n")
}

func (rep *Report) writeFits(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Amdahl fit (GOMAXPROCS sweep)\n\n")
	if len(rep.Fits) == 0 {
		fmt.Fprintf(b, "No data: the run has no HashProcs results with a sequential baseline and procs > 1.\n\n")
		return
	}
	fmt.Fprintf(b, "S(p) = 1 / (f + (1 − f)/p) with p = min(procs, cores), f by least squares on 1/S − 1/p = f·(1 − 1/p); residual = RMS of S − S_fit.\n\n")
	fmt.Fprintf(b, "| workload | strategy | points (procs: speedup) | serial fraction f | residual (RMS, ×) | max speedup 1/f |\n|---|---|---|---|---|---|\n")
	for _, f := range rep.Fits {
		var pts []string
		for i := range f.Procs {
			pts = append(pts, fmt.Sprintf("%d: %s", f.Procs[i], num(f.Speedups[i])))
		}
		limit := math.Inf(1)
		if f.F > 0 {
			limit = 1 / f.F
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", cell(f.Workload), f.Strategy, strings.Join(pts, ", "), fmt.Sprintf("%.3f", f.F), num(f.Residual), num(limit))
	}
	fmt.Fprintf(b, "\n")
}
