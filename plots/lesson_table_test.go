package plots

import (
	"fmt"
	"html"
	"path"
	"slices"
	"strings"
	"testing"
)

// A new lesson is one entry of the table: its claim, its chart and its
// judge function. The fake lesson here is added that way alone, and the
// report renders its verdict row, numbered by its place in the table,
// with a link to its chart, in REPORT.md and index.html.
func TestFakeLessonIsOneEntry(t *testing.T) {
	run, _ := readFixture(t)
	rep, err := build(run)
	if err != nil {
		t.Fatal(err)
	}
	fake := lesson{
		Claim: "A fake claim: the fixture's sleep has a spawn row.",
		// The first pattern names no chart: the second is linked.
		Chart: []string{"no-such-chart", "time-sleep-*"},
		On:    isFamily("Sleep"),
		Judge: func(j *judge, ev *evidence) {
			sp := find(ev.seed.sleep, "spawn", 0)
			if sp == nil {
				j.missing = append(j.missing, "Sleep strategy=spawn")
				return
			}
			j.part(Pass, "spawn "+ns(sp.Time.Center), sp)
			j.p("spawn vs sequential", sp.P)
		},
	}
	table := append(lessonTable(), fake)
	rep.Verdicts = judgeLessons(table, rep.Rows, run.cores())

	chart := ""
	for _, c := range rep.Charts {
		if strings.HasPrefix(c.Name, "time-sleep-") {
			chart = c.Name
			break
		}
	}
	if chart == "" {
		t.Fatal("the fixture has no sleep time chart")
	}
	v := rep.Verdicts[len(rep.Verdicts)-1]
	if v.Lesson != len(table) || v.Claim != fake.Claim || v.Outcome != Pass {
		t.Fatalf("last verdict %d %q %s, want %d %q PASS", v.Lesson, v.Claim, v.Outcome, len(table), fake.Claim)
	}
	md := string(rep.Markdown())
	row := fmt.Sprintf("| %d | %s | **PASS** | spawn ", len(table), fake.Claim)
	link := fmt.Sprintf("| [chart](%s.png) |", chart)
	i := strings.Index(md, row)
	if i < 0 {
		t.Fatalf("REPORT.md has no row %q:\n%s", row, md)
	}
	if line, _, _ := strings.Cut(md[i:], "\n"); !strings.HasSuffix(line, link) {
		t.Errorf("the fake lesson's row does not end with the link %q:\n%s", link, line)
	}
	page, err := rep.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("<td>%d</td>\n<td>%s</td>", len(table), strings.ReplaceAll(html.EscapeString(fake.Claim), "&#39;", "'")), `<a href="#chart-` + chart + `">chart</a>`, `id="chart-` + chart + `"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	// The lessons before it keep their numbers.
	for i, v := range rep.Verdicts[:len(rep.Verdicts)-1] {
		if v.Lesson != i+1 {
			t.Errorf("verdict %d numbered %d", i+1, v.Lesson)
		}
	}
}

// Every entry of the table is complete: a claim of its own, the families
// it is judged on, a judge function and well-formed chart patterns.
func TestLessonTable(t *testing.T) {
	var claims []string
	for i, l := range lessonTable() {
		if l.Claim == "" || l.On == nil || l.Judge == nil || len(l.Chart) == 0 {
			t.Errorf("lesson %d is incomplete: %+v", i+1, l)
		}
		if slices.Contains(claims, l.Claim) {
			t.Errorf("lesson %d repeats the claim %q", i+1, l.Claim)
		}
		claims = append(claims, l.Claim)
		for _, p := range l.Chart {
			if _, err := path.Match(p, ""); err != nil {
				t.Errorf("lesson %d: chart pattern %q: %v", i+1, p, err)
			}
		}
	}
}

// A lesson's number is its place in the table whichever lessons a run
// has: a run of the flood alone numbers the flood's claims as a full run
// does.
func TestLessonNumbersStable(t *testing.T) {
	run := floodRun(t, map[string][2]float64{
		"strategy=spawn":             {100e6, 50e6},
		"strategy=pool/workers=1000": {60e6, 4e6},
	})
	vs := run.Verdicts(run.Derive())
	table := lessonTable()
	if len(vs) != 2 {
		t.Fatalf("%d verdicts, want the 2 flood claims", len(vs))
	}
	for _, v := range vs {
		if v.Lesson < 1 || v.Lesson > len(table) || table[v.Lesson-1].Claim != v.Claim {
			t.Errorf("verdict %d %q is not lesson %d of the table", v.Lesson, v.Claim, v.Lesson)
		}
		if got := verdictChart(v, []Chart{{Name: "time-flood-x"}, {Name: FloodChart}}); got != FloodChart {
			t.Errorf("verdict %d links %q, want %s", v.Lesson, got, FloodChart)
		}
	}
}
