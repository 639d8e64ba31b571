package rundir

import (
	"math"
	"testing"

	"github.com/concbench/concbench/plots/stat"
	"golang.org/x/perf/benchmath"
)

func metricOfRounds(vals []float64, rounds []int) *Metric {
	s := benchmath.NewSample(append([]float64(nil), vals...), stat.Thresholds())
	return &Metric{Unit: "ns/op", Sample: s, Summary: stat.Summarize(s), Values: vals, Rounds: rounds}
}

// A round that slows both configurations cancels in the paired ratio, whose
// interval is then narrower than the unpaired one.
func TestPairedRatioCancelsSlowRounds(t *testing.T) {
	slow := []float64{1, 1.5, 1, 2, 1, 1.3, 1, 1.8, 1, 1.1}
	var a, b []float64
	var rounds []int
	for i, f := range slow {
		a = append(a, 20*f)
		b = append(b, 10*f)
		rounds = append(rounds, i+1)
	}
	num, den := metricOfRounds(a, rounds), metricOfRounds(b, rounds)
	p, ok := pairedRatio(num, den)
	if !ok || p.V != 2 || p.Lo != 2 || p.Hi != 2 {
		t.Fatalf("pairedRatio = %+v, %v; want exactly 2", p, ok)
	}
	if u := stat.Ratio(num.Summary, den.Summary); u.Hi-u.Lo <= 0 {
		t.Errorf("unpaired interval %+v should be wide", u)
	}
	if m := MetricRatio(num, den); m != p {
		t.Errorf("metricRatio = %+v, want the paired %+v", m, p)
	}
}

// Without MinSamples common rounds, metricRatio falls back on the unpaired
// interval.
func TestPairedRatioNeedsCommonRounds(t *testing.T) {
	vals := []float64{10, 11, 12, 10, 11, 12}
	num := metricOfRounds(vals, []int{1, 2, 3, 4, 5, 6})
	den := metricOfRounds(vals, []int{7, 8, 9, 10, 11, 12})
	if _, ok := pairedRatio(num, den); ok {
		t.Fatal("paired without common rounds")
	}
	if got, want := MetricRatio(num, den), stat.Ratio(num.Summary, den.Summary); got != want {
		t.Errorf("metricRatio = %+v, want the unpaired %+v", got, want)
	}
	noRounds := metricOfRounds(vals, []int{0, 0, 0, 0, 0, 0})
	if _, ok := pairedRatio(noRounds, noRounds); ok {
		t.Error("paired on a run without round lines")
	}
	if e := MetricRatio(nil, num); !math.IsNaN(e.V) {
		t.Errorf("metricRatio(nil, …) = %+v, want NaN", e)
	}
}

// Rounds of two files (raw.txt and python.txt) were not measured together:
// their samples are not paired.
func TestPairedRatioOneFileOnly(t *testing.T) {
	vals := []float64{10, 11, 12, 10, 11, 12}
	rounds := []int{1, 2, 3, 4, 5, 6}
	num, den := metricOfRounds(vals, rounds), metricOfRounds(vals, rounds)
	num.File, den.File = "raw.txt", "python.txt"
	if _, ok := pairedRatio(num, den); ok {
		t.Error("paired the rounds of two files")
	}
	den.File = "raw.txt"
	if _, ok := pairedRatio(num, den); !ok {
		t.Error("did not pair the rounds of one file")
	}
}
