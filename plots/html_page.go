package plots

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// pageTemplate lays out the page around the rendered Markdown: the table
// of contents in a side bar, the Markdown's lead (title, machine and
// precision lines), the answer at a glance (cardsTemplate) when the page
// has one, then the rest of the Markdown. Styles are inline: the page must
// load nothing.
var pageTemplate = template.Must(template.New("page").Parse(pageSource + cardsTemplate))

// pageSource is the text of pageTemplate's page.
const pageSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; color: #111; line-height: 1.45; }
nav { position: fixed; top: 0; left: 0; bottom: 0; width: 15rem; overflow-y: auto; padding: 1rem; background: #f4f4f4; font-size: 0.85rem; box-sizing: border-box; }
nav ul { list-style: none; padding-left: 0; margin: 0; }
nav li.h3 { padding-left: 1rem; }
nav a { color: #0050a0; text-decoration: none; }
main { margin-left: 15rem; padding: 1rem 2rem; max-width: 75rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.45rem; vertical-align: top; text-align: left; }
th { background: #eee; }
blockquote { border-left: 4px solid #d55e00; margin: 0; padding: 0.3rem 1rem; background: #fff4ec; }
pre { background: #f6f6f6; padding: 0.5rem; overflow-x: auto; }
figure { margin: 0 0 2rem; }
figure svg { width: 100%; height: auto; max-width: 60rem; display: block; }
code { background: #f2f2f2; padding: 0 0.2rem; }
main { overflow-wrap: break-word; }
` + cardsStyle + `@media (max-width: 50rem) {
nav { position: static; width: auto; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.1rem 0.8rem; }
nav li.h3 { display: none; }
main { margin-left: 0; padding: 0.5rem 0.8rem; }
h1 { font-size: 1.5rem; }
}
</style>
</head>
<body>
<nav aria-label="contents"><strong>Contents</strong>
<ul>
{{- if .Cards}}
<li class="h2"><a href="#at-a-glance">At a glance</a></li>
{{- end}}
{{- range .TOC}}
<li class="h{{.Level}}"><a href="#{{.ID}}">{{.Text}}</a></li>
{{- end}}
</ul></nav>
<main>
{{.Lead}}{{with .Cards}}{{template "cards" .}}{{end}}{{.Body}}</main>
</body>
</html>
`

// kindFigure is the kind of figureNode; kindScroll of scrollNode.
var (
	kindFigure = ast.NewNodeKind("ChartFigure")
	kindScroll = ast.NewNodeKind("Scroll")
)

// A scrollNode holds a wide block (a table) in a <div class="scroll">,
// which scrolls sideways on its own instead of widening the page.
type scrollNode struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *scrollNode) Kind() ast.NodeKind { return kindScroll }

// Dump implements ast.Node.
func (n *scrollNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// renderScroll writes a scrollNode's container around its children.
func renderScroll(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	s := "</div>\n"
	if entering {
		s = `<div class="scroll">` + "\n"
	}
	_, err := w.WriteString(s)
	return ast.WalkContinue, err
}

// A figureNode is a chart on the page, in place of the paragraph that
// holds its image in the Markdown: a <figure> with the chart's SVG inline.
type figureNode struct {
	ast.BaseBlock
	// ID is the figure's id, "chart-" and the chart's name, which the
	// verdicts link to; Title is the chart's title (the image's alt text).
	ID, Title string
	// SVG is the chart, ready for the page (see inlineSVG).
	SVG string
}

// Kind implements ast.Node.
func (n *figureNode) Kind() ast.NodeKind { return kindFigure }

// Dump implements ast.Node.
func (n *figureNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.ID, "Title": n.Title}, nil)
}

// pageRenderer renders what goldmark's HTML renderer does not, or not as
// the page needs: figureNodes, and raw HTML in the Markdown (a "<name>" in
// a warning or a benchmark name), which it would leave out and the page
// shows as text instead; and scrollNodes.
type pageRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (pageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFigure, renderFigure)
	reg.Register(kindScroll, renderScroll)
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

// renderFigure writes a figureNode.
func renderFigure(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	f := n.(*figureNode)
	_, err := w.WriteString(`<figure id="` + template.HTMLEscapeString(f.ID) + `" class="chart" aria-label="` +
		template.HTMLEscapeString(f.Title) + `">` + f.SVG + "</figure>\n")
	return ast.WalkSkipChildren, err
}

// renderRawHTML writes inline raw HTML as escaped text.
func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		if _, err := w.WriteString(template.HTMLEscapeString(string(seg.Value(src)))); err != nil {
			return ast.WalkStop, err
		}
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock writes a block of raw HTML as an escaped paragraph.
func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	var text []byte
	for i := 0; i < b.Lines().Len(); i++ {
		line := b.Lines().At(i)
		text = append(text, line.Value(src)...)
	}
	if b.HasClosure() {
		text = append(text, b.ClosureLine.Value(src)...)
	}
	_, err := w.WriteString("<p>" + template.HTMLEscapeString(strings.TrimSpace(string(text))) + "</p>\n")
	return ast.WalkSkipChildren, err
}
