// Package summary is the schema of summary.json, the run folder's results
// for other tools: the run and the machine, the precision reached, every
// configuration's metrics, the answer for each workload and every
// verdict, as numbers with their intervals. The report writes it from the
// same model as REPORT.md (plots.Report.Summary), never by parsing it;
// docs/summary.schema.json is the same schema as a JSON Schema, which a
// test holds real output to.
//
// The schema is versioned: Schema names its version, and a change that
// removes or changes the meaning of a field makes a new one. A figure
// that could not be computed (no baseline, too few samples) is absent,
// never NaN. Times are in nanoseconds, as raw.txt writes them.
package summary

// Version names this schema in the schema field of every summary.json.
const Version = "concbench.summary/v2"

// A Summary is one run folder's results.
type Summary struct {
	// Schema is Version.
	Schema string `json:"schema"`
	// Run is the run and its machine.
	Run Run `json:"run"`
	// Precision is how precisely the run measured.
	Precision Precision `json:"precision"`
	// Configurations are every benchmark configuration of raw.txt, in
	// order of first appearance.
	Configurations []Configuration `json:"configurations"`
	// Answers are the answer for each workload: which strategy to use.
	Answers []Answer `json:"answers"`
	// Verdicts are the lessons' verdicts, then the Go vs CPython claims
	// (labelled P1, P2, …); empty for a run of a user's package.
	Verdicts []Verdict `json:"verdicts"`
	// Control is the A/A control, the pairs of the Twin family: one
	// strategy measured twice under two names; absent from runs without
	// it.
	Control []Twin `json:"control,omitempty"`
}

// A Twin is one pair of the A/A control.
type Twin struct {
	// Workload names it as the report does; A and B are the two arms'
	// benchmark names.
	Workload string `json:"workload"`
	A        string `json:"a"`
	B        string `json:"b"`
	// Ratio is b's time over a's, absent below six samples; P the
	// Mann-Whitney U p-value.
	Ratio *Estimate `json:"ratio,omitempty"`
	P     *float64  `json:"p,omitempty"`
	// Differs is the rule's call of a difference, a false alarm; Same
	// that the ratio's whole interval lies within 1 ± 10 %.
	Differs bool `json:"differs"`
	Same    bool `json:"same"`
}

// Run is the run folder and the configuration lines of raw.txt.
type Run struct {
	// Name is the run folder's base name, "<UTC time>-<host>".
	Name string `json:"name"`
	// Config holds the configuration lines of raw.txt (cpu, numcpu, go,
	// commit, scale, count, …) but the dep-* and strategy-* lines.
	Config map[string]string `json:"config"`
	// Incomplete is set when the run was interrupted; IncompleteNote
	// says what happened.
	Incomplete     bool   `json:"incomplete"`
	IncompleteNote string `json:"incompleteNote,omitempty"`
	// Warnings are the problems reading the run that stopped nothing.
	Warnings []string `json:"warnings"`
}

// Precision is how many configurations have a ns/op interval within ±5 %
// of the median, and how many samples they have.
type Precision struct {
	Within         int `json:"within"`
	Configurations int `json:"configurations"`
	MinSamples     int `json:"minSamples"`
	MedianSamples  int `json:"medianSamples"`
	MaxSamples     int `json:"maxSamples"`
	// StealPct is the mean share of the machine's CPU time stolen by the
	// hypervisor while samples were timed; absent when not measured.
	StealPct *float64 `json:"stealPct,omitempty"`
}

// A Configuration is one benchmark of raw.txt with its metrics.
type Configuration struct {
	// Name is the full benchmark name without "Benchmark".
	Name string `json:"name"`
	// Family is the name's base, Params its key=value parts in order.
	Family string  `json:"family"`
	Params []Param `json:"params"`
	// Metrics are its units, in order of first appearance.
	Metrics []Metric `json:"metrics"`
}

// A Param is one key=value part of a benchmark name.
type Param struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// A Metric is one unit's samples summed up: the median with its interval.
type Metric struct {
	// Unit is as raw.txt writes it: ns/op, ns/task, tasks/s, B/op, ….
	Unit string `json:"unit"`
	// Median is the median; Lo and Hi bound its interval, at Confidence
	// (0.95 from 6 samples on; below, the sample range and its own
	// confidence).
	Median     float64 `json:"median"`
	Lo         float64 `json:"lo"`
	Hi         float64 `json:"hi"`
	Confidence float64 `json:"confidence"`
	// Samples is the number of samples.
	Samples int `json:"samples"`
}

// An Estimate is a derived figure with its interval.
type Estimate struct {
	Value float64 `json:"value"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
}

// An Answer is which strategy to use for one workload at one GOMAXPROCS.
type Answer struct {
	// Work is the kind of work ("waiting on a timer"), Workload its name
	// as the report gives it beside ("sleep d=10ms tasks=64").
	Work     string `json:"work"`
	Workload string `json:"workload"`
	Procs    int    `json:"procs"`
	// WorkPerTaskNs is sequential's time per task, the work itself;
	// absent without a sequential row.
	WorkPerTaskNs *float64 `json:"workPerTaskNs,omitempty"`
	// TooFew, when above 0, is the fewest samples of its rows, below the
	// six a comparison needs: then nothing is ranked and every list is
	// empty.
	TooFew int `json:"tooFew,omitempty"`
	// Decided reports whether the answer is decided: no strategy simpler
	// than Use may yet prove as good as the fastest (see Open).
	Decided bool `json:"decided"`
	// Fastest is the strategy with the lowest median time.
	Fastest string `json:"fastest"`
	// Use is the strategy to use: the simplest shown as good as the
	// fastest, else the fastest. Absent when TooFew.
	Use *Ranked `json:"use,omitempty"`
	// Speedup is Use's speedup over sequential; absent without a
	// sequential baseline.
	Speedup *Estimate `json:"speedup,omitempty"`
	// AsGood, Undecided and Avoid are the other strategies compared with
	// the fastest; Open are those of Undecided simpler than Use, which
	// keep the answer undecided.
	AsGood    []Ranked `json:"asGood"`
	Undecided []Ranked `json:"undecided"`
	Avoid     []Ranked `json:"avoid"`
	Open      []Ranked `json:"open"`
}

// A Ranked is one strategy compared with the fastest of its workload.
type Ranked struct {
	// Strategy is the strategy with its workers ("pool workers=8");
	// Benchmark the configuration's full name.
	Strategy  string `json:"strategy"`
	Benchmark string `json:"benchmark"`
	// Ratio is its time over the fastest's, with its interval (absent
	// when it has no finite bounds); PerTask
	// marks a ratio of times per task (a smaller batch of the workload).
	Ratio   *Estimate `json:"ratio,omitempty"`
	PerTask bool      `json:"perTask,omitempty"`
	// P is the Mann-Whitney U p-value against the fastest; absent for the
	// fastest itself.
	P *float64 `json:"p,omitempty"`
	// MoreSamples, for an undecided strategy, is about how many more
	// samples would decide it.
	MoreSamples int `json:"moreSamples,omitempty"`
}

// A Verdict is one lesson's claim judged on the run.
type Verdict struct {
	// Label is the verdict's number as the report shows it: "4", "P2".
	Label   string `json:"label"`
	Claim   string `json:"claim"`
	Outcome string `json:"outcome"`
	// Figure, P and Note are the verdict's figure, p-values and note as
	// the report writes them.
	Figure string `json:"figure"`
	P      string `json:"p"`
	Note   string `json:"note"`
	// Parts are the parts of the claim with their figures as numbers.
	Parts []Part `json:"parts"`
	// PValues are the p-values behind it.
	PValues []PValue `json:"pValues"`
	// Noisy is set when a row behind it has an interval wider than ±5 %.
	Noisy bool `json:"noisy"`
	// Rows are the configurations it rests on (full names without
	// "Benchmark").
	Rows []string `json:"rows"`
}

// A Part is one part of a verdict's claim: its outcome and its figure,
// whose figures are Terms.
type Part struct {
	Outcome string `json:"outcome"`
	Figure  string `json:"figure"`
	Terms   []Term `json:"terms"`
}

// A Term is words, or one figure of a Part: its kind (number, interval,
// time in ns, time-spaced, mib) and its value, with the interval for an
// interval.
type Term struct {
	Kind  string   `json:"kind,omitempty"`
	Text  string   `json:"text,omitempty"`
	Value *float64 `json:"value,omitempty"`
	Lo    *float64 `json:"lo,omitempty"`
	Hi    *float64 `json:"hi,omitempty"`
}

// A PValue is a Mann-Whitney U p-value and what it compares.
type PValue struct {
	Label string  `json:"label"`
	P     float64 `json:"p"`
}
