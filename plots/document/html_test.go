package document

import (
	"strings"
	"testing"
)

// The page renders every block: the title and the table of contents from
// the headings, with unique ids; inline Markdown; table cells escaped,
// a chart link pointing to the chart's figure; charts as inline SVG
// figures with no link to their files; raw HTML shown as text, never
// passed through.
func TestHTML(t *testing.T) {
	d := &Doc{
		Title: "T",
		Lead:  []string{"line one\nline two with **bold**, `code` and [a link](#x)"},
		Body: []Block{
			Heading{Level: 2, Text: "Sec & more"},
			Heading{Level: 2, Text: "Sec & more"},
			Table{Head: []string{"a", "b"}, Rows: [][]Cell{{Text(Escape("x | y")), {Text: "chart", Chart: "c1"}}}},
			Quote{Paras: []string{"quoted <b>"}},
			List{Items: []string{"item"}},
			Figure{Name: "c1", Title: "Chart one"},
			Para{Text: "```\n<raw>\n```"},
			Para{Text: "<div>x</div>"},
		},
	}
	page, err := d.HTML(map[string][]byte{"c1": []byte(`<?xml version="1.0"?><svg width="1pt"></svg>`)})
	if err != nil {
		t.Fatal(err)
	}
	out := string(page)
	for _, want := range []string{
		"<title>T</title>",
		`<li class="h2"><a href="#sec-more">Sec &amp; more</a></li>`,
		`<li class="h2"><a href="#sec-more-2">Sec &amp; more</a></li>`,
		`<h1 id="t">T</h1>`,
		`<h2 id="sec-more">Sec &amp; more</h2>`,
		`<h2 id="sec-more-2">Sec &amp; more</h2>`,
		"line two with <strong>bold</strong>, <code>code</code> and <a href=\"#x\">a link</a>",
		"<div class=\"scroll\">\n<table>",
		"<td>x | y</td>",
		`<td><a href="#chart-c1">chart</a></td>`,
		"<li>item</li>",
		`<figure id="chart-c1" class="chart" aria-label="Chart one"><svg role="img" width="1pt"></svg></figure>`,
		"&lt;raw&gt;",
		"quoted &lt;b&gt;",
		"<p>&lt;div&gt;x&lt;/div&gt;</p>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s:\n%s", want, out)
		}
	}
	for _, bad := range []string{"<b>", "<raw>", "<div>x", "c1.svg", "c1.png", "<?xml", "omitted"} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %s:\n%s", bad, out)
		}
	}
	if _, err := (&Doc{Body: []Block{Figure{Name: "missing"}}}).HTML(nil); err == nil || !strings.Contains(err.Error(), "missing.png") {
		t.Errorf("a chart that was not drawn: error %v", err)
	}
}

// The lead of the page is the notices, the title and the lead's
// paragraphs, before the answer at a glance; the body comes after it.
func TestHTMLLead(t *testing.T) {
	d := &Doc{
		Notices: []Quote{{Paras: []string{"note"}}},
		Title:   "T",
		Lead:    []string{"**Machine:** m"},
		Glance:  &Glance{Within: "10 %"},
		Body:    []Block{Para{Text: "**The rule.** r"}},
	}
	page, err := d.HTML(nil)
	if err != nil {
		t.Fatal(err)
	}
	out := string(page)
	order := []string{"<blockquote>", `<h1 id="t">T</h1>`, "<strong>Machine:</strong> m", `<section class="glance"`, "<strong>The rule.</strong> r"}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		if i < 0 || i < last {
			t.Errorf("%s missing or out of order:\n%s", s, out)
		}
		last = i
	}
	if !strings.Contains(out, `<li class="h2"><a href="#at-a-glance">At a glance</a></li>`) {
		t.Error("the contents do not list the answer at a glance")
	}
}

// Markdown writes every block as the report always has: a blank line
// after each, table rows between pipes, a chart with a link to its SVG.
func TestMarkdown(t *testing.T) {
	d := &Doc{
		Notices: []Quote{{Paras: []string{"**INCOMPLETE RUN.** stop", "why\n\nmore"}}},
		Title:   "T",
		Lead:    []string{"lead"},
		Body: []Block{
			Heading{Level: 3, Text: "H"},
			Table{Head: []string{"a", "b"}, Rows: [][]Cell{{Text("1"), {Text: "chart", Chart: "c"}}}},
			Figure{Name: "c", Title: "C"},
			List{Items: []string{"x", "y"}},
		},
	}
	want := "> **INCOMPLETE RUN.** stop\n>\n> why\n> \n> more\n\n# T\n\nlead\n\n### H\n\n| a | b |\n|---|---|\n| 1 | [chart](c.png) |\n\n![C](c.png)\n\n([SVG](c.svg))\n\n- x\n- y\n\n"
	if got := string(d.Markdown()); got != want {
		t.Errorf("Markdown:\n%q\nwant\n%q", got, want)
	}
}
