package driver

import (
	"io"

	"github.com/concbench/concbench/plots"
	"github.com/concbench/concbench/plots/judge"
)

// testHooks are the concbench command's hooks: the report's open rows,
// and the report of a finished run with its printed answer.
var testHooks = Hooks{
	Open: judge.OpenRows,
	Report: func(dir string, stdout, stderr io.Writer) error {
		_, err := plots.Write(dir, stdout, stderr)
		return err
	},
}
