// Package plots builds the report of one run folder and writes it beside
// the run's data: REPORT.md, index.html, the charts (PNG and SVG),
// deps.txt, and summary.json and rows.csv for other tools. `make report RUN=results/<run>` (plots/cmd/report) runs it on
// any run folder, old or from another machine, from raw.txt alone.
//
// The report is made in steps, each a package of its own, whose imports
// point one way:
//
//	rundir    reads and checks the run folder: raw.txt, python.txt, INCOMPLETE, benchstat.txt
//	stat      summaries, tests, ratios and the rule every conclusion follows
//	judge     the answer (which strategy for which work) and the lessons' verdicts
//	chart     every chart (the only importer of gonum.org/v1/plot)
//	document  the report as blocks, rendered to Markdown and to the page
//	summary   the schema of summary.json
//	plots     Build and Generate: reads, judges, draws, lays out and writes
//	compare   two run folders: what changed, and a slowdown that fails a build
//
// # Build and Generate
//
// Build reads the run folder and derives the Report, the model every
// output renders: the run, its rows with their derived figures, the
// Amdahl fits, the answer (judge.Choose), the verdicts (judge.Verdicts),
// the charts and, when python.txt is present, the Go vs CPython
// comparison. Build writes nothing. A missing, empty, binary or malformed
// raw.txt, or an impossible value in it, is an error naming file:line
// (package rundir); data that is merely absent (no sequential baseline, a
// family left out) gives a report that says what is missing.
//
// Generate builds the report and writes every file through
// internal/atomicfile: each to a temporary file first, then all renamed
// into place, REPORT.md last. Nothing is written when reading or judging
// fails; nothing is replaced when writing fails (a full disk) or when one
// of the names is taken by a folder; no temporary file is left.
//
// # The report
//
// Report.Document lays the report out, the answer first: the title, one
// line about the machine and one on the precision reached, the rule, the
// answer table, the verdicts, the overview heatmap, the charts, the Go vs
// CPython section, then the details (noise, derived figures, fits,
// warnings) and the machine's configuration lines last. REPORT.md
// (Report.Markdown) and index.html (Report.HTML) are that one document
// rendered twice; the page adds the answer at a glance, a card per
// workload and a badge per verdict. deps.txt holds the dep-* lines of
// raw.txt; benchstat.txt is linked, not pasted.
//
// The report says what its own run measured and nothing measured
// elsewhere: where a family is known to spread by what it measures, the
// Noise section names the mechanism and points to docs/measurements.md in
// the suite's repository for the measurements behind it.
//
// Report.WriteAnswer prints the terminal answer that ends make bench and
// make report: the precision, one line per workload with the strategy to
// use, one line per verdict, each within AnswerWidth columns, from the
// same model as the table.
//
// A Report is read-only once built; its methods may be called from
// several goroutines at once.
package plots
