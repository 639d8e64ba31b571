package plots

import (
	"fmt"
	"slices"
	"strings"
)

// A Choice is one row of the "which strategy for which work" table: for
// one workload at one procs (main families Sleep, Hash, Counter), the
// fastest strategy by median ns/op, the strategies not significantly
// slower than it, and those significantly slower than sequential.
type Choice struct {
	Workload string
	Procs    int
	Best     *Row
	// AsGood are strategies whose ns/op does not differ from Best's at
	// α = 0.05 (Mann-Whitney U).
	AsGood []string
	// Avoid are strategies significantly slower than sequential.
	Avoid []string
}

// Choose builds the strategy table from the derived rows.
func Choose(rows []*Row) []Choice {
	type key struct {
		workload string
		procs    int
	}
	groups := map[key][]*Row{}
	var order []key
	for _, r := range rows {
		if !isMain(r.Bench.Family) || r.Strategy == "" {
			continue
		}
		k := key{r.Workload, r.Procs}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	var out []Choice
	for _, k := range order {
		rs := groups[k]
		best := slices.MinFunc(rs, func(a, b *Row) int { return cmpFloat(a.Time.Center, b.Time.Center) })
		c := Choice{Workload: k.workload, Procs: k.procs, Best: best}
		for _, r := range rs {
			if r == best {
				continue
			}
			if compare(r.Bench.Metric("ns/op").Sample, best.Bench.Metric("ns/op").Sample) >= Alpha {
				c.AsGood = append(c.AsGood, r.Strategy)
			}
			if !isBaseline(r.Props) && r.Speedup.Valid() && r.Speedup.V < 1 && r.P < Alpha {
				c.Avoid = append(c.Avoid, fmt.Sprintf("%s (%s×)", r.Strategy, num(r.Speedup.V)))
			}
		}
		out = append(out, c)
	}
	return out
}

// label is a short human name for a workload: "sleep d=10ms tasks=64",
// "hash (coarse) size=64KiB …".
func label(r *Row) string {
	if kind(r.Bench.Family) == KindHash {
		return strings.Replace(r.Workload, "hash ", "hash ("+hashGrain(r.Bench)+") ", 1)
	}
	return r.Workload
}
