package plots

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/concbench/concbench/plots/document"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/runfile"
)

// exampleRun is the example run checked into the repository.
const exampleRun = "../results/example"

// example is results/example's report, built once for the tests that
// only read it: a build draws every chart, which takes seconds under the
// race detector.
var example struct {
	once sync.Once
	rep  *Report
	err  error
}

// exampleReport returns the report of exampleRun, built on first use. The
// tests must not change it.
func exampleReport(t *testing.T) *Report {
	t.Helper()
	example.once.Do(func() { example.rep, example.err = Build(exampleRun) })
	if example.err != nil {
		t.Fatalf("building %s: %v", exampleRun, example.err)
	}
	return example.rep
}

// The example report answers first: every workload's answer within its
// first 40 lines, at most 10 images before the appendix, a glossary
// entry for every term it uses, no fenced block longer than 20 lines, the
// dependency versions and the benchstat tables linked, not pasted.
func TestExampleReportAnswersFirst(t *testing.T) {
	rep := exampleReport(t)
	text := string(rep.Markdown())
	checkAnswerFirst(t, text)
	lines := strings.Split(text, "\n")
	for _, c := range rep.Choices {
		row := "| " + document.Escape(rundir.WorkKind(c.Fastest)) + " | " + document.Escape(rundir.Label(c.Fastest)) + " |"
		if i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, row) }); i < 0 || i >= 40 {
			t.Errorf("the answer for %s is at line %d, want within the first 40", rundir.Label(c.Fastest), i+1)
		}
	}
	appendix := strings.Index(text, "\n## Appendix\n")
	if n := strings.Count(text[:max(appendix, 0)], "\n!["); appendix < 0 || n > 10 {
		t.Errorf("%d images before the appendix (at %d), want at most 10", n, appendix)
	}
	for _, term := range []string{"round", "paired", "probe", "ceiling", "seed lesson", "gil model", "A/A control", "steal", "flood", "work per task", "efficiency", "noisy"} {
		if strings.Contains(strings.ToLower(text), strings.ToLower(term)) && !strings.Contains(text, "- **"+term+"**: ") {
			t.Errorf("REPORT.md uses %q but its glossary does not define it", term)
		}
	}
	if strings.Contains(text, "baseline for") {
		t.Errorf("REPORT.md warns about a missing sequential baseline, which the suite means")
	}
	if !strings.Contains(text, "]("+runfile.DepsFile+")") || len(rep.deps()) == 0 {
		t.Errorf("the example names dependency versions, but REPORT.md does not link %s", runfile.DepsFile)
	}
}

// checkAnswerFirst checks the layout of a REPORT.md of a complete run.
func checkAnswerFirst(t *testing.T, text string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	// The table is the first one after its heading, whatever its columns.
	table, section := -1, false
	for i, l := range lines {
		section = section || l == "## Which strategy for which work"
		if section && strings.HasPrefix(l, "| work |") {
			table = i + 1
			break
		}
	}
	if table < 0 || table > 15 {
		t.Errorf("recommendation table header at line %d, want within the first 15:\n%s", table, strings.Join(lines[:min(20, len(lines))], "\n"))
	}
	if !strings.HasPrefix(lines[0], "# ") || !strings.HasPrefix(lines[2], "**Machine:** ") {
		t.Errorf("report does not open with the title and the machine line:\n%s\n%s\n%s", lines[0], lines[1], lines[2])
	}
	order := []string{"## Which strategy for which work", "## Verdicts", "## How to read this report", "## Overview", "## Charts", "## Appendix", "### Machine and run"}
	last := -1
	for _, h := range order {
		i := strings.Index(text, "\n"+h+"\n")
		if i < 0 {
			t.Errorf("no section %q", h)
			continue
		}
		if i < last {
			t.Errorf("section %q out of order (want %v)", h, order)
		}
		last = i
	}
	open := -1
	for i, l := range lines {
		if !strings.HasPrefix(l, "```") {
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		if n := i - open - 1; n > 20 {
			t.Errorf("fenced block at line %d has %d lines, want at most 20", open+1, n)
		}
		open = -1
	}
	if strings.Contains(text, "| dep-") {
		t.Errorf("dependency versions in REPORT.md; they belong in %s", runfile.DepsFile)
	}
	if !strings.Contains(text, "]("+runfile.BenchstatFile+")") {
		t.Errorf("no link to %s", runfile.BenchstatFile)
	}
}
