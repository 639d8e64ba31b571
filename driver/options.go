package driver

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/concbench/concbench/bench"
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
	// prebuilt holds the programs given ready-built (-bin,
	// -benchstat-bin, -report-bin): with all three, no Go toolchain is
	// needed.
	prebuilt
}

// parseOptions parses and checks the command line. Every error is one line
// that names the flag (and the make variable that sets it).
func parseOptions(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("benchrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	count := fs.String("count", "10", "number of times to run the whole matrix (make variable COUNT)")
	fs.StringVar(&o.bench, "bench", ".", "regexp selecting benchmarks, as go test -bench (make variable BENCH)")
	fs.StringVar(&o.benchtime, "benchtime", "200ms", "run time of each benchmark per run, as go test -benchtime (a duration or Nx)")
	fs.StringVar(&o.scale, "scale", "full", "workload sizes: full, quick, tiny, flood or flood-tiny (see go doc github.com/concbench/concbench/bench)")
	fs.StringVar(&o.results, "results", "results", "folder that receives the run folder")
	noise := fs.String("noise-budget", "0", "time for re-running the configurations whose interval is wider than ±5 % after the -count runs, e.g. 2m; 0 turns it off (make variable NOISE_BUDGET)")
	fs.IntVar(&o.warmup, "warmup", 1, "warm-up runs of the whole matrix before the -count runs, written to warmup.txt and left out of raw.txt (make variable WARMUP)")
	deadline := fs.String("deadline", "0", "end the noise re-runs this long after the start, e.g. 9m, whatever is left of -noise-budget; 0: no deadline (make variable DEADLINE)")
	fs.IntVar(&o.maxSamples, "max-samples", 60, "the most samples the noise re-runs bring one configuration to")
	fs.BoolVar(&o.estimate, "estimate", false, "print the time estimate of the run (only at a scale with the published flood: -scale flood) and exit without building or running anything")
	fs.BoolVar(&o.report, "report", true, "write the charts and REPORT.md with the report command (plots/cmd/report)")
	fs.StringVar(&o.host, "host", "", "the machine's name in the run folder's name <UTC time>-<host> (letters, digits, dots, dashes, underscores); default: the host name")
	fs.StringVar(&o.bin, "bin", "", "a prebuilt benchmark binary (go test -c github.com/concbench/concbench/bench) to run instead of building one")
	fs.StringVar(&o.benchstat, "benchstat-bin", "", "a prebuilt benchstat (go build golang.org/x/perf/cmd/benchstat) to run instead of go tool benchstat")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: benchrun [flags]\n\nRuns the concbench benchmark matrix and writes a new folder under -results.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		return options{}, fmt.Errorf("unexpected arguments %q; see benchrun -h", fs.Args())
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
