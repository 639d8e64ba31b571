package chart

import (
	"math"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"
)

// TestRenderRefusesBadAxes renders plots whose axes gonum/plot would
// panic on: an error naming the chart instead.
func TestRenderRefusesBadAxes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lo, hi   float64
		log      bool
		want     string
		wantNone bool
	}{
		{name: "nan", lo: math.NaN(), hi: 1, want: "chart nan: the y axis runs from NaN to 1, not a range"},
		{name: "log-zero", lo: 0, hi: 10, log: true, want: "chart log-zero: the y axis is on a log scale but runs from 0 to 10"},
		{name: "log-inf", lo: 1, hi: math.Inf(1), log: true, want: "chart log-inf: the y axis is on a log scale"},
		{name: "equal", lo: 5, hi: 5, wantNone: true},
		{name: "huge", lo: -math.MaxFloat64, hi: math.MaxFloat64, wantNone: true},
		{name: "log-huge", lo: 1e-300, hi: 1e300, log: true, wantNone: true},
	} {
		p := NewPlot(tc.name, "x", "y")
		if tc.log {
			kit.LogY(p)
		}
		p.X.Min, p.X.Max = 0, 1
		p.Y.Min, p.Y.Max = tc.lo, tc.hi
		_, err := Render(p, tc.name)
		switch {
		case tc.wantNone && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case !tc.wantNone && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
