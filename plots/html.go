package plots

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strings"
)

// HTMLFile is the page written beside REPORT.md: the same content,
// self-contained (charts as inline SVG, styles inline, no script), with a
// table of contents and every verdict linked to its chart. It opens
// straight from disk and fetches nothing.
const HTMLFile = "index.html"

// A block is one piece of the page, rendered by pageTemplate: exactly one
// of its fields is set.
type block struct {
	Heading *heading
	Para    template.HTML
	Quote   []template.HTML
	List    []template.HTML
	Table   *table
	Pre     string
	Figure  *figure
}

type heading struct {
	Level int
	ID    string
	Text  template.HTML
}

type table struct {
	Head []template.HTML
	Rows [][]template.HTML
}

type figure struct {
	ID, Title string
	SVG       template.HTML
}

// page is what pageTemplate renders.
type page struct {
	Title  string
	TOC    []heading
	Blocks []block
}

// pageTemplate lays out the page. Styles are inline: the page must load
// nothing.
var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
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
@media (max-width: 50rem) { nav { position: static; width: auto; } main { margin-left: 0; } }
</style>
</head>
<body>
<nav aria-label="contents"><strong>Contents</strong>
<ul>
{{- range .TOC}}
<li class="h{{.Level}}"><a href="#{{.ID}}">{{.Text}}</a></li>
{{- end}}
</ul></nav>
<main>
{{- range .Blocks}}
{{- with .Heading}}
<h{{.Level}} id="{{.ID}}">{{.Text}}</h{{.Level}}>
{{- end}}
{{- with .Para}}
<p>{{.}}</p>
{{- end}}
{{- with .Quote}}
<blockquote>{{range .}}<p>{{.}}</p>{{end}}</blockquote>
{{- end}}
{{- with .List}}
<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>
{{- end}}
{{- with .Table}}
<table><thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{- end}}
{{- with .Pre}}
<pre>{{.}}</pre>
{{- end}}
{{- with .Figure}}
<figure id="{{.ID}}" class="chart" aria-label="{{.Title}}">{{.SVG}}</figure>
{{- end}}
{{- end}}
</main>
</body>
</html>
`))

// HTML renders index.html from the report: the Markdown of the report
// (Markdown) turned into HTML, each chart image replaced by its SVG inline,
// each link to a chart's PNG (the verdicts' "chart" column) turned into a
// link to the chart on the page.
func (rep *Report) HTML() ([]byte, error) {
	svgs := map[string][]byte{}
	for _, c := range rep.allCharts() {
		svgs[c.Name] = c.SVG
	}
	pg, err := markdownPage(rep.Markdown(), svgs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", HTMLFile, err)
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, pg); err != nil {
		return nil, fmt.Errorf("%s: %w", HTMLFile, err)
	}
	return b.Bytes(), nil
}

var (
	imageLine = regexp.MustCompile(`^!\[([^\]]*)\]\(([^)\s]+)\.png\)$`)
	svgLine   = regexp.MustCompile(`^\(\[SVG\]\([^)]+\.svg\)\)$`)
)

// markdownPage reads the Markdown the report writes (headings, paragraphs,
// block quotes, lists, pipe tables, fenced blocks and chart images, nothing
// else) into a page. svgs maps a chart name to its SVG.
func markdownPage(md []byte, svgs map[string][]byte) (*page, error) {
	pg := &page{}
	lines := strings.Split(strings.ReplaceAll(string(md), "\r\n", "\n"), "\n")
	ids := map[string]int{}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.TrimSpace(l) == "":
		case strings.HasPrefix(l, "#"):
			level := len(l) - len(strings.TrimLeft(l, "#"))
			text := strings.TrimSpace(l[level:])
			id := slug(text)
			if id == "" {
				id = "section"
			}
			if n := ids[id]; n > 0 {
				ids[id] = n + 1
				id = fmt.Sprintf("%s-%d", id, n+1)
			} else {
				ids[id] = 1
			}
			h := heading{Level: level, ID: id, Text: inline(text)}
			if level == 1 {
				pg.Title = text
			} else if level <= 3 {
				pg.TOC = append(pg.TOC, h)
			}
			pg.Blocks = append(pg.Blocks, block{Heading: &h})
		case strings.HasPrefix(l, "```"):
			var pre []string
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
				pre = append(pre, lines[i])
			}
			pg.Blocks = append(pg.Blocks, block{Pre: strings.Join(pre, "\n")})
		case strings.HasPrefix(l, ">"):
			var q []template.HTML
			for ; i < len(lines) && strings.HasPrefix(lines[i], ">"); i++ {
				if t := strings.TrimSpace(strings.TrimPrefix(lines[i], ">")); t != "" {
					q = append(q, inline(t))
				}
			}
			i--
			pg.Blocks = append(pg.Blocks, block{Quote: q})
		case strings.HasPrefix(l, "- "):
			var items []template.HTML
			for ; i < len(lines) && strings.HasPrefix(lines[i], "- "); i++ {
				items = append(items, inline(strings.TrimPrefix(lines[i], "- ")))
			}
			i--
			pg.Blocks = append(pg.Blocks, block{List: items})
		case strings.HasPrefix(l, "|"):
			t := &table{}
			for ; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
				cells := tableCells(lines[i])
				switch {
				case len(t.Head) == 0:
					t.Head = cells
				case strings.Trim(lines[i], "|-: ") == "":
				default:
					t.Rows = append(t.Rows, cells)
				}
			}
			i--
			pg.Blocks = append(pg.Blocks, block{Table: t})
		case imageLine.MatchString(l):
			m := imageLine.FindStringSubmatch(l)
			svg, ok := svgs[m[2]]
			if !ok {
				return nil, fmt.Errorf("chart %s.png is in the report but was not drawn", m[2])
			}
			pg.Blocks = append(pg.Blocks, block{Figure: &figure{ID: "chart-" + m[2], Title: m[1], SVG: inlineSVG(svg)}})
		case svgLine.MatchString(l):
			// The SVG is on the page already.
		default:
			var para []string
			for ; i < len(lines) && strings.TrimSpace(lines[i]) != "" && !isBlockStart(lines[i]); i++ {
				para = append(para, lines[i])
			}
			i--
			pg.Blocks = append(pg.Blocks, block{Para: inline(strings.Join(para, " "))})
		}
	}
	if pg.Title == "" {
		pg.Title = "concbench report"
	}
	return pg, nil
}

// isBlockStart reports whether a line starts a block other than a
// paragraph.
func isBlockStart(l string) bool {
	for _, p := range []string{"#", "```", ">", "- ", "|"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return imageLine.MatchString(l) || svgLine.MatchString(l)
}

// tableCells splits a pipe-table row into its cells; "\|" is a pipe
// inside a cell.
func tableCells(l string) []template.HTML {
	l = strings.TrimSpace(l)
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	var cells []template.HTML
	var cur strings.Builder
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\' && i+1 < len(l) && l[i+1] == '|':
			cur.WriteByte('|')
			i++
		case l[i] == '|':
			cells = append(cells, inline(strings.TrimSpace(cur.String())))
			cur.Reset()
		default:
			cur.WriteByte(l[i])
		}
	}
	return append(cells, inline(strings.TrimSpace(cur.String())))
}

var (
	boldRE = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	codeRE = regexp.MustCompile("`([^`]+)`")
	linkRE = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
)

// inline escapes text and renders the inline Markdown the report uses:
// **bold**, `code` and [links](target). A link to a chart's PNG becomes a
// link to the chart on the page; a link to a heading anchor stays one;
// other targets are files of the run folder.
func inline(text string) template.HTML {
	s := html.EscapeString(text)
	s = codeRE.ReplaceAllString(s, "<code>$1</code>")
	s = boldRE.ReplaceAllString(s, "<strong>$1</strong>")
	s = linkRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := linkRE.FindStringSubmatch(m)
		target := sub[2]
		if name, ok := strings.CutSuffix(target, ".png"); ok && !strings.Contains(name, "/") {
			target = "#chart-" + name
		}
		return fmt.Sprintf(`<a href="%s">%s</a>`, target, sub[1])
	})
	return template.HTML(s)
}

// inlineSVG prepares a chart's SVG for inclusion in the page: without its
// XML declaration and comment, scaled by the page's style.
func inlineSVG(svg []byte) template.HTML {
	s := string(svg)
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	s = strings.Replace(s, "<svg ", `<svg role="img" `, 1)
	return template.HTML(s)
}
