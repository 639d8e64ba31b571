package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// summarize writes dir/benchstat.txt and, unless -report=false, the charts
// and REPORT.md. It is not interrupted by signals: by now every result is
// safe in raw.txt, and this takes seconds.
func (d *driver) summarize(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("locating %s: %w", dir, err)
	}
	cmd := exec.Command("go", "tool", "benchstat", "-col", "/strategy", filepath.Join(abs, "raw.txt"))
	cmd.Dir = d.modRoot
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go tool benchstat -col /strategy %s: %w\n%s\n(raw.txt is kept)", filepath.Join(dir, "raw.txt"), err, strings.TrimSpace(errOut.String()))
	}
	if w := strings.TrimSpace(errOut.String()); w != "" {
		fmt.Fprintf(d.stderr, "benchstat: %s\n", w)
	}
	if err := os.WriteFile(filepath.Join(dir, "benchstat.txt"), out.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing benchstat.txt: %w", err)
	}
	fmt.Fprintf(d.stdout, "wrote %s\n", filepath.Join(dir, "benchstat.txt"))
	if !d.o.report {
		fmt.Fprintf(d.stdout, "results in %s\n", dir)
		return nil
	}
	rep := exec.Command("go", "run", "concbench/plots/cmd/report", abs)
	rep.Dir = d.modRoot
	rep.Stdout, rep.Stderr = d.stdout, d.stderr
	if err := rep.Run(); err != nil {
		return fmt.Errorf("report step (go run ./plots/cmd/report %s) failed: %w; raw.txt and benchstat.txt are kept in %s", dir, err, dir)
	}
	fmt.Fprintf(d.stdout, "results in %s\n", dir)
	return nil
}
