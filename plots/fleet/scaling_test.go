package fleet

import (
	"math"
	"testing"

	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/stat"
)

// TestScalingAcrossMachines fits the USL to sweeps from two machines
// whose times follow known σ and κ: a 4-core machine gives N = 1, 2, 4
// and a 2-core one N = 1, 2 (its procs=4 point is on 2 cores), so only
// together do they have 3 distinct N.
func TestScalingAcrossMachines(t *testing.T) {
	const sigma, kappa = 0.08, 0.01
	law := stat.ScalingFit{Sigma: sigma, Kappa: kappa}
	sweep := func(cores int) map[int]float64 {
		m := map[int]float64{}
		for _, p := range []int{1, 2, 4} {
			m[p] = 20e6 / law.Predict(math.Min(float64(p), float64(cores)))
		}
		return m
	}
	parent := t.TempDir()
	four := twoCores("20261202T060000Z-big", "abc1234")
	four.cores, four.sweep = 4, map[string]map[int]float64{"sequential": {1: 20e6}, "pool": sweep(4)}
	two := twoCores("20261202T070000Z-small", "abc1234")
	two.sweep = map[string]map[int]float64{"sequential": {1: 20e6}, "pool": sweep(2)}
	f, err := Build([]string{four.write(t, parent), two.write(t, parent)})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Scalings) != 1 {
		t.Fatalf("%d scalings, want pool's alone", len(f.Scalings))
	}
	sc := f.Scalings[0]
	var ns []float64
	for _, p := range sc.Points {
		ns = append(ns, p.N)
	}
	if want := []float64{1, 2, 4, 1, 2, 2}; !equal(ns, want) {
		t.Errorf("N %v, want %v", ns, want)
	}
	// The samples vary by ±0.3 %.
	if fit := sc.Fit; fit.Law != stat.USL || math.Abs(fit.Sigma-sigma) > 0.01 || math.Abs(fit.Kappa-kappa) > 0.003 || fit.Residual > 0.02 {
		t.Errorf("fit %s σ=%g κ=%g rms %g (%s), want USL σ=%g κ=%g", fit.Law, fit.Sigma, fit.Kappa, fit.Residual, fit.Why, sigma, kappa)
	}
	// Either machine alone falls back to Amdahl.
	one, err := Build([]string{two.write(t, t.TempDir())})
	if err != nil {
		t.Fatal(err)
	}
	if fit := one.Scalings[0].Fit; fit.Law != stat.Amdahl {
		t.Errorf("the 2-core machine alone: %s, want Amdahl", fit.Law)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestVerdictsSideBySide(t *testing.T) {
	ms := []*Machine{
		{Verdicts: []judge.Verdict{{Lesson: 3, Claim: "The GIL analogue stops CPU parallelism: gil …", Outcome: stat.Pass}, {Lesson: 4, Claim: "Real parallelism: …", Outcome: stat.Pass}}},
		{Verdicts: []judge.Verdict{{Lesson: 3, Claim: "The GIL analogue stops CPU parallelism: gil …", Outcome: stat.Pass}, {Lesson: 4, Claim: "Real parallelism: …", Outcome: stat.Fail}, {Lesson: 9, Claim: "Fetch", Outcome: stat.Inconclusive}}},
	}
	vs := verdicts(ms)
	if len(vs) != 3 {
		t.Fatalf("%d verdicts, want 3", len(vs))
	}
	for i, want := range []struct {
		lesson   int
		claim    string
		outcomes [2]stat.Outcome
		differs  bool
	}{
		{3, "The GIL analogue stops CPU parallelism", [2]stat.Outcome{stat.Pass, stat.Pass}, false},
		{4, "Real parallelism", [2]stat.Outcome{stat.Pass, stat.Fail}, true},
		{9, "Fetch", [2]stat.Outcome{"", stat.Inconclusive}, false},
	} {
		v := vs[i]
		if v.Lesson != want.lesson || v.Claim != want.claim || [2]stat.Outcome(v.Outcomes) != want.outcomes || v.Differs != want.differs {
			t.Errorf("verdict %d: %+v, want %+v", i, v, want)
		}
	}
}
