package document

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"strings"

	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

//go:embed page.html page.css glance.html
var files embed.FS

// pageTemplate lays out the page: the table of contents in a side bar,
// the lead, the answer at a glance, the body.
var pageTemplate = template.Must(template.ParseFS(files, "page.html", "page.css", "glance.html"))

// A tocEntry is one line of the page's table of contents: a heading of
// level 2, a section.
type tocEntry struct {
	Level int
	ID    string
	Text  template.HTML
}

// page is what pageTemplate renders.
type page struct {
	Title      string
	TOC        []tocEntry
	Lead, Body template.HTML
	Glance     *Glance
}

// HTML renders the document as one self-contained page. svgs maps a
// chart's name to its SVG, which the page shows inline; a Figure whose
// chart is not in svgs is an error naming it.
func (d *Doc) HTML(svgs map[string][]byte) ([]byte, error) {
	r := newRenderer()
	pg := &page{Title: d.Title, Glance: d.Glance}
	if g := d.Glance; g != nil {
		for i := range g.Cards {
			for j, c := range g.Cards[i].Charts {
				svg, ok := svgs[c.Name]
				if !ok {
					return nil, fmt.Errorf("chart %s.png is in a card but was not drawn", c.Name)
				}
				g.Cards[i].Charts[j].SVG = template.HTML(inlineSVG(svg))
			}
		}
	}
	if pg.Title == "" {
		pg.Title = "concbench report"
	}
	var lead strings.Builder
	for _, q := range d.Notices {
		if err := r.markdown(&lead, markdownOf(q)); err != nil {
			return nil, err
		}
	}
	if err := r.heading(&lead, Heading{Level: 1, Text: d.Title}); err != nil {
		return nil, err
	}
	for _, p := range d.Lead {
		if err := r.markdown(&lead, p+"\n"); err != nil {
			return nil, err
		}
	}
	var body strings.Builder
	for _, blk := range d.Body {
		if err := r.block(&body, blk, svgs); err != nil {
			return nil, err
		}
	}
	pg.TOC = r.toc
	pg.Lead, pg.Body = template.HTML(lead.String()), template.HTML(body.String())
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, pg); err != nil {
		return nil, fmt.Errorf("rendering the page: %w", err)
	}
	return b.Bytes(), nil
}

// htmlRenderer renders blocks into the page, keeping the ids taken and
// the table of contents.
type htmlRenderer struct {
	md  goldmark.Markdown
	ids map[string]int
	toc []tocEntry
}

func newRenderer() *htmlRenderer {
	return &htmlRenderer{
		md: goldmark.New(
			goldmark.WithExtensions(extension.Table),
			goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(rawAsText{}, 100))),
		),
		ids: map[string]int{},
	}
}

// block renders one block of the body.
func (r *htmlRenderer) block(w *strings.Builder, blk Block, svgs map[string][]byte) error {
	switch blk := blk.(type) {
	case Heading:
		return r.heading(w, blk)
	case Figure:
		svg, ok := svgs[blk.Name]
		if !ok {
			return fmt.Errorf("chart %s.png is in the report but was not drawn", blk.Name)
		}
		if blk.InCard {
			return nil
		}
		if blk.Heading != "" {
			if err := r.heading(w, Heading{Level: blk.Level, Text: blk.Heading}); err != nil {
				return err
			}
		}
		w.WriteString(`<figure id="chart-` + template.HTMLEscapeString(blk.Name) + `" class="chart" aria-label="` +
			template.HTMLEscapeString(blk.Title) + `">` + inlineSVG(svg) + "</figure>\n")
		return nil
	case Table:
		w.WriteString(`<div class="scroll">` + "\n")
		if err := r.markdown(w, markdownOf(blk)); err != nil {
			return err
		}
		w.WriteString("</div>\n")
		return nil
	}
	return r.markdown(w, markdownOf(blk))
}

// markdownOf is a block's Markdown as the page links charts: to the
// chart's figure.
func markdownOf(blk Block) string {
	var b strings.Builder
	blk.markdown(&b, func(chart string) string { return "#chart-" + chart })
	return b.String()
}

// markdown renders Markdown with goldmark.
func (r *htmlRenderer) markdown(w *strings.Builder, src string) error {
	var b bytes.Buffer
	if err := r.md.Convert([]byte(src), &b); err != nil {
		return fmt.Errorf("rendering %q: %w", firstLine(src), err)
	}
	w.Write(b.Bytes())
	return nil
}

// heading renders a heading with its id, the slug of its text made
// unique on the page, and adds headings of level 2, the sections, to the
// table of contents.
func (r *htmlRenderer) heading(w *strings.Builder, h Heading) error {
	src := []byte(strings.Repeat("#", h.Level) + " " + h.Text + "\n")
	doc := r.md.Parser().Parse(text.NewReader(src))
	n, ok := doc.FirstChild().(*ast.Heading)
	if !ok {
		return fmt.Errorf("heading %q is not a heading in Markdown", h.Text)
	}
	id := UniqueID(r.ids, strings.TrimSpace(h.Text))
	n.SetAttributeString("id", []byte(id))
	var b bytes.Buffer
	if err := r.md.Renderer().Render(&b, src, doc); err != nil {
		return fmt.Errorf("heading %q: %w", h.Text, err)
	}
	w.Write(b.Bytes())
	if h.Level == 2 {
		var t bytes.Buffer
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if err := r.md.Renderer().Render(&t, src, c); err != nil {
				return fmt.Errorf("heading %q: %w", h.Text, err)
			}
		}
		r.toc = append(r.toc, tocEntry{Level: h.Level, ID: id, Text: template.HTML(t.String())})
	}
	return nil
}

// firstLine is the first line of s, for messages.
func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// UniqueID returns the id of a heading or a card: its slug, "section" when the slug
// is empty, with "-N" added the Nth time the slug is seen; seen counts
// them.
func UniqueID(seen map[string]int, heading string) string {
	id := unitfmt.Slug(heading)
	if id == "" {
		id = "section"
	}
	n := seen[id]
	seen[id] = n + 1
	if n > 0 {
		return fmt.Sprintf("%s-%d", id, n+1)
	}
	return id
}

// inlineSVG prepares a chart's SVG for the page: without its XML
// declaration and comment, with role="img".
func inlineSVG(svg []byte) string {
	s := string(svg)
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	return strings.Replace(s, "<svg ", `<svg role="img" `, 1)
}

// rawAsText renders raw HTML in the Markdown (a "<name>" in a warning or a
// benchmark name), which goldmark's renderer would leave out, as text.
type rawAsText struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (rawAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
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
