package plots

import (
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The markers gonum lacks, so that the palette has twelve without gonum's
// cross (which the allocation chart keeps for CPU time): a filled and a
// hollow diamond, a filled and a hollow triangle pointing down, an
// asterisk, and hollow square, triangle and circle stroked wider than
// gonum's. Each
// fits in a circle of the glyph style's radius, as gonum's do.

// diamondGlyph draws a filled diamond (a square on its corner).
type diamondGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.Fill(diamondPath(sty.Radius*1.15, pt))
}

// diamondRingGlyph draws a hollow diamond.
type diamondRingGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondRingGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	c.Stroke(diamondPath(sty.Radius*1.1, pt))
}

// diamondPath is the closed outline of a diamond of half-diagonal r at pt.
func diamondPath(r vg.Length, pt vg.Point) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y})
	p.Line(vg.Point{X: pt.X, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X - r, Y: pt.Y})
	p.Close()
	return p
}

// downGlyph draws a filled triangle pointing down.
type downGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (downGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.Fill(downPath(sty.Radius*1.25, pt))
}

// downRingGlyph draws a hollow triangle pointing down.
type downRingGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (downRingGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	c.Stroke(downPath(sty.Radius*1.2, pt))
}

// downPath is the closed outline of a triangle pointing down, its corners
// r from pt.
func downPath(r vg.Length, pt vg.Point) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X - r*0.866, Y: pt.Y + r*0.5})
	p.Line(vg.Point{X: pt.X + r*0.866, Y: pt.Y + r*0.5})
	p.Close()
	return p
}

// asteriskGlyph draws a six-pointed asterisk.
type asteriskGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (asteriskGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	r := sty.Radius
	for _, d := range []vg.Point{{X: 0, Y: 1}, {X: 0.866, Y: 0.5}, {X: 0.866, Y: -0.5}} {
		var p vg.Path
		p.Move(vg.Point{X: pt.X - r*d.X, Y: pt.Y - r*d.Y})
		p.Line(vg.Point{X: pt.X + r*d.X, Y: pt.Y + r*d.Y})
		c.Stroke(p)
	}
}

// circledGlyph draws a marker at three quarters of the radius inside a
// ring of 1.6 times the radius: a strategy's marker, marked as the second
// of two figures (the latency chart's p99).
type circledGlyph struct{ inner draw.GlyphDrawer }

// DrawGlyph implements draw.GlyphDrawer.
func (g circledGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	ring := sty
	ring.Radius = sty.Radius * 1.6
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	c.Stroke(ringPath(ring.Radius, pt))
	in := sty
	in.Radius = sty.Radius * 0.75
	g.inner.DrawGlyph(c, in, pt)
}

// The hollow markers of the palette are stroked 1 point wide, twice
// gonum's hairline, so that they read as well as the filled ones.

// squareRingGlyph draws a hollow square.
type squareRingGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (squareRingGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	r := sty.Radius * 0.85
	var p vg.Path
	p.Move(vg.Point{X: pt.X - r, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X - r, Y: pt.Y + r})
	p.Close()
	c.Stroke(p)
}

// triangleRingGlyph draws a hollow triangle pointing up.
type triangleRingGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (triangleRingGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	r := sty.Radius * 1.2
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X - r*0.866, Y: pt.Y - r*0.5})
	p.Line(vg.Point{X: pt.X + r*0.866, Y: pt.Y - r*0.5})
	p.Close()
	c.Stroke(p)
}

// circleRingGlyph draws a hollow circle.
type circleRingGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (circleRingGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	c.Stroke(ringPath(sty.Radius*0.9, pt))
}

// ringPath is a circle of radius r at pt.
func ringPath(r vg.Length, pt vg.Point) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: pt.X + r, Y: pt.Y})
	p.Arc(pt, r, 0, 2*math.Pi)
	p.Close()
	return p
}
