package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/concbench/concbench/driver"
	"github.com/concbench/concbench/plots"
	"github.com/concbench/concbench/plots/judge"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	case err != nil:
		fmt.Fprintf(os.Stderr, "concbench: %v\n", err)
		os.Exit(1)
	}
}

// run runs the command line args: concbench compare OLD NEW, or the
// driver, with the report's open rows and the report itself as its hooks.
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "compare" {
		return runCompare(args[1:], stdout, stderr)
	}
	return driver.Main(args, stdout, stderr, hooks())
}

// hooks are the driver's hooks: the rows the report's open conclusions
// rest on, and the report of a finished run with its printed answer.
func hooks() driver.Hooks {
	return driver.Hooks{
		Open: judge.OpenRows,
		Report: func(dir string, stdout, stderr io.Writer) error {
			_, err := plots.Write(dir, stdout, stderr)
			return err
		},
	}
}
