package plots

import (
	"bytes"
	"fmt"
	"strconv"
)

// A NoiseRow is a configuration that took more samples than the run's
// count (the driver re-ran it because its interval was wider than ±5 %),
// or whose interval is still wider than ±5 %.
type NoiseRow struct {
	Row *Row
	// Rerun reports whether it has more samples than the count runs gave.
	Rerun bool
	// Noisy reports whether its final interval is still wider than ±5 %
	// (or it has too few samples for one).
	Noisy bool
}

// NoiseRows lists, in row order, the configurations that were re-run or
// are still noisy. count is the run's count configuration line (0 when
// unknown: then no row counts as re-run).
func NoiseRows(rows []*Row, count int) []NoiseRow {
	var out []NoiseRow
	for _, r := range rows {
		nr := NoiseRow{Row: r, Rerun: count > 0 && r.Time.N > count, Noisy: r.Noisy || !r.Time.Enough()}
		if nr.Rerun || nr.Noisy {
			out = append(out, nr)
		}
	}
	return out
}

// writeNoise writes the section on noisy rows: per configuration that the
// driver re-ran or that is still noisy, its sample count, its final
// interval and whether it stayed noisy.
func (rep *Report) writeNoise(b *bytes.Buffer) {
	count, _ := strconv.Atoi(rep.Run.ConfigValue("count"))
	budget := rep.Run.ConfigValue("noise-budget")
	rows := NoiseRows(rep.Rows, count)
	fmt.Fprintf(b, "## Noise\n\n")
	switch {
	case budget != "" && budget != "0s":
		fmt.Fprintf(b, "Each configuration ran %d times; then, for up to %s, the driver re-ran every configuration whose interval was wider than ±%.0f %% (or that had fewer than %d samples), one interleaved round at a time.", count, budget, 100*NoisyWidth, MinSamples)
	case budget == "0s":
		fmt.Fprintf(b, "Each configuration ran %d times, with no noise re-runs (NOISE_BUDGET=0).", count)
	case count > 0:
		fmt.Fprintf(b, "Each configuration ran %d times (the run has no noise-budget line: it was made before noise re-runs existed).", count)
	default:
		fmt.Fprintf(b, "This run does not say how many times each configuration ran.")
	}
	if len(rows) == 0 {
		fmt.Fprintf(b, " Every configuration's interval is within ±%.0f %% of its median.\n\n", 100*NoisyWidth)
		return
	}
	fmt.Fprintf(b, " These configurations were re-run or are still noisy:\n\n")
	fmt.Fprintf(b, "| benchmark | samples | time/op [95 %% interval] | half-width | outcome |\n|---|---|---|---|---|\n")
	for _, nr := range rows {
		r := nr.Row
		outcome := "within ±5 % after re-runs"
		switch {
		case !r.Time.Enough():
			outcome = fmt.Sprintf("too few samples: n=%d, need %d", r.Time.N, MinSamples)
		case nr.Noisy && nr.Rerun:
			outcome = "**still noisy** after the re-runs"
		case nr.Noisy:
			outcome = "**noisy**, not re-run"
		}
		fmt.Fprintf(b, "| %s | %d | %s | ±%.1f %% | %s |\n", cell(r.Bench.Name), r.Time.N, nsSummary(r.Time), 100*r.Time.RelHalfWidth(), outcome)
	}
	fmt.Fprintf(b, "\n")
}
