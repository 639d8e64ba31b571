package stat_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/concbench/concbench/plots/stat"
	"golang.org/x/perf/benchmath"
)

// A shape is how this machine's rows spread (docs/measurements.md, "Why
// some rows spread"): a share of samples in a slow mode, drawn by sample
// or by round (a process that runs slow throughout), a drift that moves
// a whole round, and a drift of each configuration's own.
type shape struct {
	name      string
	slowShare float64 // share of samples (or rounds) in the slow mode
	slowBy    float64 // the slow mode's factor
	byRound   bool    // the mode is the round's, both configurations alike
	jitter    float64 // log-normal spread of a sample
	drift     float64 // a round's factor, both alike: 1 ± drift
	own       float64 // each configuration's own factor per round: 1 ± own
}

func (s shape) draw(r *rand.Rand, round float64, slowRound bool) float64 {
	v := 1.0
	if s.byRound && slowRound || !s.byRound && r.Float64() < s.slowShare {
		v = s.slowBy
	}
	return v * round * (1 + s.own*(2*r.Float64()-1)) * math.Exp(s.jitter*r.NormFloat64())
}

// TestDiffersUnderRepeatedLooks draws runs of two configurations from
// identical distributions, looks after every round from the 6th to the
// 60th as the driver does (stopping at the first look that calls them
// different, as the driver stops sampling what is decided), and holds
// the share of runs the rule ever called different at or below 5 %.
func TestDiffersUnderRepeatedLooks(t *testing.T) {
	const runs = 600
	for _, sh := range []shape{
		{name: "bimodal by sample", slowShare: 0.33, slowBy: 1.4, jitter: 0.02, drift: 0.07},
		{name: "bimodal by round", slowShare: 0.33, slowBy: 1.4, byRound: true, jitter: 0.02, drift: 0.07},
		{name: "own drift", slowShare: 0.2, slowBy: 1.3, jitter: 0.02, drift: 0.07, own: 0.05},
	} {
		t.Run(sh.name, func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewPCG(1, 2))
			alarms := 0
			for range runs {
				var a, b []float64
				var rounds []int
				for n := 1; n < stat.MinSamples+stat.Looks; n++ {
					round, slow := 1-sh.drift+2*sh.drift*r.Float64(), r.Float64() < sh.slowShare
					a, b, rounds = append(a, sh.draw(r, round, slow)), append(b, sh.draw(r, round, slow)), append(rounds, n)
					if n < stat.MinSamples {
						continue
					}
					p := stat.Compare(benchmath.NewSample(slices.Clone(a), stat.Thresholds()), benchmath.NewSample(slices.Clone(b), stat.Thresholds()))
					if e, ok := stat.PairedRounds(a, rounds, b, rounds); ok && stat.Differs(e, p) {
						alarms++
						break
					}
				}
			}
			rate := float64(alarms) / runs
			t.Logf("%s: %d of %d runs called different (%.1f %%)", sh.name, alarms, runs, 100*rate)
			if rate > 0.05 {
				t.Errorf("%s: the rule called identical configurations different in %.1f %% of the runs, looking after every round; at most 5 %%", sh.name, 100*rate)
			}
		})
	}
}
