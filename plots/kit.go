package plots

import (
	"bytes"
	"fmt"
	"image/color"

	"github.com/concbench/concbench/plots/chart"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// The pieces below let a report built on several runs (plots/fleet) look
// and read like this one: the same chart style and rendering, figures in
// the same format, the same page around its Markdown, the same way of
// writing its files.

// NewChart returns an empty chart in the report's style: title, axis
// labels and ticks in legible sizes, a grid, the legend at the top.
func NewChart(title, x, y string) *plot.Plot { return chart.NewPlot(title, x, y) }

// RunPalette is the palette of every chart of a run whose rows are rows:
// the i-th strategy in order of first appearance gets the i-th style.
// Rows of several runs, concatenated, give each strategy one style across
// them.
func RunPalette(rows []*rundir.Row) *chart.Palette {
	return chart.NewPalette(chart.StrategyOrder(rows))
}

// AddSeries adds one series to a chart as the report draws its speedups:
// the medians ys at xs in style st with their intervals as error bars,
// joined by a line in the style's dashes when line is set, under name in
// the legend.
func AddSeries(p *plot.Plot, st chart.Style, name string, xs []float64, ys []stat.Summary, line bool) error {
	return chart.AddDots(p, st, name, xs, ys, 1, false, line)
}

// AddCurve adds a reference line (an ideal, a fit) through xys in colour c
// with the given dashes (nil: solid), under name in the legend.
func AddCurve(p *plot.Plot, name string, xys plotter.XYs, c color.Color, dashes []vg.Length) error {
	return chart.AddRef(p, name, xys, c, dashes)
}

// RenderChart renders p as the Chart name, PNG and SVG, as every chart of
// the report is rendered: the legend in a column right of the plot, an
// axis that is not a range an error naming the chart.
func RenderChart(p *plot.Plot, name string) (chart.Chart, error) { return chart.Render(p, name) }

// FormatNum formats a figure as the report does: about three significant
// digits, "—" for NaN.
func FormatNum(v float64) string { return unitfmt.Num(v) }

// FormatEstimate formats an estimate as the report does: "1.95 [1.90,
// 1.99]", "—" when it could not be derived.
func FormatEstimate(e stat.Estimate) string { return unitfmt.Est(e) }

// MarkdownCell escapes text for a cell of a Markdown table.
func MarkdownCell(s string) string { return cell(s) }

// Page renders Markdown into a self-contained HTML page as index.html is
// rendered (see Report.HTML), without the answer at a glance: every chart
// image ![title](name.png) replaced by svgs[name] inline (an image whose
// SVG is missing is an error), a table of contents, no script.
func Page(md []byte, svgs map[string][]byte) ([]byte, error) {
	pg, err := markdownPage(md, svgs)
	if err != nil {
		return nil, fmt.Errorf("rendering the page: %w", err)
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, pg); err != nil {
		return nil, fmt.Errorf("rendering the page: %w", err)
	}
	return b.Bytes(), nil
}

// An OutFile is one file of a report: its name in the output folder and
// its content.
type OutFile struct {
	Name string
	Data []byte
}

// WriteFiles writes files into the folder dir as Generate writes a run's
// report: each to a temporary file first, then all renamed into place in
// order (put the Markdown last), so that a reader never sees a half-written
// one; when writing fails (a full disk) nothing is replaced, and a name
// taken by a folder is refused before anything is written.
func WriteFiles(dir string, files []OutFile) error {
	out := make([]outFile, len(files))
	for i, f := range files {
		out[i] = outFile{f.Name, f.Data}
	}
	return writeAll(dir, out)
}
