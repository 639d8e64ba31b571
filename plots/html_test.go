package plots

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/runfile"
)

func TestHTMLSelfContained(t *testing.T) {
	dir := testrun.Copy(t)
	rep, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, runfile.HTMLFile))
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
		if !strings.Contains(html.UnescapeString(page), v.Claim) {
			t.Errorf("verdict %d is not on the page", v.Lesson)
		}
	}
	noTemp(t, dir)
}

// Every section the report writes becomes HTML, none is left as Markdown:
// checked on the testrun.Fixture() with python.txt (the Go vs CPython section and
// its charts) and on the example run.
func TestHTMLNoMarkdownLeft(t *testing.T) {
	python, err := Build(pyRun(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, rep := range map[string]*Report{"python": python, "example": exampleReport(t)} {
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
