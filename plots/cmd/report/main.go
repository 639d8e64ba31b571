// Command report writes the charts and REPORT.md of a concbench run.
//
// Usage:
//
//	go run ./plots/cmd/report results/<run>
//
// The argument is a run folder holding raw.txt (benchfmt), and optionally
// benchstat.txt and INCOMPLETE. The charts (PNG and SVG) and REPORT.md are
// written into the same folder, with index.html (the same report as a
// self-contained page); see "go doc github.com/concbench/concbench/plots"
// for what they contain. It then prints the answer in about a screen, with
// REPORT.md's figures (plots.Report.WriteAnswer): one line per workload
// with the strategy to use, its speedup over sequential and what to avoid,
// then the verdicts' tally and one line per verdict.
//
// With -check, it reads each run folder given, as the report would, and
// writes nothing: it prints the warnings of surprising values and exits 1
// with the error of the first impossible one (a NaN, a negative time, …,
// naming raw.txt:LINE and the metric). make compare runs it on both runs
// before benchstat.
//
//	go run ./plots/cmd/report -check results/<old> results/<new>
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/concbench/concbench/plots"
	"github.com/concbench/concbench/plots/rundir"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp), errors.Is(err, errUsage):
		os.Exit(2) // usage already printed
	case err != nil:
		fmt.Fprintf(os.Stderr, "report: %v\n", err)
		os.Exit(1)
	}
}

// errUsage is returned for bad command lines after the usage is printed.
var errUsage = errors.New("usage: report <run folder>")

// run parses args, generates the report and prints a summary on stdout.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "only read and check each run folder's raw.txt; write nothing")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: report <run folder>\n       report -check <run folder>…\n\nReads <run folder>/raw.txt and writes charts and REPORT.md there.\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *check && fs.NArg() > 0 {
		return checkRuns(fs.Args(), stderr)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	_, err := plots.Write(fs.Arg(0), stdout, &prefixed{w: stderr, prefix: "report: "})
	return err
}

// prefixed writes each line to w behind prefix, so that the report's
// warnings say which command gave them.
type prefixed struct {
	w      io.Writer
	prefix string
}

func (p *prefixed) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix+string(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}

// checkRuns reads each run folder's raw.txt as the report does, prints its
// warnings, and returns the first error.
func checkRuns(dirs []string, stderr io.Writer) error {
	for _, dir := range dirs {
		run, err := rundir.ReadRun(dir)
		if err != nil {
			return err
		}
		for _, w := range run.Warnings {
			fmt.Fprintf(stderr, "report: warning: %s\n", w)
		}
	}
	return nil
}
