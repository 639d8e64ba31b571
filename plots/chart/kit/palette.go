package kit

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
	// names with different indices below 132 differ in both colour and
	// marker, and below 36 in marker or dash.
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

// A Palette gives each strategy one style (colour-blind-safe colour ×
// marker × dash), the same in every chart of a run. It is immutable once made, so
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

// The palette has 11 colours, 12 markers and 3 dash patterns. 12 is prime
// to 11, so the first 132 styles are all different colour × marker pairs;
// the marker alone differs among the first 12, and marker × dash among
// the first 36, so that styles stay apart in greyscale too.
const (
	paletteColors = 11
	paletteShapes = 12
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
	return StyleAt(i)
}

// paletteColorTable is the palette's colours in order: the Okabe-Ito
// colour-blind-safe palette (Okabe and Ito, "Color Universal Design",
// 2002) without its black, which the charts keep for reference lines
// (ideal, sequential), then indigo, wine and olive from Paul Tol's
// colour-blind-safe "muted" set (personal.sron.nl/~pault), a neutral grey,
// and last Okabe-Ito's yellow, the hardest to read on white. Every pair is
// at least ΔE*ab 26 apart (blue and sky blue, told apart by lightness).
func paletteColorTable() [paletteColors]color.NRGBA {
	return [paletteColors]color.NRGBA{
		{0x00, 0x72, 0xB2, 0xff}, // blue
		{0xE6, 0x9F, 0x00, 0xff}, // orange
		{0x00, 0x9E, 0x73, 0xff}, // bluish green
		{0xD5, 0x5E, 0x00, 0xff}, // vermillion
		{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
		{0x56, 0xB4, 0xE9, 0xff}, // sky blue
		{0x33, 0x22, 0x88, 0xff}, // indigo (Tol)
		{0x88, 0x22, 0x55, 0xff}, // wine (Tol)
		{0x99, 0x99, 0x33, 0xff}, // olive (Tol)
		{0x66, 0x66, 0x66, 0xff}, // grey
		{0xF0, 0xE4, 0x42, 0xff}, // yellow
	}
}

// paletteShapeTable is the palette's markers in order, filled and hollow
// alternating so that neighbours differ in both outline and fill. gonum's
// cross is not among them: the allocation chart draws CPU time with it.
func paletteShapeTable() [paletteShapes]draw.GlyphDrawer {
	return [paletteShapes]draw.GlyphDrawer{
		draw.CircleGlyph{}, squareRingGlyph(), draw.PyramidGlyph{}, diamondRingGlyph(),
		draw.BoxGlyph{}, circleRingGlyph(), downGlyph(), triangleRingGlyph(),
		diamondGlyph(), draw.PlusGlyph{}, downRingGlyph(), asteriskGlyph{},
	}
}

// paletteDashTable is the palette's dash patterns: solid (nil), dashed,
// dotted.
func paletteDashTable() [paletteDashN][]vg.Length {
	return [paletteDashN][]vg.Length{nil, {vg.Points(5), vg.Points(2)}, {vg.Points(1.5), vg.Points(2)}}
}

// StyleAt is the i-th style of the sequence: colour i mod 11, marker i mod
// 12, and dash (i + i/12) mod 3, which shifts each time the markers wrap
// around so that marker × dash repeats only after 36 styles.
func StyleAt(i int) Style {
	i %= styleCount
	dash := paletteDashTable()[(i+i/paletteShapes)%paletteDashN]
	return Style{Color: paletteColorTable()[i%paletteColors], Shape: paletteShapeTable()[i%paletteShapes], Dashes: dash, Index: i}
}

// ReferenceColor is the colour of reference lines (ideal, sequential) and
// of legend keys that name no strategy: black, which no strategy uses.
func ReferenceColor() color.NRGBA { return color.NRGBA{0, 0, 0, 0xff} }
