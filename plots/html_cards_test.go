package plots

import (
	"math"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// The page opens with the answer at a glance: after the title, machine and
// precision lines and before the rule and the tables, one card per Choice
// (unique ids, the strategy to use, a bar per strategy compared) and one
// badge per verdict (outcome as text and class, a link to its chart).
func TestHTMLCards(t *testing.T) {
	rep := exampleReport(t)
	data, err := rep.HTML()
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	precision := strings.Index(page, "<strong>Precision:</strong>")
	glance := strings.Index(page, `<h2 id="at-a-glance">`)
	rule := strings.Index(page, "<strong>The rule.</strong>")
	table := strings.Index(page, `<h2 id="which-strategy-for-which-work">`)
	if !(precision >= 0 && precision < glance && glance < table && table < rule) {
		t.Errorf("order on the page: precision at %d, at a glance at %d, the rule at %d, the table at %d", precision, glance, rule, table)
	}
	if n := strings.Count(page, `<section class="card" id="card-`); n != len(rep.Choices) {
		t.Errorf("%d cards, want one per Choice (%d)", n, len(rep.Choices))
	}
	v := rep.glance()
	ids := map[string]bool{}
	for i, c := range v.Cards {
		if ids[c.ID] {
			t.Errorf("card id %s twice", c.ID)
		}
		ids[c.ID] = true
		ch := rep.Choices[i]
		if ch.TooFew > 0 {
			continue
		}
		if c.Use != ch.Recommended.Name() || !strings.Contains(page, "Use <strong>"+c.Use+"</strong>") {
			t.Errorf("card %s: use %q, want %q on the page", c.ID, c.Use, ch.Recommended.Name())
		}
		want := 1 + len(ch.AsGood) + len(ch.Unclear) + len(ch.Avoid)
		if ch.Recommended.Row != ch.Fastest {
			want++
		}
		if len(c.Bars) != want {
			t.Errorf("card %s: %d bars, want %d", c.ID, len(c.Bars), want)
		}
		uses := 0
		for j, b := range c.Bars {
			if b.Class == "use" {
				uses++
			}
			if j > 0 && b.Width < c.Bars[j-1].Width {
				t.Errorf("card %s: bar %s (%g %%) shorter than the one before it", c.ID, b.Name, b.Width)
			}
		}
		if uses != 1 {
			t.Errorf("card %s: %d bars marked use", c.ID, uses)
		}
	}
	if n, want := strings.Count(page, `<li class="verdict `), len(rep.Verdicts)+len(rep.Python.Verdicts); n != want {
		t.Errorf("%d verdict badges, want %d", n, want)
	}
	for _, vd := range rep.Verdicts {
		o := string(vd.Outcome)
		badge := `<span class="badge ` + strings.ToLower(o) + `">` + o + `</span>`
		if !strings.Contains(page, badge) {
			t.Errorf("verdict %d: no badge %s", vd.Lesson, badge)
		}
		if c := verdictChart(vd, rep.Charts); c != "" && !strings.Contains(page, `<a class="chart-link" href="#chart-`+c+`">`) {
			t.Errorf("verdict %d: no link to chart %s", vd.Lesson, c)
		}
	}
}

// Cards escape what they show: a workload or strategy name is text.
func TestHTMLCardsEscape(t *testing.T) {
	row := func(name string, t float64) *rundir.Row {
		return &rundir.Row{Strategy: name, Workload: "w<script>", Procs: 2, Bench: &rundir.Benchmark{}, Time: stat.Summary{Center: t, N: 10}, Speedup: stat.Nan()}
	}
	fast, slow := row("a<b>", 1e6), row("c", 3e6)
	c := answer.Choice{Workload: fast.Workload, Procs: 2, Fastest: fast, Recommended: &answer.Ranked{Row: fast, Ratio: stat.Estimate{V: 1, Lo: 1, Hi: 1}, P: math.NaN()},
		Avoid: []answer.Ranked{{Row: slow, Ratio: stat.Estimate{V: 3, Lo: 2.5, Hi: 3.5}, P: 0.001}}}
	d := &document.Doc{Title: "t", Glance: &document.Glance{Cards: []document.Card{cardOf(c, map[string]int{}, nil)}}}
	page, err := d.HTML(nil)
	if err != nil {
		t.Fatal(err)
	}
	out := string(page)
	for _, bad := range []string{"<script>", "<b>"} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %s", bad)
		}
	}
	for _, want := range []string{`id="card-w-script-procs-2"`, "w&lt;script&gt;", "Use <strong>a&lt;b&gt;</strong>",
		"Avoid c (3.00× slower [2.50, 3.50]): significantly more than 10 % slower than the fastest (a&lt;b&gt;).",
		"no sequential run of this workload to compare with"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// Bars share a log scale from half the fastest's time: the fastest's is
// short but shows, the slowest's is full, at least twice the fastest's.
func TestBarWidth(t *testing.T) {
	for _, c := range []struct{ ratio, top, want float64 }{
		{1, 2, 50}, {2, 2, 100}, {1, 4, 33.3}, {1.06, 2, 54.2}, {1e9, 2, 100}, {math.NaN(), 2, 100}, {0.001, 2, 1},
	} {
		if got := barWidth(c.ratio, c.top); got != c.want {
			t.Errorf("barWidth(%g, %g) = %g, want %g", c.ratio, c.top, got, c.want)
		}
	}
}
