package rundir

// File names inside a run folder.
const (
	RawFile        = "raw.txt"
	BenchstatFile  = "benchstat.txt"
	IncompleteFile = "INCOMPLETE"
	ReportFile     = "REPORT.md"
)
