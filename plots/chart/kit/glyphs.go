package kit

import (
	"fmt"
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

// A pathGlyph fills or strokes (1 point wide) a closed outline scaled
// from the glyph style's radius. name tells the markers apart where they
// are compared.
type PathGlyph struct {
	Name   string
	path   func(r vg.Length, pt vg.Point) vg.Path
	scale  float64
	hollow bool
}

// DrawGlyph implements draw.GlyphDrawer.
func (g PathGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	p := g.path(sty.Radius*vg.Length(g.scale), pt)
	if !g.hollow {
		c.Fill(p)
		return
	}
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	c.Stroke(p)
}

// diamondGlyph is a filled diamond (a square on its corner),
// diamondRingGlyph a hollow one.
func diamondGlyph() PathGlyph     { return PathGlyph{"diamond", diamondPath, 1.15, false} }
func diamondRingGlyph() PathGlyph { return PathGlyph{"diamond-ring", diamondPath, 1.1, true} }

// downGlyph is a filled triangle pointing down, downRingGlyph a hollow one.
func downGlyph() PathGlyph     { return PathGlyph{"down", downPath, 1.25, false} }
func downRingGlyph() PathGlyph { return PathGlyph{"down-ring", downPath, 1.2, true} }

// squareRingGlyph is a hollow square, triangleRingGlyph a hollow triangle
// pointing up, circleRingGlyph a hollow circle.
func squareRingGlyph() PathGlyph   { return PathGlyph{"square-ring", squarePath, 0.85, true} }
func triangleRingGlyph() PathGlyph { return PathGlyph{"triangle-ring", upPath, 1.2, true} }
func circleRingGlyph() PathGlyph   { return PathGlyph{"circle-ring", ringPath, 0.9, true} }

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

// CircledGlyph draws a marker at three quarters of the radius inside a
// ring of 1.6 times the radius: a strategy's marker, marked as the second
// of two figures (the latency chart's p99).
type CircledGlyph struct{ Inner draw.GlyphDrawer }

// DrawGlyph implements draw.GlyphDrawer.
func (g CircledGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	ring := sty
	ring.Radius = sty.Radius * 1.6
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1)})
	c.Stroke(ringPath(ring.Radius, pt))
	in := sty
	in.Radius = sty.Radius * 0.75
	g.Inner.DrawGlyph(c, in, pt)
}

// squarePath is the closed outline of a square of half-side r at pt.
func squarePath(r vg.Length, pt vg.Point) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: pt.X - r, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X - r, Y: pt.Y + r})
	p.Close()
	return p
}

// upPath is the closed outline of a triangle pointing up, its corners r
// from pt.
func upPath(r vg.Length, pt vg.Point) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X - r*0.866, Y: pt.Y - r*0.5})
	p.Line(vg.Point{X: pt.X + r*0.866, Y: pt.Y - r*0.5})
	p.Close()
	return p
}

// ringPath is a circle of radius r at pt.
func ringPath(r vg.Length, pt vg.Point) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: pt.X + r, Y: pt.Y})
	p.Arc(pt, r, 0, 2*math.Pi)
	p.Close()
	return p
}

// MarkerName names a marker: a PathGlyph by its name, any other by its
// type, so that two styles can be told apart in greyscale.
func MarkerName(g draw.GlyphDrawer) string {
	if p, ok := g.(PathGlyph); ok {
		return p.Name
	}
	return fmt.Sprintf("%T", g)
}
