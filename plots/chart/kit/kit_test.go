package kit

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

func TestDurationTicksAndDodge(t *testing.T) {
	var labels []string
	for _, tk := range (DurationTicks{}).Ticks(3e5, 2.5e7) {
		labels = append(labels, tk.Label)
	}
	if want := "500µs 1ms 2ms 5ms 10ms 20ms"; strings.Join(labels, " ") != want {
		t.Errorf("duration ticks %q, want %q", strings.Join(labels, " "), want)
	}
	ts := MeasuredTicks([]int{4, 1, 2})
	if len(ts) != 3 || ts[0].Label != "1" || ts[2].Value != 4 {
		t.Errorf("measured ticks %v, want 1 2 4 only", ts)
	}
	if a, b := Dodge(0, 2, 0.1), Dodge(1, 2, 0.1); a != -0.05 || b != 0.05 {
		t.Errorf("dodge of two series = %g, %g", a, b)
	}
	if d := Dodge(0, 1, 0.1); d != 0 {
		t.Errorf("a lone series moves by %g", d)
	}
}

func TestTicks(t *testing.T) {
	got := Ticks125{}.Ticks(150, 2500)
	var labels []string
	for _, tk := range got {
		labels = append(labels, tk.Label)
	}
	if want := "200 500 1000 2000"; strings.Join(labels, " ") != want {
		t.Errorf("log ticks %q, want %q", strings.Join(labels, " "), want)
	}
	labels = nil
	for _, tk := range (LinearTicks{}).Ticks(0, 2.6) {
		labels = append(labels, tk.Label)
	}
	if want := "0 0.5 1 1.5 2 2.5"; strings.Join(labels, " ") != want {
		t.Errorf("linear ticks %q, want %q", strings.Join(labels, " "), want)
	}
}

// TestCurveXsBounded draws curves over any range with at most 201 points.
func TestCurveXsBounded(t *testing.T) {
	for _, r := range [][2]float64{{1, 2}, {1, 2e9}, {1, 1}, {1, math.Inf(1)}, {1, math.NaN()}, {1, 0}} {
		if xs := CurveXs(r[0], r[1]); len(xs) > 201 {
			t.Errorf("curveXs(%v, %v): %d points", r[0], r[1], len(xs))
		}
	}
	if xs := CurveXs(1, 3); len(xs) != 9 {
		t.Errorf("curveXs(1, 3) = %v, want every quarter", xs)
	}
}

// TestTicksBounded gives the tick generators every degenerate range: each
// returns at most maxTicks ticks, at once.
func TestTicksBounded(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	ranges := [][2]float64{
		{1, inf}, {-inf, inf}, {nan, 1}, {1, nan}, {nan, nan}, {0, 0}, {5, 5}, {-1, 1},
		{1e-300, 1e300}, {math.SmallestNonzeroFloat64, math.MaxFloat64}, {1e300, math.Nextafter(1e300, inf)},
		{1, math.Nextafter(1, 2)}, {-math.MaxFloat64, math.MaxFloat64}, {1e15, 1e15 + 1}, {2, 1},
	}
	for _, tk := range []plot.Ticker{Ticks125{}, DurationTicks{}, LinearTicks{}} {
		for _, r := range ranges {
			ts := tk.Ticks(r[0], r[1])
			if len(ts) > MaxTicks*3 {
				t.Errorf("%T.Ticks(%v, %v): %d ticks", tk, r[0], r[1], len(ts))
			}
		}
	}
	// A log axis over 600 decades still gets its powers of ten, at most
	// maxTicks of them.
	if ts := (Ticks125{}).Ticks(1e-300, 1e300); len(ts) < 10 || len(ts) > MaxTicks+1 {
		t.Errorf("ticks125 over 600 decades: %d ticks", len(ts))
	}
}

// TestPlaceLabels places the labels of a cluster of points, as the
// flood's 1k labels of the libraries are, and finds none over a point or
// over another label.
func TestPlaceLabels(t *testing.T) {
	r := vg.Points(4)
	at := []vg.Point{{X: 100, Y: 100}, {X: 103, Y: 101}, {X: 106, Y: 99}, {X: 101, Y: 104}, {X: 140, Y: 100}, {X: 200, Y: 200}}
	sizes := make([]vg.Point, len(at))
	for i := range sizes {
		sizes[i] = vg.Point{X: 12, Y: 9}
	}
	sizes[5] = vg.Point{} // no label
	boxes := PlaceLabels(at, sizes, r, vg.Rectangle{Max: vg.Point{X: 400, Y: 400}})
	if boxes[5] != (vg.Rectangle{}) {
		t.Errorf("an empty label was given the box %v", boxes[5])
	}
	for i, b := range boxes[:5] {
		if b.Size() != sizes[i] {
			t.Errorf("label %d: box %v of size %v, want %v", i, b, b.Size(), sizes[i])
		}
		for j, pt := range at {
			glyph := vg.Rectangle{Min: pt.Sub(vg.Point{X: r, Y: r}), Max: pt.Add(vg.Point{X: r, Y: r})}
			if Shared(b, glyph) > 0 {
				t.Errorf("label %d at %v covers point %d at %v", i, b, j, pt)
			}
		}
		for j, c := range boxes[:i] {
			if Shared(b, c) > 0 {
				t.Errorf("label %d at %v covers label %d at %v", i, b, j, c)
			}
		}
	}
	// A lone point's label is right of it and a little up.
	if b := boxes[4]; b.Min.X <= at[4].X+r || b.Min.Y <= at[4].Y {
		t.Errorf("lone label at %v, want right of and above %v", b, at[4])
	}
}

func TestPaletteMapping(t *testing.T) {
	order := []string{"sequential", "spawn", "pool", "gil", "process", "exec", "errgroup", "semaphore", "ants", "pond", "conc"}
	pal := NewPalette(order)
	seen := map[string]string{}
	for i, name := range order {
		st := pal.Style(name)
		if st.Index != i {
			t.Errorf("Style(%q).Index = %d, want %d (order of first appearance)", name, st.Index, i)
		}
		key := st.Hex() + " " + MarkerName(st.Shape)
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s share colour and marker %s", name, other, key)
		}
		seen[key] = name
		if st.Hex() == "#000000" {
			t.Errorf("%s is black, the colour of reference lines", name)
		}
	}
	// Stable: the same name gets the same style from a palette made again,
	// whatever else is asked in between, and duplicates in order are ignored.
	again := NewPalette(append([]string{"sequential", "spawn", "spawn"}, order...))
	for _, name := range order {
		a, b := pal.Style(name), again.Style(name)
		if a.Index != b.Index {
			t.Errorf("%s: style %d, then %d", name, a.Index, b.Index)
		}
	}
	// The first styles are the palette's colours in order, Okabe-Ito's first.
	want := []string{"#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#332288", "#882255", "#999933", "#666666", "#f0e442"}
	for i, w := range want {
		if got := pal.Style(order[i]).Hex(); got != w {
			t.Errorf("Style(%q) = %s, want %s", order[i], got, w)
		}
	}
	// Unknown names: hash-based, stable, and never the style of a known
	// name below the palette's length.
	u1, u2 := pal.Style("my-own-pool"), NewPalette(order).Style("my-own-pool")
	if u1.Index != u2.Index || u1.Index < len(order) {
		t.Errorf("unknown name: index %d then %d, want equal and ≥ %d", u1.Index, u2.Index, len(order))
	}
}
