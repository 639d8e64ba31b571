package driver

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/concbench/concbench/internal/atomicfile"
	"github.com/concbench/concbench/runfile"
)

// summarize writes dir/benchstat.txt and, unless -report=false, the charts
// and REPORT.md with the report command (plots/cmd/report), each the
// prebuilt program if one was given (-benchstat-bin, -report-bin). It is
// not interrupted by signals: by now every result is safe in raw.txt, and
// this takes seconds.
func (d *driver) summarize(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("locating %s: %w", dir, err)
	}
	// -ignore round: the round line numbers the samples (runfile.RoundKey);
	// benchstat would otherwise make a table per round.
	args := []string{"-ignore", runfile.RoundKey, "-col", "/strategy", filepath.Join(abs, runfile.RawFile)}
	cmd, name := BenchstatCmd(d.o.benchstat, d.modRoot, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s -ignore round -col /strategy %s: %w\n%s\n(raw.txt is kept)", name, filepath.Join(dir, runfile.RawFile), err, strings.TrimSpace(errOut.String()))
	}
	if w := strings.TrimSpace(errOut.String()); w != "" {
		fmt.Fprintf(d.stderr, "benchstat: %s\n", w)
	}
	if err := atomicfile.Write(filepath.Join(dir, runfile.BenchstatFile), out.Bytes()); err != nil {
		return fmt.Errorf("%w (raw.txt is kept)", err)
	}
	fmt.Fprintf(d.stdout, "wrote %s\n", filepath.Join(dir, runfile.BenchstatFile))
	if !d.o.report {
		fmt.Fprintf(d.stdout, "results in %s\n", dir)
		return nil
	}
	// Built and run rather than go run, which adds an "exit status 1" line
	// to the report's own error line.
	if d.hooks.Report != nil {
		if err := d.hooks.Report(dir, d.stdout, d.stderr); err != nil {
			return fmt.Errorf("the report step failed (%w); raw.txt and benchstat.txt are kept in %s: once fixed, make report RUN=%s", err, dir, dir)
		}
	}
	fmt.Fprintf(d.stdout, "results in %s\n", dir)
	return nil
}
