package kit

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PointLabels draws a text beside each of a chart's points, placed when
// the chart is drawn so that no label covers a point's glyph or a label
// placed before it: to the right of its point and a little up, else
// right and down, left and up, left and down, above, below, then further
// up or down on the right; the candidate that overlaps least when every
// one overlaps. Labels are placed in order.
type PointLabels struct {
	XYs    plotter.XYs
	Labels []string
	Styles []text.Style
	// Radius is the glyphs' radius: every point of XYs, labelled or not
	// (an empty label), is a square of this half-side to keep clear of.
	Radius vg.Length
}

// labelGap is the room between a label and its point's glyph, and
// between a label and the others.
const labelGap = 2

// Plot implements plot.Plotter.
func (l *PointLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	at := make([]vg.Point, len(l.XYs))
	sizes := make([]vg.Point, len(l.XYs))
	for i, xy := range l.XYs {
		at[i] = vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
		if l.Labels[i] != "" && c.Contains(at[i]) {
			sizes[i] = l.Styles[i].Rectangle(l.Labels[i]).Size()
		}
	}
	for i, box := range PlaceLabels(at, sizes, l.Radius, c.Rectangle) {
		if sizes[i] != (vg.Point{}) {
			c.FillText(l.Styles[i], box.Min.Sub(l.Styles[i].Rectangle(l.Labels[i]).Min), l.Labels[i])
		}
	}
}

// PlaceLabels returns the box of each label, in order: sizes[i] is the
// size of the label of the glyph of radius r at at[i], zero for none
// (whose box is then zero too). A box is the first of labelSpots that
// overlaps no glyph, no box placed before it and nothing outside area,
// else the one that overlaps least; boxes keep labelGap from each other.
func PlaceLabels(at, sizes []vg.Point, r vg.Length, area vg.Rectangle) []vg.Rectangle {
	g := vg.Points(labelGap) / 2
	margin := func(b vg.Rectangle, m vg.Length) vg.Rectangle {
		return vg.Rectangle{Min: b.Min.Sub(vg.Point{X: m, Y: m}), Max: b.Max.Add(vg.Point{X: m, Y: m})}
	}
	var taken []vg.Rectangle
	for _, pt := range at {
		taken = append(taken, margin(vg.Rectangle{Min: pt, Max: pt}, r+g))
	}
	boxes := make([]vg.Rectangle, len(at))
	for i, sz := range sizes {
		if sz == (vg.Point{}) {
			continue
		}
		least := vg.Length(-1)
		for _, lo := range labelSpots(at[i], sz, r) {
			cand := vg.Rectangle{Min: lo, Max: lo.Add(sz)}
			o := overlap(margin(cand, g), taken, area)
			if least < 0 || o < least {
				boxes[i], least = cand, o
			}
			if o == 0 {
				break
			}
		}
		taken = append(taken, margin(boxes[i], g))
	}
	return boxes
}

// labelSpots are the lower left corners, in order of preference, of a
// label of size sz beside a glyph of radius r at pt.
func labelSpots(pt, sz vg.Point, r vg.Length) []vg.Point {
	d, up := r+vg.Points(labelGap), vg.Points(labelGap)
	right, left := pt.X+d, pt.X-d-sz.X
	spots := []vg.Point{
		{X: right, Y: pt.Y + up},
		{X: right, Y: pt.Y - up - sz.Y},
		{X: left, Y: pt.Y + up},
		{X: left, Y: pt.Y - up - sz.Y},
		{X: pt.X - sz.X/2, Y: pt.Y + d},
		{X: pt.X - sz.X/2, Y: pt.Y - d - sz.Y},
	}
	for k := 1; k <= 4; k++ {
		step := vg.Length(k) * (sz.Y + up)
		spots = append(spots, vg.Point{X: right, Y: pt.Y + up + step}, vg.Point{X: right, Y: pt.Y - up - sz.Y - step})
	}
	return spots
}

// overlap is the area of a shared with the rectangles of taken, plus the
// area of a outside the canvas area.
func overlap(a vg.Rectangle, taken []vg.Rectangle, area vg.Rectangle) vg.Length {
	var o vg.Length
	for _, b := range taken {
		o += Shared(a, b)
	}
	size := a.Size()
	return o + size.X*size.Y - Shared(a, area)
}

// Shared is the area of the intersection of a and b, 0 when they are
// apart.
func Shared(a, b vg.Rectangle) vg.Length {
	w := min(a.Max.X, b.Max.X) - max(a.Min.X, b.Min.X)
	h := min(a.Max.Y, b.Max.Y) - max(a.Min.Y, b.Min.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// GlyphBoxes implements plot.GlyphBoxer: each label at its first spot,
// right of its point, so that the axes leave room for it.
func (l *PointLabels) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var bs []plot.GlyphBox
	for i, s := range l.Labels {
		if s == "" {
			continue
		}
		sz := l.Styles[i].Rectangle(s).Size()
		lo := labelSpots(vg.Point{}, sz, l.Radius)[0]
		bs = append(bs, plot.GlyphBox{X: p.X.Norm(l.XYs[i].X), Y: p.Y.Norm(l.XYs[i].Y), Rectangle: vg.Rectangle{Min: lo, Max: lo.Add(sz)}})
	}
	return bs
}
