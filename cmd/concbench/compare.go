package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/concbench/concbench/driver"
	"github.com/concbench/concbench/plots/compare"
	"github.com/concbench/concbench/runfile"
)

// errSlower is the error of a comparison that found a slowdown past
// -fail-on; its message names each configuration.
var errSlower = errors.New("significantly slower")

// benchstatIgnore are the configuration keys that name a run, not a
// machine: benchstat would split its table on them.
var benchstatIgnore = []string{runfile.ConfigCommit, runfile.ConfigDate, runfile.ConfigCount, runfile.ConfigBenchtime,
	runfile.ConfigNoiseBudget, runfile.ConfigMaxSamples, runfile.ConfigWarmup, runfile.ConfigDeadline, runfile.RoundKey, runfile.ConfigBudget,
	runfile.ConfigSampling, runfile.ConfigStopped}

// runCompare is concbench compare [flags] OLD NEW.
func runCompare(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("concbench compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	failOn := fs.String("fail-on", "", "exit 1 when a configuration is significantly slower than in OLD by more than this, e.g. 10% (make variable FAIL_ON); empty: never")
	bench := fs.String("bench", ".", "a regexp of the configurations -fail-on looks at (make variable BENCH)")
	asJSON := fs.Bool("json", false, "write the comparison as JSON for machines, and nothing else, to standard output")
	benchstat := fs.String("benchstat-bin", "", "a prebuilt benchstat (go build golang.org/x/perf/cmd/benchstat) to run instead of go tool benchstat")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: concbench compare [flags] OLD NEW\n\nCompares two run folders: the answers and verdicts that changed, each configuration's time ratio NEW/OLD, then benchstat's table.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("compare takes two run folders, OLD and NEW, got %d arguments", fs.NArg())
	}
	for i, what := range []string{"OLD", "NEW"} {
		if fs.Arg(i) == "" {
			return fmt.Errorf("compare: %s is empty; usage: concbench compare OLD NEW, or make compare OLD=results/<run> NEW=results/<run>", what)
		}
	}
	threshold := -1.0
	if *failOn != "" {
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(*failOn, "%")), 64)
		if err != nil || v < 0 || !strings.HasSuffix(*failOn, "%") {
			return fmt.Errorf("-fail-on (FAIL_ON) must be a percentage such as 10%%, got %q", *failOn)
		}
		threshold = v / 100
	}
	re, err := regexp.Compile(*bench)
	if err != nil {
		return fmt.Errorf("-bench (BENCH) %q is not a regexp: %v", *bench, err)
	}
	oldDir, newDir := fs.Arg(0), fs.Arg(1)
	c, err := compare.Compare(oldDir, newDir)
	if err != nil {
		return err
	}
	var failing []compare.Row
	if threshold >= 0 {
		failing = c.Failing(threshold, re)
	}
	if *asJSON {
		data, err := c.JSON()
		if err != nil {
			return err
		}
		if _, err := stdout.Write(data); err != nil {
			return err
		}
	} else {
		if err := c.WriteText(stdout); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\n")
		if err := benchstatTable(stdout, *benchstat, c); err != nil {
			fmt.Fprintf(stderr, "concbench compare: no benchstat table: %v\n", err)
		}
	}
	if len(failing) > 0 {
		names := make([]string, len(failing))
		for i, r := range failing {
			names[i] = compare.Describe(r)
		}
		return fmt.Errorf("%w by more than %s: %s", errSlower, *failOn, strings.Join(names, "; "))
	}
	return nil
}

// benchstatTable prints benchstat's table of the two runs' raw.txt, the
// keys that name a run (and the strategies' properties) ignored.
func benchstatTable(stdout io.Writer, bin string, c *compare.Comparison) error {
	ignore := append([]string{}, benchstatIgnore...)
	for _, name := range append(slices.Clone(c.Old.Strategies), c.New.Strategies...) {
		if k := runfile.ConfigKey(name); !slices.Contains(ignore, k) {
			ignore = append(ignore, k)
		}
	}
	oldDir, newDir := c.Old.Dir, c.New.Dir
	var paths []string
	for _, dir := range []string{oldDir, newDir} {
		abs, err := filepath.Abs(filepath.Join(dir, runfile.RawFile))
		if err != nil {
			return err
		}
		paths = append(paths, abs)
	}
	cmd, name := driver.BenchstatCmd(bin, ".", append([]string{"-ignore", strings.Join(ignore, ",")}, paths...)...)
	fmt.Fprintf(stdout, "%s -ignore %s %s %s\n", name, strings.Join(ignore, ","), filepath.Join(oldDir, runfile.RawFile), filepath.Join(newDir, runfile.RawFile))
	var errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &errOut
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%w: %s", err, strings.TrimSpace(errOut.String()))
	}
	return nil
}
