package plots

import (
	"hash/fnv"
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// A Style is how one series is drawn: its colour, its marker and the
// dashes of its line (nil: solid).
type Style struct {
	Color  color.NRGBA
	Shape  draw.GlyphDrawer
	Dashes []vg.Length
	// Index is the position of the style in the palette's sequence; two
	// names with different indices below 56 differ in colour or marker.
	Index int
}

// Hex is the colour as "#rrggbb", for HTML and SVG.
func (s Style) Hex() string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{s.Color.R, s.Color.G, s.Color.B} {
		b[1+2*i], b[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(b)
}

// A Palette gives each strategy one style (Okabe-Ito colour × marker ×
// dash), the same in every chart of a run. It is immutable once made, so
// it is safe for concurrent use.
type Palette struct {
	index map[string]int
	n     int
}

// NewPalette returns the palette that gives the i-th distinct name of
// order the i-th style. A name outside order gets a style chosen by a hash
// of the name, after those of order, so it is stable from run to run but
// may share its colour with another unknown name.
func NewPalette(order []string) *Palette {
	p := &Palette{index: map[string]int{}}
	for _, name := range order {
		if _, ok := p.index[name]; !ok {
			p.index[name] = p.n
			p.n++
		}
	}
	return p
}

// The palette has 7 colours, 8 markers and 3 dash patterns. 8 is prime to
// 7, so the first 56 styles are all different colour × marker pairs.
const (
	paletteColors = 7
	paletteShapes = 8
	paletteDashN  = 3
	styleCount    = paletteColors * paletteShapes * paletteDashN
)

// Style returns the style of name. It costs one map lookup (a hash of the
// name for an unknown one).
func (p *Palette) Style(name string) Style {
	i, ok := p.index[name]
	if !ok {
		h := fnv.New32a()
		h.Write([]byte(name))
		i = p.n + int(h.Sum32()%uint32(styleCount))
	}
	return styleAt(i)
}

// styleAt is the i-th style of the sequence: colour i mod 7, marker i mod
// 8, and a dash pattern that changes each time the colours wrap around.
//
// The colours are the Okabe-Ito colour-blind-safe palette (Okabe and Ito,
// "Color Universal Design", 2002) without its black, which the charts keep
// for reference lines (ideal, sequential). Yellow comes last: it is the
// hardest to read on white, and its marker still tells it apart.
func styleAt(i int) Style {
	i %= styleCount
	colors := [paletteColors]color.NRGBA{
		{0x00, 0x72, 0xB2, 0xff}, // blue
		{0xE6, 0x9F, 0x00, 0xff}, // orange
		{0x00, 0x9E, 0x73, 0xff}, // bluish green
		{0xD5, 0x5E, 0x00, 0xff}, // vermillion
		{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
		{0x56, 0xB4, 0xE9, 0xff}, // sky blue
		{0xF0, 0xE4, 0x42, 0xff}, // yellow
	}
	shapes := [paletteShapes]draw.GlyphDrawer{
		draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.CrossGlyph{},
		draw.RingGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.PlusGlyph{},
	}
	var dashes []vg.Length
	switch (i / paletteColors) % paletteDashN {
	case 1:
		dashes = []vg.Length{vg.Points(5), vg.Points(2)}
	case 2:
		dashes = []vg.Length{vg.Points(1.5), vg.Points(2)}
	}
	return Style{Color: colors[i%paletteColors], Shape: shapes[i%paletteShapes], Dashes: dashes, Index: i}
}

// referenceColor is the colour of reference lines (ideal, sequential) and
// of legend keys that name no strategy: black, which no strategy uses.
func referenceColor() color.NRGBA { return color.NRGBA{0, 0, 0, 0xff} }

// strategyOrder lists the strategies of rows in order of first appearance:
// the order of the palette, so that all the charts of a run agree.
func strategyOrder(rows []*Row) []string {
	var order []string
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Strategy != "" && !seen[r.Strategy] {
			seen[r.Strategy] = true
			order = append(order, r.Strategy)
		}
	}
	return order
}
