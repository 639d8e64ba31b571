package runfile

// The benchmark families: the base name of a benchmark, before its first
// "/" ("Hash" in "Hash/size=64KiB/…/procs=2"). The doc of package bench
// lists the names of each.
const (
	FamilySleep        = "Sleep"
	FamilySleepWorkers = "SleepWorkers"
	FamilyHash         = "Hash"
	FamilyHashWorkers  = "HashWorkers"
	FamilyHashProcs    = "HashProcs"
	FamilyCounter      = "Counter"
	FamilyPycpu        = "Pycpu"
	FamilyAlloc        = "Alloc"
	FamilyHashCeiling  = "HashCeiling"
	FamilyFlood        = "Flood"
	FamilyOverhead     = "Overhead"
	FamilyFetch        = "Fetch"
	FamilyFetchClient  = "FetchClient"
	FamilyFile         = "File"
	FamilyCrash        = "Crash"
	FamilyTwin         = "Twin"
)
