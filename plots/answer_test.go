package plots

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// TestAnswerFitsAScreen renders the answer of results/example and holds it to a screen: at most 40 lines, each at
// most AnswerWidth characters, with the precision line first, one line
// per answer row and per verdict, and a last line naming REPORT.md and
// index.html.
func TestAnswerFitsAScreen(t *testing.T) {
	rep := exampleReport(t)
	var b strings.Builder
	if err := rep.WriteAnswer(&b); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) > 40 {
		t.Errorf("answer has %d lines, want at most 40:\n%s", len(lines), text)
	}
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > AnswerWidth {
			t.Errorf("line %d has %d characters, want at most %d: %s", i+1, n, AnswerWidth, l)
		}
	}
	if !strings.Contains(text, "\nPrecision: ") || !strings.Contains(text, " within ±5 %") || !strings.Contains(text, "median ") {
		t.Errorf("answer lacks the precision line:\n%s", text)
	}
	if len(rep.Choices) == 0 || len(rep.Verdicts) == 0 {
		t.Fatalf("results/example has %d answer rows and %d verdicts", len(rep.Choices), len(rep.Verdicts))
	}
	for _, c := range rep.Choices {
		if n := countPrefix(lines, "  "+rundir.Label(c.Fastest)+": "); n != 1 {
			t.Errorf("%d lines for %s, want 1", n, rundir.Label(c.Fastest))
		}
	}
	for _, v := range rep.Verdicts {
		if n := countPrefix(lines, verdictLine(v)[:17]); n != 1 {
			t.Errorf("%d lines for lesson %d, want 1", n, v.Lesson)
		}
	}
	last := lines[len(lines)-1]
	if !strings.Contains(last, runfile.ReportFile) || !strings.Contains(last, runfile.HTMLFile) {
		t.Errorf("last line %q does not point to %s and %s", last, runfile.ReportFile, runfile.HTMLFile)
	}
}

// countPrefix counts the lines that begin with prefix.
func countPrefix(lines []string, prefix string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

// TestAnswerLineCuts shows that a workload line with long lists is cut to
// AnswerWidth: the as good list first, keeping the count and the slowest
// strategy to avoid, and, when that is still too long, the count alone.
func TestAnswerLineCuts(t *testing.T) {
	row := func(strategy string, workers int) *rundir.Row {
		return &rundir.Row{Bench: &rundir.Benchmark{Family: "Flood"}, Workload: "flood d=1ms", Procs: 2, Strategy: strategy, Workers: workers}
	}
	fastest := row("pool", 1000)
	fastest.Speedup = stat.Estimate{V: 3, Lo: 2.9, Hi: 3.1}
	c := answer.Choice{Workload: fastest.Workload, Procs: 2, Fastest: fastest,
		Recommended: &answer.Ranked{Row: fastest, Ratio: stat.Estimate{V: 1, Lo: 1, Hi: 1}}}
	for i := range 12 {
		c.AsGood = append(c.AsGood, answer.Ranked{Row: row("pond", 1000+i), Ratio: stat.Estimate{V: 1.01, Lo: 1, Hi: 1.05}})
		c.Avoid = append(c.Avoid, answer.Ranked{Row: row("semaphore", 1000+i), Ratio: stat.Estimate{V: 2 + float64(i), Lo: 1.9 + float64(i), Hi: 2.1 + float64(i)}, P: 0.001})
	}
	for _, tc := range []struct {
		workload string
		want     string
	}{
		{"flood d=1ms", "  flood d=1ms procs=2: use pool workers=1000, speedup 3.00 [2.90, 3.10]; avoid 12: semaphore workers=1011 13.0×, … +11"},
		{"flood d=1ms tasks=20000 size=64KiB", "  flood d=1ms tasks=20000 size=64KiB procs=2: use pool workers=1000, speedup 3.00 [2.90, 3.10]; avoid 12"},
	} {
		fastest.Workload = tc.workload
		l := answerLine(c, true)
		if n := utf8.RuneCountInString(l); n > AnswerWidth {
			t.Errorf("line has %d characters, want at most %d: %s", n, AnswerWidth, l)
		}
		if l != tc.want {
			t.Errorf("answerLine =\n%s\nwant\n%s", l, tc.want)
		}
	}
}

// TestVerdictLine shows a verdict's line with as much of its figure as
// fits, and without it when its first part does not fit.
func TestVerdictLine(t *testing.T) {
	figure := func(parts ...string) []judge.Part {
		var ps []judge.Part
		for _, p := range parts {
			ps = append(ps, judge.Part{Outcome: stat.Pass, Figure: judge.Phrase{{Text: p}}})
		}
		return ps
	}
	v := judge.Verdict{Lesson: 3, Outcome: stat.Pass, Claim: "Short claim: the rest.", Parts: figure("a 1.00 [0.99, 1.01]", "b 2.00 [1.9, 2.1]")}
	if got, want := verdictLine(v), "   3 PASS         Short claim — a 1.00 [0.99, 1.01]; b 2.00 [1.9, 2.1]"; got != want {
		t.Errorf("verdictLine = %q, want %q", got, want)
	}
	v.Parts = figure(strings.Repeat("x", AnswerWidth), "b")
	if got, want := verdictLine(v), "   3 PASS         Short claim"; got != want {
		t.Errorf("verdictLine = %q, want %q", got, want)
	}
	v.Parts = figure("a 1", strings.Repeat("x", AnswerWidth))
	if got, want := verdictLine(v), "   3 PASS         Short claim — a 1; …"; got != want {
		t.Errorf("verdictLine = %q, want %q", got, want)
	}
}
