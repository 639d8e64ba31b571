package plots

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestHTMLSelfContained(t *testing.T) {
	dir := copyRun(t)
	rep, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, HTMLFile))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	// Every chart inline, once, with the anchor the verdicts link to.
	for _, c := range rep.allCharts() {
		if n := strings.Count(page, `id="chart-`+c.Name+`"`); n != 1 {
			t.Errorf("chart %s is on the page %d times", c.Name, n)
		}
	}
	if n, want := strings.Count(page, "<svg "), len(rep.allCharts()); n != want {
		t.Errorf("%d inline SVGs, want %d", n, want)
	}
	// Nothing to fetch: no script, stylesheet, image source or remote URL
	// (SVG namespaces are names, not fetched).
	for _, bad := range []string{"<script", "<link", "src=", "<img", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, u := range regexp.MustCompile(`https?://[^"' )<]+`).FindAllString(page, -1) {
		if !strings.HasPrefix(u, "http://www.w3.org/") {
			t.Errorf("page names a remote URL %s", u)
		}
	}
	// A table of contents, and each verdict linked to a chart on the page.
	for _, id := range []string{"which-strategy-for-which-work", "verdicts", "overview", "charts", "machine-and-run"} {
		if !strings.Contains(page, `<a href="#`+id+`">`) || !strings.Contains(page, `id="`+id+`"`) {
			t.Errorf("no contents entry or heading for #%s", id)
		}
	}
	linked := 0
	for _, v := range rep.Verdicts {
		c := verdictChart(v, rep.Charts)
		if c == "" {
			t.Errorf("verdict %d (%s) links no chart", v.Lesson, v.Claim)
			continue
		}
		if strings.Contains(page, `<a href="#chart-`+c+`">chart</a>`) {
			linked++
		}
	}
	if linked == 0 {
		t.Error("no verdict links to its chart")
	}
	// The same content: the recommendation table and every verdict claim.
	for _, v := range rep.Verdicts {
		if !strings.Contains(page, html.EscapeString(v.Claim)) {
			t.Errorf("verdict %d is not on the page", v.Lesson)
		}
	}
	noTemp(t, dir)
}

func TestMarkdownPage(t *testing.T) {
	md := "# T\n\nline one\nline two with **bold**, `code` and [a link](#x)\n\n## Sec & more\n\n| a | b |\n|---|---|\n| x \\| y | [chart](c1.png) |\n\n> quoted <b>\n\n- item\n\n![Chart one](c1.png)\n\n([SVG](c1.svg))\n\n```\n<raw>\n```\n"
	pg, err := markdownPage([]byte(md), map[string][]byte{"c1": []byte(`<?xml version="1.0"?><svg width="1pt"></svg>`)})
	if err != nil {
		t.Fatal(err)
	}
	if pg.Title != "T" || len(pg.TOC) != 1 || pg.TOC[0].ID != "sec-more" {
		t.Errorf("title %q, contents %+v", pg.Title, pg.TOC)
	}
	var kinds []string
	for _, b := range pg.Blocks {
		switch {
		case b.Heading != nil:
			kinds = append(kinds, "h")
		case b.Para != "":
			kinds = append(kinds, "p:"+string(b.Para))
		case b.Table != nil:
			kinds = append(kinds, "table:"+string(b.Table.Rows[0][0])+"/"+string(b.Table.Rows[0][1]))
		case b.Quote != nil:
			kinds = append(kinds, "quote:"+string(b.Quote[0]))
		case b.List != nil:
			kinds = append(kinds, "list")
		case b.Figure != nil:
			kinds = append(kinds, "figure:"+b.Figure.ID+":"+string(b.Figure.SVG))
		case b.Pre != "":
			kinds = append(kinds, "pre:"+b.Pre)
		}
	}
	want := []string{
		"h",
		`p:line one line two with <strong>bold</strong>, <code>code</code> and <a href="#x">a link</a>`,
		"h",
		`table:x | y/<a href="#chart-c1">chart</a>`,
		"quote:quoted &lt;b&gt;",
		"list",
		`figure:chart-c1:<svg role="img" width="1pt"></svg>`,
		"pre:<raw>",
	}
	if strings.Join(kinds, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(kinds, "\n"), strings.Join(want, "\n"))
	}
	if _, err := markdownPage([]byte("![x](missing.png)\n"), nil); err == nil || !strings.Contains(err.Error(), "missing.png") {
		t.Errorf("a chart that was not drawn: error %v", err)
	}
}

// Every section the report writes becomes HTML, none is left as Markdown:
// checked on the fixture with python.txt (the Go vs CPython section and
// its charts) and on the example run.
func TestHTMLNoMarkdownLeft(t *testing.T) {
	for name, dir := range map[string]string{"python": pyRun(t), "example": exampleRun} {
		rep, err := Build(dir)
		if err != nil {
			t.Fatal(err)
		}
		page, err := rep.HTML()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, md := range []string{"**", "![", "|---", "\n| ", "\n## ", "```", "](#"} {
			if i := strings.Index(string(page), md); i >= 0 {
				t.Errorf("%s: Markdown %q left in the page: …%s…", name, md, page[max(0, i-80):min(len(page), i+80)])
			}
		}
		if n, want := strings.Count(string(page), "<svg "), len(rep.allCharts()); n != want {
			t.Errorf("%s: %d inline SVGs, want %d", name, n, want)
		}
	}
}
