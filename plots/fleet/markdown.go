package fleet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/concbench/concbench/plots"
	"github.com/concbench/concbench/runfile"
)

// Markdown renders FLEET.md: the warnings (runs of different commits) at
// the very top, the title and one line naming the machines, then the
// machines table, the answers side by side, the speedup against cores
// with its fits and predictions, and the verdicts side by side.
func (f *Fleet) Markdown() []byte {
	var b bytes.Buffer
	for _, w := range f.Warnings {
		fmt.Fprintf(&b, "> **Warning:** %s.\n\n", w)
	}
	n := len(f.Machines)
	fmt.Fprintf(&b, "# concbench fleet report: %d machine%s\n\n", n, plural(n))
	fmt.Fprintf(&b, "**Machines:** %s · scale %s\n\n", strings.Join(f.labels(), " · "), scaleOf(f.Machines[0]))
	if n == 1 {
		fmt.Fprintf(&b, "**One machine:** nothing to compare. The tables below give its answers and verdicts as its own report does; run `make bench` on other machines and give every run folder to `make fleet-report` to set them side by side.\n\n")
	}
	f.writeMachines(&b)
	f.writeAnswers(&b)
	f.writeScaling(&b)
	f.writeVerdicts(&b)
	return b.Bytes()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (f *Fleet) labels() []string {
	ls := make([]string, len(f.Machines))
	for i, m := range f.Machines {
		ls[i] = m.Label
	}
	return ls
}

// header writes the head of a table with one column per machine between
// the first columns and, with more than one machine, an "across machines"
// column.
func (f *Fleet) header(b *bytes.Buffer, first ...string) {
	cols := append(slices.Clone(first), f.labels()...)
	if len(f.Machines) > 1 {
		cols = append(cols, "across machines")
	}
	for i := range cols {
		cols[i] = plots.MarkdownCell(cols[i])
	}
	fmt.Fprintf(b, "| %s |\n|%s\n", strings.Join(cols, " | "), strings.Repeat("---|", len(cols)))
}

// row writes one row of a table begun by header: the first cells, one cell
// per machine, and whether the machines differ.
func (f *Fleet) row(b *bytes.Buffer, first, cells []string, differs bool) {
	all := append(slices.Clone(first), cells...)
	if len(f.Machines) > 1 {
		mark := "same"
		if differs {
			mark = "**differs**"
		}
		all = append(all, mark)
	}
	for i := range all {
		all[i] = plots.MarkdownCell(all[i])
	}
	fmt.Fprintf(b, "| %s |\n", strings.Join(all, " | "))
}

func (f *Fleet) writeMachines(b *bytes.Buffer) {
	fmt.Fprintf(b, "## Machines\n\n")
	fmt.Fprintf(b, "From each run's configuration lines; cores is numcpu lowered by a numeric cgroup CPU limit, as the report of each run counts it. Precision: how many configurations have a 95 %% interval within ±5 %%, and their sample counts.\n\n")
	fmt.Fprintf(b, "| machine | folder | cpu | numcpu | gomaxprocs | cgroup cpus | Go | kernel | date | commit | scale | precision |\n|%s\n", strings.Repeat("---|", 12))
	for _, m := range f.Machines {
		cells := []string{m.Label, m.Dir, strings.TrimSpace(m.config("cpu")), m.config("numcpu"), m.config("gomaxprocs"),
			m.config("cgroup-cpus"), m.config("go"), m.config("kernel"), m.config("date"), m.config("commit"), scaleOf(m), m.Run.RunPrecision().String()}
		for i := range cells {
			cells[i] = plots.MarkdownCell(cells[i])
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
	fmt.Fprintf(b, "\n")
}

func (f *Fleet) writeAnswers(b *bytes.Buffer) {
	if !section(b, "Which strategy for which work, per machine", len(f.Answers),
		"No machine has results to rank.",
		"Each cell is the strategy the machine's own report recommends for the workload (the simplest not significantly slower than the fastest) with its speedup over that machine's sequential [95 % CI], at the highest procs the machine ran it at (given when it is not the machine's gomaxprocs). **differs**: the machines recommend different strategies.") {
		return
	}
	f.header(b, "workload")
	for _, a := range f.Answers {
		cells := make([]string, len(a.Choices))
		for i, c := range a.Choices {
			cells[i] = answerCell(c, f.Machines[i].Run.ConfigValue(runfile.ConfigGOMAXPROCS))
		}
		f.row(b, []string{a.Workload}, cells, a.Differs)
	}
	fmt.Fprintf(b, "\n")
}

func (f *Fleet) writeVerdicts(b *bytes.Buffer) {
	if !section(b, "Verdicts per machine", len(f.Verdicts),
		"No machine has a verdict: none ran the suite's own workloads.",
		"Each seed lesson and claim as each machine's report judges it (its figures and notes are in that run's REPORT.md). **differs**: the machines reach different outcomes; \"—\": the run has no verdict of that number.") {
		return
	}
	f.header(b, "#", "claim")
	for _, v := range f.Verdicts {
		cells := make([]string, len(v.Outcomes))
		for i, o := range v.Outcomes {
			cells[i] = string(o)
			if o == "" {
				cells[i] = "—"
			}
		}
		f.row(b, []string{fmt.Sprint(v.Lesson), v.Claim}, cells, v.Differs)
	}
	fmt.Fprintf(b, "\n")
}

// section writes a section's heading, then none when it has no rows (and
// reports false: nothing more to write) or its introduction.
func section(b *bytes.Buffer, title string, rows int, none, intro string) bool {
	fmt.Fprintf(b, "## %s\n\n", title)
	if rows == 0 {
		fmt.Fprintf(b, "%s\n\n", none)
		return false
	}
	fmt.Fprintf(b, "%s\n\n", intro)
	return true
}
