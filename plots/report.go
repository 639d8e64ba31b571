package plots

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strings"
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
// (PNG and SVG) and REPORT.md into it. Every file is first written to a
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
	files = append(files, outFile{ReportFile, rep.Markdown()})
	if err := writeAll(dir, files); err != nil {
		return nil, err
	}
	return rep, nil
}

// Markdown renders REPORT.md.
func (rep *Report) Markdown() []byte {
	var b bytes.Buffer
	run := rep.Run
	name := filepath.Base(filepath.Clean(run.Dir))
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
	fmt.Fprintf(&b, "# concbench report: %s\n\n", name)
	fmt.Fprintf(&b, "Generated from `%s` by `go run ./plots/cmd/report`. Medians with %.0f %% confidence intervals (benchmath, distribution-free; the sample range when a configuration has fewer than 6 samples); comparisons by Mann-Whitney U at α = %.2f. See `go doc github.com/concbench/concbench/plots` for how every figure and verdict is computed.\n\n",
		RawFile, Confidence*100, Alpha)

	rep.writeWarnings(&b)
	rep.writeMachine(&b)
	rep.writeChoices(&b)
	rep.writeVerdicts(&b)
	rep.writeCharts(&b)
	rep.writePython(&b)
	rep.writeRows(&b)
	rep.writeFits(&b)
	rep.writeBenchstat(&b)
	return b.Bytes()
}

func (rep *Report) writeWarnings(b *bytes.Buffer) {
	var missing []string
	for _, v := range rep.Verdicts {
		if strings.HasPrefix(v.Note, "no data: ") {
			missing = append(missing, fmt.Sprintf("lesson %d (%s)", v.Lesson, strings.TrimPrefix(strings.SplitN(v.Note, "; ", 2)[0], "no data: ")))
		}
	}
	noBase := map[string]bool{}
	for _, r := range rep.Rows {
		if r.Baseline == nil && !isBaseline(r.Props) {
			noBase[r.Bench.Family+" "+r.Workload] = true
		}
	}
	if len(rep.Run.Warnings) == 0 && len(missing) == 0 && len(noBase) == 0 {
		return
	}
	fmt.Fprintf(b, "## Warnings\n\n")
	for _, w := range rep.Run.Warnings {
		fmt.Fprintf(b, "- %s\n", w)
	}
	for _, k := range sortedKeys(noBase) {
		fmt.Fprintf(b, "- no `sequential` baseline for %s: no speedup or efficiency there\n", k)
	}
	if len(missing) > 0 {
		fmt.Fprintf(b, "- missing data: %s\n", strings.Join(missing, "; "))
	}
	fmt.Fprintf(b, "\n")
}

func (rep *Report) writeMachine(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Machine and run\n\n")
	if len(rep.Run.Config) == 0 {
		fmt.Fprintf(b, "%s has no configuration lines.\n\n", RawFile)
		return
	}
	fmt.Fprintf(b, "| key | value |\n|---|---|\n")
	for _, c := range rep.Run.Config {
		fmt.Fprintf(b, "| %s | %s |\n", cell(c.Key), cell(c.Value))
	}
	n := 0
	for _, bm := range rep.Run.Benchmarks {
		if m := bm.Metric("ns/op"); m != nil {
			n = max(n, m.Summary.N)
		}
	}
	fmt.Fprintf(b, "| (derived) benchmarks | %d configurations, up to %d samples each |\n\n", len(rep.Run.Benchmarks), n)
}

func (rep *Report) writeChoices(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Which strategy for which work\n\n")
	if len(rep.Choices) == 0 {
		fmt.Fprintf(b, "No Sleep, Hash or Counter results.\n\n")
		return
	}
	fmt.Fprintf(b, "Fastest strategy by median batch time; \"as good\" are not significantly slower (p ≥ 0.05); \"avoid\" are significantly slower than sequential.\n\n")
	fmt.Fprintf(b, "| workload | procs | fastest | time/op | speedup vs sequential | as good | avoid |\n|---|---|---|---|---|---|---|\n")
	for _, c := range rep.Choices {
		t := ns(c.Best.Time.Center)
		if c.Best.Noisy {
			t += " (noisy)"
		}
		fmt.Fprintf(b, "| %s | %d | **%s** | %s | %s | %s | %s |\n", cell(label(c.Best)), c.Procs, c.Best.Strategy,
			t, est(c.Best.Speedup), orDash(strings.Join(c.AsGood, ", ")), orDash(strings.Join(c.Avoid, ", ")))
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
	fmt.Fprintf(b, "Each seed lesson as a claim. PASS/FAIL need the whole interval on one side of the threshold; an interval that straddles it, a difference that is not significant, or missing data gives INCONCLUSIVE.\n\n")
	fmt.Fprintf(b, "| # | claim | verdict | figure | p-value | note |\n|---|---|---|---|---|---|\n")
	for _, v := range rep.Verdicts {
		note := v.Note
		if v.Noisy {
			note = strings.TrimPrefix(note+"; noisy (CI wider than ±5 %)", "; ")
		}
		fmt.Fprintf(b, "| %d | %s | **%s** | %s | %s | %s |\n", v.Lesson, cell(v.Claim), v.Outcome, cell(v.Figure), cell(v.P), cell(orDash(note)))
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
		fmt.Fprintf(b, "### %s\n\n![%s](%s.png)\n\n([SVG](%s.svg))\n\n", c.Title, c.Title, c.Name, c.Name)
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

func (rep *Report) writeBenchstat(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Benchstat tables\n\n")
	if rep.Run.Benchstat == "" {
		fmt.Fprintf(b, "%s is absent from this run folder; regenerate it with `go tool benchstat -col /strategy %s`.\n", BenchstatFile, filepath.Join(rep.Run.Dir, RawFile))
		return
	}
	fmt.Fprintf(b, "From %s:\n\n```\n%s\n```\n", BenchstatFile, strings.TrimRight(rep.Run.Benchstat, "\n"))
}
