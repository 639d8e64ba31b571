// Command fleet writes the cross-machine report of several concbench runs.
//
// Usage:
//
//	go run ./plots/cmd/fleet -o <output folder> <run folder> <run folder> …
//
// Each run folder holds raw.txt, as make bench writes it on one machine;
// all must be of one scale (make bench on every machine, or make
// bench-quick on every machine). The output folder, created if needed,
// gets FLEET.md, index.html (the same report as one self-contained page)
// and the speedup-against-cores chart (PNG and SVG); see "go doc
// github.com/concbench/concbench/plots/fleet" for what they contain. Runs
// of different commits are accepted with a warning, at the top of FLEET.md
// and on stderr; a single run gives a report saying there is nothing to
// compare. make fleet-report runs it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/concbench/concbench/plots/fleet"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp), errors.Is(err, errUsage):
		os.Exit(2) // usage already printed
	case err != nil:
		fmt.Fprintf(os.Stderr, "fleet: %v\n", err)
		os.Exit(1)
	}
}

// errUsage is returned for bad command lines after the usage is printed.
var errUsage = errors.New("usage: fleet -o <output folder> <run folder>…")

// run parses args, writes the fleet report and says what it wrote.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fleet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "the output folder (created if needed)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: fleet -o <output folder> <run folder>…\n\nReads each <run folder>/raw.txt and writes FLEET.md, index.html and the speedup-against-cores chart into the output folder.\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	f, err := fleet.Generate(fs.Args(), *out)
	if err != nil {
		return err
	}
	for _, w := range f.Warnings {
		fmt.Fprintf(stderr, "fleet: warning: %s\n", w)
	}
	differ := 0
	for _, a := range f.Answers {
		if a.Differs {
			differ++
		}
	}
	fmt.Fprintf(stdout, "wrote %s, %s and %d chart(s) (PNG+SVG) for %d machine(s): %d of %d workloads get different answers\n",
		filepath.Join(*out, fleet.ReportFile), filepath.Join(*out, fleet.HTMLFile), len(f.Charts), len(f.Machines), differ, len(f.Answers))
	return nil
}
