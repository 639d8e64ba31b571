package driver

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/concbench/concbench"
	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// options is the parsed command line.
type options struct {
	count     int
	bench     string
	benchtime string
	scale     string
	results   string
	report    bool
	// noiseBudget bounds the time spent re-running noisy configurations,
	// between the count runs from the stat.MinSamples-th on and after the
	// last; 0 turns the re-runs off.
	noiseBudget time.Duration
	// sampling is what runs after the count rounds: SamplingDecided, the
	// rows of open conclusions (judge.Open); SamplingPrecise, the rows
	// wider than ±5 %.
	sampling string
	// warmup is the number of warm-up runs of the whole matrix before the
	// count runs; their results go to warmup.txt, not raw.txt.
	warmup int
	// maxSamples caps the samples a noise re-run brings a configuration to.
	maxSamples int
	// deadline, if positive, ends the noise re-runs that long after the
	// driver started, whatever is left of noiseBudget, so that a whole
	// make bench keeps to its time.
	deadline time.Duration
	// estimate prints the estimate of the published flood's rounds
	// (scales with bench.Scale.PublishedTasks) and exits.
	estimate bool
	// host names the machine in the run folder's name; "" means
	// os.Hostname.
	host string
	// pkg is the package whose benchmarks run, as go test names one
	// ("./mytask"); benchPkg, the suite's matrix, by default.
	pkg string
	// workers, strategies, tasks and settings narrow or widen the
	// benchmarks that call concbench.Run (-workers, -strategies, -tasks,
	// -set); strategies also narrows the suite's matrix.
	workers    string
	strategies string
	tasks      int
	settings   []string
	// budget, if positive, is how long the whole run may take: it is the
	// default of -deadline and -noise-budget, the cost probe leaves out
	// the configurations that would take more than probeShare of it, and
	// the count rounds are fewer if they would not fit.
	budget     time.Duration
	probeShare float64
	// force selects the configurations the cost probe keeps, however dear.
	force string
	// tty reports whether stdout is a terminal: progress is then one
	// status line redrawn in place.
	tty bool
	// prebuilt holds the programs given ready-built (-bin,
	// -benchstat-bin, -report-bin): with all three, no Go toolchain is
	// needed.
	prebuilt
}

// parseOptions parses and checks the command line. Every error is one line
// that names the flag (and the make variable that sets it).
func parseOptions(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("concbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	count := fs.String("count", "10", "number of times to run the whole matrix (make variable COUNT)")
	fs.StringVar(&o.bench, "bench", ".", "regexp selecting benchmarks, as go test -bench (make variable BENCH)")
	fs.StringVar(&o.benchtime, "benchtime", "200ms", "run time of each benchmark per run, as go test -benchtime (a duration or Nx)")
	fs.StringVar(&o.scale, "scale", "full", "the suite's workload sizes: full, quick, tiny, flood or flood-tiny (go doc github.com/concbench/concbench/bench)")
	fs.StringVar(&o.results, "results", "results", "folder that receives the run folder")
	noise := fs.String("noise-budget", "0", "time for re-running the configurations whose interval is wider than ±5 %, between the -count runs from the 6th on and after them, e.g. 2m; 0 turns it off (make variable NOISE_BUDGET)")
	fs.StringVar(&o.sampling, "sampling", runfile.SamplingDecided, "what runs after the -count rounds, within -noise-budget and -deadline: decided, only the configurations an open conclusion needs, until none is open; precise, those whose interval is wider than ±5 % (make variable SAMPLING)")
	fs.IntVar(&o.warmup, "warmup", 1, "warm-up runs of the whole matrix before the -count runs, written to warmup.txt and left out of raw.txt (make variable WARMUP)")
	deadline := fs.String("deadline", "0", "end the noise re-runs this long after the start, e.g. 9m, whatever is left of -noise-budget; 0: no deadline (make variable DEADLINE)")
	fs.IntVar(&o.maxSamples, "max-samples", 60, "the most samples the noise re-runs bring one configuration to")
	fs.BoolVar(&o.estimate, "estimate", false, "print the time estimate of the run (only at a scale with the published flood: -scale flood) and exit without building or running anything")
	fs.BoolVar(&o.report, "report", true, "write the charts, REPORT.md and index.html at the end, and print the answer")
	fs.StringVar(&o.host, "host", "", "the machine's name in the run folder's name <UTC time>-<host> (letters, digits, dots, dashes, underscores); default: the host name")
	fs.StringVar(&o.bin, "bin", "", "a prebuilt test binary of the package (go test -c) to run instead of building one")
	fs.StringVar(&o.workers, "workers", "", "worker counts of the strategies on workers, e.g. 1,4,16,64, for benchmarks that call concbench.Run (default: up to four from the CPU count to the task count)")
	fs.StringVar(&o.strategies, "strategies", "", "the strategies to run, comma-separated (sequential, the baseline, always runs); default: all")
	fs.IntVar(&o.tasks, "tasks", 0, "the task count of every benchmark that calls concbench.Run; 0: the count each gives")
	fs.Func("set", "a setting key=value every worker process gets, not part of the benchmark names (such as a service's address); repeatable", func(s string) error {
		if k, _, ok := strings.Cut(s, "="); !ok || k == "" {
			return fmt.Errorf("%q is not key=value", s)
		}
		o.settings = append(o.settings, s)
		return nil
	})
	budget := fs.String("budget", "0", "how long the whole run may take, e.g. 5m: the default of -deadline and -noise-budget; the cost probe leaves out what would take more than -probe-share of it; 0: none")
	fs.Float64Var(&o.probeShare, "probe-share", 0.25, "with -budget, the most of the budget one configuration's rounds may take before the cost probe leaves it out")
	fs.StringVar(&o.force, "force", "", "a regexp of the configurations the cost probe keeps however dear they are")
	fs.StringVar(&o.benchstat, "benchstat-bin", "", "a prebuilt benchstat (go build golang.org/x/perf/cmd/benchstat) to run instead of go tool benchstat")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: concbench [flags] [package]\n\nRuns the benchmarks of package (default: the suite's matrix, %s) in interleaved rounds and writes a new folder under -results with raw.txt, benchstat.txt and the report.\n\n", benchPkg)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	switch fs.NArg() {
	case 0:
		o.pkg = benchPkg
	case 1:
		o.pkg = fs.Arg(0)
		if strings.HasPrefix(o.pkg, "-") {
			return options{}, fmt.Errorf("flag %s after the package: give the flags first, concbench [flags] [package]", o.pkg)
		}
	default:
		return options{}, fmt.Errorf("one package at a time, got %q; see concbench -h", fs.Args())
	}
	if d, err := time.ParseDuration(strings.TrimSpace(*budget)); err != nil || d < 0 {
		return options{}, fmt.Errorf("-budget must be a duration such as 5m, or 0 for none, got %q", *budget)
	} else {
		o.budget = d
	}
	if !(o.probeShare > 0 && o.probeShare <= 1) {
		return options{}, fmt.Errorf("-probe-share must be above 0 and at most 1, got %g", o.probeShare)
	}
	if _, err := regexp.Compile(o.force); err != nil {
		return options{}, fmt.Errorf("-force %q is not a regexp: %v", o.force, err)
	}
	if o.workers != "" {
		if _, err := concbench.ParseCounts(o.workers); err != nil {
			return options{}, fmt.Errorf("-workers: %w", err)
		}
	}
	if o.strategies != "" {
		for _, s := range strings.Split(o.strategies, ",") {
			if !slices.Contains(strategies.Names(), s) {
				return options{}, fmt.Errorf("-strategies: unknown strategy %q; valid strategies are %s", s, strings.Join(strategies.Names(), ", "))
			}
		}
	}
	if o.tasks < 0 {
		return options{}, fmt.Errorf("-tasks must be a whole number of at least 1, or 0 for each benchmark's own, got %d", o.tasks)
	}
	n, err := strconv.Atoi(strings.TrimSpace(*count))
	if err != nil || n <= 0 {
		return options{}, fmt.Errorf("-count (COUNT) must be a positive integer, got %q", *count)
	}
	o.count = n
	if d, err := time.ParseDuration(strings.TrimSpace(*noise)); err != nil || d < 0 {
		return options{}, fmt.Errorf("-noise-budget (NOISE_BUDGET) must be a duration such as 2m, or 0 for no re-runs, got %q", *noise)
	} else {
		o.noiseBudget = d
	}
	if d, err := time.ParseDuration(strings.TrimSpace(*deadline)); err != nil || d < 0 {
		return options{}, fmt.Errorf("-deadline (DEADLINE) must be a duration such as 9m, or 0 for none, got %q", *deadline)
	} else {
		o.deadline = d
	}
	if o.budget > 0 {
		flagSet := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { flagSet[f.Name] = true })
		if !flagSet["deadline"] {
			o.deadline = o.budget
		}
		if !flagSet["noise-budget"] {
			o.noiseBudget = o.budget
		}
	}
	if o.sampling != runfile.SamplingDecided && o.sampling != runfile.SamplingPrecise {
		return options{}, fmt.Errorf("-sampling (SAMPLING) must be %s or %s, got %q", runfile.SamplingDecided, runfile.SamplingPrecise, o.sampling)
	}
	if o.warmup < 0 {
		return options{}, fmt.Errorf("-warmup (WARMUP) must be 0 or more, got %d", o.warmup)
	}
	if o.maxSamples < 1 {
		return options{}, fmt.Errorf("-max-samples must be positive, got %d", o.maxSamples)
	}
	if o.bench == "" {
		return options{}, fmt.Errorf("-bench (BENCH) is empty; use . for every benchmark")
	}
	if _, err := regexp.Compile(o.bench); err != nil {
		return options{}, fmt.Errorf("-bench (BENCH) %q is not a regexp: %v", o.bench, err)
	}
	if err := checkBenchtime(o.benchtime); err != nil {
		return options{}, err
	}
	if _, err := bench.ScaleByName(o.scale); err != nil {
		return options{}, fmt.Errorf("-scale: %w", err)
	}
	if err := checkHost(o.host); err != nil {
		return options{}, err
	}
	if err := o.prebuilt.check(); err != nil {
		return options{}, err
	}
	return o, nil
}

// checkBenchtime accepts what go test -benchtime accepts: a positive
// duration or a positive count followed by x.
func checkBenchtime(s string) error {
	if n, ok := strings.CutSuffix(s, "x"); ok {
		if v, err := strconv.Atoi(n); err == nil && v > 0 {
			return nil
		}
	} else if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return nil
	}
	return fmt.Errorf("-benchtime (BENCHTIME) %q is neither a positive duration (200ms) nor a count (5x)", s)
}
