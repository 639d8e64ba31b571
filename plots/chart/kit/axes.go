package kit

import (
	"math"
	"slices"
	"strconv"

	"github.com/concbench/concbench/plots/unitfmt"
	"gonum.org/v1/plot"
)

// LinearTicks labels round values (1, 2 or 5 × 10^k apart) on a linear
// axis, about eight of them.
type LinearTicks struct{}

// Ticks implements plot.Ticker. An axis that is empty, not finite, or
// narrower than float64 can step through gets its two ends as ticks: the
// loop below must never run without bound (maxTicks).
func (LinearTicks) Ticks(lo, hi float64) []plot.Tick {
	ends := func() []plot.Tick {
		if !Finite(lo) || !Finite(hi) {
			return nil
		}
		if hi == lo {
			return []plot.Tick{{Value: lo, Label: strconv.FormatFloat(lo, 'g', 4, 64)}}
		}
		return []plot.Tick{{Value: lo, Label: strconv.FormatFloat(lo, 'g', 4, 64)}, {Value: hi, Label: strconv.FormatFloat(hi, 'g', 4, 64)}}
	}
	if !(hi > lo) || !Finite(lo) || !Finite(hi) || math.IsInf(hi-lo, 0) {
		return ends()
	}
	raw := (hi - lo) / 8
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Ceil(lo/step) * step
	if !(step > 0) || start+step == start || hi+step == hi {
		return ends() // the step is lost in the values' rounding
	}
	var ts []plot.Tick
	for k := 0; k < MaxTicks; k++ {
		v := math.Round((start+float64(k)*step)/step) * step
		if v > hi+step*1e-9 {
			break
		}
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', 4, 64)})
	}
	return ts
}

// MaxTicks bounds the ticks of any axis: a tick generator stops there,
// whatever range it is given.
const MaxTicks = 64

// LogY puts the Y axis on a log scale with 1-2-5 ticks.
func LogY(p *plot.Plot) {
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = Ticks125{}
}

// Ticks125 marks 1, 2 and 5 times each power of ten on a log axis, or
// only the powers of ten when the axis spans more than three decades, or
// every k-th power of ten when it spans more than maxTicks decades. An
// axis that is not positive and finite gets no ticks.
type Ticks125 struct{}

// Ticks implements plot.Ticker.
func (Ticks125) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0) || !(hi >= lo) || math.IsInf(hi, 0) {
		return nil
	}
	mantissas := []float64{1, 2, 5}
	if hi/lo > 1e3 { // many decades: powers of ten only
		mantissas = mantissas[:1]
	}
	first, last := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	every := math.Max(1, math.Ceil((last-first)/MaxTicks)) // at most maxTicks decades marked
	var ts []plot.Tick
	for e := first; e <= last; e += every {
		for _, m := range mantissas {
			v := m * math.Pow(10, e)
			if v >= lo*0.999 && v <= hi*1.001 {
				label := strconv.FormatFloat(v, 'f', -1, 64)
				if v < 1 || v >= 1e7 {
					label = strconv.FormatFloat(v, 'g', -1, 64)
				}
				ts = append(ts, plot.Tick{Value: v, Label: label})
			}
		}
	}
	return ts
}

// PadLog widens a log axis: a factor 1.5 below the data (down to a power of
// ten when the axis spans many decades, so it keeps a label there) and top
// above it, so that no marker or error bar touches the frame.
func PadLog(a *plot.Axis, top float64) {
	a.Min /= 1.5
	a.Max *= top
	if a.Min > 0 && a.Max/a.Min > 1e3 { // show the power of ten below the data
		a.Min = math.Pow(10, math.Floor(math.Log10(a.Min)))
	}
}

// NominalX labels the X axis with names at 0, 1, … and leaves half a slot
// of room at both ends.
func NominalX(p *plot.Plot, names ...string) {
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5
}

// DurationTicks labels a log axis of nanoseconds at 1, 2 and 5 × each
// power of ten (powers of ten only over more than three decades), with
// units: "500µs", "1ms", "2s".
type DurationTicks struct{}

// Ticks implements plot.Ticker.
func (DurationTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := Ticks125{}.Ticks(lo, hi)
	for i := range ts {
		ts[i].Label = unitfmt.FormatTime(ts[i].Value, unitfmt.TimeExact)
	}
	return ts
}

// MeasuredTicks marks the measured values of a discrete axis (procs,
// workers) and nothing between them.
func MeasuredTicks(vs []int) plot.ConstantTicks {
	slices.Sort(vs)
	ts := make(plot.ConstantTicks, len(vs))
	for i, v := range vs {
		ts[i] = plot.Tick{Value: float64(v), Label: strconv.Itoa(v)}
	}
	return ts
}

// Finite reports whether v is neither NaN nor infinite.
func Finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
