package rundir

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
)

// Interference thresholds: the slow samples of a row coincide with steal
// (or other load) when their mean share is at least StealGap (OtherGap)
// percentage points above the rest's, and with page faults when their
// mean faults/op is at least FaultsRatio times the rest's and FaultsGap
// more a batch (docs/measurements.md, "The cost of a page fault").
const (
	StealGap    = 1.0
	OtherGap    = 10.0
	FaultsRatio = 1.25
	FaultsGap   = 10.0
)

// A Slowdown sets the slowest samples of one benchmark against the rest:
// the mean steal-pct and other-pct of each group.
type Slowdown struct {
	// Slow is how many samples are in the slow group: the slowest quarter,
	// at least one. Rest is the number of the others.
	Slow, Rest int
	// SlowBy is how much slower the slow group's mean time is than the
	// rest's, relative to the rest's (0.2: 20 % slower).
	SlowBy float64
	// Steal and Other are the mean shares, in percent, of the slow group
	// ([0]) and the rest ([1]); NaN where the run has no such metric.
	Steal, Other [2]float64
	// Faults are the mean faults/op of each group; NaN where the run has
	// none (runs made before the metric existed).
	Faults [2]float64
}

// WithSteal reports whether the slow samples coincide with steal.
func (s Slowdown) WithSteal() bool { return gap(s.Steal, StealGap) }

// WithOther reports whether the slow samples coincide with other load.
func (s Slowdown) WithOther() bool { return gap(s.Other, OtherGap) }

// WithFaults reports whether the slow samples coincide with page faults.
func (s Slowdown) WithFaults() bool {
	return gap(s.Faults, FaultsGap) && s.Faults[0] >= FaultsRatio*s.Faults[1]
}

func gap(v [2]float64, min float64) bool {
	return !math.IsNaN(v[0]) && !math.IsNaN(v[1]) && v[0]-v[1] >= min
}

// String says what the slow samples coincide with:
// "the 4 slowest of 15 (+23 %): steal 3.1 % vs 0.2 %, other load 12 % vs 2
// %, page faults 1,210 vs 230 a batch: with steal and page faults". Runs
// without faults/op leave the page faults out.
func (s Slowdown) String() string {
	var with []string
	if s.WithSteal() {
		with = append(with, "steal")
	}
	if s.WithOther() {
		with = append(with, "other load")
	}
	if s.WithFaults() {
		with = append(with, "page faults")
	}
	hasFaults := !math.IsNaN(s.Faults[0])
	var cause string
	switch {
	case len(with) > 0:
		cause = "with " + joinAnd(with)
	case math.IsNaN(s.Steal[0]) && math.IsNaN(s.Other[0]) && !hasFaults:
		cause = "the run has no steal or load figures"
	case hasFaults:
		cause = "not with steal, other load or page faults"
	default:
		cause = "not with steal or other load"
	}
	faults := ""
	if hasFaults {
		faults = fmt.Sprintf(", page faults %s vs %s a batch", unitfmt.Num(s.Faults[0]), unitfmt.Num(s.Faults[1]))
	}
	return fmt.Sprintf("the %d slowest of %d (+%.0f %%): steal %s vs %s, other load %s vs %s%s: %s",
		s.Slow, s.Slow+s.Rest, 100*s.SlowBy, pct(s.Steal[0]), pct(s.Steal[1]), pct(s.Other[0]), pct(s.Other[1]), faults, cause)
}

// joinAnd joins words as prose: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return fmt.Sprintf("%.1f %%", v)
}

// SlowdownOf compares the slowest quarter of b's ns/op samples with the
// rest; ok is false with fewer than 4 samples.
func SlowdownOf(b *Benchmark) (Slowdown, bool) {
	t := b.Metric(runfile.UnitNsPerOp)
	if t == nil || len(t.Values) < 4 || len(t.Lines) != len(t.Values) {
		return Slowdown{}, false
	}
	idx := make([]int, len(t.Values))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(t.Values[b], t.Values[a]) })
	nSlow := max(1, len(idx)/4)
	groups := [2][]int{idx[:nSlow], idx[nSlow:]}
	byLine := func(unit string) map[int]float64 {
		m := b.Metric(unit)
		if m == nil || len(m.Lines) != len(m.Values) {
			return nil
		}
		out := make(map[int]float64, len(m.Values))
		for i, l := range m.Lines {
			out[l] = m.Values[i]
		}
		return out
	}
	steal, other, faults := byLine(runfile.UnitStealPct), byLine(runfile.UnitOtherPct), byLine(runfile.UnitFaultsPerOp)
	s := Slowdown{Slow: nSlow, Rest: len(idx) - nSlow}
	var times [2]float64
	for g, members := range groups {
		times[g] = meanOf(members, func(i int) (float64, bool) { return t.Values[i], true })
		s.Steal[g] = meanOf(members, func(i int) (float64, bool) { v, ok := steal[t.Lines[i]]; return v, ok })
		s.Other[g] = meanOf(members, func(i int) (float64, bool) { v, ok := other[t.Lines[i]]; return v, ok })
		s.Faults[g] = meanOf(members, func(i int) (float64, bool) { v, ok := faults[t.Lines[i]]; return v, ok })
	}
	if times[1] > 0 {
		s.SlowBy = times[0]/times[1] - 1
	}
	return s, true
}

// meanOf is the mean of the values get finds for the members; NaN if none.
func meanOf(members []int, get func(int) (float64, bool)) float64 {
	sum, n := 0.0, 0
	for _, i := range members {
		if v, ok := get(i); ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// A Steal sums up the interference of a whole run: the mean share of the
// machine's CPU time stolen during the timed samples, the largest share
// one sample saw, and how many samples saw any (of Samples in all).
type Steal struct {
	Mean, Max       float64
	Stolen, Samples int
}

// RunSteal sums up the steal-pct of every sample of the run; ok is false
// when the run has none.
func (r *Run) RunSteal() (Steal, bool) {
	var s Steal
	sum := 0.0
	for _, b := range r.Benchmarks {
		m := b.Metric(runfile.UnitStealPct)
		if m == nil {
			continue
		}
		for _, v := range m.Values {
			s.Samples++
			sum += v
			s.Max = max(s.Max, v)
			if v > 0 {
				s.Stolen++
			}
		}
	}
	if s.Samples == 0 {
		return Steal{}, false
	}
	s.Mean = sum / float64(s.Samples)
	return s, true
}

// String is "0.4 % of the CPU time while samples were timed (up to 12 % in
// one sample; 35 of 2,100 samples saw some)".
func (s Steal) String() string {
	return fmt.Sprintf("%.1f %% of the CPU time while samples were timed (up to %.0f %% in one sample; %d of %d samples saw some)",
		s.Mean, s.Max, s.Stolen, s.Samples)
}

// A Precision sums up how precise a run's answers are: how many
// configurations (benchmarks with ns/op) have a 95 % interval within
// ±NoisyWidth, and their sample counts.
type Precision struct {
	Within, Configs int
	MinN, MedianN   int
	MaxN            int
}

// RunPrecision computes the run's Precision from its ns/op samples.
func (r *Run) RunPrecision() Precision {
	var p Precision
	var ns []int
	for _, b := range r.Benchmarks {
		m := b.Metric(runfile.UnitNsPerOp)
		if m == nil {
			continue
		}
		p.Configs++
		ns = append(ns, m.Summary.N)
		if m.Summary.Enough() && !m.Summary.Noisy() {
			p.Within++
		}
	}
	if len(ns) > 0 {
		slices.Sort(ns)
		p.MinN, p.MedianN, p.MaxN = ns[0], ns[len(ns)/2], ns[len(ns)-1]
	}
	return p
}

// String is "112 of 140 configurations (80 %) within ±5 %; 15 to 40
// samples each, median 17".
func (p Precision) String() string {
	if p.Configs == 0 {
		return "no configuration has a time"
	}
	return fmt.Sprintf("%d of %d configurations (%.0f %%) within ±%.0f %%; %d to %d samples each, median %d",
		p.Within, p.Configs, 100*float64(p.Within)/float64(p.Configs), 100*stat.NoisyWidth, p.MinN, p.MaxN, p.MedianN)
}
