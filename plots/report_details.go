package plots

import (
	"fmt"
	"math"
	"strings"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/unitfmt"
)

func (rep *Report) writeRows(b *body) {
	b.h(2, "Derived figures")
	b.p("Speedup = median(sequential ns/op) / median(ns/op), interval [seq lo / hi, seq hi / lo]. Efficiency: sleep, ideal ⌈tasks/concurrency⌉·d ÷ ns/op; hash, speedup ÷ min(procs, cores, tasks, workers) (1 for sequential and gil). Parallelism = cpu-ns/op ÷ ns/op. p: Mann-Whitney U against the baseline.")
	t := document.Table{Head: []string{"benchmark", "n", "time/op", "time/task", "speedup", "p", "efficiency", "parallelism", "noisy"}}
	for _, r := range rep.Rows {
		noisy := ""
		if r.Noisy {
			noisy = fmt.Sprintf("noisy ±%.0f %%", 100*r.Time.RelHalfWidth())
		}
		t.Rows = append(t.Rows, document.Texts(document.Escape(r.Bench.Name), fmt.Sprint(r.Time.N), unitfmt.NsSummary(r.Time), unitfmt.Ns(r.PerTask.Center),
			unitfmt.Est(r.Speedup), unitfmt.Pval(r.P), unitfmt.Est(r.Efficiency), unitfmt.Num(r.Parallelism), noisy))
	}
	b.add(t)
}

func (rep *Report) writeFits(b *body) {
	b.h(2, "Amdahl fit (GOMAXPROCS sweep)")
	if len(rep.Fits) == 0 {
		b.p("No data: the run has no HashProcs results with a sequential baseline and procs > 1.")
		return
	}
	b.p("S(p) = 1 / (f + (1 − f)/p) with p = min(procs, cores), f by least squares on 1/S − 1/p = f·(1 − 1/p); residual = RMS of S − S_fit.")
	t := document.Table{Head: []string{"workload", "strategy", "points (procs: speedup)", "serial fraction f", "residual (RMS, ×)", "max speedup 1/f"}}
	for _, f := range rep.Fits {
		var pts []string
		for i := range f.Procs {
			pts = append(pts, fmt.Sprintf("%d: %s", f.Procs[i], unitfmt.Num(f.Speedups[i])))
		}
		limit := math.Inf(1)
		if f.F > 0 {
			limit = 1 / f.F
		}
		t.Rows = append(t.Rows, document.Texts(document.Escape(f.Workload), f.Strategy, strings.Join(pts, ", "), fmt.Sprintf("%.3f", f.F), unitfmt.Num(f.Residual), unitfmt.Num(limit)))
	}
	b.add(t)
}
