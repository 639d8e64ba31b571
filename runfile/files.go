package runfile

// The files of a run folder, results/<UTC time>-<host>/. The driver writes
// the first four; the report reads them and writes the rest; make
// reference adds PythonFile.
const (
	RawFile        = "raw.txt"       // the samples in benchfmt, configuration lines first
	WarmupFile     = "warmup.txt"    // the discarded warm-up round, kept for reference
	IncompleteFile = "INCOMPLETE"    // why an interrupted run stopped; absent when it ended
	BenchstatFile  = "benchstat.txt" // benchstat's tables of RawFile
	ReportFile     = "REPORT.md"     // the report
	HTMLFile       = "index.html"    // the report as one self-contained page
	DepsFile       = "deps.txt"      // the dep-* configuration lines of RawFile
	PythonFile     = "python.txt"    // CPython on the same tasks, in benchfmt
	SummaryFile    = "summary.json"  // the report's figures for other tools (package plots/summary)
	RowsFile       = "rows.csv"      // one row per configuration and metric
)
