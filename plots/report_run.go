package plots

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// MachineSummary is one line about the machine and the run: CPU, cores,
// Go, OS, date, commit and sample count, from the configuration lines;
// a missing item is left out.
func (rep *Report) MachineSummary() string {
	cfg := rep.Run.ConfigValue
	var parts []string
	add := func(format, v string) {
		if v != "" {
			parts = append(parts, fmt.Sprintf(format, v))
		}
	}
	add("%s", strings.TrimSpace(cfg("cpu")))
	if c := rep.Run.Cores(); !math.IsInf(c, 0) {
		parts = append(parts, fmt.Sprintf("%g cores", c))
	}
	add("%s", cfg("go"))
	if cfg("goos") != "" {
		parts = append(parts, cfg("goos")+"/"+cfg("goarch"))
	}
	if d := cfg("date"); strings.HasSuffix(d, "Z") {
		parts = append(parts, strings.Replace(strings.TrimSuffix(d, "Z"), "T", " ", 1)+" UTC")
	} else {
		add("%s", d)
	}
	add("commit %s", cfg("commit"))
	n := 0
	for _, bm := range rep.Run.Benchmarks {
		if m := bm.Metric(runfile.UnitNsPerOp); m != nil {
			n = max(n, m.Summary.N)
		}
	}
	parts = append(parts, fmt.Sprintf("%d configurations, up to %d samples each", len(rep.Run.Benchmarks), n))
	return "**Machine:** " + strings.Join(parts, " · ") + " ([details](#machine-and-run))"
}

// PrecisionSummary is one line on the precision the run reached and the
// interference it suffered: how many configurations are within
// ±NoisyWidth, their sample counts, and the steal time (see
// Run.RunPrecision, Run.RunSteal).
func (rep *Report) PrecisionSummary() string {
	s := "**Precision:** " + rep.Run.RunPrecision().String()
	if st, ok := rep.Run.RunSteal(); ok {
		s += " · **steal:** " + st.String()
	}
	return s + " ([noise](#noise))"
}

// warnings lists the problems of the run that did not stop the report.
func (rep *Report) warnings() []string {
	var missing []string
	for _, v := range rep.Verdicts {
		if len(v.Missing) > 0 {
			missing = append(missing, fmt.Sprintf("lesson %d (%s)", v.Lesson, strings.Join(v.Missing, ", ")))
		}
	}
	// A workload with no sequential row (the flood, a client per worker)
	// is as the suite means it: its speedup cell says so, no warning.
	ws := slices.Clone(rep.Run.Warnings)
	if len(missing) > 0 {
		ws = append(ws, "missing data: "+strings.Join(missing, "; "))
	}
	return ws
}

func (rep *Report) hasWarnings() bool { return len(rep.warnings()) > 0 }

func (rep *Report) writeWarnings(b *body) {
	ws := rep.warnings()
	if len(ws) == 0 {
		return
	}
	b.h(2, "Warnings")
	b.add(document.List{Items: ws})
}

// writeMachine writes the configuration lines of raw.txt except the
// dependency versions (in runfile.DepsFile), and links the raw files.
func (rep *Report) writeMachine(b *body) {
	b.h(2, "Machine and run")
	b.p("Generated from [`%s`](%s) by `make report`. Medians with %.0f %% confidence intervals (benchmath, distribution-free; the sample range, for orientation only, when a configuration has fewer than %d samples); comparisons by Mann-Whitney U at α = %.2f; conclusions by the rule at the top. See `go doc github.com/concbench/concbench/plots` for how every figure and verdict is computed.",
		runfile.RawFile, runfile.RawFile, stat.Confidence*100, stat.MinSamples, stat.Alpha)
	var files strings.Builder
	if rep.Run.Benchstat != "" {
		fmt.Fprintf(&files, "The benchstat tables are in [`%s`](%s)", runfile.BenchstatFile, runfile.BenchstatFile)
	} else {
		fmt.Fprintf(&files, "%s is absent from this run folder; regenerate it with `go tool benchstat -col /strategy %s`", runfile.BenchstatFile, filepath.Join(rep.Run.Dir, runfile.RawFile))
	}
	if len(rep.deps()) > 0 {
		fmt.Fprintf(&files, "; the dependency versions in [`%s`](%s)", runfile.DepsFile, runfile.DepsFile)
	}
	b.p("%s.", files.String())
	if len(rep.Run.Config) == 0 {
		b.p("%s has no configuration lines.", runfile.RawFile)
		return
	}
	t := document.Table{Head: []string{"key", "value"}}
	for _, c := range rep.Run.Config {
		if !isDep(c.Key) {
			t.Rows = append(t.Rows, document.Texts(document.Escape(c.Key), document.Escape(c.Value)))
		}
	}
	b.add(t)
}
