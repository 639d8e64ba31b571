package plots

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// Write generates the report of the run folder dir (Generate) and prints
// what the person who ran it wants to see: the warnings of reading the run
// to stderr, each "warning: …", then to stdout the files written with the
// verdicts' tally, and the answer (WriteAnswer).
func Write(dir string, stdout, stderr io.Writer) (*Report, error) {
	rep, err := Generate(dir)
	if err != nil {
		return nil, err
	}
	for _, w := range rep.Run.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	tally := ""
	if len(rep.Verdicts) > 0 {
		t := rep.Tally()
		tally = fmt.Sprintf(": %d PASS, %d FAIL, %d INCONCLUSIVE", t[stat.Pass], t[stat.Fail], t[stat.Inconclusive])
	}
	fmt.Fprintf(stdout, "wrote %s, %s and %d charts (PNG+SVG)%s\n",
		filepath.Join(dir, runfile.ReportFile), filepath.Join(dir, runfile.HTMLFile), len(rep.Charts), tally)
	if rep.Run.IsIncomplete {
		fmt.Fprintf(stdout, "note: the run is marked INCOMPLETE\n")
	}
	return rep, rep.WriteAnswer(stdout)
}
