package plots

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HTML renders index.html from the report: the Markdown of the report
// (Markdown) turned into HTML by goldmark (CommonMark with GFM tables),
// each chart image replaced by its SVG inline, each link to a chart's PNG
// (the verdicts' "chart" column) turned into a link to the chart on the
// page, each table in a container that scrolls sideways. After the
// Markdown's lead (title, machine and precision lines) and before the
// rest, the answer at a glance, rendered from the report's model: a card
// per Choice and a badge per verdict (see cardsView).
func (rep *Report) HTML() ([]byte, error) {
	svgs := map[string][]byte{}
	for _, c := range rep.allCharts() {
		svgs[c.Name] = c.SVG
	}
	pg, err := markdownPage(rep.Markdown(), svgs)
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", runfile.HTMLFile, err)
	}
	pg.Cards = rep.cards()
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, pg); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", runfile.HTMLFile, err)
	}
	return b.Bytes(), nil
}

// A tocEntry is one line of the page's table of contents: a heading of
// level 2 or 3.
type tocEntry struct {
	Level int
	ID    string
	Text  template.HTML
}

// page is what pageTemplate renders.
type page struct {
	Title string
	TOC   []tocEntry
	// Lead is the Markdown's opening (see leadEnd), Body the rest.
	Lead, Body template.HTML
	// Cards is the answer at a glance, shown between Lead and Body; nil
	// shows none.
	Cards *cardsView
}

var (
	// imageLine is a paragraph that is one chart image, ![title](name.png).
	imageLine = regexp.MustCompile(`^!\[([^\]]*)\]\(([^)\s]+)\.png\)$`)
	// svgLine is the paragraph after a chart that links its SVG, which the
	// page shows inline already.
	svgLine = regexp.MustCompile(`^\(\[SVG\]\([^)]+\.svg\)\)$`)
	// labelLine is a paragraph that opens with a bold label, as the
	// machine and precision lines do: "**Machine:** …".
	labelLine = regexp.MustCompile(`^\*\*[^*]+:\*\*`)
)

// markdownPage renders the report's Markdown into a page. svgs maps a
// chart name to its SVG; a chart image whose SVG is missing is an error.
// Headings get the ids the report's own links use (slug of the heading's
// Markdown, "-2", "-3" … for repeats); headings of level 2 and 3 make the
// table of contents; the level-1 heading is the title. The page's Lead is
// the Markdown up to leadEnd, its Body the rest; every table is wrapped in
// a scrollNode.
func markdownPage(src []byte, svgs map[string][]byte) (*page, error) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(pageRenderer{}, 100))),
	)
	doc := md.Parser().Parse(text.NewReader(src))
	pg := &page{}
	ids := map[string]int{}
	var headings []*ast.Heading
	var replace []func()
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			raw := strings.TrimSpace(string(blockSource(n, src)))
			n.SetAttributeString("id", []byte(uniqueID(ids, raw)))
			if n.Level == 1 && pg.Title == "" {
				pg.Title = raw
			}
			headings = append(headings, n)
		case *ast.Paragraph:
			raw := strings.TrimSpace(string(blockSource(n, src)))
			if m := imageLine.FindStringSubmatch(raw); m != nil {
				svg, ok := svgs[m[2]]
				if !ok {
					return ast.WalkStop, fmt.Errorf("chart %s.png is in the report but was not drawn", m[2])
				}
				fig := &figureNode{ID: "chart-" + m[2], Title: m[1], SVG: inlineSVG(svg)}
				replace = append(replace, func() { n.Parent().ReplaceChild(n.Parent(), n, fig) })
				return ast.WalkSkipChildren, nil
			}
			if svgLine.MatchString(raw) {
				replace = append(replace, func() { n.Parent().RemoveChild(n.Parent(), n) })
				return ast.WalkSkipChildren, nil
			}
		case *east.Table:
			replace = append(replace, func() {
				box := &scrollNode{}
				n.Parent().ReplaceChild(n.Parent(), n, box)
				box.AppendChild(box, n)
			})
		case *ast.Link:
			if name, ok := strings.CutSuffix(string(n.Destination), ".png"); ok && !strings.Contains(name, "/") {
				n.Destination = []byte("#chart-" + name)
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, err
	}
	// The tree changes after the walk, which must not see it change.
	for _, r := range replace {
		r()
	}
	r := md.Renderer()
	if pg.TOC, err = tableOfContents(r, src, headings); err != nil {
		return nil, err
	}
	lead := ast.NewDocument()
	for end, n := leadEnd(doc, src), doc.FirstChild(); n != nil && n != end; n = doc.FirstChild() {
		doc.RemoveChild(doc, n)
		lead.AppendChild(lead, n)
	}
	var head, body bytes.Buffer
	if err := r.Render(&head, src, lead); err != nil {
		return nil, err
	}
	if err := r.Render(&body, src, doc); err != nil {
		return nil, err
	}
	pg.Lead, pg.Body = template.HTML(head.String()), template.HTML(body.String())
	if pg.Title == "" {
		pg.Title = "concbench report"
	}
	return pg, nil
}

// leadEnd returns the first block of doc after its lead, nil when the
// lead is the whole document: the lead is everything up to the first
// level-1 heading, the heading, and the paragraphs right after it that
// open with a bold label ("**Machine:** …", "**Precision:** …"). A
// document without a level-1 heading has no lead.
func leadEnd(doc ast.Node, src []byte) ast.Node {
	n := doc.FirstChild()
	for n != nil && !(n.Kind() == ast.KindHeading && n.(*ast.Heading).Level == 1) {
		n = n.NextSibling()
	}
	if n == nil {
		return doc.FirstChild()
	}
	for n = n.NextSibling(); n != nil && n.Kind() == ast.KindParagraph; n = n.NextSibling() {
		if !labelLine.Match(blockSource(n, src)) {
			break
		}
	}
	return n
}

// tableOfContents lists the headings of level 2 and 3, each with its id
// and its text rendered by r.
func tableOfContents(r renderer.Renderer, src []byte, headings []*ast.Heading) ([]tocEntry, error) {
	var toc []tocEntry
	for _, h := range headings {
		if h.Level != 2 && h.Level != 3 {
			continue
		}
		attr, _ := h.AttributeString("id")
		id, _ := attr.([]byte)
		var b bytes.Buffer
		for c := h.FirstChild(); c != nil; c = c.NextSibling() {
			if err := r.Render(&b, src, c); err != nil {
				return nil, fmt.Errorf("heading %s: %w", id, err)
			}
		}
		toc = append(toc, tocEntry{Level: h.Level, ID: string(id), Text: template.HTML(b.String())})
	}
	return toc, nil
}

// blockSource returns the Markdown of a block (a heading's text without
// its #s, a paragraph's lines joined by newlines).
func blockSource(n ast.Node, src []byte) []byte {
	var b []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// uniqueID returns the id of a heading: its slug, "section" when the slug
// is empty, with "-N" added the Nth time the slug is seen; seen counts
// them.
func uniqueID(seen map[string]int, heading string) string {
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

// inlineSVG prepares a chart's SVG for inclusion in the page: without its
// XML declaration and comment, scaled by the page's style.
func inlineSVG(svg []byte) string {
	s := string(svg)
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	return strings.Replace(s, "<svg ", `<svg role="img" `, 1)
}
